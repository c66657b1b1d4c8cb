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

/// libyaml's events for one snippet (through `LibYAML`), turned into `YAMLNode`s.
private enum EventReader {
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

    static func compose(_ text: String) -> Outcome {
        LibYAML.reading(text) { parser in
            do {
                return .composed(try stream(parser))
            } catch let refusal as YAMLRefusal {
                return .refused(refusal)
            } catch {
                return .unread
            }
        } ?? (text.isEmpty ? .composed(nil) : .unread)
    }

    /// STREAM-START, at most one document, STREAM-END.
    private static func stream(_ parser: borrowing LibYAML) throws -> YAMLNode? {
        try next(parser, expecting: .streamStart)
        switch try parse(parser).kind {
        case .streamEnd:
            return nil
        case .documentStart:
            let root = try node(startingWith: parse(parser), depth: 0, parser)
            try next(parser, expecting: .documentEnd)
            try next(parser, expecting: .streamEnd)
            return root
        default:
            throw Unread()
        }
    }

    /// The next event.
    private static func parse(_ parser: borrowing LibYAML) throws -> YAMLEvent {
        guard let event = parser.next() else { throw Unread() }
        return event
    }

    /// Reads the next event, which must be a stream's or a document's start or end.
    private static func next(_ parser: borrowing LibYAML, expecting expected: YAMLEvent.Kind) throws {
        switch (try parse(parser).kind, expected) {
        case (.streamStart, .streamStart), (.streamEnd, .streamEnd), (.documentEnd, .documentEnd): return
        default: throw Unread()
        }
    }

    /// The node that starts with `event`, read to its end, inside `depth` collections.
    private static func node(startingWith event: YAMLEvent, depth: Int, _ parser: borrowing LibYAML) throws -> YAMLNode {
        if let refusal = YAMLLimits.refusal(of: event, depth: depth) { throw refusal }
        switch event.kind {
        case .scalar(let text, _, _):
            return YAMLNode(value: .scalar(text), line: event.line, column: event.column)
        case .sequenceStart:
            return YAMLNode(value: .sequence(try items(depth: depth + 1, parser)), line: event.line, column: event.column)
        case .mappingStart:
            return YAMLNode(value: .mapping(try pairs(depth: depth + 1, parser)), line: event.line, column: event.column)
        default:
            // An event out of place.
            throw Unread()
        }
    }

    private static func items(depth: Int, _ parser: borrowing LibYAML) throws -> [YAMLNode] {
        var items: [YAMLNode] = []
        while true {
            let item = try parse(parser)
            if case .sequenceEnd = item.kind { return items }
            items.append(try node(startingWith: item, depth: depth, parser))
        }
    }

    private static func pairs(depth: Int, _ parser: borrowing LibYAML) throws -> [(key: YAMLNode, value: YAMLNode)] {
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var keys = Set<String>()
        while true {
            let keyEvent = try parse(parser)
            if case .mappingEnd = keyEvent.kind { return pairs }
            // Only text keys, each once: Yams reports a repeated key, and compares others whole.
            guard case .scalar = keyEvent.kind else { throw Unread() }
            let key = try node(startingWith: keyEvent, depth: depth, parser)
            guard let name = key.string, keys.insert(name).inserted else { throw Unread() }
            pairs.append((key, try node(startingWith: parse(parser), depth: depth, parser)))
        }
    }
}
