/// One item-writing flaw at its place: a question's prompt or one of its choices.
struct ItemFinding: Hashable, Sendable {
    var rule: ItemRule
    /// The question it is about, whose `lint: {ignore: [...]}` may silence it.
    var questionID: String
    var location: SourceLocation
    /// What is wrong, worded by the catalogue without the rule's name.
    var problem: ItemProblem

    /// The finding as printed: a warning, or under `check --strict` an error, naming its rule.
    func diagnostic(_ severity: Diagnostic.Severity) -> Diagnostic {
        Diagnostic(severity, at: location, "[\(rule.rawValue)] \(problem.message)")
    }
}

extension Question {
    /// Where a finding about the question as a whole points: its prompt, else its id.
    var promptOrIDLocation: SourceLocation { promptLocation ?? location }

    /// Where a finding about one of its choices points.
    func location(of choice: Choice) -> SourceLocation { choice.location ?? location }

    /// True for the kinds whose learners pick among written choices.
    var hasChoices: Bool { kind == .single || kind == .multiple }
}
