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
    /// How long each stage took, in order (`meridian build --timings`).
    public var timings: [StageTiming] = []
}

/// One stage of a build and its wall-clock time.
public struct StageTiming: Sendable, Equatable {
    public var stage: String
    public var seconds: Double
}

/// Notes the time each stage ends.
struct StageClock {
    private var last = Date()
    private(set) var timings: [StageTiming] = []

    mutating func lap(_ stage: String) {
        let now = Date()
        timings.append(StageTiming(stage: stage, seconds: now.timeIntervalSince(last)))
        last = now
    }
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

    /// A build, and what it worked out (nil when no site was written, and for a course in more
    /// than one language, which `serve` rebuilds whole).
    func run(_ options: BuildOptions, progress: (any BuildProgress)? = nil) throws(BuildFailure) -> (report: BuildReport, kept: Kept?) {
        let started = Date()
        var clock = StageClock()
        let loaded = ContentLoader(jobs: options.jobs).readEditions(from: options.content, displayPath: options.contentDisplay)
        let templateLibrary = TemplateLibrary.load(from: options.templates, displayPath: options.templatesDisplay)
        clock.lap("load content and templates")
        // Each language's interface texts, checked against the texts the templates use.
        let texts = loaded.courses.map { Self.texts(for: $0, templates: templateLibrary, options) }
        let catalogues = texts.compactMap { try? $0.get() }
        guard let base = loaded.courses.first, !loaded.diagnostics.containsErrors, case let .success(templates) = templateLibrary,
              catalogues.count == loaded.courses.count else {
            // Report every problem at once: the content's, the templates', the texts', and those
            // in the Markdown of every module and note that did load.
            let fragments = loaded.courses.enumerated().flatMap { index, course in
                SiteStage.compile(course, texts: (try? texts[index].get()) ?? .keysOnly, jobs: options.jobs).diagnostics
            }
            let textProblems = Set(texts.flatMap { $0.failure?.diagnostics ?? [] })
            throw BuildFailure(loaded.diagnostics + (templateLibrary.failure?.diagnostics ?? []) + textProblems.sorted() + fragments)
        }
        let writer = options.writesOutput ? try SiteWriter(output: options.output) : nil
        var diagnostics = loaded.diagnostics
        var pages = 0
        var kept: Kept?
        var baseKeys: [AnswerKey.ModuleKey]?
        // One language at a time, the default first, each into its own folder of the site.
        for (course, catalogue) in zip(loaded.courses, catalogues) {
            var stage = SiteStage(course: course, templates: templates.localized(with: catalogue), texts: catalogue, writer: writer, generator: generator,
                                  jobs: options.jobs, progress: progress, itemSeverity: options.strict ? .error : .warning)
            stage.folder = LanguageTag.folder(course.config.language, of: base.config)
            let result = stage.run(templatesDirectory: options.templates, clock: &clock)
            diagnostics += result.diagnostics
            pages += result.pages
            if stage.folder.isEmpty {
                baseKeys = result.keys
                if loaded.courses.count == 1 { kept = result.products.map { Kept(course: course, templates: stage.templates, products: $0) } }
            } else if let baseKeys, let keys = result.keys {
                diagnostics += TranslationChecks.grading(of: keys, in: course, against: baseKeys)
            }
        }
        diagnostics.sort()
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
        clock.lap("swap the site in")
        let report = BuildReport(modules: base.modules.count, pages: pages, warnings: diagnostics,
                                 seconds: Date().timeIntervalSince(started), timings: clock.timings)
        return (report, kept)
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
