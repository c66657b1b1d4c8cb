import CourseKit
import Foundation
import Testing
@testable import Records

/// An exam's attempt history, checked against the module's rules and regraded attempt by
/// attempt, over the grading fixture's exam (five questions, three drawn, two attempts).
@Suite("Exam records")
struct ExamRecordTests {
    static let right = ["e-single": "2", "e-multiple": "3[,]1", "e-truefalse": "false", "e-order": "1[,]2[,]3", "e-match": "1[.]1[,]2[.]2"]

    func record(_ attempts: [ProgressRecord.ExamAttemptEntry], status: ModuleStatus = .completed, count: Int? = nil,
                score: Double? = 1) -> ProgressRecord {
        let key = GoldenTableTests.key
        let module = ProgressRecord.ModuleProgress(slug: "exam", status: status, firstVisitedAt: "2026-12-01T08:00:00Z",
                                                   completedAt: nil, score: score, passed: status == .completed,
                                                   attempts: count ?? attempts.count, answers: [:], firstAnswers: nil,
                                                   examAttempts: attempts)
        var record = ProgressRecord(format: RecordFormat.name, formatVersion: RecordFormat.version,
                                    course: .init(id: key.config.id, title: nil, version: key.config.version, contentHash: key.contentHash),
                                    learner: .init(name: "Ana Souza", employeeId: "E-1042"), exportedAt: "2026-12-01T11:00:00Z",
                                    modules: [module], scenarios: [], completed: false, completedAt: nil)
        record.verificationCode = VerificationCode.code(for: record)
        return record
    }

    func attempt(_ drawn: [String], right ids: [String], score: Double?, at time: String = "2026-12-01T09:00:00Z") -> ProgressRecord.ExamAttemptEntry {
        ProgressRecord.ExamAttemptEntry(drawn: drawn, answers: Dictionary(uniqueKeysWithValues: ids.map { ($0, Self.right[$0]!) }),
                                        score: score, submittedAt: time)
    }

    func findings(_ record: ProgressRecord) -> [String] {
        RecordVerifier(key: GoldenTableTests.key).verify(record).findings.filter { $0.contains("'exam'") }
    }

    @Test func anHonestHistoryHolds() {
        let history = [attempt(["e-single", "e-order", "e-match"], right: ["e-single"], score: 1.0 / 3),
                       attempt(["e-truefalse", "e-multiple", "e-single"], right: ["e-truefalse", "e-multiple", "e-single"], score: 1,
                               at: "2026-12-01T10:00:00Z")]
        #expect(findings(record(history)) == [])
    }

    @Test func everyBrokenRuleIsOneLine() {
        let history = [attempt(["e-single", "e-single", "e-order", "e-match"], right: ["e-single"], score: 0.25),
                       ProgressRecord.ExamAttemptEntry(drawn: ["e-truefalse"], answers: ["e-match": "1[.]1[,]2[.]2"], score: 0,
                                                       submittedAt: "2026-12-01T10:00:00Z"),
                       attempt(["e-order", "e-match", "g-single"], right: ["e-order", "e-match"], score: 1, at: "2026-12-01T11:00:00Z")]
        #expect(findings(record(history, status: .inProgress, count: 2, score: 1)) == [
            "module 'exam': 3 exam attempts, but the module allows 2",
            "module 'exam': claims 2 attempts, the history has 3",
            "module 'exam', attempt 1: 4 questions drawn, but the module draws 3",
            "module 'exam', attempt 1: drew a question twice",
            "module 'exam', attempt 1: claims score 0.25, its answers give 0.50 (2 of 4 right)",
            "module 'exam', attempt 2: answers 'e-match', which was not drawn",
            "module 'exam', attempt 3: drew 'g-single', which is not a question of this module",
            "module 'exam', attempt 3: claims score 1.00, its answers give 0.67 (2 of 3 right)",
            "module 'exam': claims score 1.00, the answers give 0.67 (2 of 3 right)",
        ])
    }

    @Test func aPracticeModuleHasNoAttemptHistory() {
        var broken = record([])
        broken.modules = [ProgressRecord.ModuleProgress(slug: "questions", status: .inProgress, firstVisitedAt: nil, completedAt: nil,
                                                        score: 0, passed: false, attempts: 1, answers: [:], firstAnswers: nil,
                                                        examAttempts: [attempt(["e-single"], right: ["e-single"], score: 1)])]
        #expect(RecordVerifier(key: GoldenTableTests.key).verify(broken).findings.contains(
            "module 'questions': has exam attempts, but the module is not an exam"))
    }
}
