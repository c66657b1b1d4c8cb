import ArgumentParser
import CourseKit

@main
struct Meridian: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        abstract: "Compile a training course written in Markdown into a static site that works offline.",
        version: version,
        subcommands: [Build.self, Check.self],
        defaultSubcommand: nil
    )
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
