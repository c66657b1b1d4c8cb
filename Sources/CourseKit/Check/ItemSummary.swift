/// Course-wide counts that show cues no single question shows — where the correct choice sits,
/// how long it is, how the true/false answers split — each against what chance would give if
/// the answers were placed and written without a pattern.
struct ItemSummary {
    /// The single-choice questions, each with its number of choices and its correct choice's position (0-based).
    let singleChoice: [(choices: Int, correct: Int, isLongest: Bool)]
    /// The true/false answers.
    let answers: [Bool]

    init(questions: [Question]) {
        singleChoice = questions.filter { $0.kind == .single && $0.choices.count >= 2 }.compactMap { question in
            guard let correct = question.choices.firstIndex(where: \.correct) else { return nil }
            return (question.choices.count, correct, Self.isStrictlyLongest(correct, in: question.choices))
        }
        answers = questions.filter { $0.kind == .truefalse }.compactMap(\.answer)
    }

    static func isStrictlyLongest(_ index: Int, in choices: [Question.Choice]) -> Bool {
        let lengths = choices.map { ItemRules.length($0.text) }
        return lengths.indices.allSatisfy { $0 == index || lengths[$0] < lengths[index] }
    }

    /// The summary lines `meridian check` prints as notes.
    func lines() -> [ItemSummaryNote] {
        guard !singleChoice.isEmpty else { return trueFalseLines() }
        return [longestLine(), positionLine()] + trueFalseLines()
    }

    private func longestLine() -> ItemSummaryNote {
        let chances = singleChoice.map { 1 / Double($0.choices) }
        let observed = singleChoice.filter(\.isLongest).count
        return .longest(observed: observed, of: singleChoice.count, expected: chances.reduce(0, +),
                        probability: Chance.atLeast(observed, successChances: chances))
    }

    private func positionLine() -> ItemSummaryNote {
        let positions = singleChoice.map(\.choices).max() ?? 0
        let observed = (0..<positions).map { position in singleChoice.filter { $0.correct == position }.count }
        let expected = (0..<positions).map { position in
            singleChoice.filter { $0.choices > position }.map { 1 / Double($0.choices) }.reduce(0, +)
        }
        return .position(observed: observed, expected: expected, of: singleChoice.count)
    }

    private func trueFalseLines() -> [ItemSummaryNote] {
        guard !answers.isEmpty else { return [] }
        let trues = answers.filter { $0 }.count
        return [.trueFalse(trues: trues, of: answers.count, probability: Chance.splitAtLeastAsUneven(trues, of: answers.count))]
    }
}

/// Probabilities of counts under chance alone.
enum Chance {
    /// The probability that at least `count` of independent events with these chances happen.
    static func atLeast(_ count: Int, successChances: [Double]) -> Double {
        distribution(successChances).dropFirst(count).reduce(0, +)
    }

    /// The probability that fair coin tosses split at least as unevenly as `heads` of `total`.
    static func splitAtLeastAsUneven(_ heads: Int, of total: Int) -> Double {
        let distance = abs(2 * heads - total)
        let probabilities = distribution(Array(repeating: 0.5, count: total))
        return min(1, probabilities.indices.filter { abs(2 * $0 - total) >= distance }.map { probabilities[$0] }.reduce(0, +))
    }

    /// The probability of each count of events, 0 through all of them (the Poisson binomial
    /// distribution, computed exactly one event at a time).
    static func distribution(_ chances: [Double]) -> [Double] {
        var probabilities = [1.0]
        for chance in chances {
            var next = Array(repeating: 0.0, count: probabilities.count + 1)
            for (count, probability) in probabilities.enumerated() {
                next[count] += probability * (1 - chance)
                next[count + 1] += probability * chance
            }
            probabilities = next
        }
        return probabilities
    }
}
