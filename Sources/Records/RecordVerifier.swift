import CourseKit
import Foundation

/// What a record's answers really earn, module by module, graded against the course's key.
public struct GradedModule: Sendable, Equatable {
    public var slug: String
    public var number: Int
    public var title: String
    public var status: ProgressRecord.Status
    public var score: Double?
    public var passed: Bool?
    public var attempts: Int?
    public var completedAt: String?
}

/// The outcome of checking one record against the answer key.
public struct Verification: Sendable {
    /// Every claim that does not follow from the answers, with what it is about.
    public var problems: [RecordFinding]
    /// Every claim that does not follow from the answers, one line each; empty when the record holds.
    public var findings: [String] { problems.map(\.message) }
    /// The record's modules as regraded, in course order (modules the record does not mention are not started).
    public var modules: [GradedModule]
    /// True when every module is completed by the regraded answers.
    public var completed: Bool
    /// A record from another course is not checked further.
    public var isOtherCourse: Bool
}

/// Regrades a learner's submitted answers against the course's own key and reports every
/// claim (score, passed, completed, version, content hash, verification code) that does not follow.
public struct RecordVerifier: Sendable {
    public let key: AnswerKey

    public init(key: AnswerKey) {
        self.key = key
    }

    public func verify(_ record: ProgressRecord) -> Verification {
        guard record.course.id == key.config.id else {
            return Verification(problems: [.otherCourse(record: record.course.id, course: key.config.id)],
                                modules: [], completed: false, isOtherCourse: true)
        }
        var findings: [RecordFinding] = []
        if record.course.version != key.config.version {
            findings.append(.otherVersion(record: record.course.version, course: key.config.version))
        }
        if !key.contentHashes.contains(record.course.contentHash) {
            findings.append(.otherContent(record: record.course.contentHash, course: key.contentHash))
        }
        for module in record.modules where key.module(module.slug) == nil {
            findings.append(.unknownModule(module.slug))
        }
        let modules = key.modules.map { moduleKey in
            grade(moduleKey, claimed: record.modules.first { $0.slug == moduleKey.slug }, findings: &findings)
        }
        findings += checkScenarios(record.scenarios)
        let completed = modules.allSatisfy { $0.status == .completed }
        if record.completed != completed { findings.append(.courseCompletion(claimed: record.completed)) }
        let code = VerificationCode.code(for: record)
        switch record.verificationCode {
        case nil: findings.append(.noVerificationCode)
        case code?: break
        case let claimed?: findings.append(.wrongVerificationCode(claimed: claimed, expected: code))
        }
        return Verification(problems: findings, modules: modules, completed: completed, isOtherCourse: false)
    }

    /// Regrades one module from the answers alone and notes every claim that differs.
    private func grade(_ moduleKey: AnswerKey.ModuleKey, claimed: ProgressRecord.ModuleProgress?,
                       findings all: inout [RecordFinding]) -> GradedModule {
        var findings: [ModuleFinding] = []
        defer { all += findings.map { .module(moduleKey.slug, $0) } }
        var result = GradedModule(slug: moduleKey.slug, number: moduleKey.number, title: moduleKey.title,
                                  status: .notStarted, attempts: claimed?.attempts, completedAt: nil)
        guard let claimed else { return result }
        let questions = Set(moduleKey.questions.map(\.id))
        for id in claimed.answers.keys.sorted() where !questions.contains(id) {
            findings.append(.answerToUnknownQuestion(id))
        }
        let passMark = PassMark(passScore: key.config.passScore)
        let visited = claimed.status != .notStarted
        let grade: ModuleGrade
        if let rules = moduleKey.exam {
            let attempts = claimed.examAttempts ?? []
            findings += ExamCheck(module: moduleKey, rules: rules, passMark: passMark).findings(attempts, count: claimed.attempts)
            grade = moduleKey.grade(attempts: attempts.map(\.attempt), visited: visited, passMark: passMark)
        } else {
            if claimed.examAttempts?.isEmpty == false { findings.append(.examAttemptsOutsideExam) }
            let counted = key.config.practiceAnswer.counted(answers: claimed.answers, firstAnswers: claimed.firstAnswers)
            grade = moduleKey.grade(answers: counted, visited: visited, passMark: passMark)
        }
        result.status = grade.status
        result.score = grade.score
        result.passed = grade.passed
        result.completedAt = grade.status == .completed ? claimed.completedAt : nil
        if let score = grade.score, let claimedScore = claimed.score, abs(claimedScore - score) > Self.scoreTolerance {
            findings.append(.score(claimed: claimedScore, regraded: score, right: grade.right, of: grade.count))
        }
        if let passed = grade.passed, let claimedPassed = claimed.passed, claimedPassed != passed {
            findings.append(.passed(claimed: claimedPassed, regraded: passed))
        }
        switch (claimed.status, grade.status) {
        case (let said, let found) where said == found: break
        case (.completed, .inProgress): findings.append(.completedNotPassed)
        case (let said, let found): findings.append(.status(claimed: said, regraded: found))
        }
        return result
    }

    private func checkScenarios(_ played: [ProgressRecord.ScenarioProgress]) -> [RecordFinding] {
        let scenarios = key.modules.flatMap(\.scenarios)
        return played.flatMap { entry -> [RecordFinding] in
            guard let scenario = scenarios.first(where: { $0.id == entry.id }) else { return [.unknownScenario(entry.id)] }
            return ScenarioCheck(scenario: scenario, entry: entry).findings().map { .scenario(entry.id, $0) }
        }
    }

    /// How far a claimed score may be from the regraded one: records round to four places.
    static let scoreTolerance = 0.0005
}
