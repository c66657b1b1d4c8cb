/// Stage 4 of `meridian check`, in place of writing: every page of one language rendered in
/// memory and looked at across pages (links, anchors, modules no page leads to), with the
/// item-writing check and its course-wide notes.
struct CheckStage {
    static let name = "check"
    let jobs: Int
    /// Warnings, or errors under `check --strict`.
    let itemSeverity: Diagnostic.Severity

    func check(_ site: RenderedSite, compiled pages: CompileStage.Pages) -> [Diagnostic] {
        let rendered = Parallel.map(site.pages.count, jobs: jobs) { site.renderer.render(site.pages[$0]) }
        let items = ItemWritingCheck(pages: pages.modules.map(\.compilation), jobs: jobs)
        return SiteChecks(course: pages.course, modules: pages.modules, notes: pages.notes, rendered: rendered).run()
            + items.diagnostics(severity: itemSeverity)
            + items.summaryNotes(at: SourceLocation(file: pages.course.displayFile("course.yaml")))
    }
}
