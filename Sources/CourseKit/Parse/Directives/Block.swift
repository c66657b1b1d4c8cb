/// What a directive's fence becomes: a typed value that Render turns into HTML in the fence's
/// place. The Markdown values inside the fence are already compiled, each at its own place in
/// the file, so rendering a block never goes back to the Markdown compiler.
public enum Block: Sendable {
    case question(QuestionBlock)
    case scenario(ScenarioBlock)
}

/// A `quiz` fence: its question, and its explanation as an HTML fragment ("" when it has none).
public struct QuestionBlock: Sendable {
    public var question: Question
    public var explanationHTML: String

    public init(question: Question, explanationHTML: String) {
        self.question = question
        self.explanationHTML = explanationHTML
    }
}

/// A `scenario` fence: its scenario, and its setting and each step's debrief as HTML fragments.
public struct ScenarioBlock: Sendable {
    public var scenario: Scenario
    /// "" when the scenario has no setting.
    public var settingHTML: String
    /// One per step of `scenario.steps`, in the same order; "" where a step has no debrief.
    public var debriefHTML: [String]

    public init(scenario: Scenario, settingHTML: String, debriefHTML: [String]) {
        self.scenario = scenario
        self.settingHTML = settingHTML
        self.debriefHTML = debriefHTML
    }
}
