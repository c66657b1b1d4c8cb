/// One question of a module's quiz, as written in a `quiz` fence.
public struct Question: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case single, multiple, truefalse, order, match
    }

    public struct Choice: Sendable {
        public var text: String
        public var correct: Bool
        public var feedback: String
        /// Shown last, never shuffled: for "None of these".
        public var fixed: Bool = false
        /// Where the choice's text was written; nil for a choice made in code.
        public var location: SourceLocation? = nil
    }

    public var id: String
    public var kind: Kind
    /// The prompt, or for `truefalse` the statement.
    public var prompt: String
    public var choices: [Choice] = []
    /// `truefalse`: the right answer.
    public var answer: Bool?
    /// `order`: the items in their correct order.
    public var items: [String] = []
    /// `match`: pairs of left and right, each right belonging to its left.
    public var pairs: [(left: String, right: String)] = []
    public var explanation: String = ""
    /// False keeps the choices in the order written; true shows them in an order drawn for
    /// each learner (and, for readers without JavaScript, one drawn from the question's id).
    public var shuffle: Bool = true
    /// Where the question's `id` is written (the fence's body when it has none), for
    /// course-wide checks such as duplicate ids.
    public var location: SourceLocation
    /// Where the prompt (or statement) was written; nil for a question made in code.
    public var promptLocation: SourceLocation? = nil
    /// Item-writing rules the trainer silenced for this question (`lint: {ignore: [...]}`).
    public var ignoredRules: Set<ItemRule> = []
}

/// A branching role-play, as written in a `scenario` fence.
public struct Scenario: Sendable {
    public enum Ending: String, CaseIterable, Sendable { case good, mixed, poor }

    public struct Option: Sendable {
        public var reply: String
        public var next: Located<String>
        public var points: Int
        public var feedback: String
    }

    public struct Step: Sendable {
        public var name: String
        public var customer: String
        public var options: [Option]
        public var ending: Ending?
        public var debrief: String
        public var location: SourceLocation
    }

    public var id: String
    public var title: String
    public var setting: String
    public var start: Located<String>
    /// Steps in the order they were written.
    public var steps: [Step]
    public var location: SourceLocation
}
