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

/// What a successful build did.
public struct BuildReport: Sendable {
    public var modules: Int
    public var pages: Int
    public var warnings: [Diagnostic]
    public var seconds: Double
}

/// Told how far a long build has got (the command line draws a progress line on a terminal).
public protocol BuildProgress: Sendable {
    func advance(stage: String, done: Int, total: Int)
}

/// The pipeline: load → compile → render → write, each module page on its own core.
public struct Builder: Sendable {
    public var generator: String

    public init(generator: String = "Meridian") {
        self.generator = generator
    }

    public func build(_ options: BuildOptions, progress: (any BuildProgress)? = nil) throws(BuildFailure) -> BuildReport {
        try run(options, progress: progress).report
    }

    /// What a build worked out, kept by `serve` so that it need not work it out again.
    struct Kept {
        var course: Course
        var templates: TemplateLibrary
        var products: SiteStage.Products
    }

    /// A build, and what it worked out (nil when no site was written).
    func run(_ options: BuildOptions, progress: (any BuildProgress)? = nil) throws(BuildFailure) -> (report: BuildReport, kept: Kept?) {
        let started = Date()
        let loaded = ContentLoader(jobs: options.jobs).read(from: options.content, displayPath: options.contentDisplay)
        let templateLibrary = TemplateLibrary.load(from: options.templates, displayPath: options.templatesDisplay)
        let texts = loaded.course.map { Self.texts(for: $0, templates: templateLibrary, options) }
        guard let course = loaded.course, !loaded.diagnostics.containsErrors, case let .success(templates) = templateLibrary,
              case let .success(catalogue) = texts else {
            // Report every problem at once: the content's, the templates', the texts', and those
            // in the Markdown of every module and note that did load.
            let fragments = loaded.course.map { SiteStage.compile($0, texts: (try? texts?.get()) ?? .keysOnly, jobs: options.jobs) }
            throw BuildFailure(loaded.diagnostics + (templateLibrary.failure?.diagnostics ?? []) + (texts?.failure?.diagnostics ?? [])
                               + (fragments?.diagnostics ?? []))
        }
        let loadWarnings = loaded.diagnostics
        let writer = options.writesOutput ? try SiteWriter(output: options.output) : nil
        let stage = SiteStage(course: course, templates: templates, texts: catalogue, writer: writer, generator: generator,
                              jobs: options.jobs, progress: progress, itemSeverity: options.strict ? .error : .warning)
        let result = stage.run(templatesDirectory: options.templates)
        let diagnostics = (loadWarnings + result.diagnostics).sorted()
        guard !diagnostics.containsErrors else {
            writer?.discard()
            throw BuildFailure(diagnostics)
        }
        do {
            try writer?.commit()
        } catch {
            writer?.discard()
            throw BuildFailure([.error("cannot write the site: \(error.localizedDescription)",
                                       at: SourceLocation(file: options.output.path))])
        }
        let report = BuildReport(modules: course.modules.count, pages: result.pages, warnings: diagnostics,
                                 seconds: Date().timeIntervalSince(started))
        return (report, result.products.map { Kept(course: course, templates: templates, products: $0) })
    }

    /// The text catalogue of the course's language, checked against the texts the templates use.
    static func texts(for course: Course, templates: Result<TemplateLibrary, BuildFailure>,
                      _ options: BuildOptions) -> Result<TextCatalogue, BuildFailure> {
        TextCatalogue.load(templates: options.templates, displayPath: options.templatesDisplay, language: course.config.language)
            .flatMap { catalogue in
                let problems = (try? templates.get()).map { catalogue.check($0.textUses) } ?? []
                return problems.isEmpty ? .success(catalogue) : .failure(BuildFailure(problems))
            }
    }
}

extension Result {
    var failure: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
