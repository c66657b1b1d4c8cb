import CourseKit

/// Checks an exam module's attempt history against the module's rules and regrades each
/// attempt from its drawn questions: one line for each thing that does not hold.
struct ExamCheck {
    let module: AnswerKey.ModuleKey
    let rules: AnswerKey.ExamRules
    let passMark: PassMark

    func findings(_ attempts: [ProgressRecord.ExamAttemptEntry], count: Int?) -> [String] {
        let name = "module '\(module.slug)'"
        var findings: [String] = []
        if let limit = rules.attempts, attempts.count > limit {
            findings.append("\(name): \(attempts.count) exam attempts, but the module allows \(limit)")
        }
        if let count, count != attempts.count {
            findings.append("\(name): claims \(count) attempt\(count == 1 ? "" : "s"), the history has \(attempts.count)")
        }
        let questions = Set(module.questions.map(\.id))
        for (index, entry) in attempts.enumerated() {
            let attempt = "\(name), attempt \(index + 1)"
            if entry.drawn.isEmpty { findings.append("\(attempt): no questions drawn") }
            if entry.drawn.count > rules.draw {
                findings.append("\(attempt): \(entry.drawn.count) questions drawn, but the module draws \(rules.draw)")
            }
            if let unknown = entry.drawn.first(where: { !questions.contains($0) }) {
                findings.append("\(attempt): drew '\(unknown)', which is not a question of this module")
            }
            if Set(entry.drawn).count != entry.drawn.count {
                findings.append("\(attempt): drew a question twice")
            }
            if let stray = entry.answers.keys.sorted().first(where: { !entry.drawn.contains($0) }) {
                findings.append("\(attempt): answers '\(stray)', which was not drawn")
            }
            let graded = module.grade(entry.attempt)
            let score = graded.count > 0 ? Double(graded.right) / Double(graded.count) : 0
            if let claimed = entry.score, abs(claimed - score) > RecordVerifier.scoreTolerance {
                findings.append("\(attempt): claims score \(RecordVerifier.format(claimed)), its answers give "
                    + "\(RecordVerifier.format(score)) (\(graded.right) of \(graded.count) right)")
            }
        }
        return findings
    }
}
