/// The wording of the practice fences' problems: a quiz's question, a scenario's steps.

extension QuizProblem {
    public var message: String {
        switch self {
        case let .unknownType(name, suggestion, known):
            "unknown question type '\(name)'\(Suggestion.hint(suggestion)); use one of \(known.joined(separator: ", "))"
        case .badID(let id): "question id '\(id)' may use only a-z, 0-9 and '-'"
        case .trueFalseNeedsAnswer: "a truefalse question needs 'answer: true' or 'answer: false'"
        case .orderNeedsTwoItems: "an order question needs at least two items"
        case .needsChoices(let kind): "a \(kind.rawValue) question needs a list of 'choices'"
        case .choiceNotAMapping: "each choice needs 'text:' (and 'correct: true' on the right one)"
        case .tooFewChoices(let kind): "a \(kind.rawValue) question needs at least two choices"
        case .noCorrectChoice: "no choice is marked 'correct: true'"
        case .singleWithManyCorrect(let count):
            "a single-choice question has exactly one correct choice, not \(count) (use type: multiple)"
        case .needsPairs: "a match question needs 'pairs:', a list of [left, right]"
        case .pairNotTwoTexts: "each pair is a list of two texts: [left, right]"
        case .leftSideTwice(let left): "left side '\(left)' appears twice"
        case .rightSideTwice(let right): "right side '\(right)' appears twice"
        case .tooFewPairs: "a match question needs at least two pairs"
        }
    }
}

extension ScenarioProblem {
    public var message: String {
        switch self {
        case .missingStart: "the scenario is missing 'start', the name of its first step"
        case .needsSteps: "the scenario needs 'steps:', a mapping of step names to steps"
        case let .undefinedStep(name, suggestion): "step '\(name)' is not defined\(Suggestion.hint(suggestion))"
        case let .unreachable(step, start): "step '\(step)' is never reached: no path from '\(start)' leads to it"
        case .noWayToAnEnding(let step): "no path from step '\(step)' reaches an ending: its replies only loop back"
        case .stepNotAMapping: "each step is a mapping with 'customer' and 'options', or 'ending' and 'debrief'"
        case .unknownEnding(let name): "ending must be good, mixed or poor, not '\(name)'"
        case .stepGoesNowhere(let name): "step '\(name)' has neither options nor an ending"
        case .optionNotAMapping: "each option needs 'reply' and 'next'"
        case .optionMissingNext: "the option is missing 'next', the step it leads to"
        }
    }
}
