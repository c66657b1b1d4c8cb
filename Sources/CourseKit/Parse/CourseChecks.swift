/// Checks that look across pages: ids must be unique in the whole course; an exam's settings
/// must fit its questions.
enum CourseChecks {
    /// An exam needs questions and cannot draw more than it has; a pool smaller than `draw` ×
    /// `attempts` repeats questions between attempts. `draw` and `attempts` mean nothing in practice.
    static func examSettings(of module: Module, questions: Int) -> [Diagnostic] {
        let meta = module.meta
        guard meta.assessment == .exam else {
            return [meta.draw.map { ("draw", $0.location) }, meta.attempts.map { ("attempts", $0.location) }].compactMap { entry in
                entry.map { .warning(ExamProblem.onlyForAnExam(key: $0.0), at: $0.1) }
            }
        }
        guard questions > 0 else {
            return [.error(ExamProblem.noQuestions(module: module.slug), at: SourceLocation(file: module.body.file))]
        }
        var diagnostics: [Diagnostic] = []
        if let draw = meta.draw, draw.value > questions {
            diagnostics.append(.error(ExamProblem.drawsMoreThanItHas(draw: draw.value, questions: questions), at: draw.location))
        } else if let attempts = meta.attempts, attempts.value > 1 {
            let draw = meta.draw?.value ?? questions
            if questions < draw * attempts.value {
                let problem = ExamProblem.repeatsQuestions(questions: questions, attempts: attempts.value, draw: draw)
                diagnostics.append(.warning(problem, at: (meta.draw ?? attempts).location))
            }
        }
        return diagnostics
    }

    static func duplicateIDs(in pages: [PageCompilation]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var questions: [String: SourceLocation] = [:]
        var scenarios: [String: SourceLocation] = [:]
        for page in pages {
            for question in page.questions {
                if let first = questions[question.id] {
                    diagnostics.append(.error(PageProblem.duplicateQuestionID(question.id, firstAt: first), at: question.location))
                } else {
                    questions[question.id] = question.location
                }
            }
            for scenario in page.scenarios {
                if let first = scenarios[scenario.id] {
                    diagnostics.append(.error(PageProblem.duplicateScenarioID(scenario.id, firstAt: first), at: scenario.location))
                } else {
                    scenarios[scenario.id] = scenario.location
                }
            }
        }
        return diagnostics
    }
}
