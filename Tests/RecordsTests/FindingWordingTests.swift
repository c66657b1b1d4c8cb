import CourseKit
import Foundation
import Testing
@testable import Records

/// Every case of the record findings and refusals has wording: one line, not empty, without a
/// final period; a case added to `RecordFinding.swift` or `RecordProblems.swift` without a sample
/// here fails `everyCaseHasASample`.
struct FindingWordingTests {
    static let findings: [RecordFinding] = [
        .otherCourse(record: "a", course: "b"), .otherVersion(record: "1.0.0", course: "1.1.0"),
        .otherContent(record: "sha256:0123456789abcdef0123", course: "sha256:fedcba9876543210fedc"),
        .unknownModule("m"), .unknownScenario("s"), .courseCompletion(claimed: true), .courseCompletion(claimed: false),
        .noVerificationCode, .wrongVerificationCode(claimed: "AAAA", expected: "BBBB"),
        .module("m", .attempt(1, .drewTwice)), .scenario("s", .score(claimed: 1, replies: 0.5)),
    ]
    static let moduleFindings: [ModuleFinding] = [
        .answerToUnknownQuestion("q"), .examAttemptsOutsideExam, .score(claimed: 1, regraded: 0.5, right: 1, of: 2),
        .passed(claimed: true, regraded: false), .completedNotPassed, .status(claimed: .completed, regraded: .notStarted),
        .tooManyAttempts(3, allowed: 2), .attemptCount(claimed: 1, history: 2), .attempt(1, .drewTwice),
    ]
    static let attemptFindings: [AttemptFinding] = [
        .nothingDrawn, .tooManyDrawn(5, draws: 3), .drewUnknownQuestion("q"), .drewTwice, .answersUndrawn("q"),
        .score(claimed: 1, regraded: 0, right: 0, of: 3),
    ]
    static let scenarioFindings: [ScenarioFinding] = [
        .play(.noSuchStep("x")), .play(.noSuchReply(step: "a", reply: 3, count: 2)), .play(.afterEnding(step: "end")),
        .play(.unfinished(step: "a")), .pathStartsElsewhere(claimed: "b", start: "a"),
        .pathLeaves(after: "a", claimed: "b", played: nil), .score(claimed: 1, replies: 0.5),
        .ending(claimed: "good", replies: "poor"), .pathGoesNowhere(["a", "b"]),
        .scoreOffPath(claimed: 1, lowest: 0.2, highest: 0.4), .endingOffPath(claimed: "good", path: nil),
    ]

    static let recordProblems: [RecordProblem] = [
        .noSuchFile, .notARegularFile, .tooLarge(bytes: 52_428_800, limit: 8_388_608), .unreadable,
        .notJSON(reason: "invalid value around character 41", line: 3), .notAnObject, .otherFormat(found: nil),
        .noFormatVersion, .newerFormat(version: 9), .missingField("slug", in: "modules[0]"),
        .wrongType(at: "modules[2].score", expected: .number), .corrupted(at: "exportedAt", detail: "not a date"),
        .notARecord(nil), .notAQuestionID("Q1", field: "modules[0].answers"),
    ]
    static let importRejections: [ImportRejection] = [
        .unreadable(.notAnObject), .noLearner, .exportedAtNotADate("yesterday"),
        .failsVerification(.unknownModule("m"), more: 1), .databaseRefused("disk I/O error"),
    ]
    static let statementProblems: [StatementProblem] = [
        .noID, .idNotAUUID, .notAStatement, .noActor, .noVerb, .noObject, .notCourseActivity(course: "https://x/c"),
        .objectNotCourseActivity("https://y/a", course: "https://x/c"), .actorNotAnAgent, .noTimestamp, .noEdition,
        .otherEdition(.otherVersion(record: "1.0.0", course: "1.1.0")), .notRebuiltFrom(verb: "liked", object: "https://x/c"),
        .unknownModule("m"), .examResultIncomplete(verb: "passed"), .examAnswerWithoutAttempt,
        .unknownQuestion("q", module: "m"), .noResponse, .answerDisagrees(response: "a", question: "q", claimedRight: true),
        .unknownScenario("s", module: "m"), .noScenarioPath, .repliesNotWhole, .conflict("Conflict"),
        .claim(.module("m", .completedNotPassed)),
    ]

    /// Each sample's wording, with its enum's name and its case's.
    static var worded: [(enumName: String, caseName: String, message: String)] {
        recordProblems.map { ("RecordProblem", name(of: $0), $0.message) }
            + importRejections.map { ("ImportRejection", name(of: $0), $0.message) }
            + statementProblems.map { ("StatementProblem", name(of: $0), $0.message) }
            + findings.map { ("RecordFinding", name(of: $0), $0.message) }
            + moduleFindings.map { ("ModuleFinding", name(of: $0), $0.wording) }
            + attemptFindings.map { ("AttemptFinding", name(of: $0), $0.wording) }
            + scenarioFindings.map { ("ScenarioFinding", name(of: $0), $0.wording) }
    }

    @Test func everyFindingIsWordedOnOneLine() {
        for (enumName, caseName, message) in Self.worded {
            #expect(!message.isEmpty, "\(enumName).\(caseName)")
            #expect(!message.hasSuffix("."), "\(enumName).\(caseName) ends with a period: \(message)")
            #expect(!message.contains("\n"), "\(enumName).\(caseName) spans lines: \(message)")
        }
    }

    @Test func everyCaseHasASample() throws {
        let source = try ["RecordFinding.swift", "RecordProblems.swift"].map { file in
            try String(contentsOf: RecordsFixture.root.appendingPathComponent("Sources/Records/\(file)"), encoding: .utf8)
        }.joined(separator: "\n")
        var declared: [String: Set<String>] = [:]
        var current: String?
        for line in source.split(separator: "\n") {
            if let match = line.firstMatch(of: /^public enum (\w+)/) { current = String(match.1); continue }
            if line.hasPrefix("}") { current = nil }
            guard let current, let match = line.firstMatch(of: /^    case (\w+)/) else { continue }
            declared[current, default: []].insert(String(match.1))
        }
        let sampled = Dictionary(grouping: Self.worded, by: \.enumName).mapValues { Set($0.map(\.caseName)) }
        #expect(declared == sampled)
    }

    @Test func aRefusalKeepsItsWording() {
        #expect(RecordProblem.tooLarge(bytes: 52_428_800, limit: 8_388_608).reason
            == "too large for a progress record (50.0 MB; the limit is 8 MB)")
        #expect(RecordProblem.notJSON(reason: "unexpected end of file", line: nil).message == "not valid JSON (unexpected end of file)")
        #expect(ImportRejection.failsVerification(.noVerificationCode, more: 0).message == "has no verification code")
        #expect(StatementPush.Refusal(id: "x", problem: .conflict("Conflict")).reason
            == "the LRS has another statement with this id (409: Conflict)")
    }

    @Test func aModuleFindingNamesItsModuleAndAttempt() {
        #expect(RecordFinding.module("exam", .attempt(2, .drewTwice)).message == "module 'exam', attempt 2: drew a question twice")
        #expect(RecordFinding.module("m", .completedNotPassed).subject == .module("m"))
    }

    /// `attempt` for `.attempt(2, …)`, `drewTwice` for `.drewTwice`.
    static func name(of value: Any) -> String {
        String(String(describing: value).prefix { $0 != "(" })
    }
}
