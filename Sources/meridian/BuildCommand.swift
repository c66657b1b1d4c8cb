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
        discussion: "Exits 1 when there are errors, 0 when there are only warnings."
    )

    @OptionGroup var source: SourceOptions

    func run() throws {
        let options = BuildOptions(content: source.content, templates: source.templates,
                                   jobs: source.jobs ?? ProcessInfo.processInfo.activeProcessorCount, writesOutput: false)
        let terminal = Terminal.standardError
        do {
            let report = try Builder(generator: "Meridian \(Meridian.version)").build(options)
            terminal.print(diagnostics: report.warnings)
            let summary = "\(count(report.modules, "module")) checked: no errors, \(count(report.warnings.count, "warning"))\n"
            FileHandle.standardOutput.write(Data(summary.utf8))
        } catch {
            terminal.print(diagnostics: error.diagnostics)
            terminal.write("\(count(error.errorCount, "error")), \(count(error.diagnostics.count - error.errorCount, "warning"))\n")
            throw ExitCode(1)
        }
    }
}

func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
