/// Renders one page of the site through its template: the one function that `build`,
/// `check` and `serve`'s incremental updates share.
struct PageRenderer: Sendable {
    /// The pages of a site, in the order they are rendered: the home page first, because with
    /// thousands of modules it is the longest, so it overlaps with the others.
    enum Page: Sendable {
        case home, countriesIndex, compare, search, progress, certificate, country(Int), module(Int)
    }

    private(set) var course: Course
    let templates: TemplateLibrary
    let contexts: PageContext
    private(set) var modules: [CompiledPage]
    let notes: [CompiledPage?]
    /// Country code → the modules whose front matter names it, in course order.
    let mentions: [String: [Module]]
    let typography: Bool

    init(course: Course, templates: TemplateLibrary, contexts: PageContext, modules: [CompiledPage], notes: [CompiledPage?]) {
        self.course = course
        self.templates = templates
        self.contexts = contexts
        self.modules = modules
        self.notes = notes
        mentions = Self.modulesByCountry(course)
        typography = FrenchTypography.applies(to: course.config.language)
    }

    /// Every page of the site, in rendering order.
    var pages: [Page] {
        let searchPage: [Page] = templates.has("search") ? [.search] : []
        return [.home, .countriesIndex, .compare, .progress, .certificate] + searchPage
            + course.countries.indices.map(Page.country) + course.modules.indices.map(Page.module)
    }

    /// The page's path in the site and its HTML.
    func render(_ page: Page) -> (path: String, html: String) {
        let rendered = renderTemplate(page)
        return typography ? (rendered.path, FrenchTypography.html(rendered.html)) : rendered
    }

    /// A module edited in place (`serve`), for the next `render(.module(index))`.
    mutating func replaceModule(at index: Int, with module: Module, compiled: CompiledPage) {
        course.modules[index] = module
        modules[index] = compiled
    }

    private func renderTemplate(_ page: Page) -> (path: String, html: String) {
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

    private static func modulesByCountry(_ course: Course) -> [String: [Module]] {
        var mentions: [String: [Module]] = [:]
        for module in course.modules {
            for code in Set(module.meta.countries.map(\.value)) { mentions[code, default: []].append(module) }
        }
        return mentions
    }
}
