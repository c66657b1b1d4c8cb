/// The module-wide rule on absolute words: within one module, when absolute words ("always",
/// "never", …; see `WordList.absolute`) appear only in wrong choices, or only in false
/// true/false statements, a learner can answer by the wording alone. Choices and statements
/// are judged apart, as learners meet them apart; "all of the above" and its kind are left to
/// their own rule.
enum AbsoluteWordsRule {
    /// One text a learner judges: a choice or a statement, whether it is keyed right, and the
    /// first absolute word in it.
    struct Text {
        var question: Question
        var location: SourceLocation
        var isRight: Bool
        var word: String?
    }

    /// The findings for the questions of one module, in their order.
    static func findings(in questions: [Question]) -> [ItemFinding] {
        let choices = questions.filter(\.hasChoices).flatMap { question in
            question.choices.map { Text(question: question, location: question.location(of: $0), isRight: $0.correct, word: absoluteWord(in: $0.text)) }
        }
        let statements = questions.filter { $0.kind == .truefalse }.map {
            Text(question: $0, location: $0.promptOrIDLocation, isRight: $0.answer == true, word: absoluteWord(in: $0.prompt))
        }
        return onlyInWrong(choices, problem: ItemProblem.absoluteInWrongChoice)
            + onlyInWrong(statements, problem: ItemProblem.absoluteInFalseStatement)
    }

    /// A finding at each wrong text with an absolute word, when no right text has one.
    static func onlyInWrong(_ texts: [Text], problem: (_ question: String, _ word: String) -> ItemProblem) -> [ItemFinding] {
        let absolute = texts.filter { $0.word != nil }
        guard !absolute.contains(where: \.isRight) else { return [] }
        return absolute.map {
            ItemFinding(rule: .absoluteWords, questionID: $0.question.id, location: $0.location, problem: problem($0.question.id, $0.word!))
        }
    }

    static func absoluteWord(in text: String) -> String? {
        WordList.absolute.firstMatch(inWords: WordList.words(of: text, without: .ofTheAbove))
    }
}
