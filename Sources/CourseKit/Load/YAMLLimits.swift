import CYaml

/// What a course file's YAML may hold. Anchors and aliases are refused outright: a few lines of
/// aliases can name billions of values. The two limits are far above what any course needs and
/// far below what would strain a build; the trainer's guide in README.md lists them.
enum YAMLLimits {
    /// The deepest nesting of lists and mappings, the outermost counted as 1.
    static let depth = 32
    /// The most bytes (of UTF-8) in a single value.
    static let scalarBytes = 65_536

    /// Throws the first thing in `text` that the limits refuse. Stops quietly at a syntax error,
    /// which Yams reports with its own message.
    static func check(_ text: String) throws(YAMLRefusal) {
        let found = LibYAML.withParser(text) { parser -> YAMLRefusal? in
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if let refused = refusal(of: event, depth: depth) { return refused }
                switch event.type {
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT: depth += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: depth -= 1
                case YAML_STREAM_END_EVENT: return nil
                default: break
                }
            }
        }
        if let refused = found ?? nil { throw refused }
    }

    /// Why `event`, inside `depth` lists and mappings, is refused; nil when it is within limits.
    static func refusal(of event: yaml_event_t, depth: Int) -> YAMLRefusal? {
        let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
        func refuse(_ reason: YAMLProblem) -> YAMLRefusal { YAMLRefusal(reason: reason, line: line, column: column) }
        switch event.type {
        case YAML_ALIAS_EVENT:
            return refuse(.alias(text(event.data.alias.anchor)))
        case YAML_SCALAR_EVENT:
            if let anchor = event.data.scalar.anchor { return refuse(.anchor(text(anchor))) }
            return event.data.scalar.length > scalarBytes ? refuse(.longValue(bytes: event.data.scalar.length, limit: scalarBytes)) : nil
        case YAML_SEQUENCE_START_EVENT:
            if let anchor = event.data.sequence_start.anchor { return refuse(.anchor(text(anchor))) }
            return depth >= Self.depth ? refuse(.tooDeep(limit: Self.depth)) : nil
        case YAML_MAPPING_START_EVENT:
            if let anchor = event.data.mapping_start.anchor { return refuse(.anchor(text(anchor))) }
            return depth >= Self.depth ? refuse(.tooDeep(limit: Self.depth)) : nil
        default:
            return nil
        }
    }

    private static func text(_ name: UnsafeMutablePointer<yaml_char_t>?) -> String {
        name.map { String(cString: $0) } ?? ""
    }
}

/// YAML that is valid but that course files may not hold, with where it starts in the snippet
/// (line and column from 1).
struct YAMLRefusal: Error, Equatable {
    var reason: YAMLProblem
    var line: Int
    var column: Int

    var message: String { reason.message }
}

/// libyaml's parser, set up for one snippet.
enum LibYAML {
    /// Runs `body` with a parser reading `text`; nil when the snippet is empty or libyaml cannot
    /// start. The parser lives on the heap, because libyaml keeps a pointer to it inside it.
    static func withParser<Result>(_ text: String, _ body: (UnsafeMutablePointer<yaml_parser_t>) -> Result) -> Result? {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return nil }
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, start, bytes.count)
            return body(parser)
        }
    }
}
