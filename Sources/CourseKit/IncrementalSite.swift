import Foundation

/// A built site kept in memory for `meridian serve`, so that an edit to a module's text
/// re-renders that one page instead of the whole course.
///
/// `update(changed:)` handles the common case fast: only module files changed, none was added
/// or removed, and their front matter, questions count and linked files are as before; then
/// only the edited modules' pages are rewritten, in place, with `assets/course-data.js` when a
/// question or its answer changed (put together from every module's kept entry, only the
/// edited ones encoded again), and then the search index (`writeSearchIndex()`). Anything
/// else (a new module, a changed title that appears on other pages, a template, a country
/// note, `course.yaml`) is a full build. Either way the output changes only when the content
/// has no errors.
public final class IncrementalSite {
    public enum Update: Sendable {
        /// Pages rewritten in place (site paths), the edited modules' warnings (as a full build
        /// reports them), and the time the edited pages took.
        case pages([String], warnings: [Diagnostic], milliseconds: Int)
        /// A full build was needed and done.
        case full(BuildReport)
    }

    private struct State {
        var course: Course
        var templates: TemplateLibrary
        var compiler: MarkdownCompiler
        var contexts: PageContext
        var modules: [CompiledPage]
        var notes: [CompiledPage?]
        var searchPages: [SearchIndex.Page]
        var courseData: CourseDataScript
        var moduleIndex: [String: Int]

        init(_ kept: Builder.Kept) {
            course = kept.course
            templates = kept.templates
            compiler = kept.products.compiler
            contexts = kept.products.contexts
            modules = kept.products.modules
            notes = kept.products.notes
            searchPages = kept.products.searchPages
            courseData = kept.products.courseData
            moduleIndex = Dictionary(uniqueKeysWithValues: course.modules.enumerated().map { ($1.sourcePath, $0) })
        }
    }

    public let options: BuildOptions
    let builder: Builder
    private var state: State?
    private var searchIndexIsStale = false

    public init(options: BuildOptions, generator: String) {
        self.options = options
        builder = Builder(generator: generator)
    }

    /// A full build, and what it worked out kept in memory for the next updates.
    public func build() throws(BuildFailure) -> BuildReport {
        let (report, kept) = try builder.run(options)
        searchIndexIsStale = false
        state = kept.map(State.init)
        return report
    }

    /// Applies a change to these files (absolute paths).
    public func update(changed paths: [String]) throws(BuildFailure) -> Update {
        let modulesFolder = options.content.appendingPathComponent("modules").path + "/"
        guard var state, !paths.isEmpty,
              paths.allSatisfy({ $0.hasPrefix(modulesFolder) && $0.hasSuffix(".md") }),
              paths.allSatisfy({ state.moduleIndex["modules/" + $0.dropFirst(modulesFolder.count)] != nil }),
              paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) })
        else { return .full(try build()) }
        let started = Date()
        let files = ContentFiles(directory: options.content, displayPath: options.contentDisplay)
        let loader = ModuleLoader(files: files, jobs: 1)
        var edited: [Int] = []
        var warnings: [Diagnostic] = []
        var answersChanged = false
        for path in paths {
            let name = String(path.dropFirst(modulesFolder.count))
            let index = state.moduleIndex["modules/" + name]!
            let loaded = loader.loadModule(named: name)
            guard let module = loaded.module, !loaded.diagnostics.containsErrors else { throw BuildFailure(loaded.diagnostics) }
            let old = state.course.modules[index]
            let compiled = state.compiler.compile(module.body, sourcePath: module.sourcePath, pagePath: module.url,
                                                  isExam: module.meta.assessment == .exam)
            guard !compiled.compilation.diagnostics.containsErrors else { throw BuildFailure(compiled.compilation.diagnostics) }
            guard Self.sameOutside(old.meta, module.meta),
                  compiled.compilation.questions.count == state.modules[index].compilation.questions.count,
                  compiled.compilation.assets == state.modules[index].compilation.assets
            else { return .full(try build()) }
            state.course.modules[index] = module
            state.modules[index] = compiled
            edited.append(index)
            warnings += loaded.diagnostics + compiled.compilation.diagnostics
            let key = AnswerKey.ModuleKey(module, compiled: compiled)
            if try Self.courseData({ try state.courseData.update(moduleAt: index, with: key, url: module.url) }) { answersChanged = true }
        }
        let duplicates = CourseChecks.duplicateIDs(in: state.modules.map(\.compilation))
        guard !duplicates.containsErrors else { throw BuildFailure(duplicates) }
        warnings += ItemWritingCheck(pages: edited.map { state.modules[$0].compilation }).moduleWarnings()
        var written: [String] = []
        for index in edited {
            let module = state.course.modules[index]
            let html = state.templates.render("module", state.contexts.module(at: index, compiled: state.modules[index]))
            do { try Self.replace(options.output.appendingPathComponent(module.url), with: html) } catch {
                throw BuildFailure([.error("cannot write \(module.url): \(error.localizedDescription)", at: SourceLocation(file: options.output.path))])
            }
            written.append(module.url)
            state.searchPages[index] = SearchIndex.page(title: module.meta.title, url: module.url, kind: "module",
                                                        lead: module.meta.summary, html: state.modules[index].html)
        }
        if answersChanged {
            try writeCourseData(state.courseData)
        }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        self.state = state
        searchIndexIsStale = true
        return .pages(written, warnings: warnings.sorted(), milliseconds: milliseconds)
    }

    /// Rewrites the search index after `update` changed pages; called once the pages are
    /// served, because on a large course the index takes longer than the pages.
    public func writeSearchIndex() throws(BuildFailure) {
        guard searchIndexIsStale, let state else { return }
        let url = options.output.appendingPathComponent(SearchIndex.path)
        do { try Self.replace(url, with: SearchIndex.script(state.searchPages)) } catch {
            throw BuildFailure([.error("cannot write \(SearchIndex.path): \(error.localizedDescription)", at: SourceLocation(file: options.output.path))])
        }
        searchIndexIsStale = false
    }

    /// Rewrites `assets/course-data.js`, the progress and certificate pages' answer key.
    private func writeCourseData(_ script: CourseDataScript) throws(BuildFailure) {
        do { try Self.replace(options.output.appendingPathComponent(CourseDataScript.path), with: try script.javaScript()) } catch {
            throw BuildFailure([.error("cannot write \(CourseDataScript.path): \(error.localizedDescription)", at: SourceLocation(file: options.output.path))])
        }
    }

    /// Encoding the course data, with its failure as a build's.
    private static func courseData<T>(_ body: () throws -> T) throws(BuildFailure) -> T {
        do { return try body() } catch {
            throw BuildFailure([.error("cannot encode \(CourseDataScript.path): \(error.localizedDescription)", at: SourceLocation(file: CourseDataScript.path))])
        }
    }

    /// True when nothing of the front matter that other pages show has changed.
    private static func sameOutside(_ a: ModuleMeta, _ b: ModuleMeta) -> Bool {
        a.title == b.title && a.summary == b.summary && a.minutes == b.minutes && a.objectives.count == b.objectives.count
            && a.countries.map(\.value) == b.countries.map(\.value)
    }

    /// Writes a file of the served site beside itself and renames it over the old one, so a
    /// request never reads half a page.
    private static func replace(_ url: URL, with text: String) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try Data(text.utf8).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}
