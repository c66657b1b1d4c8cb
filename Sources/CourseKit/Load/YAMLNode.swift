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
    static func compose(_ text: String) throws -> YAMLNode? {
        if let composed = EventReader.compose(text) { return composed.root }
        return try composeWithYams(text)
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

/// libyaml's events for one snippet, turned into `YAMLNode`s; nil for whatever Yams should read.
private struct EventReader {
    struct Composed {
        var root: YAMLNode?
    }

    /// On the heap, because libyaml keeps a pointer to the parser inside the parser.
    private let parser: UnsafeMutablePointer<yaml_parser_t>

    static func compose(_ text: String) -> Composed? {
        var text = text
        return text.withUTF8 { bytes in
            // libyaml wants a buffer; an empty snippet has no document.
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return Composed(root: nil) }
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, start, bytes.count)
            return EventReader(parser: parser).stream()
        }
    }

    /// STREAM-START, at most one document, STREAM-END.
    private func stream() -> Composed? {
        guard next(expecting: YAML_STREAM_START_EVENT) != nil else { return nil }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return Composed(root: nil)
        case YAML_DOCUMENT_START_EVENT:
            guard let root = node(), next(expecting: YAML_DOCUMENT_END_EVENT) != nil,
                  next(expecting: YAML_STREAM_END_EVENT) != nil else { return nil }
            return Composed(root: root)
        default:
            return nil
        }
    }

    /// The next event, when it is of `type`.
    private func next(expecting type: yaml_event_type_t) -> Void? {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        return event.type == type ? () : nil
    }

    /// The node whose first event comes next, read to its end.
    private func node() -> YAMLNode? {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        return node(startingWith: event)
    }

    private func node(startingWith event: yaml_event_t) -> YAMLNode? {
        let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            return YAMLNode(value: .scalar(text), line: line, column: column)
        case YAML_SEQUENCE_START_EVENT:
            var items: [YAMLNode] = []
            while true {
                var item = yaml_event_t()
                guard yaml_parser_parse(parser, &item) == 1 else { return nil }
                defer { yaml_event_delete(&item) }
                if item.type == YAML_SEQUENCE_END_EVENT { break }
                guard let node = node(startingWith: item) else { return nil }
                items.append(node)
            }
            return YAMLNode(value: .sequence(items), line: line, column: column)
        case YAML_MAPPING_START_EVENT:
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var keys = Set<String>()
            while true {
                var keyEvent = yaml_event_t()
                guard yaml_parser_parse(parser, &keyEvent) == 1 else { return nil }
                defer { yaml_event_delete(&keyEvent) }
                if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                // Only text keys, each once: Yams reports a repeated key, and compares others whole.
                guard keyEvent.type == YAML_SCALAR_EVENT, let key = node(startingWith: keyEvent),
                      let name = key.string, keys.insert(name).inserted,
                      let value = node() else { return nil }
                pairs.append((key, value))
            }
            return YAMLNode(value: .mapping(pairs), line: line, column: column)
        default:
            // An alias (Yams resolves it) or an event out of place.
            return nil
        }
    }
}
