/// Grading a learner's response, given in the xAPI 1.0.3 response-pattern form with 1-based
/// positions as written in the source: `"2"` or `"1[,]3"` for choices, `"true"` for a
/// true-or-false statement, `"3[,]1[,]2"` for an order, `"1[.]2[,]2[.]1"` (left[.]right) for a match.
///
/// These are the rules `meridian records` regrades with. The site's `assets/grading.js` applies
/// the same rules to the data the build writes for it (`GradingSpec`), and the golden table
/// `Tests/Fixtures/grading/grading-cases.json` holds both to the same answers.
extension Question {
    /// The xAPI interaction type of the question.
    public var interactionType: String {
        switch kind {
        case .single, .multiple: "choice"
        case .truefalse: "true-false"
        case .order: "sequencing"
        case .match: "matching"
        }
    }

    /// The one correct response, in the same form as learners' responses.
    public var correctResponse: String { ResponsePattern.correct(for: self) }

    /// Whether `response` answers the question correctly; any malformed response is wrong.
    public func isCorrect(_ response: String) -> Bool {
        kind.comparison.matches(response, key: correctResponse)
    }
}

/// How a response is held against the key.
public enum ResponseComparison: String, Sendable {
    /// The same parts in any order, each once: chosen choices, matched pairs.
    case set
    /// The very same text: an order, true or false.
    case sequence

    func matches(_ response: String, key: String) -> Bool {
        switch self {
        case .sequence:
            return response == key
        case .set:
            let parts = ResponsePattern.parts(of: response)
            let unique = Set(parts)
            return unique.count == parts.count && unique == Set(ResponsePattern.parts(of: key))
        }
    }
}

extension Question.Kind {
    /// How a response to a question of this kind is compared with its key.
    public var comparison: ResponseComparison {
        switch self {
        case .single, .multiple, .match: .set
        case .truefalse, .order: .sequence
        }
    }
}

/// The pass mark: a module is passed when the share of its questions answered right reaches
/// `passScore`. Shares are compared with a tolerance of `tolerance`, so that 4 of 5 passes a
/// mark of 0.8 whatever the rounding of the division.
public struct PassMark: Sendable {
    public static let tolerance = 1e-9
    public var passScore: Double

    public init(passScore: Double) { self.passScore = passScore }

    /// Whether `right` of `count` questions pass; nil for a module without questions.
    public func passes(right: Int, of count: Int) -> Bool? {
        guard count > 0 else { return nil }
        return Double(right) / Double(count) >= passScore - Self.tolerance
    }
}

/// A module as its answers grade it.
public struct ModuleGrade: Sendable, Equatable {
    /// How many questions the answers get right, of how many.
    public var right: Int
    public var count: Int
    /// `right ÷ count`; nil for a module without questions or one not started.
    public var score: Double?
    public var passed: Bool?
    public var status: ModuleStatus
}

extension AnswerKey.ModuleKey {
    /// The module graded from `answers` (question id → response). A module is started once it
    /// was opened or answered; completed when its answers pass, or, without questions, when opened.
    public func grade(answers: [String: String], visited: Bool, passMark: PassMark) -> ModuleGrade {
        let right = questions.filter { question in answers[question.id].map(question.isCorrect) ?? false }.count
        let started = visited || questions.contains { answers[$0.id] != nil }
        guard started else { return ModuleGrade(right: right, count: questions.count, score: nil, passed: nil, status: .notStarted) }
        let passed = passMark.passes(right: right, of: questions.count)
        let score = questions.isEmpty ? nil : Double(right) / Double(questions.count)
        return ModuleGrade(right: right, count: questions.count, score: score, passed: passed,
                           status: passed == false ? .inProgress : .completed)
    }
}

extension PracticeAnswer {
    /// The answers a practice module is graded on: the latest answer to each question, or the
    /// first one given where the course counts first answers and the record knows it.
    public func counted(answers: [String: String], firstAnswers: [String: String]?) -> [String: String] {
        guard self == .first, let firstAnswers else { return answers }
        return answers.merging(firstAnswers.filter { answers[$0.key] != nil }) { _, first in first }
    }
}

/// One submitted attempt at an exam module: the questions drawn for it and the answers given.
public struct ExamAttempt: Sendable, Equatable {
    public var drawn: [String]
    public var answers: [String: String]

    public init(drawn: [String], answers: [String: String]) {
        self.drawn = drawn
        self.answers = answers
    }
}

extension AnswerKey.ModuleKey {
    /// How many of an attempt's drawn questions its answers get right; a drawn id that is not a
    /// question of the module counts as wrong.
    public func grade(_ attempt: ExamAttempt) -> (right: Int, count: Int) {
        let right = attempt.drawn.filter { id in
            guard let question = questions.first(where: { $0.id == id }), let response = attempt.answers[id] else { return false }
            return question.isCorrect(response)
        }.count
        return (right, attempt.drawn.count)
    }

    /// An exam module graded from its submitted attempts: the best attempt counts (the first of
    /// equals), and the module is completed once an attempt passes. Before any attempt the
    /// module is in progress if opened, with no score.
    public func grade(attempts: [ExamAttempt], visited: Bool, passMark: PassMark) -> ModuleGrade {
        let graded = attempts.map(grade)
        guard let best = graded.enumerated().max(by: { a, b in
            Self.share(a.element) < Self.share(b.element) || (Self.share(a.element) == Self.share(b.element) && a.offset > b.offset)
        })?.element else {
            let draw = exam?.draw ?? questions.count
            return ModuleGrade(right: 0, count: draw, score: nil, passed: nil, status: visited ? .inProgress : .notStarted)
        }
        let passed = passMark.passes(right: best.right, of: best.count)
        return ModuleGrade(right: best.right, count: best.count, score: Self.share(best), passed: passed,
                           status: passed == true ? .completed : .inProgress)
    }

    private static func share(_ graded: (right: Int, count: Int)) -> Double {
        graded.count > 0 ? Double(graded.right) / Double(graded.count) : 0
    }
}
