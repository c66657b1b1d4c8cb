import ArgumentParser
import CourseKit
import Foundation
import Records

extension RecordsCommand {
    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send the xAPI statements of learners' records to a Learning Record Store.",
            discussion: """
            Sends the statements of every learner's current record in the database, or of the given \
            files once each verifies against the course's answer key, in batches. Statement ids are \
            derived from the facts they state, so pushing again stores nothing new. Credentials come \
            from --user and --password-file, or from MERIDIAN_LRS_USER and MERIDIAN_LRS_PASSWORD; \
            never put a password on the command line. Exits 1 when the LRS cannot be reached, refuses \
            the credentials, or refuses a statement.
            """
        )

        @Option(help: "The LRS's xAPI endpoint, such as https://lrs.example.com/xAPI/.")
        var lrs: String

        @Argument(help: "Progress-record files to send instead of the database's current records.")
        var files: [String] = []

        @Option(help: "The records database.")
        var db = "records.sqlite"

        @Option(help: "The course's content folder, whose answer key verifies the files given.")
        var content = "Content"

        @Option(help: "The LRS user (default: $MERIDIAN_LRS_USER).")
        var user: String?

        @Option(help: "A file holding the LRS password (default: $MERIDIAN_LRS_PASSWORD).")
        var passwordFile: String?

        @Option(help: "Statements per request.")
        var batch = 50

        @Option(help: "Tries for each request before giving up, on network errors and 5xx answers.")
        var tries = 5

        @Flag(help: "List what would be sent, and send nothing.")
        var dryRun = false

        func validate() throws {
            try LRSCredentials.validate(lrs)
            if batch < 1 { throw ValidationError("--batch must be at least 1") }
            if tries < 1 { throw ValidationError("--tries must be at least 1") }
        }

        func run() async throws {
            let terminal = Terminal.standardError
            let records = try loadRecords(terminal)
            let (items, refusedHere) = StatementPush.items(of: records)
            let endpoint = LRSCredentials.endpoint(lrs)
            for refusal in refusedHere { print("refused   \(refusal.id): \(refusal.reason)") }
            if dryRun {
                for item in items { print("would send \(item.id)  \(item.verb)  \(item.object)") }
                print("dry run: \(count(items.count, "statement")) of \(count(records.count, "record")) would go to \(endpoint.absoluteString); nothing was sent")
                return
            }
            let credentials = try LRSCredentials(user: user, passwordFile: passwordFile)
            let client = LRSClient(endpoint: endpoint, user: credentials.user, password: credentials.password, attempts: tries)
            let progress = terminal.isInteractive ? TerminalProgress(terminal: terminal) : nil
            let summary: StatementPush.Summary
            do {
                summary = try await StatementPush(client: client, batchSize: batch).send(items) { done, total in
                    progress?.advance(stage: "Sending statements", done: done, total: total)
                }
                progress?.finish()
            } catch {
                progress?.finish()
                terminal.write("error: \(error.description)\n")
                throw ExitCode(1)
            }
            for refusal in summary.refused { print("refused   \(refusal.id): \(refusal.reason)") }
            let refused = summary.refused.count + refusedHere.count
            print("\(count(items.count + refusedHere.count, "statement")) of \(count(records.count, "record")) → \(endpoint.absoluteString): "
                  + "\(summary.sent) sent, \(summary.alreadyThere) already there, \(refused) refused")
            if refused > 0 { throw ExitCode(1) }
        }

        /// The database's current records, or the files given once each verifies.
        private func loadRecords(_ terminal: Terminal) throws -> [ProgressRecord] {
            guard !files.isEmpty else {
                guard FileManager.default.fileExists(atPath: db) else {
                    terminal.write("error: no records database at \(db); import records first (meridian records import FILE…)\n")
                    throw ExitCode(1)
                }
                return try RecordStore(path: db).currentRecords()
            }
            let verifier = RecordVerifier(key: try loadAnswerKey(content))
            var records: [ProgressRecord] = [], wrong = 0
            for file in files {
                do {
                    let (record, _) = try RecordReader().read(URL(fileURLWithPath: file))
                    let findings = verifier.verify(record).findings
                    if findings.isEmpty { records.append(record); continue }
                    wrong += 1
                    print("wrong     \(file): \(findings[0])\(findings.count > 1 ? " (and \(findings.count - 1) more; see `meridian records verify`)" : "")")
                } catch {
                    wrong += 1
                    print("unreadable \(file): \(error.reason)")
                }
            }
            if wrong > 0 {
                terminal.write("error: \(count(wrong, "file")) did not verify; nothing was sent\n")
                throw ExitCode(1)
            }
            return records
        }
    }
}
