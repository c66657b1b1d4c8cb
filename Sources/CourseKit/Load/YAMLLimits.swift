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
        let found = LibYAML.reading(text) { parser -> YAMLRefusal? in
            var depth = 0
            while let event = parser.next() {
                if let refused = refusal(of: event, depth: depth) { return refused }
                switch event.kind {
                case .sequenceStart, .mappingStart: depth += 1
                case .sequenceEnd, .mappingEnd: depth -= 1
                case .streamEnd: return nil
                default: break
                }
            }
            return nil
        }
        if let refused = found ?? nil { throw refused }
    }

    /// Why `event`, inside `depth` lists and mappings, is refused; nil when it is within limits.
    static func refusal(of event: YAMLEvent, depth: Int) -> YAMLRefusal? {
        func refuse(_ reason: YAMLProblem) -> YAMLRefusal { YAMLRefusal(reason: reason, line: event.line, column: event.column) }
        switch event.kind {
        case .alias(let name):
            return refuse(.alias(name))
        case .scalar(_, let bytes, let anchor):
            if let anchor { return refuse(.anchor(anchor)) }
            return bytes > scalarBytes ? refuse(.longValue(bytes: bytes, limit: scalarBytes)) : nil
        case .sequenceStart(let anchor), .mappingStart(let anchor):
            if let anchor { return refuse(.anchor(anchor)) }
            return depth >= Self.depth ? refuse(.tooDeep(limit: Self.depth)) : nil
        default:
            return nil
        }
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
