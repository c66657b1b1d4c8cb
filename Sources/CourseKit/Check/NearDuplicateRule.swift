/// The course-wide rule on repeated questions. Two prompts are near-duplicates when their sets
/// of content words (lower case, punctuation and `WordList.function` words dropped) overlap by
/// at least 80 % — the Jaccard similarity, shared words ÷ all words of either. Sets rather than
/// an edit distance, because a repeated question is usually the same words reordered or
/// rephrased in its small words ("Which of these are signs that a chatbot should hand the
/// customer to a person?" / "Which signs should make a chatbot hand the customer to a
/// person?"), which an edit distance scores as far apart. A paraphrase in other content words
/// is not caught: no threshold that catches it spares different questions written from one
/// pattern ("Put the steps … in the order this module teaches"). Each question is reported
/// once, against the earliest question in the course it resembles.
enum NearDuplicateRule {
    static let threshold = (numerator: 4, denominator: 5)

    /// The findings for every question of the course, in course order.
    static func findings(in questions: [Question]) -> [ItemFinding] {
        let sets = TokenSets(questions.map(\.prompt))
        let similar = sets.earliestSimilar()
        return questions.indices.compactMap { index in
            guard let (first, overlap) = similar[index] else { return nil }
            let question = questions[index], original = questions[first]
            return ItemFinding(rule: .nearDuplicate, questionID: question.id, location: question.promptOrIDLocation,
                               problem: .nearDuplicate(question: question.id, of: original.id, at: original.promptOrIDLocation, overlap: overlap))
        }
    }

    /// True when sets of these sizes sharing `shared` words are near-duplicates.
    static func isSimilar(shared: Int, sizes: (Int, Int)) -> Bool {
        let union = sizes.0 + sizes.1 - shared
        return union > 0 && shared * threshold.denominator >= union * threshold.numerator
    }

    /// How many of a set's rarest words two similar sets must share at least one of
    /// (prefix filtering: a pair whose prefixes share no word cannot reach the threshold).
    static func prefixLength(ofSetOfSize size: Int) -> Int {
        let needed = (size * threshold.numerator + threshold.denominator - 1) / threshold.denominator
        return size - needed + 1
    }
}
