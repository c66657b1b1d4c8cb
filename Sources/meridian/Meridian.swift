import ArgumentParser
import CourseKit
import Foundation

@main
struct Meridian: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        abstract: "Compile a training course written in Markdown into a static site that works offline.",
        version: version,
        subcommands: [Build.self, Check.self, Serve.self, New.self, RecordsCommand.self, PackageCommand.self],
        defaultSubcommand: nil
    )

    /// Like ArgumentParser's `main()`, but a usage error exits with 2, as documented,
    /// rather than the library's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// Options shared by the commands that read a course.
struct SourceOptions: ParsableArguments {
    @Option(help: "The course's content folder.")
    var content = "Content"

    @Option(help: "The Mustache templates and static assets.")
    var templates = "Templates"

    @Option(help: "How many pages to render at once (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}
