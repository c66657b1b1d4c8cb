/// Stage 2, Markdown → HTML fragments: every module and country note of one language
/// compiled (directives become questions and scenarios), with the course-wide checks.
struct CompileStage {
    static let name = "compile"
    let jobs: Int
    var progress: (any BuildProgress)? = nil

    /// A language's pages compiled, and what the later stages need of them.
    struct Pages: Sendable {
        var course: Course
        var compiled: CourseCompilation
        var notes: [CompiledPage?]
        var diagnostics: [Diagnostic]
        /// Each module's questions and scenarios with their answers.
        var keys: [AnswerKey.ModuleKey]
        /// The files the Markdown links to (images), to be copied into the site.
        var assets: Set<String> {
            (compiled.modules + notes.compactMap { $0 }).reduce(into: Set<String>()) { $0.formUnion($1.compilation.assets) }
        }
        var modules: [CompiledPage] { compiled.modules }
    }

    func compile(_ course: Course, texts: TextCatalogue) -> Pages {
        let compiled = CourseCompilation(course: course, texts: texts, jobs: jobs, progress: progress)
        let notes = Parallel.map(course.countries.count, jobs: jobs) { index in
            let country = course.countries[index]
            return country.notes.map { compiled.compiler.compile($0.body, sourcePath: $0.sourcePath, pagePath: country.url) }
        }
        let diagnostics = compiled.diagnostics + notes.compactMap { $0?.compilation.diagnostics }.flatMap { $0 }
        return Pages(course: course, compiled: compiled, notes: notes, diagnostics: diagnostics, keys: compiled.moduleKeys(of: course))
    }
}
