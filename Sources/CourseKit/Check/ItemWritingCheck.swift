/// The item-writing check of `build` and `check`: flaws that let a learner answer without the
/// knowledge (see `ItemRule`), each at the question's prompt or the choice's text, and the
/// course-wide summary lines. It reads the compiled questions and changes nothing in the site.
struct ItemWritingCheck {
    /// Each module's questions, in course order.
    let modules: [[Question]]
    /// How many modules to check at once.
    var jobs = 1

    /// Every finding no question silenced, in course order.
    func findings() -> [ItemFinding] {
        unsilenced(moduleFindings() + NearDuplicateRule.findings(in: modules.flatMap { $0 }))
    }

    /// The findings as diagnostics: warnings, or errors under `check --strict`.
    func diagnostics(severity: Diagnostic.Severity) -> [Diagnostic] {
        findings().map { $0.diagnostic(severity) }
    }

    /// The warnings that need only these modules, not the whole course (no near-duplicates):
    /// what `serve` reports after an edit, without comparing every prompt of a large course.
    func moduleWarnings() -> [Diagnostic] {
        unsilenced(moduleFindings()).map { $0.diagnostic(.warning) }
    }

    private func moduleFindings() -> [ItemFinding] {
        Parallel.map(modules.count, jobs: jobs) { [modules] index in
            modules[index].flatMap(ItemRules.findings(for:)) + AbsoluteWordsRule.findings(in: modules[index])
        }.flatMap { $0 }
    }

    private func unsilenced(_ findings: [ItemFinding]) -> [ItemFinding] {
        let ignored = Dictionary(modules.joined().map { ($0.id, $0.ignoredRules) }, uniquingKeysWith: { first, _ in first })
        return findings.filter { !(ignored[$0.questionID]?.contains($0.rule) ?? false) }
    }

    /// The summary lines as notes, at the course's `course.yaml`: they are about the whole course.
    func summaryNotes(at location: SourceLocation) -> [Diagnostic] {
        ItemSummary(questions: modules.flatMap { $0 }).lines().map { Diagnostic(.note, at: location, $0) }
    }
}

extension ItemWritingCheck {
    init(pages: [PageCompilation], jobs: Int = 1) {
        self.init(modules: pages.map(\.questions), jobs: jobs)
    }
}

extension Course {
    /// A file of the content folder as messages name it (`Content/course.yaml`).
    func displayFile(_ relativePath: String) -> String {
        displayPath.isEmpty || displayPath == "." ? relativePath : "\(displayPath)/\(relativePath)"
    }
}
