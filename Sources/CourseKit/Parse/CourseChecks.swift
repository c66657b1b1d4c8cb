/// Checks that look across pages: ids must be unique in the whole course.
enum CourseChecks {
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
