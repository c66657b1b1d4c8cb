/// Stage 3, HTML fragments → pages: the page contexts and the sidebar worked out once, then a
/// renderer for every page of one language and the course-wide files. Nothing is rendered
/// here: the write stage renders each page as it writes it, on every core, so ten thousand
/// pages are never held in memory at once.
struct RenderStage {
    static let name = "render"
    let templates: TemplateLibrary
    let texts: TextCatalogue
    let generator: String
    let jobs: Int

    func render(_ pages: CompileStage.Pages) -> RenderedSite {
        let course = pages.course, modules = pages.modules
        let sidebar = SidebarItems(modules: course.modules, questionCounts: modules.map(\.compilation.questions.count),
                                   templates: templates, jobs: jobs)
        let contexts = PageContext(course: course, generator: generator, texts: texts,
                                   sidebarItems: sidebar)
        let renderer = PageRenderer(course: course, templates: templates, contexts: contexts, modules: modules, notes: pages.notes)
        let kept = RenderedSite.Kept()
        return RenderedSite(renderer: renderer, pages: renderer.pages, courseFiles: courseFiles(pages, keeping: kept),
                            kept: kept)
    }

    /// The search index first: it takes as long as hundreds of pages, and made last it would
    /// leave the other cores idle.
    private func courseFiles(_ pages: CompileStage.Pages, keeping kept: RenderedSite.Kept) -> [SiteFile] {
        let course = pages.course, texts = texts, keys = pages.keys
        return [
            SiteFile(path: SearchIndex.path) {
                let entries = CourseFiles.searchEntries(course: course, modules: pages.modules, notes: pages.notes, jobs: 1)
                kept.searchEntries.value = entries
                return CourseFiles.searchIndex(entries).text()
            },
            CourseFiles.countryData(of: course, texts: texts),
            CourseFiles.texts(texts),
            SiteFile(path: CourseDataScript.path) {
                let script = CourseDataScript(config: course.config, texts: texts, modules: keys,
                                              urls: course.modules.map(\.url), jobs: 1)
                kept.courseData.value = script
                return CourseFiles.courseData(script).text()
            },
            CourseFiles.recordSchema,
        ]
    }
}
