import CourseKit
import Foundation
import Testing
@testable import Records

@Suite("Importing records into the database")
struct ImportTests {
    let fixture: RecordsFixture
    init() throws { fixture = try RecordsFixture() }

    var verifier: RecordVerifier { RecordVerifier(key: fixture.key) }

    func databaseBytes() -> Data? { FileManager.default.contents(atPath: fixture.database) }

    @Test func aRecordImportsAndReports() throws {
        defer { fixture.remove() }
        let store = try RecordStore(path: fixture.database)
        let outcome = store.importRecord(at: try fixture.write(fixture.record(), as: "ada.json"), verifier: verifier)
        #expect(outcome == .imported(learner: "Ada Lovelace (E-1001)", modules: 2, completed: 2, courseCompleted: true, current: true))
        let results = try store.currentResults()
        #expect(results.count == 1)
        #expect(results[0].modules.map(\.status) == ["completed", "completed"])
        #expect(results[0].modules[1].score == 1)
        let csv = try Report(learners: results).render(.csv, texts: englishTexts)
        #expect(csv.contains("Ada Lovelace,E-1001,https://example.org/courses/fixture,2.1.0,practice,Practice,completed,1.00,yes"))
    }

    @Test(arguments: [
        ("bad.json", Data("{\"format\": ".utf8), "not valid JSON (unexpected end of file during JSON parse)"),
        ("typo.json", Data("{\"a\": 1,\n \"b\": x}".utf8), "not valid JSON (line 2: invalid value around character 15)"),
        ("list.json", Data("[1, 2]".utf8), "not a progress record: the JSON is not an object"),
        ("scorm.json", Data("{\"format\": \"scorm\"}".utf8), "not a Meridian progress record (format is 'scorm', expected 'meridian-progress')"),
        ("future.json", Data("{\"format\": \"meridian-progress\", \"formatVersion\": 2}".utf8),
         "made with a newer record format (version 2); this meridian reads version 1 — update meridian"),
        ("partial.json", Data("{\"format\": \"meridian-progress\", \"formatVersion\": 1, \"course\": {}}".utf8), "course: missing 'id'"),
        // Canonically equivalent keys ("é" written two ways) would be one key to Swift and two to
        // the browser: only question ids are answer keys.
        ("keys.json", Data(RecordsFixture.recordText(answers: #"{"\u00e9": "1", "e\u0301": "2"}"#).utf8),
         "modules[0].answers: 'é' is not a question id (a-z, 0-9 and -)"),
    ])
    func aMalformedFileIsRejectedWithOneLineAndChangesNothing(name: String, bytes: Data, reason: String) throws {
        defer { fixture.remove() }
        let store = try RecordStore(path: fixture.database)
        _ = store.importRecord(at: try fixture.write(fixture.record(), as: "ada.json"), verifier: verifier)
        let before = try store.currentResults()
        #expect(store.importRecord(at: try fixture.write(bytes, as: name), verifier: verifier) == .rejected(reason))
        #expect(try store.currentResults() == before)
        #expect(try store.recordCount() == 1)
    }

    @Test func aHugeJunkFileIsRefusedUnread() throws {
        defer { fixture.remove() }
        let junk = fixture.folder.appendingPathComponent("junk.json")
        #expect(FileManager.default.createFile(atPath: junk.path, contents: nil))
        let handle = try FileHandle(forWritingTo: junk)
        try handle.truncate(atOffset: 50 * 1_048_576)
        try handle.close()
        let store = try RecordStore(path: fixture.database)
        #expect(store.importRecord(at: junk, verifier: verifier) == .rejected("too large for a progress record (50.0 MB; the limit is 8 MB)"))
        #expect(try store.recordCount() == 0)
    }

    @Test func aTamperedRecordIsRejectedAndTheDatabaseIsUnchanged() throws {
        defer { fixture.remove() }
        let store = try RecordStore(path: fixture.database)
        _ = store.importRecord(at: try fixture.write(fixture.record(name: "Grace Hopper", employeeId: "E-2"), as: "grace.json"), verifier: verifier)
        let before = databaseBytes()
        var tampered = fixture.record(answers: [:])
        tampered.modules[1].score = 1
        tampered.modules[1].passed = true
        tampered.verificationCode = VerificationCode.code(for: tampered)
        let outcome = store.importRecord(at: try fixture.write(tampered, as: "tampered.json"), verifier: verifier)
        #expect(outcome == .rejected("module 'practice': claims score 1.00, the answers give 0.00 (0 of 4 right) (and 1 more; see `meridian records verify`)"))
        #expect(databaseBytes() == before)
    }

    @Test func anotherCourseIsRejected() throws {
        defer { fixture.remove() }
        var record = fixture.record()
        record.course.id = "https://example.org/other"
        let store = try RecordStore(path: fixture.database)
        let outcome = store.importRecord(at: try fixture.write(record, as: "other.json"), verifier: verifier)
        #expect(outcome == .rejected("from another course ('https://example.org/other'; this course is 'https://example.org/courses/fixture')"))
        #expect(try store.recordCount() == 0)
    }

    @Test func importingTheSameFileAgainChangesNothing() throws {
        defer { fixture.remove() }
        let store = try RecordStore(path: fixture.database)
        let file = try fixture.write(fixture.record(), as: "ada.json")
        _ = store.importRecord(at: file, verifier: verifier)
        let before = databaseBytes()
        guard case .alreadyImported = store.importRecord(at: file, verifier: verifier) else {
            Issue.record("a second import of the same file was not recognised")
            return
        }
        #expect(databaseBytes() == before)
        #expect(try store.recordCount() == 1)
    }

    @Test func aLaterExportSupersedesAndHistoryIsKept() throws {
        defer { fixture.remove() }
        let store = try RecordStore(path: fixture.database)
        let early = fixture.record(exportedAt: "2026-11-20T08:00:00Z", answers: ["fixture-single": "2"])
        let late = fixture.record(exportedAt: "2026-11-22T08:00:00Z")
        _ = store.importRecord(at: try fixture.write(early, as: "early.json"), verifier: verifier)
        _ = store.importRecord(at: try fixture.write(late, as: "late.json"), verifier: verifier)
        // An older export arriving last is kept as history; the later one stays current.
        let older = fixture.record(exportedAt: "2026-11-21T08:00:00Z", answers: ["fixture-single": "2", "fixture-order": "1[,]2[,]3"])
        let outcome = store.importRecord(at: try fixture.write(older, as: "older.json"), verifier: verifier)
        #expect(outcome == .imported(learner: "Ada Lovelace (E-1001)", modules: 2, completed: 1, courseCompleted: false, current: false))
        #expect(try store.recordCount() == 3)
        let results = try store.currentResults()
        #expect(results.count == 1)
        #expect(results[0].exportedAt == "2026-11-22T08:00:00Z")
        #expect(results[0].completed)
    }
}

@Suite("Reports for HR")
struct ReportTests {
    static let hostile = LearnerResult(
        name: "=HYPERLINK(\"http://x\")", employeeId: "<script>alert(1)</script>", courseId: "c", courseVersion: "1",
        exportedAt: "2026-11-22T10:00:00Z", completed: false, completedAt: nil,
        modules: [.init(slug: "m", title: "+cmd|' /C calc'!A0", status: "in-progress", score: 0.5, passed: false, completedAt: nil)])

    @Test func csvCellsCannotRunAsFormulas() throws {
        let csv = try Report(learners: [Self.hostile]).render(.csv, texts: englishTexts)
        let row = csv.components(separatedBy: "\r\n")[1]
        #expect(row.hasPrefix("\"'=HYPERLINK(\"\"http://x\"\")\",<script>alert(1)</script>,c,1,m,'+cmd|' /C calc'!A0,in-progress,0.50,no,"))
        for cell in ["-1", "@SUM(A1)", "\tx"] { #expect(CSV.cell(cell).hasPrefix("'") || CSV.cell(cell).hasPrefix("\"'")) }
        #expect(CSV.cell("plain") == "plain")
    }

    @Test func htmlIsEscaped() throws {
        let html = try Report(learners: [Self.hostile]).render(.html, texts: englishTexts)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("=HYPERLINK(&quot;http://x&quot;)"))
        #expect(html.contains("0 of 1 learners completed the course (0%)."))
    }

    @Test func theReportSpeaksTheLanguageAskedFor() throws {
        let french = try TextCatalogue.load(templates: RecordsFixture.root.appendingPathComponent("Templates"),
                                            displayPath: "Templates", language: "fr-CA").get()
        let html = try Report(learners: [Self.hostile]).render(.html, texts: french)
        #expect(html.contains("<html lang=\"fr-CA\">"))
        #expect(html.contains("<h1>Rapport de réussite</h1>"))
        #expect(html.contains("Personnes ayant terminé le cours : 0 sur 1 (0 %)."))
        #expect(html.contains("<td>En cours</td><td>50 %</td><td>non</td>"))
        let csv = try Report(learners: [Self.hostile]).render(.csv, texts: french)
        #expect(csv.hasPrefix("personne,numero_employe,id_cours,version_cours,module,titre_module,etat,score,reussi,termine_le,cours_termine,exporte_le\r\n"))
    }

    @Test func jsonIsParseable() throws {
        let json = try Report(learners: [Self.hostile]).render(.json, texts: englishTexts)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["learners"] as? Int == 1)
    }
}
