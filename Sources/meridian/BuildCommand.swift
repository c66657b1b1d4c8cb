import ArgumentParser
import CourseKit
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the course site from the content and templates.",
        discussion: """
        Writes the site into a temporary folder beside the output and swaps it in only when \
        the build succeeds, so a failed build leaves the previous site as it was. Errors are \
        printed as path:line:column: error: message, all of them, sorted; the exit status is 1.
        """
    )

    @OptionGroup var source: SourceOptions

    @Option(help: "Where to write the site.")
    var output = "Site"

    @Flag(name: .shortAndLong, help: "Print nothing but errors and warnings.")
    var quiet = false

    @Flag(help: "Print how long each stage of the build took.")
    var timings = false

    /// The stages and their times, aligned, with the share of the whole.
    static func table(_ timings: [StageTiming]) -> String {
        let total = max(timings.reduce(0) { $0 + $1.seconds }, 1e-9)
        let width = timings.map(\.stage.count).max() ?? 0
        return timings.map { timing in
            let name = timing.stage.padding(toLength: width, withPad: " ", startingAt: 0)
            return "  \(name)  \(String(format: "%7.3f s  %3.0f %%", timing.seconds, 100 * timing.seconds / total))\n"
        }.joined()
    }

    func run() throws {
        let options = BuildOptions(content: source.content, templates: source.templates, output: output,
                                   jobs: source.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let terminal = Terminal.standardError
        let progress = quiet || !terminal.isInteractive ? nil : TerminalProgress(terminal: terminal)
        do {
            let report = try Builder(generator: "Meridian \(Meridian.version)").build(options, progress: progress)
            progress?.finish()
            terminal.print(diagnostics: report.warnings)
            if !quiet, terminal.isInteractive {
                let time = String(format: "%.2f", report.seconds)
                terminal.write("Built \(report.pages) pages (\(report.modules) modules) in \(time) s → \(output)/index.html\n")
            }
            if timings { terminal.write(Self.table(report.timings)) }
        } catch {
            progress?.finish()
            terminal.print(diagnostics: error.diagnostics)
            terminal.write("build failed: \(count(error.errorCount, "error")); \(output)/ was not changed\n")
            throw ExitCode(1)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content and templates without writing anything.",
        discussion: """
        Also checks how the questions are written (the correct choice clearly the longest, \
        absolute words only in wrong answers, "all of the above", too few choices, a wrong \
        choice without feedback, near-duplicate prompts) and ends with notes that sum up the \
        course's answers against chance. Exits 1 when there are errors, 0 when there are only \
        warnings; with --strict the item-writing warnings are errors.
        """
    )

    @OptionGroup var source: SourceOptions

    @Flag(help: "Treat item-writing warnings as errors (exit status 1).")
    var strict = false

    func run() throws {
        var options = BuildOptions(content: source.content, templates: source.templates,
                                   jobs: source.jobs ?? ProcessInfo.processInfo.activeProcessorCount, writesOutput: false)
        options.strict = strict
        let terminal = Terminal.standardError
        do {
            let report = try Builder(generator: "Meridian \(Meridian.version)").build(options)
            terminal.print(diagnostics: Self.notesLast(report.warnings))
            let warnings = report.warnings.filter { $0.severity == .warning }.count
            let summary = "\(count(report.modules, "module")) checked: no errors, \(count(warnings, "warning"))\n"
            FileHandle.standardOutput.write(Data(summary.utf8))
        } catch {
            terminal.print(diagnostics: Self.notesLast(error.diagnostics))
            terminal.write("\(count(error.errorCount, "error")), \(count(error.warningCount, "warning"))\n")
            throw ExitCode(1)
        }
    }

    /// Errors and warnings by place, then the course-wide notes, so the summary ends the output.
    static func notesLast(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.severity != .note } + diagnostics.filter { $0.severity == .note }
    }
}

func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
