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
        var renderer: PageRenderer
        var compiler: MarkdownCompiler
        var searchEntries: [SearchIndex.Page]
        var courseData: CourseDataScript
        var moduleIndex: [String: Int]
        var course: Course { renderer.course }
        var modules: [CompiledPage] { renderer.modules }

        init(_ kept: Builder.Kept) {
            renderer = kept.renderer
            compiler = kept.compiler
            searchEntries = kept.searchEntries
            courseData = kept.courseData
            moduleIndex = Dictionary(uniqueKeysWithValues: kept.renderer.course.modules.enumerated().map { ($1.sourcePath, $0) })
        }
    }

    public let options: BuildOptions
    let builder: Builder
    /// The served site, each file replaced atomically.
    private let site: LiveSite
    private var state: State?
    private var searchIndexIsStale = false

    public init(options: BuildOptions, generator: String) {
        self.options = options
        builder = Builder(generator: generator)
        site = LiveSite(output: options.output)
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
            state.renderer.replaceModule(at: index, with: module, compiled: compiled)
            edited.append(index)
            warnings += loaded.diagnostics + compiled.compilation.diagnostics
            let key = AnswerKey.ModuleKey(module, compiled: compiled)
            if state.courseData.update(moduleAt: index, with: key, url: module.url) { answersChanged = true }
        }
        let duplicates = CourseChecks.duplicateIDs(in: state.modules.map(\.compilation))
        guard !duplicates.containsErrors else { throw BuildFailure(duplicates) }
        warnings += ItemWritingCheck(pages: edited.map { state.modules[$0].compilation }).moduleWarnings()
        let written = try write(edited, of: &state, courseData: answersChanged)
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        self.state = state
        searchIndexIsStale = true
        return .pages(written, warnings: warnings.sorted(), milliseconds: milliseconds)
    }

    /// Renders and replaces the edited modules' pages, as a full build renders them, and the
    /// course data when an answer changed; notes their new search entries.
    private func write(_ edited: [Int], of state: inout State, courseData: Bool) throws(BuildFailure) -> [String] {
        var written: [String] = []
        for index in edited {
            let page = state.renderer.render(.module(index))
            try site.write(SiteFile(path: page.path) { page.html })
            written.append(page.path)
            state.searchEntries[index] = CourseFiles.searchEntry(for: state.course.modules[index], html: state.modules[index].html)
        }
        if courseData { try site.write(CourseFiles.courseData(state.courseData)) }
        return written
    }

    /// Rewrites the search index after `update` changed pages; called once the pages are
    /// served, because on a large course the index takes longer than the pages.
    public func writeSearchIndex() throws(BuildFailure) {
        guard searchIndexIsStale, let state else { return }
        try site.write(CourseFiles.searchIndex(state.searchEntries))
        searchIndexIsStale = false
    }

    /// True when nothing of the front matter that other pages show has changed.
    private static func sameOutside(_ a: ModuleMeta, _ b: ModuleMeta) -> Bool {
        a.title == b.title && a.summary == b.summary && a.minutes == b.minutes && a.objectives.count == b.objectives.count
            && a.countries.map(\.value) == b.countries.map(\.value)
    }
}
