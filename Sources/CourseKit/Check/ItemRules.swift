import Foundation

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
        text.trimmingCharacters(in: .whitespacesAndNewlines).count
    }

    /// True when a text of `long` characters is clearly longer than one of `short`.
    static func isClearlyLonger(_ long: Int, than short: Int) -> Bool {
        long - short >= longerByCharacters
            && (long - short) * longerByFraction.denominator >= short * longerByFraction.numerator
    }

    static func longestCorrect(_ question: Question) -> [ItemFinding] {
        let correct = question.choices.filter(\.correct), wrong = question.choices.filter { !$0.correct }
        guard let shortest = correct.min(by: { length($0.text) < length($1.text) }),
              let longestWrong = wrong.map({ length($0.text) }).max(),
              isClearlyLonger(length(shortest.text), than: longestWrong)
        else { return [] }
        let reason = correct.count == 1
            ? ItemWording.longestCorrect(question.id, correct: length(shortest.text), longestWrong: longestWrong)
            : ItemWording.longestCorrectChoices(question.id, shortestCorrect: length(shortest.text), longestWrong: longestWrong)
        return [ItemFinding(rule: .longestCorrect, questionID: question.id, location: question.location(of: shortest), reason: reason)]
    }

    static func ofTheAbove(_ question: Question) -> [ItemFinding] {
        question.choices.compactMap { choice in
            WordList.ofTheAbove.firstMatch(in: choice.text).map {
                ItemFinding(rule: .ofTheAbove, questionID: question.id, location: question.location(of: choice), reason: ItemWording.ofTheAbove(question.id, phrase: $0))
            }
        }
    }

    static func tooFewChoices(_ question: Question) -> [ItemFinding] {
        guard question.kind == .single, question.choices.count < minimumSingleChoices else { return [] }
        return [ItemFinding(rule: .tooFewChoices, questionID: question.id, location: question.promptOrIDLocation,
                            reason: ItemWording.tooFewChoices(question.id, count: question.choices.count))]
    }

    static func missingFeedback(_ question: Question) -> [ItemFinding] {
        question.choices.filter { !$0.correct && length($0.feedback) == 0 }.map {
            ItemFinding(rule: .missingFeedback, questionID: question.id, location: question.location(of: $0), reason: ItemWording.missingFeedback(question.id))
        }
    }
}
