import Foundation

/// The pipeline, a stage a file under `Stages/`, once per language:
///
///     load     Content/ and Templates/ → each language's course, texts and templates
///     compile  Markdown and directives → HTML fragments, questions, scenarios, answer keys
///     render   fragments → a renderer for every page, and the course-wide files
///     write    each page rendered and written into the staging folder, on every core
///     check    (`meridian check`, in place of writing) the pages rendered in memory and checked
///
/// then the staging folder swapped in for the site.
public struct Builder: Sendable {
    public var generator: String

    public init(generator: String = "Meridian") {
        self.generator = generator
    }

    public func build(_ options: BuildOptions, progress: (any BuildProgress)? = nil) throws(BuildFailure) -> BuildReport {
        try run(options, progress: progress).report
    }

    /// What a build worked out for one language, kept by `serve` so that it need not work it
    /// out again.
    struct Kept {
        var renderer: PageRenderer
        var compiler: MarkdownCompiler
        var searchEntries: [SearchIndex.Page]
        var courseData: CourseDataScript
        /// Each module's questions and scenarios with their answers, which every translation's
        /// must match.
        var keys: [AnswerKey.ModuleKey]
        /// The language's folder inside the site: "" for the default language, `fr-CA/`.
        var folder: String
    }

    /// A build, and what it worked out for each language, the default first (empty when no
    /// site was written).
    func run(_ options: BuildOptions, progress: (any BuildProgress)? = nil) throws(BuildFailure) -> (report: BuildReport, kept: [Kept]) {
        let started = Date()
        var clock = StageClock()
        let loaded = try clock.time(LoadStage.name) { () throws(BuildFailure) in try LoadStage(options: options).load() }
        let writer = options.writesOutput ? try SiteWriter(output: options.output) : nil
        var diagnostics = loaded.diagnostics, pages = 0
        var kept: [Kept] = [], baseKeys: [AnswerKey.ModuleKey]?
        // One language at a time, the default first, each into its own folder of the site.
        for edition in loaded.editions {
            let language = Language(edition: edition, writer: writer, options: options, progress: progress)
            let built = build(language, clock: &clock)
            diagnostics += built.diagnostics
            pages += built.pages
            if let languageKept = built.kept { kept.append(languageKept) }
            if edition.folder.isEmpty {
                baseKeys = built.keys
            } else if let baseKeys, let keys = built.keys {
                diagnostics += TranslationChecks.grading(of: keys, in: edition.course, against: baseKeys)
            }
        }
        diagnostics.sort()
        try swapIn(writer, unless: diagnostics, options)
        clock.lap("swap the site in")
        let report = BuildReport(modules: loaded.editions[0].course.modules.count, pages: pages, warnings: diagnostics,
                                 seconds: Date().timeIntervalSince(started), timings: clock.timings)
        return (report, kept.count == loaded.editions.count ? kept : [])
    }

    /// One language and what its stages need.
    private struct Language {
        var edition: LoadStage.Edition
        var writer: SiteWriter?
        var options: BuildOptions
        var progress: (any BuildProgress)?
    }

    /// What one language's stages found and made.
    private struct Built {
        var diagnostics: [Diagnostic]
        var pages = 0
        /// Each module's questions and scenarios with their answers; nil when the Markdown had errors.
        var keys: [AnswerKey.ModuleKey]? = nil
        var kept: Kept? = nil
    }

    /// compile → render → write (or check, for `meridian check`), each stage timed.
    private func build(_ language: Language, clock: inout StageClock) -> Built {
        let course = language.edition.course, options = language.options
        let suffix = course.config.languageCodes.count > 1 ? " (\(course.config.language))" : ""
        let compiler = CompileStage(jobs: options.jobs, progress: language.progress)
        let pages = clock.time(CompileStage.name + suffix) { compiler.compile(course, texts: language.edition.texts) }
        guard !pages.diagnostics.containsErrors else { return Built(diagnostics: pages.diagnostics) }
        let renderer = RenderStage(templates: language.edition.templates, texts: language.edition.texts, generator: generator, jobs: options.jobs)
        let site = clock.time(RenderStage.name + suffix) { renderer.render(pages) }
        guard let writer = language.writer else {
            let checker = CheckStage(jobs: options.jobs, itemSeverity: options.strict ? .error : .warning)
            let problems = clock.time(CheckStage.name + suffix) { checker.check(site, compiled: pages) }
            return Built(diagnostics: pages.diagnostics + problems, keys: pages.keys)
        }
        let siteWriter = WriteStage(writer: writer, folder: language.edition.folder, templatesDirectory: options.templates,
                                    jobs: options.jobs, progress: language.progress)
        // The item-writing warnings are worked out on one core of the write pass.
        let items = ItemWritingCheck(pages: pages.modules.map(\.compilation))
        let problems = clock.time(WriteStage.name + suffix) {
            siteWriter.write(site, copying: pages.assets, alongside: [{ items.diagnostics(severity: .warning) }])
        }
        return Built(diagnostics: pages.diagnostics + problems, pages: site.pages.count, keys: pages.keys,
                     kept: Kept(site, compiler: pages.compiled.compiler, keys: pages.keys, folder: language.edition.folder))
    }

    /// Swaps the staged site in, or throws it away when there are errors.
    private func swapIn(_ writer: SiteWriter?, unless diagnostics: [Diagnostic], _ options: BuildOptions) throws(BuildFailure) {
        guard !diagnostics.containsErrors else {
            writer?.discard()
            throw BuildFailure(diagnostics)
        }
        do {
            try writer?.commit()
        } catch {
            writer?.discard()
            throw BuildFailure([.error(WriteProblem.cannotWriteSite(reason: error.localizedDescription),
                                       at: SourceLocation(file: options.output.path))])
        }
    }
}

extension Builder.Kept {
    /// What serve keeps of a written site; nil when a course file could not be made.
    init?(_ site: RenderedSite, compiler: MarkdownCompiler, keys: [AnswerKey.ModuleKey]?, folder: String) {
        guard let entries = site.kept.searchEntries.value, let courseData = site.kept.courseData.value, let keys else { return nil }
        self.init(renderer: site.renderer, compiler: compiler, searchEntries: entries, courseData: courseData, keys: keys, folder: folder)
    }
}
