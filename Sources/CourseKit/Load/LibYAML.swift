// libyaml, the parser inside Yams. This is the only file that calls it: the rest of the code
// reads its events as Swift values.
import CYaml

/// One of libyaml's events, with the line and column (from 1, in the snippet) where it starts.
struct YAMLEvent {
    enum Kind {
        case streamStart, streamEnd, documentStart, documentEnd
        /// A value's text, and its length in bytes of UTF-8.
        case scalar(String, bytes: Int, anchor: String?)
        case sequenceStart(anchor: String?), sequenceEnd
        case mappingStart(anchor: String?), mappingEnd
        case alias(String)
    }

    var kind: Kind
    var line: Int
    var column: Int
}

/// libyaml's parser reading one snippet, event by event.
struct LibYAML: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>

    /// Runs `body` with a parser reading `text`; nil when the snippet is empty or libyaml cannot
    /// start. The parser lives on the heap, because libyaml keeps a pointer to it inside it.
    static func reading<Result>(_ text: String, _ body: (borrowing LibYAML) -> Result) -> Result? {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return nil }
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, start, bytes.count)
            return body(LibYAML(parser: parser))
        }
    }

    private init(parser: UnsafeMutablePointer<yaml_parser_t>) {
        self.parser = parser
    }

    /// The next event; nil at a syntax error (which Yams reports with its own message).
    func next() -> YAMLEvent? {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        guard let kind = Self.kind(of: event) else { return nil }
        return YAMLEvent(kind: kind, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    }

    private static func kind(of event: yaml_event_t) -> YAMLEvent.Kind? {
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            return .scalar(text, bytes: scalar.length, anchor: name(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT: return .sequenceStart(anchor: name(event.data.sequence_start.anchor))
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT: return .mappingStart(anchor: name(event.data.mapping_start.anchor))
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        case YAML_ALIAS_EVENT: return .alias(name(event.data.alias.anchor) ?? "")
        default: return nil
        }
    }

    private static func name(_ text: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        text.map { String(cString: $0) }
    }
}
