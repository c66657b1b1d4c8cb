import ArgumentParser
import CourseKit
import Foundation
import Records

extension RecordsCommand {
    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild learners' records from a Learning Record Store's statements, regrade them and store them.",
            discussion: """
            Reads every statement the LRS holds for the course (activity=<course id>, related \
            activities included, following its 'more' links), rebuilds each learner's record from \
            them, regrades it against the answer key in the content folder exactly as `records import` \
            does, and stores it in the database as that learner's current record, so `records report` \
            works the same whichever way the records came. A statement of another course or edition, \
            or one whose claim the answers do not support, is refused and named; the rest are kept. \
            Pulling again with nothing new changes nothing. Credentials come from --user and \
            --password-file, or from MERIDIAN_LRS_USER and MERIDIAN_LRS_PASSWORD; never put a password \
            on the command line. When the LRS cannot be reached, refuses the credentials or does not \
            answer as an xAPI LRS, the database is left as it was. Exits 1 when anything is refused.
            """
        )

        @Option(help: "The LRS's xAPI endpoint, such as https://lrs.example.com/xAPI/.")
        var lrs: String

        @Option(help: "The records database (created when missing).")
        var db = "records.sqlite"

        @Option(help: "The course's content folder, whose answer key regrades the statements.")
        var content = "Content"

        @Option(help: "The LRS user (default: $MERIDIAN_LRS_USER).")
        var user: String?

        @Option(help: "A file holding the LRS password (default: $MERIDIAN_LRS_PASSWORD).")
        var passwordFile: String?

        @Option(help: "Tries for each request before giving up, on network errors and 5xx answers.")
        var tries = 5

        func validate() throws {
            try LRSCredentials.validate(lrs)
            if tries < 1 { throw ValidationError("--tries must be at least 1") }
        }

        func run() async throws {
            let terminal = Terminal.standardError
            let key = try loadAnswerKey(content)
            let credentials = try LRSCredentials(user: user, passwordFile: passwordFile)
            let endpoint = LRSCredentials.endpoint(lrs)
            let client = LRSClient(endpoint: endpoint, user: credentials.user, password: credentials.password, attempts: tries)
            let statements = try await read(from: client, course: key.config.id, terminal: terminal)
            let rebuilt = RecordRebuilder(key: key).rebuild(statements)
            for refusal in rebuilt.refused { print("refused   \(refusal.id): \(refusal.reason)") }
            let tally = try store(rebuilt.records, key: key, from: endpoint, terminal: terminal)
            print("\(count(statements.count, "statement")) from \(endpoint.absoluteString): \(rebuilt.kept) kept, \(rebuilt.refused.count) refused; "
                  + "\(count(rebuilt.records.count, "learner")): \(tally.imported) imported, \(tally.unchanged) unchanged, \(tally.rejected) rejected → \(db)")
            if !rebuilt.refused.isEmpty || tally.rejected > 0 { throw ExitCode(1) }
        }

        /// Every statement of the course, or one line naming the LRS and exit 1.
        private func read(from client: LRSClient, course: String, terminal: Terminal) async throws -> [JSONValue] {
            var activity = Substring(course)
            while activity.hasSuffix("/") { activity = activity.dropLast() }
            let progress = terminal.isInteractive ? TerminalProgress(terminal: terminal) : nil
            defer { progress?.finish() }
            do {
                return try await client.statements(query: [URLQueryItem(name: "activity", value: String(activity)),
                                                           URLQueryItem(name: "related_activities", value: "true")]) { read in
                    progress?.advance(stage: "Reading statements", done: read, total: read)
                }
            } catch {
                progress?.finish()
                terminal.write("error: \(error.description)\n")
                throw ExitCode(1)
            }
        }

        /// Imports each rebuilt record as `records import` imports a file.
        private func store(_ records: [ProgressRecord], key: AnswerKey, from endpoint: URL,
                           terminal: Terminal) throws -> (imported: Int, unchanged: Int, rejected: Int) {
            var tally = (imported: 0, unchanged: 0, rejected: 0)
            guard !records.isEmpty else { return tally }
            let store: RecordStore
            do { store = try RecordStore(path: db) } catch {
                terminal.write("error: cannot open the database \(db): \(error)\n")
                throw ExitCode(1)
            }
            let verifier = RecordVerifier(key: key)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let progress = terminal.isInteractive ? TerminalProgress(terminal: terminal) : nil
            for (index, record) in records.enumerated() {
                let who = record.learner.employeeId.isEmpty ? record.learner.name : "\(record.learner.name) (\(record.learner.employeeId))"
                let bytes = (try? encoder.encode(record)) ?? Data()
                switch store.importRecord(record, bytes: bytes, named: endpoint.absoluteString, verifier: verifier) {
                case let .imported(_, modules, completed, courseCompleted, current):
                    tally.imported += 1
                    let history = current ? "" : "; a later record is current, this one is kept as history"
                    progress?.finish()
                    print("imported  \(who): \(completed) of \(modules) modules completed, course \(courseCompleted ? "completed" : "not completed")\(history)")
                case .alreadyImported:
                    tally.unchanged += 1
                    progress?.finish()
                    print("unchanged \(who): nothing new since the last pull")
                case .rejected(let reason):
                    tally.rejected += 1
                    progress?.finish()
                    print("rejected  \(who): \(reason)")
                }
                progress?.advance(stage: "Storing records", done: index + 1, total: records.count)
            }
            progress?.finish()
            return tally
        }
    }
}
