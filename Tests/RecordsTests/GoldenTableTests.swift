import CourseKit
import Foundation
import Testing
@testable import Records

/// The golden grading table, `Tests/Fixtures/grading/grading-cases.json`, run by the Swift side
/// of the grading contract. The browser's `grading.js` runs the same table
/// (`Tests/Browser/test_grading_contract.py`), so a rule changed on one side only fails a test.
@Suite("The golden grading table, in Swift")
struct GoldenTableTests {
    static let folder = RecordsFixture.root.appendingPathComponent("Tests/Fixtures/grading")
    static let table = GoldenTable.load(from: folder.appendingPathComponent("grading-cases.json"))
    static let key: AnswerKey = {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-grading-\(UUID().uuidString)")
        try! FileManager.default.copyItem(at: folder.appendingPathComponent("content"), to: content)
        try! FileManager.default.copyItem(at: RecordsFixture.root.appendingPathComponent("Content/data"),
                                          to: content.appendingPathComponent("data"))
        defer { try? FileManager.default.removeItem(at: content) }
        return try! AnswerKey.load(from: content, displayPath: "content", jobs: 1)
    }()

    var passMark: PassMark { PassMark(passScore: Self.key.config.passScore) }

    func question(_ id: String) throws -> Question {
        try #require(Self.key.modules.flatMap(\.questions).first { $0.id == id }, "no question '\(id)' in the fixture")
    }

    func scenario(_ id: String) throws -> Scenario {
        try #require(Self.key.modules.flatMap(\.scenarios).first { $0.id == id }, "no scenario '\(id)' in the fixture")
    }

    @Test func theTableCoversEveryKindOfQuestion() throws {
        let kinds = try Set(Self.table.responses.map { try question($0.question).kind })
        #expect(kinds == Set(Question.Kind.allCases))
    }

    @Test(arguments: table.responses)
    func responsesAreGradedAsTheTableSays(_ c: GoldenTable.Response) throws {
        #expect(try question(c.question).isCorrect(c.response) == c.correct, "\(c.question): '\(c.response)'")
    }

    @Test(arguments: table.passMarks)
    func passMarksHoldAtTheBoundary(_ c: GoldenTable.PassMarkCase) {
        #expect(PassMark(passScore: c.passScore).passes(right: c.right, of: c.count) == c.passed,
                "\(c.right) of \(c.count) at \(c.passScore)")
    }

    @Test(arguments: table.modules)
    func modulesAreGradedAsTheTableSays(_ c: GoldenTable.ModuleCase) throws {
        let module = try #require(Self.key.module(c.module))
        let grade: ModuleGrade
        if module.exam != nil {
            let attempts = try #require(c.attempts, "\(c.about): an exam case lists its attempts").map {
                ExamAttempt(drawn: $0.drawn, answers: $0.answers)
            }
            grade = module.grade(attempts: attempts, visited: c.visited, passMark: passMark)
            #expect(attempts.map { Double(module.grade($0).right) / Double(module.grade($0).count) } == c.attemptScores, "\(c.about)")
        } else {
            let rule = try #require(PracticeAnswer(rawValue: c.practiceAnswer ?? Self.key.config.practiceAnswer.rawValue))
            grade = module.grade(answers: rule.counted(answers: c.answers, firstAnswers: c.firstAnswers), visited: c.visited, passMark: passMark)
        }
        if let count = c.count { #expect(grade.count == count, "\(c.about)") }
        #expect(grade.right == c.right, "\(c.about)")
        #expect(grade.score == c.score, "\(c.about)")
        #expect(grade.passed == c.passed, "\(c.about)")
        #expect(grade.status.rawValue == c.status, "\(c.about)")
    }

    @Test func maximaAreAsTheTableSays() throws {
        for (id, most) in Self.table.maxPoints {
            #expect(try scenario(id).maxPoints == most, "\(id)")
        }
    }

    @Test(arguments: table.scenarios)
    func repliesArePlayedAsTheTableSays(_ c: GoldenTable.ScenarioCase) throws {
        let played = try scenario(c.scenario).play(replies: c.replies)
        switch played {
        case .success(let play):
            #expect(play.path == c.path, "\(c.about)")
            #expect(play.points == c.points, "\(c.about)")
            #expect(play.score == c.score, "\(c.about)")
            #expect(play.ending.rawValue == c.ending, "\(c.about)")
        case .failure(let problem):
            #expect(c.path == nil, "\(c.about): \(problem)")
        }
    }

    @Test(arguments: table.legacyScenarios)
    func pathsWithoutRepliesAllowARange(_ c: GoldenTable.LegacyCase) throws {
        let scenario = try scenario(c.scenario)
        let range = scenario.pointRange(along: c.path)
        #expect(range.map { scenario.score(points: $0.lowerBound, maxPoints: scenario.maxPoints) } == c.lowest, "\(c.about)")
        #expect(range.map { scenario.score(points: $0.upperBound, maxPoints: scenario.maxPoints) } == c.highest, "\(c.about)")
        #expect(range.flatMap { _ in scenario.ending(of: c.path)?.rawValue } == c.ending, "\(c.about)")
    }

    @Test(arguments: table.verificationCodes)
    func verificationCodesAreAsTheTableSays(_ c: GoldenTable.CodeCase) throws {
        let record = try RecordReader().decode(c.record)
        #expect(VerificationCode.canonicalText(of: record) == c.canonicalText, "\(c.about)")
        #expect(VerificationCode.code(for: record) == c.code, "\(c.about)")
    }

    @Test(arguments: table.actorKeys)
    func actorsAreKeyedAsTheTableSays(_ c: GoldenTable.ActorKeyCase) throws {
        let reader = StatementReader(key: Self.key, verifier: RecordVerifier(key: Self.key))
        guard case let .object(actor) = c.actor else { Issue.record("\(c.about): the actor is not an object"); return }
        #expect(reader.learner(actor)?.key == c.key, "\(c.about)")
    }
}

/// `grading-cases.json`, decoded.
struct GoldenTable: Decodable {
    struct Response: Decodable, Sendable, CustomTestStringConvertible {
        var question, response: String
        var correct: Bool
        var testDescription: String { "\(question) '\(response)'" }
    }

    struct PassMarkCase: Decodable, Sendable {
        var right, count: Int
        var passScore: Double
        var passed: Bool?
    }

    struct ModuleCase: Decodable, Sendable, CustomTestStringConvertible {
        var about, module: String
        var visited: Bool
        var answers: [String: String]
        /// Practice modules: the first answers, and which answers count (else the course's setting).
        var firstAnswers: [String: String]?
        var practiceAnswer: String?
        /// Exams: the submitted attempts, and the score each one gets.
        var attempts: [Attempt]?
        var attemptScores: [Double]?
        var right: Int
        var count: Int?
        var score: Double?
        var passed: Bool?
        var status: String
        var testDescription: String { about }
    }

    struct Attempt: Decodable, Sendable {
        var drawn: [String]
        var answers: [String: String]
        var submittedAt: String
    }

    struct ScenarioCase: Decodable, Sendable, CustomTestStringConvertible {
        var about, scenario: String
        var replies: [Int]
        /// nil when the replies are not a finished play.
        var path: [String]?
        var points: Int?
        var score: Double?
        var ending: String?
        var testDescription: String { about }
    }

    struct LegacyCase: Decodable, Sendable, CustomTestStringConvertible {
        var about, scenario: String
        var path: [String]
        var lowest, highest: Double?
        var ending: String?
        var testDescription: String { about }
    }

    struct CodeCase: Decodable, Sendable, CustomTestStringConvertible {
        var about: String
        /// The record as a file would hold it (filled in by `load`, from the table's own text).
        var record = Data()
        var canonicalText, code: String
        var testDescription: String { about }

        enum CodingKeys: CodingKey { case about, canonicalText, code }
    }

    struct ActorKeyCase: Decodable, Sendable, CustomTestStringConvertible {
        var about: String
        var actor: JSONValue
        var key: String
        var testDescription: String { about }
    }

    var maxPoints: [String: Int]
    var responses: [Response]
    var passMarks: [PassMarkCase]
    var modules: [ModuleCase]
    var scenarios: [ScenarioCase]
    var legacyScenarios: [LegacyCase]
    var verificationCodes: [CodeCase]
    var actorKeys: [ActorKeyCase]

    static func load(from file: URL) -> GoldenTable {
        do {
            let bytes = try Data(contentsOf: file)
            var table = try JSONDecoder().decode(GoldenTable.self, from: bytes)
            let document = try JSONSerialization.jsonObject(with: bytes) as? [String: Any]
            let records = (document?["verificationCodes"] as? [[String: Any]])?.map { $0["record"] ?? NSNull() } ?? []
            for (index, record) in records.enumerated() {
                table.verificationCodes[index].record = try JSONSerialization.data(withJSONObject: record)
            }
            return table
        } catch {
            fatalError("cannot read the golden grading table \(file.path): \(error)")
        }
    }
}
