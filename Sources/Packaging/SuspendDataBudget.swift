/// The most `cmi.suspend_data` a learner of a course can need, counted with the rules of the
/// launch page's encoding (`LMS/scorm12/suspend-data.js`): a 13-character head; per module one
/// character, then for a practice module per question its longest response and 2 digits, for an
/// exam module one digit, per kept attempt 6 + 2 digits and its drawn questions (one digit each
/// and the longest responses `draw` of the module's questions can have), and the open attempt
/// (the same without the 8 digits); per scenario 2 digits and one per reply of the longest play
/// that visits each step once.
struct SuspendDataBudget: Sendable {
    /// SCORM 1.2's limit on `cmi.suspend_data`.
    static let limit = 4096
    /// The highest choice, item or reply number one digit of the encoding holds.
    static let maxPosition = 63
    /// The most questions an exam module can have: one digit holds a drawn question's place, from 0.
    static let maxExamQuestions = 64
    /// The most attempts an exam that limits them can have: one digit holds how many were kept.
    static let maxExamAttempts = 63
    /// The submitted attempts kept of an exam that allows any number: the best and the latest.
    static let unlimitedKept = 10

    let outline: CourseOutline

    /// The characters a learner who answered everything, used every attempt of every exam with
    /// one more open, and played every scenario needs.
    func worstCase() throws(PackageFailure) -> Int {
        var total = 13
        for module in outline.modules {
            total += 1
            for question in module.questions {
                try check(question.size, "question '\(question.id)'")
                try check(question.target?.count ?? 0, "question '\(question.id)'")
            }
            if let exam = module.exam {
                total += try Self.examCharacters(module, exam)
            } else {
                total += module.questions.map { Self.longestResponse($0) + 2 }.reduce(0, +)
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

    /// How many submitted attempts of an exam the encoding keeps.
    static func keptAttempts(_ exam: CourseOutline.Exam) -> Int {
        exam.attempts ?? unlimitedKept
    }

    /// An exam module's part: the count of kept attempts, each with its time, its first
    /// interaction's number and its draw, then the open attempt's draw.
    static func examCharacters(_ module: CourseOutline.Module, _ exam: CourseOutline.Exam) throws(PackageFailure) -> Int {
        if module.questions.count > maxExamQuestions {
            throw .examTooLarge("exam module '\(module.slug)' has \(module.questions.count) questions", limit: "\(maxExamQuestions) questions")
        }
        if let attempts = exam.attempts, attempts > maxExamAttempts {
            throw .examTooLarge("exam module '\(module.slug)' allows \(attempts) attempts", limit: "\(maxExamAttempts) attempts")
        }
        let draw = min(exam.draw, module.questions.count)
        let answers = module.questions.map(longestResponse).sorted(by: >).prefix(draw).reduce(0, +)
        let attempt = draw + answers
        return 1 + keptAttempts(exam) * (6 + 2 + attempt) + attempt
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
