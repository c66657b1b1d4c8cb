/// Checks that look across pages: ids must be unique in the whole course; an exam's settings
/// must fit its questions.
enum CourseChecks {
    /// An exam needs questions and cannot draw more than it has; a pool smaller than `draw` ×
    /// `attempts` repeats questions between attempts. `draw` and `attempts` mean nothing in practice.
    static func examSettings(of module: Module, questions: Int) -> [Diagnostic] {
        let meta = module.meta
        guard meta.assessment == .exam else {
            return [meta.draw.map { ("draw", $0.location) }, meta.attempts.map { ("attempts", $0.location) }].compactMap { entry in
                entry.map { .warning("'\($0.0)' applies only to an exam: add 'assessment: exam' or remove it", at: $0.1) }
            }
        }
        guard questions > 0 else {
            return [.error("module '\(module.slug)' is an exam but has no questions", at: SourceLocation(file: module.body.file))]
        }
        var diagnostics: [Diagnostic] = []
        if let draw = meta.draw, draw.value > questions {
            diagnostics.append(.error("'draw: \(draw.value)' is more than the module's \(questions) question\(questions == 1 ? "" : "s")", at: draw.location))
        } else if let attempts = meta.attempts, attempts.value > 1 {
            let draw = meta.draw?.value ?? questions
            if questions < draw * attempts.value {
                diagnostics.append(.warning("\(questions) questions cannot give \(attempts.value) attempts of \(draw) without repeating questions; "
                    + "write at least \(draw * attempts.value) or draw fewer", at: (meta.draw ?? attempts).location))
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
                    diagnostics.append(.error("duplicate question id '\(question.id)' (first used at \(first))", at: question.location))
                } else {
                    questions[question.id] = question.location
                }
            }
            for scenario in page.scenarios {
                if let first = scenarios[scenario.id] {
                    diagnostics.append(.error("duplicate scenario id '\(scenario.id)' (first used at \(first))", at: scenario.location))
                } else {
                    scenarios[scenario.id] = scenario.location
                }
            }
        }
        return diagnostics
    }
}
