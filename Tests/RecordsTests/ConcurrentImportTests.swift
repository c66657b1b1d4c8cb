import CourseKit
import Foundation
import GRDB
import Testing
@testable import Records

/// `meridian records import` run as HR would run it: twice at once on one database, and killed
/// halfway through. Nothing is lost, nothing is stored twice, and a kill takes back only the
/// file that was being imported.
@Suite("Importing while another import runs or dies", .serialized)
struct ConcurrentImportTests {
    let fixture: RecordsFixture
    init() throws { fixture = try RecordsFixture() }

    /// `count` records of different learners, written as files named `prefix-N.json`.
    func records(_ count: Int, prefix: String) throws -> [String] {
        try (0..<count).map { index in
            let record = fixture.record(name: "Learner \(prefix) \(index)", employeeId: "\(prefix)-\(index)")
            return try fixture.write(record, as: "\(prefix)-\(index).json").path
        }
    }

    @Test func twoImportsAtOnceBothFinishAndStoreEveryFileOnce() throws {
        defer { fixture.remove() }
        let shared = try records(10, prefix: "shared")
        let first = try records(40, prefix: "first") + shared
        let second = shared + (try records(40, prefix: "second"))
        let imports = [first, second].map { files in
            ImportRun(files: files, database: fixture.database, content: fixture.content.path)
        }
        let results = imports.map { $0.wait() }
        for result in results {
            #expect(result.status == 0, "\(result.output)")
            #expect(!result.output.contains("\nrejected "), "\(result.output)")
        }
        let imported = results.map { $0.output.components(separatedBy: "\nimported ").count - 1 }
        let skipped = results.map { $0.output.components(separatedBy: "\nskipped ").count - 1 }
        #expect(imported.reduce(0, +) + skipped.reduce(0, +) == first.count + second.count)
        #expect(skipped.reduce(0, +) == shared.count)
        let store = try RecordStore(path: fixture.database)
        #expect(try store.recordCount() == 90)
        #expect(try store.currentResults().count == 90)
    }

    @Test func aKilledImportKeepsTheFilesBeforeItAndNothingOfTheOneItWasImporting() throws {
        defer { fixture.remove() }
        let files = try records(100, prefix: "batch")
        let names = files.map { URL(fileURLWithPath: $0).lastPathComponent }
        var chance = SeededRandom(seed: 7)
        var counts: [Int] = []
        for round in 0..<5 {
            let database = "round-\(round).sqlite"
            // Killed once a seeded number of files is in: a moment picked by the clock alone
            // can land while the answer key is still loading, on a busy machine.
            let target = 1 + Int(chance.next() % 80)
            let importing = run(files, into: database)
            waitUntil(stored: target, in: fixture.folder.appendingPathComponent(database).path, while: importing)
            importing.kill()
            let stored = try StoredRecords(database: fixture.folder.appendingPathComponent(database).path)
            #expect(stored.integrity == "ok", "round \(round)")
            #expect(stored.modulesPerRecord.allSatisfy { $0 == 2 }, "round \(round): a record without all its modules")
            #expect(stored.fileNames == Array(names.prefix(stored.fileNames.count)), "round \(round): not the files before the kill")
            counts.append(stored.fileNames.count)
        }
        #expect(counts.contains { 0 < $0 && $0 < files.count }, "no kill landed while files were being imported: \(counts)")
        let finished = run(files, into: "round-0.sqlite").wait()
        #expect(finished.status == 0, "\(finished.output)")
        let stored = try StoredRecords(database: fixture.folder.appendingPathComponent("round-0.sqlite").path)
        #expect(stored.fileNames == names)
        #expect(stored.currentCount == files.count)
    }

    /// Polls the database until it holds `count` records or the import has ended.
    private func waitUntil(stored count: Int, in database: String, while importing: ImportRun) {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, importing.isRunning {
            if FileManager.default.fileExists(atPath: database),
               let stored = try? StoredRecords(database: database), stored.fileNames.count >= count { return }
            Thread.sleep(forTimeInterval: 0.002)
        }
    }

    private func run(_ files: [String], into database: String) -> ImportRun {
        ImportRun(files: files, database: fixture.folder.appendingPathComponent(database).path, content: fixture.content.path)
    }
}

/// One `meridian records import` in a child process, printing into a file.
final class ImportRun {
    let process = Process()
    private let log: URL

    init(files: [String], database: String, content: String) {
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }
            .map { URL(fileURLWithPath: $0.bundlePath).deletingLastPathComponent() }
            ?? RecordsFixture.root.appendingPathComponent(".build/debug")
        log = URL(fileURLWithPath: database + "-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = products.appendingPathComponent("meridian")
        process.arguments = ["records", "import", "--db", database, "--content", content] + files
        let handle = try? FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try? process.run()
    }

    /// Waits for the import to end; its status and everything it printed (after a line break).
    func wait() -> (status: Int32, output: String) {
        process.waitUntilExit()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return (process.terminationStatus, "\n" + text)
    }

    var isRunning: Bool { process.isRunning }

    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        _ = wait()
    }
}

/// What the database holds, read through SQLite itself.
struct StoredRecords {
    var integrity: String
    var fileNames: [String]
    var modulesPerRecord: [Int]
    var currentCount: Int

    init(database: String) throws {
        let queue = try DatabaseQueue(path: database)
        (integrity, fileNames, modulesPerRecord, currentCount) = try queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "",
             try String.fetchAll(db, sql: "SELECT fileName FROM record ORDER BY id"),
             try Int.fetchAll(db, sql: "SELECT (SELECT COUNT(*) FROM moduleResult WHERE recordId = record.id) FROM record"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record WHERE isCurrent") ?? 0)
        }
    }
}

/// A small seeded generator, so that a failing round can be run again.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
}
