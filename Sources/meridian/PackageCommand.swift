import ArgumentParser
import CourseKit
import Foundation
import Packaging

/// `meridian package …`: the course as a package for other systems.
struct PackageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Package the course for a learning-management system.",
        subcommands: [SCORM12.self]
    )
}

struct SCORM12: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorm12",
        abstract: "Write a SCORM 1.2 package (a zip) that any LMS imports.",
        discussion: """
        Builds the course into a temporary folder and zips it with imsmanifest.xml (ADL SCORM \
        1.2): one SCO that opens the home page, every file listed, the mastery score from \
        passScore. In the LMS the course reports each learner's status, score, answers and \
        place, and resumes where they left off. Nothing is written unless everything succeeds.
        """
    )

    @OptionGroup var source: SourceOptions

    @Option(help: "The zip to write.")
    var output = "course-scorm12.zip"

    func run() throws {
        let options = BuildOptions(content: source.content, templates: source.templates,
                                   jobs: source.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let terminal = Terminal.standardError
        let progress = terminal.isInteractive ? TerminalProgress(terminal: terminal) : nil
        let packager = SCORM12Packager(supportFiles: Self.supportFiles, generator: "Meridian \(Meridian.version)")
        let destination = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        do {
            let report = try packager.package(options, to: destination.standardizedFileURL, progress: progress)
            progress?.finish()
            terminal.print(diagnostics: report.warnings)
            let summary = "Wrote \(output): \(report.files) files, \(report.bytes / 1024) KiB, mastery score \(report.masteryScore); " +
                "cmi.suspend_data needs at most \(report.suspendDataWorstCase) of \(SCORM12Packager.suspendDataLimit) characters\n"
            FileHandle.standardOutput.write(Data(summary.utf8))
        } catch {
            progress?.finish()
            if case .build(let failure) = error { terminal.print(diagnostics: failure.diagnostics) }
            terminal.write("error: \(error.message); no package written\n")
            throw ExitCode(1)
        }
    }

    /// The launch page's scripts and the ADL schemas, from the copies embedded at build time.
    static var supportFiles: [String: Data] {
        var files: [String: Data] = [:]
        for (path, base64) in EmbeddedFiles.base64 where path.hasPrefix("LMS/scorm12/") {
            files[String(path.dropFirst("LMS/scorm12/".count))] = Data(base64Encoded: base64)
        }
        return files
    }
}
