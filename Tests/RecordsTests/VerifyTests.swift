import CourseKit
import Foundation
import Testing
@testable import Records

@Suite("Verifying a record against the answer key")
struct VerifyTests {
    let fixture: RecordsFixture
    init() throws { fixture = try RecordsFixture() }

    var verifier: RecordVerifier { RecordVerifier(key: fixture.key) }

    @Test func anHonestRecordHasNothingWrong() {
        defer { fixture.remove() }
        let verification = verifier.verify(fixture.record())
        #expect(verification.findings == [])
        #expect(verification.completed)
        #expect(verification.modules.map(\.status) == [.completed, .completed])
    }

    @Test func aModuleMarkedPassedWithWrongAnswersIsCaught() {
        defer { fixture.remove() }
        var record = fixture.record(answers: ["fixture-single": "1", "fixture-order": "2[,]1[,]3"])
        record.modules[1].score = 1
        record.modules[1].passed = true
        record.modules[1].status = .completed
        record.completed = true
        record.verificationCode = VerificationCode.code(for: record)
        #expect(verifier.verify(record).findings == [
            "module 'practice': claims score 1.00, the answers give 0.00 (0 of 4 right)",
            "module 'practice': claims passed, the answers give failed",
            "module 'practice': marked completed, but its quiz is not passed",
            "claims the course is completed, but the answers do not complete every module",
        ])
    }

    @Test func aModuleMarkedPassedWithNoAnswersIsCaught() {
        defer { fixture.remove() }
        var record = fixture.record()
        record.modules[1].answers = [:]
        record.verificationCode = VerificationCode.code(for: record)
        #expect(verifier.verify(record).findings.first == "module 'practice': claims score 1.00, the answers give 0.00 (0 of 4 right)")
    }

    @Test func anEditAfterExportBreaksTheVerificationCode() {
        defer { fixture.remove() }
        var record = fixture.record()
        let code = record.verificationCode!
        record.learner.name = "Someone Else"
        #expect(verifier.verify(record).findings == ["verification code \(code) does not match the record (expected \(VerificationCode.code(for: record)))"])
    }

    @Test func anotherEditionOfTheCourseIsNamed() {
        defer { fixture.remove() }
        var record = fixture.record()
        record.course.version = "1.0.0"
        record.course.contentHash = "sha256:" + String(repeating: "0", count: 64)
        record.verificationCode = VerificationCode.code(for: record)
        let findings = verifier.verify(record).findings
        #expect(findings.count == 2)
        #expect(findings[0] == "made with course version 1.0.0; the course is now version 2.1.0")
        #expect(findings[1].hasPrefix("made with other questions or answers"))
    }

    @Test func anotherCourseIsNotCheckedFurther() {
        defer { fixture.remove() }
        var record = fixture.record()
        record.course.id = "https://example.org/other"
        let verification = verifier.verify(record)
        #expect(verification.isOtherCourse)
        #expect(verification.findings == ["from another course ('https://example.org/other'; this course is 'https://example.org/courses/fixture')"])
    }

    @Test func scenarioPathsAreReplayed() {
        defer { fixture.remove() }
        var record = fixture.record()
        record.scenarios = [.init(id: "fixture-callback", path: ["opening", "good-end"], score: 1, ending: "good"),
                            .init(id: "fixture-callback", path: ["opening", "poor-end"], score: 1, ending: "good"),
                            .init(id: "fixture-callback", path: ["opening", "nowhere"], score: nil, ending: nil)]
        record.verificationCode = VerificationCode.code(for: record)
        #expect(verifier.verify(record).findings == [
            "scenario 'fixture-callback': claims score 1.00, the path gives 0.00",
            "scenario 'fixture-callback': claims ending 'good', the path ends 'poor'",
            "scenario 'fixture-callback': the path opening → nowhere does not follow the scenario to an ending",
        ])
    }
}
