import Foundation
import Synchronization

/// Compiles, renders and writes every page of a loaded course.
struct SiteStage: Sendable {
    let course: Course
    let templates: TemplateLibrary
    let texts: TextCatalogue
    let writer: SiteWriter?
    let generator: String
    let jobs: Int
    let progress: (any BuildProgress)?
    /// Where this language's pages go inside the site: "" for the default language, `fr-CA/`.
    var folder = ""
    /// How item-writing findings are reported: warnings, or errors under `check --strict`.
    var itemSeverity: Diagnostic.Severity = .warning

    struct Outcome {
        var diagnostics: [Diagnostic]
        var pages: Int
        /// What the stage worked out on the way, for `serve` to keep; nil unless a site was written.
        var products: Products? = nil
        /// Each module's questions and scenarios with their answers; nil when the Markdown had errors.
        var keys: [AnswerKey.ModuleKey]? = nil
    }

    /// The compiled course and the course-wide files as the written site has them.
    struct Products {
        var compiler: MarkdownCompiler
        var modules: [CompiledPage]
        var notes: [CompiledPage?]
        var contexts: PageContext
        var searchPages: [SearchIndex.Page]
        var courseData: CourseDataScript
    }

    /// A value that one job of a `Parallel.map` sets and the caller reads once the map is done.
    private final class Slot<Value: Sendable>: Sendable {
        private let stored = Mutex<Value?>(nil)

        var value: Value? {
            get { stored.withLock { $0 } }
            set { stored.withLock { $0 = newValue } }
        }
    }

    /// The pages of a site, in the order they are rendered: the home page first, because with
    /// thousands of modules it is the longest, so it overlaps with the others.
    enum Page: Sendable {
        case home, countriesIndex, compare, search, progress, certificate, country(Int), module(Int)
    }

    /// The modules and the country notes compiled, with every problem found in them.
    struct Fragments {
        var compiled: CourseCompilation
        var notes: [CompiledPage?]
        var diagnostics: [Diagnostic]
    }

    /// Markdown → HTML fragments, for the modules and the country notes.
    static func compile(_ course: Course, texts: TextCatalogue, jobs: Int, progress: (any BuildProgress)? = nil) -> Fragments {
        let compiled = CourseCompilation(course: course, texts: texts, jobs: jobs, progress: progress)
        let notes = Parallel.map(course.countries.count, jobs: jobs) { index in
            let country = course.countries[index]
            return country.notes.map { compiled.compiler.compile($0.body, sourcePath: $0.sourcePath, pagePath: country.url) }
        }
        let diagnostics = compiled.diagnostics + notes.compactMap { $0?.compilation.diagnostics }.flatMap { $0 }
        return Fragments(compiled: compiled, notes: notes, diagnostics: diagnostics)
    }

    func run(templatesDirectory: URL, clock: inout StageClock) -> Outcome {
        let language = course.config.languageCodes.count > 1 ? " (\(course.config.language))" : ""
        defer { clock.lap((writer == nil ? "render and check" : "render and write") + language) }
        // 1. Markdown → HTML fragments, for the modules and the country notes.
        let fragments = Self.compile(course, texts: texts, jobs: jobs, progress: progress)
        clock.lap("compile Markdown" + language)
        let compiled = fragments.compiled, modules = compiled.modules, notes = fragments.notes
        var diagnostics = fragments.diagnostics
        let contentAssets = (modules + notes.compactMap { $0 }).reduce(into: Set<String>()) { $0.formUnion($1.compilation.assets) }
        guard !diagnostics.containsErrors else { return Outcome(diagnostics: diagnostics, pages: 0) }
        let keys = compiled.moduleKeys(of: course)
        let items = ItemWritingCheck(pages: modules.map(\.compilation), jobs: writer == nil ? jobs : 1)

        // 2. Fragments → pages through the templates, written as they are rendered.
        let contexts = PageContext(course: course, generator: generator, texts: texts,
                                   sidebarItems: SidebarItems(modules: course.modules, questionCounts: modules.map(\.compilation.questions.count),
                                                              templates: templates, jobs: jobs))
        let mentions = modulesByCountry()
        let searchPage: [Page] = templates.has("search") ? [.search] : []
        let pages: [Page] = [.home, .countriesIndex, .compare, .progress, .certificate] + searchPage + course.countries.indices.map(Page.country) + course.modules.indices.map(Page.module)
        let renderPage: @Sendable (Page) -> (path: String, html: String) = { [self] page in
            switch page {
            case .home:
                return ("index.html", templates.render("home", contexts.home(questionCounts: modules.map(\.compilation.questions.count))))
            case .countriesIndex:
                return ("countries/index.html", templates.render("countries", contexts.countriesIndex()))
            case .compare:
                return ("compare.html", templates.render("compare", contexts.compare()))
            case .search:
                return ("search.html", templates.render("search", contexts.search()))
            case .progress:
                return ("progress.html", templates.render("progress", contexts.progress()))
            case .certificate:
                return ("certificate.html", templates.render("certificate", contexts.certificate()))
            case .country(let index):
                let country = course.countries[index]
                return (country.url, templates.render("country", contexts.country(country, notes: notes[index],
                                                                                   mentionedIn: mentions[country.code] ?? [])))
            case .module(let index):
                return (course.modules[index].url, templates.render("module", contexts.module(at: index, compiled: modules[index])))
            }
        }
        let typography = FrenchTypography.applies(to: course.config.language)
        let render: @Sendable (Page) -> (path: String, html: String) = { page in
            let rendered = renderPage(page)
            return typography ? (rendered.path, FrenchTypography.html(rendered.html)) : rendered
        }
        guard writer != nil else {
            // `meridian check`: render every page in memory and look across them.
            let rendered = Parallel.map(pages.count, jobs: jobs) { render(pages[$0]) }
            diagnostics += SiteChecks(course: course, modules: modules, notes: notes, rendered: rendered).run()
            diagnostics += items.diagnostics(severity: itemSeverity)
            diagnostics += items.summaryNotes(at: SourceLocation(file: course.displayFile("course.yaml")))
            return Outcome(diagnostics: diagnostics, pages: 0, keys: keys)
        }
        let writing = ProgressCounter(stage: "Writing pages", total: pages.count, progress: progress)
        // The assets first: copying the folder replaces it, and the course files are written into it.
        diagnostics += copyAssets(templatesDirectory: templatesDirectory, contentAssets: contentAssets)
        // The course-wide files (and the item-writing check) are made alongside the pages, and first: the search index takes
        // as long as hundreds of pages, and started last it would leave the other cores idle.
        let searchPages = Slot<[SearchIndex.Page]>(), courseData = Slot<CourseDataScript>()
        let courseFiles: [@Sendable () -> [Diagnostic]] = [
            { [self] in writeSearchIndex(modules: modules, notes: notes, keeping: searchPages) },
            { [self] in writePage("assets/countries-data.js", text: CountryData.script(for: course, texts: texts)) },
            { [self] in writePage(TextScript.path, text: TextScript.script(for: texts)) },
            { [self] in writeCourseFiles(keys: keys, keeping: courseData) },
            { items.diagnostics(severity: .warning) },
        ]
        let problems = Parallel.map(courseFiles.count + pages.count, jobs: jobs) { [self] index -> [Diagnostic] in
            guard index >= courseFiles.count else { return courseFiles[index]() }
            defer { writing.tick() }
            let page = render(pages[index - courseFiles.count])
            return writePage(page.path, text: page.html)
        }
        diagnostics += problems.flatMap { $0 }
        let products = searchPages.value.flatMap { searchPages in
            courseData.value.map {
                Products(compiler: compiled.compiler, modules: modules, notes: notes, contexts: contexts,
                         searchPages: searchPages, courseData: $0)
            }
        }
        return Outcome(diagnostics: diagnostics, pages: pages.count, products: products, keys: keys)
    }

    /// Country code → the modules whose front matter names it, in course order.
    func modulesByCountry() -> [String: [Module]] {
        var mentions: [String: [Module]] = [:]
        for module in course.modules {
            for code in Set(module.meta.countries.map(\.value)) { mentions[code, default: []].append(module) }
        }
        return mentions
    }

    private func writePage(_ path: String, text: @autoclosure () -> String) -> [Diagnostic] {
        guard let writer else { return [] }
        do {
            try writer.write(text(), to: folder + path)
            return []
        } catch {
            return [.error("cannot write \(path): \(error.localizedDescription)", at: SourceLocation(file: writer.output.path))]
        }
    }

    /// The files that describe the course as a whole to scripts and to HR's tools.
    private func writeCourseFiles(keys: [AnswerKey.ModuleKey], keeping slot: Slot<CourseDataScript>) -> [Diagnostic] {
        guard let writer else { return [] }
        do {
            let script = try CourseDataScript(config: course.config, texts: texts, modules: keys, urls: course.modules.map(\.url), jobs: 1)
            slot.value = script
            try writer.write(script.javaScript(), to: folder + CourseDataScript.path)
            try writer.write(ProgressRecordSchema.json, to: folder + ProgressRecordSchema.fileName)
            return []
        } catch {
            return [.error("cannot write the course data: \(error.localizedDescription)", at: SourceLocation(file: writer.output.path))]
        }
    }

    /// `assets/search-index.js`, written after the template assets are copied in.
    private func writeSearchIndex(modules: [CompiledPage], notes: [CompiledPage?], keeping slot: Slot<[SearchIndex.Page]>) -> [Diagnostic] {
        let pages = Self.searchPages(course: course, modules: modules, notes: notes, jobs: 1)
        slot.value = pages
        return writePage(SearchIndex.path, text: SearchIndex.script(pages))
    }

    /// The search index's entries: the modules in course order, then the country pages.
    static func searchPages(course: Course, modules: [CompiledPage], notes: [CompiledPage?], jobs: Int) -> [SearchIndex.Page] {
        let moduleEntries = Parallel.map(modules.count, jobs: jobs) { index in
            let module = course.modules[index]
            return SearchIndex.page(title: module.meta.title, url: module.url, kind: "module",
                                    lead: module.meta.summary, html: modules[index].html)
        }
        let countryEntries = course.countries.indices.map { index in
            let country = course.countries[index]
            let lead = ((country.notes?.languages ?? []) + country.parts.map(\.name)).joined(separator: ", ")
            return SearchIndex.page(title: country.name, url: country.url, kind: "country", lead: lead,
                                    html: notes[index]?.html ?? "")
        }
        return moduleEntries + countryEntries
    }

    private func copyAssets(templatesDirectory: URL, contentAssets: Set<String>) -> [Diagnostic] {
        guard let writer else { return [] }
        var diagnostics: [Diagnostic] = []
        let templateAssets = templatesDirectory.appendingPathComponent("assets")
        if FileManager.default.fileExists(atPath: templateAssets.path) {
            do { try writer.copy(templateAssets, to: folder + "assets") } catch {
                diagnostics.append(.error("cannot copy assets: \(error.localizedDescription)", at: SourceLocation(file: templateAssets.path)))
            }
        }
        for path in contentAssets.sorted() {
            do { try writer.copy(course.file(path), to: folder + path) } catch {
                diagnostics.append(.error("cannot copy \(path): \(error.localizedDescription)", at: SourceLocation(file: path)))
            }
        }
        return diagnostics
    }
}

/// Counts finished pages across threads and reports every so often.
final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    let stage: String
    let total: Int
    let progress: (any BuildProgress)?

    init(stage: String, total: Int, progress: (any BuildProgress)?) {
        self.stage = stage
        self.total = total
        self.progress = progress
    }

    func tick() {
        guard let progress else { return }
        let current = done.wrappingAdd(1, ordering: .relaxed).newValue
        if current == total || current % 250 == 0 { progress.advance(stage: stage, done: current, total: total) }
    }
}
