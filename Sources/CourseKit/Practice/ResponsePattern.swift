/// Responses in the xAPI 1.0.3 response-pattern form, the form learners' answers are stored
/// in. Choices, items and right sides are named by their 1-based position in the source.
public enum ResponsePattern {
    static let separator = "[,]"
    static let pairSeparator = "[.]"

    /// The parts of a response: the choices chosen, the items in order, the pairs matched.
    public static func parts(of response: String) -> [String] {
        response.components(separatedBy: separator)
    }

    /// The one correct response to a question.
    static func correct(for question: Question) -> String {
        switch question.kind {
        case .single, .multiple:
            return question.choices.indices.filter { question.choices[$0].correct }
                .map { String($0 + 1) }.joined(separator: separator)
        case .truefalse:
            return question.answer == true ? "true" : "false"
        case .order:
            return question.items.indices.map { String($0 + 1) }.joined(separator: separator)
        case .match:
            return question.pairs.indices.map { "\($0 + 1)\(pairSeparator)\($0 + 1)" }.joined(separator: separator)
        }
    }
}
