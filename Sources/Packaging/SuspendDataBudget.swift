/// The most `cmi.suspend_data` a learner of a course can need, counted with the rules of the
/// launch page's encoding (`LMS/scorm12/suspend-data.js`): a 13-character head; per module one
/// character, then per question its longest response and 2 digits; per scenario 2 digits and
/// one per reply of the longest play that visits each step once.
struct SuspendDataBudget: Sendable {
    /// SCORM 1.2's limit on `cmi.suspend_data`.
    static let limit = 4096
    /// The highest choice, item or reply number one digit of the encoding holds.
    static let maxPosition = 63

    let outline: CourseOutline

    /// The characters a learner who answered everything and played every scenario needs.
    func worstCase() throws(PackageFailure) -> Int {
        var total = 13
        for module in outline.modules {
            total += 1
            for question in module.questions {
                try check(question.size, "question '\(question.id)'")
                try check(question.target?.count ?? 0, "question '\(question.id)'")
                total += Self.longestResponse(question) + 2
            }
        }
        for scenario in outline.modules.flatMap(\.scenarios) {
            for (name, step) in scenario.steps {
                try check(step.options?.count ?? 0, "step '\(name)' of scenario '\(scenario.id)'")
            }
            total += 2 + Self.longestPlay(scenario)
        }
        return total
    }

    private func check(_ count: Int, _ place: String) throws(PackageFailure) {
        if count > Self.maxPosition { throw .tooManyOptions(place, count: count) }
    }

    static func longestResponse(_ question: CourseOutline.Question) -> Int {
        switch question.type {
        case "multiple": (question.size + 5) / 6
        case "order", "match": question.size
        default: 1
        }
    }

    /// The most replies a play from the start to an ending can take without visiting a step twice.
    static func longestPlay(_ scenario: CourseOutline.Scenario) -> Int {
        var visiting: Set<String> = []
        func longest(from name: String) -> Int? {
            guard let step = scenario.steps[name], !visiting.contains(name) else { return nil }
            if step.ending != nil { return 0 }
            visiting.insert(name)
            defer { visiting.remove(name) }
            return (step.options ?? []).compactMap { longest(from: $0.next) }.max().map { $0 + 1 }
        }
        return longest(from: scenario.start) ?? 0
    }
}
