/// The sidebar's entries, one per module, rendered through `partials/sidebar-item` once and
/// reused on every page (like Hugo's `partialCached`): a page's sidebar is then a join of
/// ready strings, not dozens of template lookups, which matters when a course has thousands
/// of pages.
struct SidebarItems: Sendable {
    static let template = "partials/sidebar-item"
    /// The folder depth the cache is rendered for: module and country pages.
    static let cachedRoot = "../"

    private let templates: TemplateLibrary
    private let modules: [Module]
    /// Each module's number of questions: the entry carries it so scripts can tell a module's status.
    private let questionCounts: [Int]
    /// `[index][0]` as a plain entry, `[index][1]` as the current page, for `cachedRoot`.
    private let cached: [[String]]

    init(modules: [Module], questionCounts: [Int], templates: TemplateLibrary, jobs: Int) {
        self.templates = templates
        self.modules = modules
        self.questionCounts = questionCounts
        let render: @Sendable (Int) -> [String] = { [templates] index in
            [false, true].map { Self.render(index, module: modules[index], questions: questionCounts[index], current: $0,
                                            root: Self.cachedRoot, templates: templates) }
        }
        cached = Parallel.map(modules.count, jobs: jobs, render)
    }

    /// The entry of module `index` for a page whose path to the site root is `root`.
    func html(for index: Int, current: Bool, root: String) -> String {
        root == Self.cachedRoot
            ? cached[index][current ? 1 : 0]
            : Self.render(index, module: modules[index], questions: questionCounts[index], current: current, root: root, templates: templates)
    }

    private static func render(_ index: Int, module: Module, questions: Int, current: Bool, root: String,
                               templates: TemplateLibrary) -> String {
        let context: [String: Any] = ["number": String(index + 1), "title": module.meta.title, "url": module.url,
                                      "slug": module.slug, "questionsCount": String(questions), "root": root, "current": current]
        return templates.render(template, context.adding("minutes", module.meta.minutes.map(String.init)))
    }
}
