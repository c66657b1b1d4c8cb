import Foundation

/// Compiles, renders and writes every page of a loaded course.
struct SiteStage: @unchecked Sendable {
    let course: Course
    let templates: TemplateLibrary
    let writer: SiteWriter?
    let generator: String
    let jobs: Int
    let progress: (any BuildProgress)?

    struct Result {
        var diagnostics: [Diagnostic]
        var pages: Int
    }

    /// What a module page leaves behind once written.
    private struct ModuleOutcome: Sendable {
        var compilation: PageCompilation
    }

    func run(templatesDirectory: URL) -> Result {
        let compiler = MarkdownCompiler(links: LinkResolver(pages: pageIndex(), contentDirectory: course.directory),
                                        directives: DirectiveRegistry(), allowRawHTML: course.config.rawHTML)
        let contexts = PageContext(course: course, generator: generator)
        let counter = ProgressCounter(total: course.modules.count, progress: progress)
        let modules = Parallel.map(course.modules.count, jobs: jobs) { [self] index in
            defer { counter.tick() }
            return renderModule(index, compiler: compiler, contexts: contexts)
        }
        let mentions = modulesByCountry()
        let countries = Parallel.map(course.countries.count, jobs: jobs) { [self] index in
            let country = course.countries[index]
            return renderCountry(country, mentionedIn: mentions[country.code] ?? [], compiler: compiler, contexts: contexts)
        }
        var diagnostics = (modules + countries).flatMap(\.diagnostics)
        diagnostics += CourseChecks.duplicateIDs(in: modules.map(\.compilation))
        diagnostics += writePage("index.html", template: "home",
                                 contexts.home(questionCounts: modules.map(\.compilation.questions.count)))
        diagnostics += writePage("countries/index.html", template: "countries", contexts.countriesIndex())
        diagnostics += copyAssets(templatesDirectory: templatesDirectory,
                                  contentAssets: (modules + countries).reduce(into: Set()) { $0.formUnion($1.compilation.assets) })
        return Result(diagnostics: diagnostics, pages: course.modules.count + course.countries.count + 2)
    }

    /// Content-relative source path → site path, for every page a link can name.
    private func pageIndex() -> [String: String] {
        var pages: [String: String] = [:]
        for module in course.modules { pages[module.sourcePath] = module.url }
        for country in course.countries { pages["countries/\(country.code).md"] = country.url }
        return pages
    }

    private func renderModule(_ index: Int, compiler: MarkdownCompiler, contexts: PageContext) -> (compilation: PageCompilation, diagnostics: [Diagnostic]) {
        let module = course.modules[index]
        let compiled = compiler.compile(module.body, sourcePath: module.sourcePath, pagePath: module.url)
        let problems = writePage(module.url, template: "module", contexts.module(at: index, compiled: compiled))
        return (compiled.compilation, compiled.compilation.diagnostics + problems)
    }

    /// Country code → the modules whose front matter names it, in course order.
    private func modulesByCountry() -> [String: [Module]] {
        var mentions: [String: [Module]] = [:]
        for module in course.modules {
            for code in Set(module.meta.countries.map(\.value)) { mentions[code, default: []].append(module) }
        }
        return mentions
    }

    private func renderCountry(_ country: Country, mentionedIn mentions: [Module], compiler: MarkdownCompiler,
                               contexts: PageContext) -> (compilation: PageCompilation, diagnostics: [Diagnostic]) {
        let notes = country.notes.map { compiler.compile($0.body, sourcePath: $0.sourcePath, pagePath: country.url) }
        let problems = writePage(country.url, template: "country", contexts.country(country, notes: notes, mentionedIn: mentions))
        let compilation = notes?.compilation ?? PageCompilation(renderMarkdown: { _, _, _ in "" })
        return (compilation, compilation.diagnostics + problems)
    }

    private func writePage(_ path: String, template: String, _ context: [String: Any]) -> [Diagnostic] {
        guard let writer else { return [] }
        do {
            try writer.write(templates.render(template, context), to: path)
            return []
        } catch {
            return [.error("cannot write \(path): \(error.localizedDescription)", at: SourceLocation(file: writer.output.path))]
        }
    }

    private func copyAssets(templatesDirectory: URL, contentAssets: Set<String>) -> [Diagnostic] {
        guard let writer else { return [] }
        var diagnostics: [Diagnostic] = []
        let templateAssets = templatesDirectory.appendingPathComponent("assets")
        if FileManager.default.fileExists(atPath: templateAssets.path) {
            do { try writer.copy(templateAssets, to: "assets") } catch {
                diagnostics.append(.error("cannot copy assets: \(error.localizedDescription)", at: SourceLocation(file: templateAssets.path)))
            }
        }
        for path in contentAssets.sorted() {
            do { try writer.copy(course.directory.appendingPathComponent(path), to: path) } catch {
                diagnostics.append(.error("cannot copy \(path): \(error.localizedDescription)", at: SourceLocation(file: path)))
            }
        }
        return diagnostics
    }
}

/// Counts finished pages across threads and reports every so often.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int
    let progress: (any BuildProgress)?

    init(total: Int, progress: (any BuildProgress)?) {
        self.total = total
        self.progress = progress
    }

    func tick() {
        guard let progress else { return }
        lock.lock()
        done += 1
        let current = done
        lock.unlock()
        if current == total || current % 250 == 0 { progress.advance(stage: "Rendering modules", done: current, total: total) }
    }
}
