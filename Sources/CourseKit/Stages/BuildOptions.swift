import Foundation

/// What to build and where.
public struct BuildOptions: Sendable {
    public var content: URL
    public var templates: URL
    public var output: URL
    /// The folders as the user named them, for messages.
    public var contentDisplay: String
    public var templatesDisplay: String
    public var jobs: Int
    /// False for `meridian check`: validate everything, write nothing.
    public var writesOutput: Bool
    /// `meridian check --strict`: item-writing warnings become errors.
    public var strict = false

    public init(content: String = "Content", templates: String = "Templates", output: String = "Site",
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, writesOutput: Bool = true) {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        self.content = URL(fileURLWithPath: content, relativeTo: cwd).standardizedFileURL
        self.templates = URL(fileURLWithPath: templates, relativeTo: cwd).standardizedFileURL
        self.output = URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL
        contentDisplay = Self.trimmed(content)
        templatesDisplay = Self.trimmed(templates)
        self.jobs = max(1, jobs)
        self.writesOutput = writesOutput
    }

    /// Folders given as URLs, with the names to show in messages.
    public init(content: URL, contentDisplay: String, templates: URL, templatesDisplay: String, output: URL,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, writesOutput: Bool = true) {
        self.content = content
        self.templates = templates
        self.output = output
        self.contentDisplay = contentDisplay
        self.templatesDisplay = templatesDisplay
        self.jobs = max(1, jobs)
        self.writesOutput = writesOutput
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}
