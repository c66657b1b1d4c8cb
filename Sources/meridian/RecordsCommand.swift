import ArgumentParser
import CourseKit
import Foundation
import Records

struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Import, verify and report learners' exported progress records (for HR).",
        discussion: """
        A learner exports a progress record (JSON) from the course's progress page. The record \
        is self-reported; these commands regrade its answers against the course's own answer key \
        in the content folder before believing any claim in it.
        """,
        subcommands: [Import.self, Verify.self, Report.self, Push.self, Pull.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check, regrade and store progress records in a SQLite database.",
            discussion: """
            Each file is imported in one transaction or not at all. Importing the same file again \
            changes nothing; a later export from the same learner becomes their current record and \
            the earlier one is kept as history. Rejected files are listed with a reason, and the \
            exit status is 1 once the good files are in.
            """
        )

        @Argument(help: "Progress-record JSON files exported from the course.")
        var files: [String]

        @Option(help: "The records database (created when missing).")
        var db = "records.sqlite"

        @Option(help: "The course's content folder, whose answer key regrades the records.")
        var content = "Content"

        func run() throws {
            let verifier = RecordVerifier(key: try loadAnswerKey(content))
            let store: RecordStore
            do { store = try RecordStore(path: db) } catch {
                Terminal.standardError.write("error: cannot open the database \(db): \(error)\n")
                throw ExitCode(1)
            }
            var tally = (imported: 0, skipped: 0, rejected: 0)
            for file in files {
                switch store.importRecord(at: URL(fileURLWithPath: file), verifier: verifier) {
                case let .imported(learner, modules, completed, courseCompleted, current):
                    tally.imported += 1
                    let course = courseCompleted ? "course completed" : "course not completed"
                    let history = current ? "" : "; a later export is current, this one is kept as history"
                    print("imported  \(file): \(learner), \(completed) of \(modules) modules completed, \(course)\(history)")
                case let .alreadyImported(date):
                    tally.skipped += 1
                    print("skipped   \(file): already imported on \(date); nothing changed")
                case let .rejected(reason):
                    tally.rejected += 1
                    print("rejected  \(file): \(reason)")
                }
            }
            print("\(count(files.count, "file")): \(tally.imported) imported, \(tally.skipped) already imported, \(tally.rejected) rejected → \(db)")
            if tally.rejected > 0 { throw ExitCode(1) }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Regrade progress records and list every claim that does not follow from the answers.",
            discussion: "Checks scores, passed and completed claims, the course version and content hash, and the verification code. Exits 1 if anything is wrong."
        )

        @Argument(help: "Progress-record JSON files exported from the course.")
        var files: [String]

        @Option(help: "The course's content folder, whose answer key regrades the records.")
        var content = "Content"

        func run() throws {
            let verifier = RecordVerifier(key: try loadAnswerKey(content))
            var failed = 0
            for file in files {
                do {
                    let (record, _) = try RecordReader().read(URL(fileURLWithPath: file))
                    let verification = verifier.verify(record)
                    if verification.findings.isEmpty {
                        let status = verification.completed ? "course completed" : "course not completed"
                        print("ok        \(file): \(record.learner.name), \(status), code \(record.verificationCode ?? "")")
                    } else {
                        failed += 1
                        print("wrong     \(file): \(count(verification.findings.count, "problem"))")
                        for finding in verification.findings { print("          - \(finding)") }
                    }
                } catch {
                    failed += 1
                    print("unreadable \(file): \(error.reason)")
                }
            }
            if failed > 0 { throw ExitCode(1) }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every learner's current record: one row per learner and module, and a completion summary.",
            discussion: """
            With --items, an item analysis for trainers instead: for every question, how many learners \
            answered it, its facility (the share right, on each learner's first answer by default), its \
            discrimination (the correlation of getting it right with the score on the other questions), \
            how many learners chose each option, and flags in plain words.
            """
        )

        @Option(help: "The records database.")
        var db = "records.sqlite"

        @Option(help: "csv, html or json.")
        var format: Records.Report.Format = .csv

        @Option(help: "Write the report to this file instead of standard output.")
        var output: String?

        @Flag(help: "Report on the questions (an item analysis) rather than on the learners.")
        var items = false

        @Option(help: "With --items: which answer of each learner counts, first or latest.")
        var attempt: ItemAnalysis.Basis = .first

        @Option(help: "The course's content folder: with --items, whose questions are analysed; otherwise, whose course.yaml names the default language.")
        var content = "Content"

        @Option(help: "The language of the report's headings and labels (a catalogue in the templates' i18n folder). Default: the course's language.")
        var language: String?

        @Option(help: "The templates folder whose i18n catalogues word the report. Default: Templates, or the built-in templates when there is none.")
        var templates = "Templates"

        func run() throws {
            guard FileManager.default.fileExists(atPath: db) else {
                Terminal.standardError.write("error: no records database at \(db); import records first (meridian records import FILE…)\n")
                throw ExitCode(1)
            }
            let text = items
                ? try ItemAnalysis(key: try loadAnswerKey(content), records: RecordStore(path: db).currentRecords(), basis: attempt).render(format)
                : try Records.Report(learners: RecordStore(path: db).currentResults())
                    .render(format, texts: try ReportTexts.load(language: language, content: content, templates: templates))
            guard let output else { return FileHandle.standardOutput.write(Data(text.utf8)) }
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                Terminal.standardError.write("error: cannot write \(output): \(error.localizedDescription)\n")
                throw ExitCode(1)
            }
        }
    }
}

extension Records.Report.Format: ExpressibleByArgument {}
extension ItemAnalysis.Basis: ExpressibleByArgument {}

/// The answer key of the course in `content`, or the content's errors and exit 1.
func loadAnswerKey(_ content: String) throws -> AnswerKey {
    let url = URL(fileURLWithPath: content).standardizedFileURL
    do { return try AnswerKey.load(from: url, displayPath: content) } catch {
        let terminal = Terminal.standardError
        terminal.print(diagnostics: error.diagnostics)
        terminal.write("error: cannot read the course's answer key from \(content)/\n")
        throw ExitCode(1)
    }
}
