import CourseKit

/// Checks an exam module's attempt history against the module's rules and regrades each
/// attempt from its drawn questions: one finding for each thing that does not hold.
struct ExamCheck {
    let module: AnswerKey.ModuleKey
    let rules: AnswerKey.ExamRules
    let passMark: PassMark

    func findings(_ attempts: [ProgressRecord.ExamAttemptEntry], count: Int?) -> [ModuleFinding] {
        var findings: [ModuleFinding] = []
        if let limit = rules.attempts, attempts.count > limit {
            findings.append(.tooManyAttempts(attempts.count, allowed: limit))
        }
        if let count, count != attempts.count {
            findings.append(.attemptCount(claimed: count, history: attempts.count))
        }
        for (index, entry) in attempts.enumerated() {
            findings += check(entry).map { .attempt(index + 1, $0) }
        }
        return findings
    }

    /// What does not hold in one attempt: its draw, its answers, its score.
    private func check(_ entry: ProgressRecord.ExamAttemptEntry) -> [AttemptFinding] {
        let questions = Set(module.questions.map(\.id))
        var findings: [AttemptFinding] = []
        if entry.drawn.isEmpty { findings.append(.nothingDrawn) }
        if entry.drawn.count > rules.draw { findings.append(.tooManyDrawn(entry.drawn.count, draws: rules.draw)) }
        if let unknown = entry.drawn.first(where: { !questions.contains($0) }) { findings.append(.drewUnknownQuestion(unknown)) }
        if Set(entry.drawn).count != entry.drawn.count { findings.append(.drewTwice) }
        if let stray = entry.answers.keys.sorted().first(where: { !entry.drawn.contains($0) }) {
            findings.append(.answersUndrawn(stray))
        }
        let graded = module.grade(entry.attempt)
        let score = graded.count > 0 ? Double(graded.right) / Double(graded.count) : 0
        if let claimed = entry.score, abs(claimed - score) > RecordVerifier.scoreTolerance {
            findings.append(.score(claimed: claimed, regraded: score, right: graded.right, of: graded.count))
        }
        return findings
    }
}
