import Crypto
import Foundation
import GRDB

/// What happened to one file given to `records import`.
public enum ImportOutcome: Sendable, Equatable {
    /// Stored; `current` is false when the learner already had a later export, which stays current.
    case imported(learner: String, modules: Int, completed: Int, courseCompleted: Bool, current: Bool)
    /// The very same file was imported before; nothing changed.
    case alreadyImported(on: String)
    /// Refused, with why: an `ImportRejection`'s line.
    case rejected(String)
}

/// The SQLite database of imported records (GRDB). Every record ever imported is kept; for each
/// learner and course one of them, the latest export, is current and the others are history.
public final class RecordStore: Sendable {
    private let database: DatabaseQueue

    /// How long a write waits for another process (a second `records import`, a report)
    /// to let go of the database before giving up: long enough for any one file's import.
    static let busyTimeout: TimeInterval = 60

    /// Opens (creating and migrating if needed) the database at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        database = try DatabaseQueue(path: path, configuration: configuration)
        do {
            try Self.migrator.migrate(database)
        } catch {
            // Two imports that open a new database at once both find it empty; the one that
            // loses the race fails on the tables the other made, and finds them made on a retry.
            try Self.migrator.migrate(database)
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("records-v1") { db in
            try db.execute(sql: """
                CREATE TABLE record (
                    id INTEGER PRIMARY KEY,
                    fileDigest TEXT NOT NULL UNIQUE,
                    fileName TEXT NOT NULL,
                    learnerKey TEXT NOT NULL,
                    learnerName TEXT NOT NULL,
                    employeeId TEXT NOT NULL,
                    courseId TEXT NOT NULL,
                    courseVersion TEXT NOT NULL,
                    contentHash TEXT NOT NULL,
                    exportedAt TEXT NOT NULL,
                    importedAt TEXT NOT NULL,
                    completed BOOLEAN NOT NULL,
                    completedAt TEXT,
                    isCurrent BOOLEAN NOT NULL,
                    document TEXT NOT NULL
                );
                CREATE INDEX record_learner ON record(courseId, learnerKey);
                CREATE TABLE moduleResult (
                    recordId INTEGER NOT NULL REFERENCES record(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    slug TEXT NOT NULL,
                    title TEXT NOT NULL,
                    status TEXT NOT NULL,
                    score REAL,
                    passed BOOLEAN,
                    attempts INTEGER,
                    completedAt TEXT,
                    PRIMARY KEY (recordId, slug)
                );
                """)
        }
        return migrator
    }

    /// Imports one file in one transaction, or not at all. The verifier must find nothing wrong.
    public func importRecord(at file: URL, verifier: RecordVerifier, now: Date = Date()) -> ImportOutcome {
        let record: ProgressRecord, bytes: Data
        do { (record, bytes) = try RecordReader().read(file) } catch { return .rejected(ImportRejection.unreadable(error).message) }
        return importRecord(record, bytes: bytes, named: file.lastPathComponent, verifier: verifier, now: now)
    }

    /// Imports one record read from `bytes` (a file's, or a record rebuilt from an LRS's
    /// statements) in one transaction, or not at all, exactly as a file is imported.
    public func importRecord(_ record: ProgressRecord, bytes: Data, named name: String, verifier: RecordVerifier,
                             now: Date = Date()) -> ImportOutcome {
        guard !record.learner.name.trimmingCharacters(in: .whitespaces).isEmpty
                || !record.learner.employeeId.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .rejected(ImportRejection.noLearner.message)
        }
        guard let exported = Timestamp.parse(record.exportedAt) else {
            return .rejected(ImportRejection.exportedAtNotADate(record.exportedAt).message)
        }
        let verification = verifier.verify(record)
        if let first = verification.problems.first {
            return .rejected(ImportRejection.failsVerification(first, more: verification.problems.count - 1).message)
        }
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        do {
            return try database.write { db in
                if let earlier = try String.fetchOne(db, sql: "SELECT importedAt FROM record WHERE fileDigest = ?", arguments: [digest]) {
                    return .alreadyImported(on: earlier)
                }
                let learnerKey = Self.learnerKey(record.learner)
                let current = try Row.fetchOne(db, sql: "SELECT id, exportedAt FROM record WHERE courseId = ? AND learnerKey = ? AND isCurrent",
                                               arguments: [record.course.id, learnerKey])
                let isLatest = current.map { row in Timestamp.parse(row["exportedAt"]).map { exported > $0 } ?? true } ?? true
                if isLatest, let current {
                    try db.execute(sql: "UPDATE record SET isCurrent = 0 WHERE id = ?", arguments: [current["id"] as Int64])
                }
                try db.execute(sql: """
                    INSERT INTO record (fileDigest, fileName, learnerKey, learnerName, employeeId, courseId, courseVersion,
                                        contentHash, exportedAt, importedAt, completed, completedAt, isCurrent, document)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [digest, name, learnerKey, record.learner.name, record.learner.employeeId,
                                     record.course.id, record.course.version, record.course.contentHash, record.exportedAt,
                                     Timestamp.format(now), verification.completed, verification.completed ? record.completedAt : nil,
                                     isLatest, String(decoding: bytes, as: UTF8.self)])
                let recordID = db.lastInsertedRowID
                for (position, module) in verification.modules.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO moduleResult (recordId, position, slug, title, status, score, passed, attempts, completedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [recordID, position, module.slug, module.title, module.status.rawValue,
                                         module.score, module.passed, module.attempts, module.completedAt])
                }
                return .imported(learner: Self.display(record.learner), modules: verification.modules.count,
                                 completed: verification.modules.filter { $0.status == .completed }.count,
                                 courseCompleted: verification.completed, current: isLatest)
            }
        } catch {
            return .rejected(ImportRejection.databaseRefused("\(error)").message)
        }
    }

    /// The current record's modules of every learner, for reports.
    public func currentResults() throws -> [LearnerResult] {
        try database.read { db in
            let records = try Row.fetchAll(db, sql: """
                SELECT id, learnerName, employeeId, courseId, courseVersion, exportedAt, completed, completedAt
                FROM record WHERE isCurrent ORDER BY learnerName COLLATE NOCASE, employeeId
                """)
            return try records.map { row in
                let modules = try Row.fetchAll(db, sql: "SELECT * FROM moduleResult WHERE recordId = ? ORDER BY position",
                                               arguments: [row["id"] as Int64]).map { module in
                    LearnerResult.Module(slug: module["slug"], title: module["title"], status: module["status"],
                                         score: module["score"], passed: module["passed"], completedAt: module["completedAt"])
                }
                return LearnerResult(name: row["learnerName"], employeeId: row["employeeId"], courseId: row["courseId"],
                                     courseVersion: row["courseVersion"], exportedAt: row["exportedAt"],
                                     completed: row["completed"], completedAt: row["completedAt"], modules: modules)
            }
        }
    }

    /// Every learner's current record, as it was imported (for the item analysis).
    public func currentRecords() throws -> [ProgressRecord] {
        let documents = try database.read { db in
            try String.fetchAll(db, sql: "SELECT document FROM record WHERE isCurrent ORDER BY id")
        }
        return documents.compactMap { try? RecordReader().decode(Data($0.utf8)) }
    }

    /// How many records are stored, current or not (for tests and the summary line).
    public func recordCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record") ?? 0 }
    }

    static func learnerKey(_ learner: ProgressRecord.Learner) -> String {
        let id = learner.employeeId.trimmingCharacters(in: .whitespaces)
        return id.isEmpty ? "name:" + learner.name.trimmingCharacters(in: .whitespaces).lowercased() : "id:" + id
    }

    static func display(_ learner: ProgressRecord.Learner) -> String {
        learner.employeeId.isEmpty ? learner.name : "\(learner.name) (\(learner.employeeId))"
    }
}

/// One learner's current standing, as stored.
public struct LearnerResult: Sendable, Equatable, Codable {
    public struct Module: Sendable, Equatable, Codable {
        public var slug: String
        public var title: String
        public var status: String
        public var score: Double?
        public var passed: Bool?
        public var completedAt: String?
    }

    public var name: String
    public var employeeId: String
    public var courseId: String
    public var courseVersion: String
    public var exportedAt: String
    public var completed: Bool
    public var completedAt: String?
    public var modules: [Module]
}

/// ISO 8601 timestamps as records write them.
enum Timestamp {
    static func parse(_ text: String?) -> Date? {
        guard let text else { return nil }
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    static func format(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
