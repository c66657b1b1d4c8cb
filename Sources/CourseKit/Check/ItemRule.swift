/// An item-writing rule of `meridian check`: a way a question can give its answer away or
/// teach less than it could. The raw value is the rule's stable name, shown in every message
/// (`[longest-correct]`) and written in `lint: {ignore: [...]}` to silence it for one question.
public enum ItemRule: String, CaseIterable, Comparable, Sendable {
    case longestCorrect = "longest-correct"
    case absoluteWords = "absolute-words"
    case ofTheAbove = "of-the-above"
    case tooFewChoices = "too-few-choices"
    case missingFeedback = "missing-feedback"
    case nearDuplicate = "near-duplicate"

    public static func < (a: ItemRule, b: ItemRule) -> Bool { a.rawValue < b.rawValue }

    /// Every rule's name, in the order the trainer's guide lists them.
    static var names: [String] { allCases.map(\.rawValue) }
}
