/// The problems of the practice fences, quiz and scenario, one case a line (the wording test
/// reads them from here). Their wording is in `Wording+Practice.swift`.

/// A problem of a `quiz` fence's question.
public enum QuizProblem: Problem, Hashable {
    case unknownType(String, suggestion: String?, known: [String])
    case badID(String)
    case trueFalseNeedsAnswer
    case orderNeedsTwoItems
    case needsChoices(Question.Kind)
    case choiceNotAMapping
    case tooFewChoices(Question.Kind)
    case noCorrectChoice
    case singleWithManyCorrect(count: Int)
    case needsPairs
    case pairNotTwoTexts
    case leftSideTwice(String)
    case rightSideTwice(String)
    case tooFewPairs
}

/// A problem of a `scenario` fence: its steps, their options and the paths between them.
public enum ScenarioProblem: Problem, Hashable {
    case missingStart
    case needsSteps
    case undefinedStep(String, suggestion: String?)
    case unreachable(step: String, start: String)
    case noWayToAnEnding(step: String)
    case stepNotAMapping
    case unknownEnding(String)
    case stepGoesNowhere(String)
    case optionNotAMapping
    case optionMissingNext
}
