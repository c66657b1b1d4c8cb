import Foundation

/// A built site kept in memory for `meridian serve`, so that an edit to a module's text
/// re-renders that one page instead of the whole course.
///
/// `update(changed:)` handles the common case fast: only module files changed, in any of the
/// course's languages, none was added or removed, and their front matter, questions count and
/// linked files are as before; then only the edited modules' pages are rewritten, in place,
/// in their language's folder, with that language's `assets/course-data.js` when a question or
/// its answer changed (put together from every module's kept entry, only the edited ones
/// encoded again), and then its search index (`writeSearchIndex()`). Every translation's
/// answers are checked against the default language's again, as a build checks them.
/// Anything else (a new module, a changed title that appears on other pages, a template, a
/// country note, `course.yaml`) is a full build. Either way the output changes only when the
/// content has no errors.
public final class IncrementalSite {
    public enum Update: Sendable {
        /// Pages rewritten in place (site paths), the edited modules' warnings (as a full build
        /// reports them), and the time the edited pages took.
        case pages([String], warnings: [Diagnostic], milliseconds: Int)
        /// A full build was needed and done.
        case full(BuildReport)
    }

    /// One language of the site as the last build left it, and where its modules are.
    private struct Edition {
        var renderer: PageRenderer
        var compiler: MarkdownCompiler
        var searchEntries: [SearchIndex.Page]
        var courseData: CourseDataScript
        var keys: [AnswerKey.ModuleKey]
        /// The language's folder inside the site: "" for the default language, `fr-CA/`.
        var folder: String
        /// The language's content files (`Content/`, `Content/fr-CA/`), and its modules' folder
        /// as a path that ends in "/".
        var files: ContentFiles
        var modulesFolder: String
        var moduleIndex: [String: Int]
        var searchIndexIsStale = false
        var course: Course { renderer.course }
        var modules: [CompiledPage] { renderer.modules }

        init(_ kept: Builder.Kept, options: BuildOptions) {
            renderer = kept.renderer
            compiler = kept.compiler
            searchEntries = kept.searchEntries
            courseData = kept.courseData
            keys = kept.keys
            folder = kept.folder
            let content = ContentFiles(directory: options.content, displayPath: options.contentDisplay)
            files = kept.folder.isEmpty ? content : ContentFiles(translation: kept.renderer.course.config.language, of: content)
            modulesFolder = files.directory.appendingPathComponent("modules").path + "/"
            moduleIndex = Dictionary(uniqueKeysWithValues: kept.renderer.course.modules.enumerated().map { ($1.sourcePath, $0) })
        }
    }

    /// What an update did to one language.
    private struct Applied {
        var edited: [Int] = []
        var warnings: [Diagnostic] = []
        var answersChanged = false
    }

    public let options: BuildOptions
    let builder: Builder
    /// The served site, each file replaced atomically.
    private let site: LiveSite
    /// The default language first; empty until a build has written the site.
    private var editions: [Edition] = []

    public init(options: BuildOptions, generator: String) {
        self.options = options
        builder = Builder(generator: generator)
        site = LiveSite(output: options.output)
    }

    /// A full build, and what it worked out kept in memory for the next updates.
    public func build() throws(BuildFailure) -> BuildReport {
        let (report, kept) = try builder.run(options)
        editions = kept.map { Edition($0, options: options) }
        return report
    }

    /// Applies a change to these files (absolute paths).
    public func update(changed paths: [String]) throws(BuildFailure) -> Update {
        guard !editions.isEmpty, !paths.isEmpty, let edited = editedModules(paths) else { return .full(try build()) }
        let started = Date()
        var updated = editions
        var applied: [Int: Applied] = [:]
        for (index, names) in edited {
            guard let done = try apply(names, to: &updated[index]) else { return .full(try build()) }
            applied[index] = done
        }
        for translation in updated.indices.dropFirst() {
            let problems = TranslationChecks.grading(of: updated[translation].keys, in: updated[translation].course, against: updated[0].keys)
            guard !problems.containsErrors else { throw BuildFailure(problems) }
        }
        var written: [String] = [], warnings: [Diagnostic] = []
        for (index, done) in applied.sorted(by: { $0.key < $1.key }) {
            written += try write(done.edited, of: &updated[index], courseData: done.answersChanged)
            warnings += done.warnings
        }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        editions = updated
        return .pages(written, warnings: warnings.sorted(), milliseconds: milliseconds)
    }

    /// The edited modules' file names (`03-service.md`) by language; nil when a path is not
    /// the file of a module the site already has.
    private func editedModules(_ paths: [String]) -> [Int: [String]]? {
        var edited: [Int: [String]] = [:]
        for path in paths {
            guard path.hasSuffix(".md"), FileManager.default.fileExists(atPath: path),
                  let index = editions.firstIndex(where: { path.hasPrefix($0.modulesFolder) }) else { return nil }
            let name = String(path.dropFirst(editions[index].modulesFolder.count))
            guard editions[index].moduleIndex["modules/" + name] != nil else { return nil }
            edited[index, default: []].append(name)
        }
        return edited
    }

    /// Loads and compiles the edited modules of one language into `edition`; nil when the edit
    /// reaches beyond their pages, and a full build is needed.
    private func apply(_ names: [String], to edition: inout Edition) throws(BuildFailure) -> Applied? {
        let loader = ModuleLoader(files: edition.files, jobs: 1)
        var applied = Applied()
        for name in names {
            let index = edition.moduleIndex["modules/" + name]!
            let loaded = loader.loadModule(named: name)
            guard let module = loaded.module, !loaded.diagnostics.containsErrors else { throw BuildFailure(loaded.diagnostics) }
            let old = edition.course.modules[index]
            let compiled = edition.compiler.compile(module.body, sourcePath: module.sourcePath, pagePath: module.url,
                                                    isExam: module.meta.assessment == .exam)
            guard !compiled.compilation.diagnostics.containsErrors else { throw BuildFailure(compiled.compilation.diagnostics) }
            guard Self.sameOutside(old.meta, module.meta),
                  compiled.compilation.questions.count == edition.modules[index].compilation.questions.count,
                  compiled.compilation.assets == edition.modules[index].compilation.assets
            else { return nil }
            edition.renderer.replaceModule(at: index, with: module, compiled: compiled)
            applied.edited.append(index)
            applied.warnings += loaded.diagnostics + compiled.compilation.diagnostics
            let key = AnswerKey.ModuleKey(module, compiled: compiled)
            edition.keys[index] = key
            if edition.courseData.update(moduleAt: index, with: key, url: module.url) { applied.answersChanged = true }
        }
        let duplicates = CourseChecks.duplicateIDs(in: edition.modules.map(\.compilation))
        guard !duplicates.containsErrors else { throw BuildFailure(duplicates) }
        applied.warnings += ItemWritingCheck(pages: applied.edited.map { edition.modules[$0].compilation }).moduleWarnings()
        return applied
    }

    /// Renders and replaces the edited modules' pages, as a full build renders them, and the
    /// course data when an answer changed; notes their new search entries. Returns the pages'
    /// site paths.
    private func write(_ edited: [Int], of edition: inout Edition, courseData: Bool) throws(BuildFailure) -> [String] {
        var written: [String] = []
        for index in edited {
            let page = edition.renderer.render(.module(index))
            try site.write(SiteFile(path: page.path) { page.html }, in: edition.folder)
            written.append(edition.folder + page.path)
            edition.searchEntries[index] = CourseFiles.searchEntry(for: edition.course.modules[index], html: edition.modules[index].html)
        }
        if courseData { try site.write(CourseFiles.courseData(edition.courseData), in: edition.folder) }
        edition.searchIndexIsStale = true
        return written
    }

    /// Rewrites the search index of each language whose pages `update` changed; called once the
    /// pages are served, because on a large course the index takes longer than the pages.
    public func writeSearchIndex() throws(BuildFailure) {
        for index in editions.indices where editions[index].searchIndexIsStale {
            try site.write(CourseFiles.searchIndex(editions[index].searchEntries), in: editions[index].folder)
            editions[index].searchIndexIsStale = false
        }
    }

    /// True when nothing of the front matter that other pages show has changed.
    private static func sameOutside(_ a: ModuleMeta, _ b: ModuleMeta) -> Bool {
        a.title == b.title && a.summary == b.summary && a.minutes == b.minutes && a.objectives.count == b.objectives.count
            && a.countries.map(\.value) == b.countries.map(\.value)
    }
}
