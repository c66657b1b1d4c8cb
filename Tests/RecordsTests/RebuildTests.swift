import CourseKit
import Foundation
import Testing
@testable import Records

@Suite("Rebuilding records from an LRS's statements")
struct RebuildTests {
    let fixture: RecordsFixture
    init() throws { fixture = try RecordsFixture() }

    var course: String { fixture.key.config.id }
    var practice: AnswerKey.ModuleKey { fixture.key.module("practice")! }
    var rebuilder: RecordRebuilder { RecordRebuilder(key: fixture.key) }

    /// A statement as the site makes it, by the site's own actor of `learner`.
    func statement(_ verb: String, _ object: String, at minute: Int, result: [String: Any]? = nil, learner: String = "E-1001",
                   hash: String? = nil) -> JSONValue {
        var fields: [String: Any] = [
            "id": UUID().uuidString.lowercased(),
            "actor": ["objectType": "Agent", "name": "Ada Lovelace", "account": ["homePage": course, "name": learner]],
            "verb": ["id": "http://adlnet.gov/expapi/verbs/\(verb)"],
            "object": ["objectType": "Activity", "id": object.isEmpty ? course : "\(course)/\(object)"],
            "timestamp": String(format: "2026-11-21T09:%02d:00Z", minute),
            "context": ["extensions": ["\(course)/xapi/course-version": fixture.key.config.version,
                                       "\(course)/xapi/content-hash": hash ?? fixture.key.contentHash]],
        ]
        if let result { fields["result"] = result }
        return try! JSONDecoder().decode(JSONValue.self, from: JSONSerialization.data(withJSONObject: fields))
    }

    func answers(_ given: [String: String], from minute: Int) -> [JSONValue] {
        given.keys.sorted().enumerated().map { offset, id in
            statement("answered", "modules/practice/questions/\(id)", at: minute + offset, result: ["response": given[id]!])
        }
    }

    var allRight: [String: String] { Dictionary(uniqueKeysWithValues: practice.questions.map { ($0.id, $0.correctResponse) }) }

    @Test func aLearnersStatementsGiveARecordTheVerifierAccepts() throws {
        defer { fixture.remove() }
        let statements = [statement("attempted", "modules/welcome", at: 0), statement("completed", "modules/welcome", at: 0),
                          statement("attempted", "modules/practice", at: 5)] + answers(allRight, from: 10)
            + [statement("passed", "modules/practice", at: 13, result: ["score": ["scaled": 1], "success": true]),
               statement("completed", "modules/practice", at: 13, result: ["completion": true]),
               statement("completed", "", at: 13, result: ["completion": true])]
        let outcome = rebuilder.rebuild(statements)
        #expect(outcome.refused == [])
        #expect(outcome.kept == statements.count)
        let record = try #require(outcome.records.first)
        #expect(record.learner == .init(name: "Ada Lovelace", employeeId: "E-1001"))
        #expect(record.modules.map(\.status) == [.completed, .completed])
        #expect(record.modules[1].answers == allRight)
        #expect(record.completed && record.completedAt == "2026-11-21T09:13:00Z")
        #expect(RecordVerifier(key: fixture.key).verify(record).findings == [])
    }

    @Test func aLearnerWhoWorkedInAnotherLanguageGetsThatLanguagesRecord() throws {
        defer { fixture.remove() }
        var french = fixture.key
        french.config.language = "fr-CA"
        french.config.title = "Cours d'essai"
        french.contentHash = "sha256:" + String(repeating: "f", count: 64)
        var key = fixture.key
        key.translations = [french]
        let statements = [statement("attempted", "modules/welcome", at: 1, hash: french.contentHash),
                          statement("attempted", "modules/practice", at: 2, hash: french.contentHash)]
        let outcome = RecordRebuilder(key: key).rebuild(statements)
        #expect(outcome.refused == [])
        let record = try #require(outcome.records.first)
        #expect(record.course.language == "fr-CA")
        #expect(record.course.contentHash == french.contentHash)
        #expect(record.course.title == "Cours d'essai")
        #expect(RecordVerifier(key: key).verify(record).findings == [])
    }

    @Test func aClaimTheAnswersDoNotSupportIsRefusedAndTheFactsAreKept() throws {
        defer { fixture.remove() }
        let wrong = Dictionary(uniqueKeysWithValues: practice.questions.map { ($0.id, "9") })
        let claim = statement("passed", "modules/practice", at: 20, result: ["score": ["scaled": 1], "success": true])
        let outcome = rebuilder.rebuild(answers(wrong, from: 10) + [claim])
        guard case let .object(fields) = claim, case let .string(id)? = fields["id"] else { Issue.record("no id"); return }
        #expect(outcome.refused.map(\.id) == [id])
        #expect(outcome.refused.first?.reason.hasPrefix("module 'practice': claims score 1.00, the answers give 0.00") == true)
        let record = try #require(outcome.records.first)
        #expect(record.modules.first { $0.slug == "practice" }?.status == .inProgress)
        #expect(outcome.kept == wrong.count)
    }

    @Test func aCompletionRepeatedAfterLaterAnswersHolds() {
        defer { fixture.remove() }
        // The module was completed at minute 30 and its answers changed after; an export
        // repeats the first completion with the answers given since.
        let late = answers(allRight, from: 40)
        let outcome = rebuilder.rebuild(late + [statement("completed", "modules/practice", at: 30, result: ["completion": true])])
        #expect(outcome.refused == [])
    }

    @Test func statementsOfAnotherCourseOrEditionOrQuestionAreRefusedOneByOne() {
        defer { fixture.remove() }
        let other = statement("answered", "modules/practice/questions/no-such", at: 1, result: ["response": "1"])
        let edition = statement("attempted", "modules/practice", at: 2, hash: "sha256:00")
        var foreign = statement("attempted", "modules/practice", at: 3)
        if case var .object(fields) = foreign {
            fields["object"] = .object(["id": .string("https://example.org/courses/other")])
            foreign = .object(fields)
        }
        let kept = statement("attempted", "modules/welcome", at: 4)
        let outcome = rebuilder.rebuild([other, edition, foreign, kept])
        #expect(outcome.refused.map(\.reason) == [
            "question 'no-such' is not in module 'practice'",
            "made with other questions or answers (content hash sha256:00…, the course has \(fixture.key.contentHash.prefix(19))…)",
            "its object https://example.org/courses/other is not an activity of the course \(course)",
        ])
        #expect(outcome.kept == 1 && outcome.records.count == 1)
    }

    @Test func aRebuiltRecordImportsLikeAFileAndTwiceChangesNothing() throws {
        defer { fixture.remove() }
        let record = try #require(rebuilder.rebuild(answers(allRight, from: 10)).records.first)
        let store = try RecordStore(path: fixture.database)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = try encoder.encode(record)
        let verifier = RecordVerifier(key: fixture.key)
        guard case .imported = store.importRecord(record, bytes: bytes, named: "lrs", verifier: verifier) else {
            Issue.record("not imported"); return
        }
        guard case .alreadyImported = store.importRecord(record, bytes: bytes, named: "lrs", verifier: verifier) else {
            Issue.record("imported twice"); return
        }
        #expect(try store.recordCount() == 1)
    }

    /// An exam attempt's statements, as the site makes them: each drawn question's answer and
    /// `passed` or `failed` with the attempt's number, questions drawn and score.
    static func examAttempt(_ number: Int, drawn: [String], answers: [String: String], score: Double, passed: Bool,
                            at minute: Int) -> [JSONValue] {
        let key = GoldenTableTests.key, course = key.config.id
        func statement(_ verb: String, _ object: String, _ result: [String: Any]) -> JSONValue {
            let fields: [String: Any] = [
                "id": UUID().uuidString.lowercased(),
                "actor": ["objectType": "Agent", "name": "Ana Souza", "account": ["homePage": course, "name": "E-1042"]],
                "verb": ["id": "http://adlnet.gov/expapi/verbs/\(verb)"],
                "object": ["objectType": "Activity", "id": "\(course)/\(object)"],
                "timestamp": String(format: "2026-12-01T09:%02d:00Z", minute), "result": result,
                "context": ["extensions": ["\(course)/xapi/course-version": key.config.version, "\(course)/xapi/content-hash": key.contentHash]],
            ]
            return try! JSONDecoder().decode(JSONValue.self, from: JSONSerialization.data(withJSONObject: fields))
        }
        let attempt = ["\(course)/xapi/attempt": number]
        return answers.keys.sorted().map { id in
            statement("answered", "modules/exam/questions/\(id)", ["response": answers[id]!, "extensions": attempt])
        } + [statement(passed ? "passed" : "failed", "modules/exam",
                       ["score": ["scaled": score], "success": passed,
                        "extensions": ["\(course)/xapi/attempt": number, "\(course)/xapi/drawn": drawn]])]
    }

    @Test func anExamsAttemptsAreRebuiltAndAnOverstatedAttemptIsRefused() throws {
        defer { fixture.remove() }
        let right = ExamRecordTests.right
        let first = Self.examAttempt(1, drawn: ["e-single", "e-order", "e-match"], answers: ["e-single": right["e-single"]!, "e-order": "3[,]2[,]1"],
                                     score: 1, passed: true, at: 10)
        let second = Self.examAttempt(2, drawn: ["e-truefalse", "e-multiple", "e-single"],
                                      answers: ["e-truefalse": right["e-truefalse"]!, "e-multiple": right["e-multiple"]!, "e-single": right["e-single"]!],
                                      score: 1, passed: true, at: 20)
        let outcome = RecordRebuilder(key: GoldenTableTests.key).rebuild(first + second)
        #expect(outcome.refused.count == 1)
        #expect(outcome.refused.first?.reason == "module 'exam', attempt 1: claims score 1.00, its answers give 0.33 (1 of 3 right)")
        let record = try #require(outcome.records.first)
        let exam = try #require(record.modules.first { $0.slug == "exam" })
        // The refused statement stated the first attempt; the second is kept, and holds.
        #expect(exam.examAttempts?.map(\.drawn) == [["e-truefalse", "e-multiple", "e-single"]])
        #expect(exam.status == .completed && exam.score == 1)
        #expect(RecordVerifier(key: GoldenTableTests.key).verify(record).findings.filter { $0.contains("'exam'") } == [])
    }
}
