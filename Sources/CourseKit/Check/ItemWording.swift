/// Every message of the item-writing check, in one place: each finding's one-line reason and
/// the course-wide summary lines.
enum ItemWording {
    static func longestCorrect(_ id: String, correct: Int, longestWrong: Int) -> String {
        "question '\(id)': the correct choice is clearly the longest (\(correct) characters, the longest wrong one \(longestWrong)): "
            + "learners pick it without knowing why; make the choices alike in length"
    }

    static func longestCorrectChoices(_ id: String, shortestCorrect: Int, longestWrong: Int) -> String {
        "question '\(id)': every correct choice is clearly longer than every wrong one (shortest correct \(shortestCorrect) characters, "
            + "longest wrong \(longestWrong)): length gives the answer away; make the choices alike in length"
    }

    static func absoluteInWrongChoice(_ id: String, word: String) -> String {
        "question '\(id)': a wrong choice says '\(word)', and in this module only wrong choices use absolute words: "
            + "learners learn to rule them out unread; hedge this one, or let a correct choice be absolute too"
    }

    static func absoluteInFalseStatement(_ id: String, word: String) -> String {
        "question '\(id)': a false statement says '\(word)', and in this module only false statements use absolute words: "
            + "learners learn that 'absolute means false'; reword it, or write a true statement that is absolute too"
    }

    static func ofTheAbove(_ id: String, phrase: String) -> String {
        "question '\(id)': a choice reads '\(phrase)': it rewards ruling choices out (or spotting two right ones) "
            + "rather than knowing; write a choice that stands on its own"
    }

    static func tooFewChoices(_ id: String, count: Int) -> String {
        "question '\(id)': a single-choice question with \(count) choice\(count == 1 ? "" : "s"): a guess is right "
            + "\(count < 2 ? "every time" : "half the time"); add plausible wrong choices (\(ItemRules.minimumSingleChoices) in all)"
    }

    static func missingFeedback(_ id: String) -> String {
        "question '\(id)': a wrong choice has no feedback: say why it is wrong, so a learner who picks it learns something"
    }

    static func nearDuplicate(_ id: String, of first: String, at location: SourceLocation, overlap: Double) -> String {
        "question '\(id)': its prompt nearly repeats question '\(first)' at \(location) (\(percent(overlap)) of their content words shared): "
            + "ask something new, or keep one of them"
    }

    static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }
}

/// The summary lines.
extension ItemWording {
    static func longestSummary(observed: Int, of total: Int, expected: Double, probability: Double) -> String {
        let beyondChance = Double(observed) > expected ? ", and \(observed) or more \(chanceOf(probability))" : ""
        return "item summary: longest: the correct choice is the longest choice in \(observed) of \(total) single-choice questions "
            + "(\(percent(Double(observed) / Double(total)))); chance alone would give about \(decimal(expected)) "
            + "(\(percent(expected / Double(total))))\(beyondChance)"
    }

    static func positionSummary(observed: [Int], expected: [Double], of total: Int) -> String {
        let counts = observed.enumerated().map { "\(ordinal($0.offset + 1)) in \($0.element)" }
        return "item summary: position: the correct choice is written \(counts.joined(separator: ", ")) of \(total) single-choice questions; "
            + "chance alone would give about \(expected.map(decimal).joined(separator: ", "))"
    }

    static func trueFalseSummary(trues: Int, of total: Int, probability: Double) -> String {
        let uneven = 2 * trues != total ? ", and a split at least this uneven \(chanceOf(probability))" : ""
        return "item summary: true/false: \(trues) of \(total) statements are true and \(total - trues) false; chance alone would give about "
            + "\(decimal(Double(total) / 2)) each\(uneven)"
    }

    /// "with a probability of 4%", "with a probability under 0.1%".
    static func chanceOf(_ probability: Double) -> String {
        if probability < 0.001 { return "with a probability under 0.1%" }
        if probability < 0.01 { return "with a probability under 1%" }
        return "with a probability of \(percent(probability))"
    }

    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    static func ordinal(_ n: Int) -> String {
        let suffix = (n % 100 / 10 == 1) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}
