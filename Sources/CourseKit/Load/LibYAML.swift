// libyaml, the YAML reference parser in C. This is the only file that calls it: the rest of the
// code reads its events as Swift values.
import CLibYAML

/// One of libyaml's events, with the line and column (from 1, in the snippet) where it starts.
struct YAMLEvent {
    enum Kind {
        case streamStart, streamEnd, documentStart, documentEnd
        /// A value's text, and its length in bytes of UTF-8.
        case scalar(String, bytes: Int, anchor: String?, tag: YAMLTag)
        case sequenceStart(anchor: String?), sequenceEnd
        case mappingStart(anchor: String?), mappingEnd
        case alias(String)
    }

    var kind: Kind
    var line: Int
    var column: Int
}

/// A value's tag as written: none (or `!`, `!!str`, or quotes) reads as plain text; only an
/// explicit other tag (`!!int`, `!custom`) makes two equal texts different keys.
enum YAMLTag: Hashable {
    case plain
    case explicit(String)
}

/// libyaml's parser reading one snippet, event by event.
struct LibYAML: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>

    /// Runs `body` with a parser reading `text`; nil when the snippet is empty. The parser lives
    /// on the heap, because libyaml keeps a pointer to it inside it.
    static func reading<Result>(_ text: String, _ body: (borrowing LibYAML) throws(YAMLReadError) -> Result) throws(YAMLReadError) -> Result? {
        var text = text
        // `withUTF8` rethrows untyped errors, so the outcome leaves it as a value.
        let outcome = text.withUTF8 { bytes -> Swift.Result<Result?, YAMLReadError> in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return .success(nil) }
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return .failure(outOfMemory) }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, start, bytes.count)
            do throws(YAMLReadError) {
                return .success(try body(LibYAML(parser: parser)))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// libyaml's one error without words of its own.
    private static let outOfMemory = YAMLReadError.syntax("Memory error", line: nil, column: nil)

    private init(parser: UnsafeMutablePointer<yaml_parser_t>) {
        self.parser = parser
    }

    /// The next event, or why the snippet cannot be read past here.
    func next() throws(YAMLReadError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw syntaxError() }
        defer { yaml_event_delete(&event) }
        return YAMLEvent(kind: Self.kind(of: event), line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    }

    private static func kind(of event: yaml_event_t) -> YAMLEvent.Kind {
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let tag = scalar.quoted_implicit == 1 ? .plain : tag(scalar.tag)
            return .scalar(text, bytes: scalar.length, anchor: name(scalar.anchor), tag: tag)
        case YAML_SEQUENCE_START_EVENT: return .sequenceStart(anchor: name(event.data.sequence_start.anchor))
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT: return .mappingStart(anchor: name(event.data.mapping_start.anchor))
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        case YAML_ALIAS_EVENT: return .alias(name(event.data.alias.anchor) ?? "")
        // YAML_STREAM_END_EVENT; libyaml makes no YAML_NO_EVENT when it succeeds.
        default: return .streamEnd
        }
    }

    /// What libyaml says went wrong: the problem, then what it was reading, at the problem's
    /// place; a reading or memory error has no place.
    private func syntaxError() -> YAMLReadError {
        let state = parser.pointee
        guard let problem = state.problem.map({ String(cString: $0) }) else { return Self.outOfMemory }
        switch state.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let detail = state.context.map { "\(problem) \(String(cString: $0))" } ?? problem
            return .syntax(detail, line: Int(state.problem_mark.line) + 1, column: Int(state.problem_mark.column) + 1)
        default:
            return .syntax(problem, line: nil, column: nil)
        }
    }

    /// A text's tag.
    private static func tag(_ text: UnsafeMutablePointer<yaml_char_t>?) -> YAMLTag {
        guard let name = name(text), name != "!", name != "tag:yaml.org,2002:str" else { return .plain }
        return .explicit(name)
    }

    private static func name(_ text: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        text.map { String(cString: $0) }
    }
}
