/// The item-writing rules that look at one question at a time, with their margins.
enum ItemRules {
    /// A correct choice is "clearly the longest" when it is longer than every wrong choice by
    /// at least a quarter of that wrong choice's length *and* by at least 10 characters: the
    /// quarter is a difference a reader sees at a glance, and the 10 characters (two words)
    /// keep short choices such as "Yes" and "Not yet" from being flagged for a word.
    static let longerByFraction = (numerator: 1, denominator: 4)
    static let longerByCharacters = 10
    /// A single-choice question needs this many choices, so that a guess is right at most a third of the time.
    static let minimumSingleChoices = 3

    /// Every finding of the per-question rules for `question`.
    static func findings(for question: Question) -> [ItemFinding] {
        guard question.hasChoices else { return [] }
        return longestCorrect(question) + ofTheAbove(question) + tooFewChoices(question) + missingFeedback(question)
    }

    /// The length the learner sees: characters, without surrounding spaces.
    static func length(_ text: String) -> Int {
        var trimmed = Substring(text)
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        return trimmed.count
    }

    /// True when a text of `long` characters is clearly longer than one of `short`.
    static func isClearlyLonger(_ long: Int, than short: Int) -> Bool {
        long - short >= longerByCharacters
            && (long - short) * longerByFraction.denominator >= short * longerByFraction.numerator
    }

    static func longestCorrect(_ question: Question) -> [ItemFinding] {
        let lengths = question.choices.map { (choice: $0, length: length($0.text)) }
        guard let shortest = lengths.filter(\.choice.correct).min(by: { $0.length < $1.length }),
              let longestWrong = lengths.filter({ !$0.choice.correct }).map(\.length).max(),
              isClearlyLonger(shortest.length, than: longestWrong)
        else { return [] }
        let problem: ItemProblem = question.choices.filter(\.correct).count == 1
            ? .longestCorrect(question: question.id, correct: shortest.length, longestWrong: longestWrong)
            : .longestCorrectChoices(question: question.id, shortestCorrect: shortest.length, longestWrong: longestWrong)
        return [ItemFinding(rule: .longestCorrect, questionID: question.id, location: question.location(of: shortest.choice), problem: problem)]
    }

    static func ofTheAbove(_ question: Question) -> [ItemFinding] {
        question.choices.compactMap { choice in
            WordList.ofTheAbove.firstMatch(in: choice.text).map {
                ItemFinding(rule: .ofTheAbove, questionID: question.id, location: question.location(of: choice), problem: .ofTheAbove(question: question.id, phrase: $0))
            }
        }
    }

    static func tooFewChoices(_ question: Question) -> [ItemFinding] {
        guard question.kind == .single, question.choices.count < minimumSingleChoices else { return [] }
        return [ItemFinding(rule: .tooFewChoices, questionID: question.id, location: question.promptOrIDLocation,
                            problem: .tooFewChoices(question: question.id, count: question.choices.count, minimum: minimumSingleChoices))]
    }

    static func missingFeedback(_ question: Question) -> [ItemFinding] {
        question.choices.filter { !$0.correct && length($0.feedback) == 0 }.map {
            ItemFinding(rule: .missingFeedback, questionID: question.id, location: question.location(of: $0), problem: .missingFeedback(question: question.id))
        }
    }
}
