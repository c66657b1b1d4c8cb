import CourseKit
import Foundation
import Testing
@testable import Records

/// Scenarios in records are regraded from the replies the learner took; a record made before
/// replies were recorded is held to what its path allows.
@Suite("Verifying the scenarios of a record")
struct ScenarioRecordTests {
    var key: AnswerKey { GoldenTableTests.key }

    /// A record of the grading fixture with `scenarios` played and nothing else.
    func record(_ scenarios: [ProgressRecord.ScenarioProgress]) -> ProgressRecord {
        var record = ProgressRecord(
            format: RecordFormat.name, formatVersion: RecordFormat.version,
            course: .init(id: key.config.id, title: nil, version: key.config.version, contentHash: key.contentHash),
            learner: .init(name: "Marta Ruiz", employeeId: "E-2077"), exportedAt: "2026-12-01T10:00:00Z",
            modules: [.init(slug: "scenarios", status: .completed, firstVisitedAt: "2026-12-01T09:00:00Z",
                            completedAt: "2026-12-01T09:00:00Z", score: nil, passed: nil, attempts: 0, answers: [:])],
            scenarios: scenarios, completed: false, completedAt: nil, verificationCode: nil, statements: [])
        record.verificationCode = VerificationCode.code(for: record)
        return record
    }

    func findings(_ scenarios: ProgressRecord.ScenarioProgress...) -> [String] {
        RecordVerifier(key: key).verify(record(scenarios)).findings
    }

    static let goodPath = ["opening", "middle", "good-end"]

    @Test func theWeakerOfTwoRepliesToTheSameStepScoresWhatItEarned() {
        #expect(findings(.init(id: "parallel", path: Self.goodPath, replies: [2, 1], score: 0.75, ending: "good")) == [])
        #expect(findings(.init(id: "parallel", path: Self.goodPath, replies: [2, 1], score: 1, ending: "good"))
                == ["scenario 'parallel': claims score 1.00, the replies give 0.75"])
    }

    @Test func aLoopScoresAtMostOne() {
        #expect(findings(.init(id: "loop", path: ["opening", "clarify", "opening", "fixed"], replies: [1, 1, 2], score: 1, ending: "good")) == [])
    }

    @Test func aRecordWithoutRepliesMayClaimWhatItsPathAllows() {
        #expect(findings(.init(id: "parallel", path: Self.goodPath, score: 0.75, ending: "good")) == [])
        #expect(findings(.init(id: "parallel", path: Self.goodPath, score: 1, ending: "good")) == [])
        #expect(findings(.init(id: "parallel", path: Self.goodPath, score: 0.5, ending: "good"))
                == ["scenario 'parallel': claims score 0.50, the path gives 0.75 to 1.00"])
    }

    @Test(arguments: [
        ([3], "scenario 'parallel': reply 3 at step 'opening' does not exist (the step has 2 replies)"),
        ([0, 1], "scenario 'parallel': reply 0 at step 'opening' does not exist (the step has 2 replies)"),
        ([1], "scenario 'parallel': the replies stop at step 'middle', which is not an ending"),
        ([1, 1, 1], "scenario 'parallel': the replies go on after step 'good-end', which is an ending"),
    ])
    func repliesThatDoNotPlayThroughAreRefusedNamingTheStep(_ replies: [Int], _ finding: String) {
        #expect(findings(.init(id: "parallel", path: Self.goodPath, replies: replies, score: 1, ending: "good")) == [finding])
    }

    @Test func aPathThatDisagreesWithItsRepliesIsRefused() {
        #expect(findings(.init(id: "parallel", path: ["opening", "middle", "poor-end"], replies: [1, 1], score: 1, ending: "good"))
                == ["scenario 'parallel': the path has 'poor-end' after step 'middle', the replies lead to 'good-end'"])
    }

    @Test func repliesAreInTheVerificationCode() {
        let weak = record([.init(id: "parallel", path: Self.goodPath, replies: [2, 1], score: 0.75, ending: "good")])
        let strong = record([.init(id: "parallel", path: Self.goodPath, replies: [1, 1], score: 1, ending: "good")])
        #expect(weak.verificationCode != strong.verificationCode)
        #expect(VerificationCode.canonicalText(of: weak).hasSuffix("scenario\tparallel\topening>middle>good-end\t2,1"))
    }

    @Test func importRefusesBadRepliesAndStoresNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("record.json")
        try JSONEncoder().encode(record([.init(id: "parallel", path: Self.goodPath, replies: [3], score: 1, ending: "good")])).write(to: file)
        let store = try RecordStore(path: folder.appendingPathComponent("records.sqlite").path)
        #expect(store.importRecord(at: file, verifier: RecordVerifier(key: key))
                == .rejected("scenario 'parallel': reply 3 at step 'opening' does not exist (the step has 2 replies)"))
        #expect(try store.recordCount() == 0)
    }
}
