/// Every module's Markdown compiled, with the course-wide checks: what `build`, `check` and the
/// answer key share before any page is rendered.
struct CourseCompilation: Sendable {
    var modules: [CompiledPage]
    var diagnostics: [Diagnostic]
    /// Compiles any other page of the course (country notes) with the same link rules.
    let compiler: MarkdownCompiler

    init(course: Course, texts: TextCatalogue, jobs: Int, progress: (any BuildProgress)? = nil) {
        var links = LinkResolver(pages: course.pageIndex(), contentDirectory: course.directory)
        links.sharedDirectory = course.sharedDirectory
        compiler = MarkdownCompiler(links: links, directives: DirectiveRegistry(), texts: texts,
                                    allowRawHTML: course.config.rawHTML)
        let counter = ProgressCounter(stage: "Compiling modules", total: course.modules.count, progress: progress)
        modules = Parallel.map(course.modules.count, jobs: jobs) { [compiler] index in
            defer { counter.tick() }
            let module = course.modules[index]
            return compiler.compile(module.body, sourcePath: module.sourcePath, pagePath: module.url,
                                    isExam: module.meta.assessment == .exam)
        }
        diagnostics = modules.flatMap(\.compilation.diagnostics) + CourseChecks.duplicateIDs(in: modules.map(\.compilation))
            + zip(course.modules, modules).flatMap { CourseChecks.examSettings(of: $0, questions: $1.compilation.questions.count) }
    }

    func moduleKeys(of course: Course) -> [AnswerKey.ModuleKey] {
        zip(course.modules, modules).map { AnswerKey.ModuleKey($0, compiled: $1) }
    }
}

extension AnswerKey.ModuleKey {
    /// A module's key as its compiled page gives it.
    init(_ module: Module, compiled page: CompiledPage) {
        let questions = page.compilation.questions
        var exam: AnswerKey.ExamRules?
        if module.meta.assessment == .exam {
            exam = AnswerKey.ExamRules(draw: min(module.meta.draw?.value ?? questions.count, questions.count),
                                       attempts: module.meta.attempts?.value)
        }
        self.init(slug: module.slug, number: module.number, title: module.meta.title,
                  questions: questions, scenarios: page.compilation.scenarios, exam: exam)
    }
}
