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

/// One claim of a record that does not follow from its answers, and what the claim is about.
public struct Finding: Sendable, Equatable {
    /// What a finding is about: the record as a whole (course, edition, code), the course's
    /// completion, a module's claims, or a scenario's.
    public enum Subject: Sendable, Hashable {
        case record, courseCompletion, module(String), scenario(String)
    }

    public var subject: Subject
    public var text: String
}

/// The outcome of checking one record against the answer key.
public struct Verification: Sendable {
    /// Every claim that does not follow from the answers, with what it is about.
    public var problems: [Finding]
    /// Every claim that does not follow from the answers, one line each; empty when the record holds.
    public var findings: [String] { problems.map(\.text) }
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
            return Verification(problems: [Finding(subject: .record, text: "from another course ('\(record.course.id)'; this course is '\(key.config.id)')")],
                                modules: [], completed: false, isOtherCourse: true)
        }
        var findings: [Finding] = []
        if record.course.version != key.config.version {
            findings.append(.init(subject: .record, text: "made with course version \(record.course.version); the course is now version \(key.config.version)"))
        }
        if !key.contentHashes.contains(record.course.contentHash) {
            findings.append(.init(subject: .record, text: "made with other questions or answers (content hash \(record.course.contentHash.prefix(19))…, the course has \(key.contentHash.prefix(19))…)"))
        }
        for module in record.modules where key.module(module.slug) == nil {
            findings.append(.init(subject: .module(module.slug), text: "module '\(module.slug)' is not in the course"))
        }
        let modules = key.modules.map { moduleKey in
            grade(moduleKey, claimed: record.modules.first { $0.slug == moduleKey.slug }, findings: &findings)
        }
        findings += checkScenarios(record.scenarios)
        let completed = modules.allSatisfy { $0.status == .completed }
        if record.completed != completed {
            findings.append(.init(subject: .courseCompletion,
                                  text: record.completed ? "claims the course is completed, but the answers do not complete every module"
                                                         : "says the course is not completed, but the answers complete every module"))
        }
        let code = VerificationCode.code(for: record)
        switch record.verificationCode {
        case nil: findings.append(.init(subject: .record, text: "has no verification code"))
        case code?: break
        case let claimed?: findings.append(.init(subject: .record, text: "verification code \(claimed) does not match the record (expected \(code))"))
        }
        return Verification(problems: findings, modules: modules, completed: completed, isOtherCourse: false)
    }

    /// Regrades one module from the answers alone and notes every claim that differs.
    private func grade(_ moduleKey: AnswerKey.ModuleKey, claimed: ProgressRecord.ModuleProgress?,
                       findings all: inout [Finding]) -> GradedModule {
        var findings: [String] = []
        defer { all += findings.map { Finding(subject: .module(moduleKey.slug), text: $0) } }
        var result = GradedModule(slug: moduleKey.slug, number: moduleKey.number, title: moduleKey.title,
                                  status: .notStarted, attempts: claimed?.attempts, completedAt: nil)
        guard let claimed else { return result }
        let name = "module '\(moduleKey.slug)'"
        let questions = Set(moduleKey.questions.map(\.id))
        for id in claimed.answers.keys.sorted() where !questions.contains(id) {
            findings.append("\(name): answer to '\(id)', which is not a question of this module")
        }
        let passMark = PassMark(passScore: key.config.passScore)
        let visited = claimed.status != .notStarted
        let grade: ModuleGrade
        if let rules = moduleKey.exam {
            let attempts = claimed.examAttempts ?? []
            findings += ExamCheck(module: moduleKey, rules: rules, passMark: passMark).findings(attempts, count: claimed.attempts)
            grade = moduleKey.grade(attempts: attempts.map(\.attempt), visited: visited, passMark: passMark)
        } else {
            if claimed.examAttempts?.isEmpty == false { findings.append("\(name): has exam attempts, but the module is not an exam") }
            let counted = key.config.practiceAnswer.counted(answers: claimed.answers, firstAnswers: claimed.firstAnswers)
            grade = moduleKey.grade(answers: counted, visited: visited, passMark: passMark)
        }
        result.status = grade.status
        result.score = grade.score
        result.passed = grade.passed
        result.completedAt = grade.status == .completed ? claimed.completedAt : nil
        if let score = grade.score, let claimedScore = claimed.score, abs(claimedScore - score) > Self.scoreTolerance {
            findings.append("\(name): claims score \(Self.format(claimedScore)), the answers give \(Self.format(score)) (\(grade.right) of \(grade.count) right)")
        }
        if let passed = grade.passed, let claimedPassed = claimed.passed, claimedPassed != passed {
            findings.append("\(name): claims \(claimedPassed ? "passed" : "failed"), the answers give \(passed ? "passed" : "failed")")
        }
        switch (claimed.status, grade.status) {
        case (let said, let found) where said == found: break
        case (.completed, .inProgress): findings.append("\(name): marked completed, but its quiz is not passed")
        case (let said, let found): findings.append("\(name): marked \(said.rawValue), the answers give \(found.rawValue)")
        }
        return result
    }

    private func checkScenarios(_ played: [ProgressRecord.ScenarioProgress]) -> [Finding] {
        let scenarios = key.modules.flatMap(\.scenarios)
        return played.flatMap { entry -> [Finding] in
            guard let scenario = scenarios.first(where: { $0.id == entry.id }) else {
                return [Finding(subject: .scenario(entry.id), text: "scenario '\(entry.id)' is not in the course")]
            }
            return ScenarioCheck(scenario: scenario, entry: entry).findings().map { Finding(subject: .scenario(entry.id), text: $0) }
        }
    }

    /// How far a claimed score may be from the regraded one: records round to four places.
    static let scoreTolerance = 0.0005

    static func format(_ score: Double) -> String {
        String(format: "%.2f", score)
    }
}
