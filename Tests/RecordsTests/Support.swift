import CourseKit
import Foundation
@testable import Records

/// The CourseKit fixture course (two modules; four questions of four types and a scenario in
/// the second) in a temporary folder, with its answer key and a place for databases.
struct RecordsFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder: URL
    let key: AnswerKey
    var content: URL { folder.appendingPathComponent("Content") }
    var database: String { folder.appendingPathComponent("records.sqlite").path }

    init() throws {
        let files = FileManager.default
        folder = files.temporaryDirectory.appendingPathComponent("meridian-records-\(UUID().uuidString)")
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        try files.copyItem(at: Self.root.appendingPathComponent("Tests/CourseKitTests/Fixtures/course"), to: folder.appendingPathComponent("Content"))
        try files.copyItem(at: Self.root.appendingPathComponent("Content/data"), to: folder.appendingPathComponent("Content/data"))
        key = try AnswerKey.load(from: folder.appendingPathComponent("Content"), displayPath: "Content", jobs: 1)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// A record whose every claim follows from its answers: `practice` answered as given
    /// (all right by default), `welcome` visited.
    func record(name: String = "Ada Lovelace", employeeId: String = "E-1001", exportedAt: String = "2026-11-22T10:00:00Z",
                answers: [String: String]? = nil) -> ProgressRecord {
        let practice = key.module("practice")!
        let given = answers ?? Dictionary(uniqueKeysWithValues: practice.questions.map { ($0.id, $0.correctResponse) })
        let grade = practice.grade(answers: given, visited: true, passMark: PassMark(passScore: key.config.passScore))
        let score = grade.score!, passed = grade.passed!
        var record = ProgressRecord(
            format: ProgressRecord.format, formatVersion: 1,
            course: .init(id: key.config.id, title: key.config.title, version: key.config.version, contentHash: key.contentHash),
            learner: .init(name: name, employeeId: employeeId), exportedAt: exportedAt,
            modules: [
                .init(slug: "welcome", status: .completed, firstVisitedAt: "2026-11-21T09:00:00Z", completedAt: "2026-11-21T09:00:00Z",
                      score: nil, passed: nil, attempts: 0, answers: [:]),
                .init(slug: "practice", status: passed ? .completed : .inProgress, firstVisitedAt: "2026-11-21T09:05:00Z",
                      completedAt: passed ? "2026-11-21T09:20:00Z" : nil, score: score, passed: passed, attempts: 1, answers: given),
            ],
            scenarios: [], completed: passed, completedAt: passed ? "2026-11-21T09:20:00Z" : nil,
            verificationCode: nil, statements: [])
        record.verificationCode = VerificationCode.code(for: record)
        return record
    }

    /// The JSON text of a small record of the fixture course whose first module's `answers`
    /// are `answers`, written as given.
    static func recordText(answers: String) -> String {
        """
        {"format": "meridian-progress", "formatVersion": 1,
         "course": {"id": "https://example.org/courses/fixture", "version": "2.1.0", "contentHash": "sha256:00"},
         "learner": {"name": "Ada", "employeeId": "E-1"}, "exportedAt": "2026-11-22T10:00:00Z",
         "modules": [{"slug": "practice", "status": "in-progress", "answers": \(answers)}],
         "scenarios": [], "completed": false, "verificationCode": "0000-0000-0000"}
        """
    }

    /// Writes a record (or any bytes) to a file in the fixture folder.
    func write(_ record: ProgressRecord, as name: String) throws -> URL {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try write(encoder.encode(record), as: name)
    }

    func write(_ bytes: Data, as name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try bytes.write(to: url)
        return url
    }
}

/// The shipped English catalogue, which words the HR report.
let englishTexts = try! TextCatalogue.load(templates: RecordsFixture.root.appendingPathComponent("Templates"),
                                           displayPath: "Templates", language: "en").get()
