// libyaml, the parser inside Yams; read here event by event for the common case (see `compose`).
import CYaml
import Yams

/// A YAML value as the loaders read it: text, a list or a mapping, with the line and column
/// (from 1, in the snippet) where it starts. Tags are not kept: every scalar is read as text
/// and converted by the field that asks for it.
struct YAMLNode {
    enum Value {
        case scalar(String)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    var value: Value
    var line: Int
    var column: Int

    var string: String? {
        if case .scalar(let text) = value { text } else { nil }
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { items } else { nil }
    }

    var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = value { pairs } else { nil }
    }

    /// The snippet's single document: nil when it has none, an error (Yams' `YamlError`) when it
    /// is not valid YAML.
    ///
    /// Yams builds a tree of its own nodes for every snippet, with a tag object per node and a
    /// duplicate-key check that hashes whole nodes: for the thousands of small snippets of a
    /// large course (front matter, quizzes) that was a tenth of a build. So the common case is
    /// read straight from libyaml's events; a snippet with anything else (an alias, a repeated
    /// or non-text key, a second document, a syntax error) goes through Yams as before, which
    /// gives it exactly the meaning and the error message it always had.
    /// Anchors, aliases, and nesting or values past `YAMLLimits` are refused (`YAMLRefusal`)
    /// before anything is built from them.
    static func compose(_ text: String) throws -> YAMLNode? {
        switch EventReader.compose(text) {
        case .composed(let root): return root
        case .refused(let refusal): throw refusal
        case .unread:
            try YAMLLimits.check(text)
            return try composeWithYams(text)
        }
    }

    /// The snippet read by Yams alone.
    static func composeWithYams(_ text: String) throws -> YAMLNode? {
        try Yams.compose(yaml: text, .basic, constructor, .utf8).map(YAMLNode.init)
    }

    /// Yams' `Constructor.default` builds its tables anew on every use. Composing only records
    /// the constructor in each node's tag and never calls it, so one can serve every thread.
    nonisolated(unsafe) private static let constructor = Constructor.default

    init(value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// A Yams node, aliases already resolved by Yams.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar): value = .scalar(scalar.string)
        case .sequence(let sequence): value = .sequence(sequence.map(YAMLNode.init))
        case .mapping(let mapping): value = .mapping(mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) })
        case .alias: value = .scalar("")  // Yams resolves aliases while composing; never reached.
        }
        line = node.mark?.line ?? 1
        column = node.mark?.column ?? 1
    }
}

/// libyaml's events for one snippet, turned into `YAMLNode`s.
private struct EventReader {
    enum Outcome {
        /// The snippet's document, or nil when it has none.
        case composed(YAMLNode?)
        /// Something `YAMLLimits` refuses, met before the reader gave up.
        case refused(YAMLRefusal)
        /// What Yams should read: an alias, a repeated or non-text key, a second document, an error.
        case unread
    }

    /// Thrown to stop reading, for Yams to read the snippet.
    private struct Unread: Error {}

    let parser: UnsafeMutablePointer<yaml_parser_t>

    static func compose(_ text: String) -> Outcome {
        LibYAML.withParser(text) { parser in
            do {
                return .composed(try EventReader(parser: parser).stream())
            } catch let refusal as YAMLRefusal {
                return .refused(refusal)
            } catch {
                return .unread
            }
        } ?? (text.isEmpty ? .composed(nil) : .unread)
    }

    /// STREAM-START, at most one document, STREAM-END.
    private func stream() throws -> YAMLNode? {
        try next(expecting: YAML_STREAM_START_EVENT)
        var event = try parse()
        defer { yaml_event_delete(&event) }
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return nil
        case YAML_DOCUMENT_START_EVENT:
            let root = try node(depth: 0)
            try next(expecting: YAML_DOCUMENT_END_EVENT)
            try next(expecting: YAML_STREAM_END_EVENT)
            return root
        default:
            throw Unread()
        }
    }

    /// The next event; the caller deletes it.
    private func parse() throws -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw Unread() }
        return event
    }

    /// Reads the next event, which must be of `type`.
    private func next(expecting type: yaml_event_type_t) throws {
        var event = try parse()
        defer { yaml_event_delete(&event) }
        guard event.type == type else { throw Unread() }
    }

    /// The node whose first event comes next, read to its end, inside `depth` collections.
    private func node(depth: Int) throws -> YAMLNode {
        var event = try parse()
        defer { yaml_event_delete(&event) }
        return try node(startingWith: event, depth: depth)
    }

    private func node(startingWith event: yaml_event_t, depth: Int) throws -> YAMLNode {
        if let refusal = YAMLLimits.refusal(of: event, depth: depth) { throw refusal }
        let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            return YAMLNode(value: .scalar(text), line: line, column: column)
        case YAML_SEQUENCE_START_EVENT:
            return YAMLNode(value: .sequence(try items(depth: depth + 1)), line: line, column: column)
        case YAML_MAPPING_START_EVENT:
            return YAMLNode(value: .mapping(try pairs(depth: depth + 1)), line: line, column: column)
        default:
            // An event out of place.
            throw Unread()
        }
    }

    private func items(depth: Int) throws -> [YAMLNode] {
        var items: [YAMLNode] = []
        while true {
            var item = try parse()
            defer { yaml_event_delete(&item) }
            if item.type == YAML_SEQUENCE_END_EVENT { return items }
            items.append(try node(startingWith: item, depth: depth))
        }
    }

    private func pairs(depth: Int) throws -> [(key: YAMLNode, value: YAMLNode)] {
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var keys = Set<String>()
        while true {
            var keyEvent = try parse()
            defer { yaml_event_delete(&keyEvent) }
            if keyEvent.type == YAML_MAPPING_END_EVENT { return pairs }
            // Only text keys, each once: Yams reports a repeated key, and compares others whole.
            guard keyEvent.type == YAML_SCALAR_EVENT else { throw Unread() }
            let key = try node(startingWith: keyEvent, depth: depth)
            guard let name = key.string, keys.insert(name).inserted else { throw Unread() }
            pairs.append((key, try node(depth: depth)))
        }
    }
}
