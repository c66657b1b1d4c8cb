/// What a course file's YAML may hold. Anchors and aliases are refused outright: a few lines of
/// aliases can name billions of values. The two limits are far above what any course needs and
/// far below what would strain a build; the trainer's guide in README.md lists them.
enum YAMLLimits {
    /// The deepest nesting of lists and mappings, the outermost counted as 1.
    static let depth = 32
    /// The most bytes (of UTF-8) in a single value.
    static let scalarBytes = 65_536

    /// Why `event`, inside `depth` lists and mappings, is refused; nil when it is within limits.
    static func refusal(of event: YAMLEvent, depth: Int) -> YAMLReadError? {
        func refuse(_ reason: YAMLProblem) -> YAMLReadError { .refused(reason, line: event.line, column: event.column) }
        switch event.kind {
        case .alias(let name):
            return refuse(.alias(name))
        case .scalar(_, let bytes, let anchor, _):
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
