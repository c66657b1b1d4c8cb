/// The dictionaries the templates receive (documented in `Templates/CONTEXT.md`).
///
/// Every link comes twice: `url`, relative to the site root (write `{{root}}{{url}}`), and
/// `href`, already relative to the page being rendered. The default templates use `href`:
/// each Mustache lookup costs time, and a ten-thousand-module build makes millions of them.
/// Numbers are given as text for the same reason.
struct PageContext {
    let course: Course
    let generator: String
    /// The interface text, for what this file words itself (page titles, dimension names); the
    /// templates have theirs compiled in (see `TemplateTexts`).
    let texts: TextCatalogue
    /// Each module's sidebar entry, rendered once for pages one folder down.
    let sidebarItems: SidebarItems
    /// Above this many modules the sidebar lists only the current module's neighbours, so that
    /// a page does not grow with the size of the course.
    static let fullSidebarLimit = 60
    static let sidebarNeighbours = 5
    /// A country page lists at most this many of the modules that mention it.
    static let countryModuleLimit = 50

    private var courseContext: [String: Any] {
        ["title": course.config.title, "version": course.config.version, "language": course.config.language,
         "id": course.config.id, "description": course.config.description,
         "passScore": String(course.config.passScore)]
    }

    /// The keys every page has.
    func base(kind: String, title: String, description: String, path: String, currentModule: Int? = nil) -> [String: Any] {
        let root = String(repeating: "../", count: path.split(separator: "/").count - 1)
        let languages = languageLinks(path: path, root: root)
        return [
            "root": root,
            "languages": languages, "hasLanguages": !languages.isEmpty,
            "course": courseContext,
            "page": ["title": title, "description": description.isEmpty ? course.config.description : description,
                     "kind": kind, "url": path,
                     "isHome": kind == "home", "isModule": kind == "module",
                     "isCountry": kind == "country", "isCountries": kind == "countries",
                     "isSearch": kind == "search",
                     "isProgress": kind == "progress", "isCertificate": kind == "certificate"] as [String: Any],
            "sidebar": sidebar(current: currentModule, page: path),
            "generator": generator,
        ]
    }

    /// The same page in every language of the course, this one marked; none for a course in one language.
    private func languageLinks(path: String, root: String) -> [[String: Any]] {
        let config = course.config
        guard config.languageCodes.count > 1 else { return [] }
        let siteRoot = root + (config.language == config.defaultLanguage ? "" : "../")
        return config.languageCodes.map { tag in
            ["code": tag, "name": LanguageTag.autonym(tag, among: config.languageCodes), "href": siteRoot + LanguageTag.folder(tag, of: config) + path,
             "isCurrent": tag == config.language]
        }
    }

    private func sidebar(current: Int?, page: String) -> [String: Any] {
        let modules = course.modules
        var range = modules.indices
        let isPartial = modules.count > Self.fullSidebarLimit
        if isPartial {
            let center = current ?? 0
            range = max(0, center - Self.sidebarNeighbours)..<min(modules.count, center + Self.sidebarNeighbours + 1)
        }
        let root = String(repeating: "../", count: page.split(separator: "/").count - 1)
        let items = range.map { sidebarItems.html(for: $0, current: $0 == current, root: root) }.joined()
        return ["items": items, "isPartial": isPartial]
    }

    func module(at index: Int, compiled: CompiledPage) -> [String: Any] {
        let module = course.modules[index]
        var context = base(kind: "module", title: module.meta.title, description: module.meta.summary,
                           path: module.url, currentModule: index)
        let countries: [[String: Any]] = module.meta.countries.compactMap { course.country($0.value) }.map {
            ["code": $0.code, "name": $0.name, "url": $0.url, "href": LinkResolver.relative($0.url, from: module.url)]
        }
        let questions = compiled.compilation.questions.count
        var page: [String: Any] = [
            "number": String(index + 1), "slug": module.slug, "title": module.meta.title,
            "summary": module.meta.summary, "hasSummary": !module.meta.summary.isEmpty,
            "objectives": module.meta.objectives, "hasObjectives": !module.meta.objectives.isEmpty,
            "body": compiled.html, "toc": compiled.toc.map(tocEntry), "hasToc": compiled.toc.count > 1,
            "hasOverview": !module.meta.objectives.isEmpty || compiled.toc.count > 1,
            "countries": countries, "hasCountries": !countries.isEmpty,
            "questionsCount": String(questions), "hasQuestions": questions > 0,
            "isExam": module.meta.assessment == .exam,
        ]
        page["minutes"] = module.meta.minutes.map(String.init)
        if module.meta.assessment == .exam {
            page["examDraw"] = String(min(module.meta.draw?.value ?? questions, questions))
            page["examAttempts"] = module.meta.attempts.map { String($0.value) }
        }
        if index > 0 { page["prev"] = link(course.modules[index - 1], from: module.url) }
        if index + 1 < course.modules.count { page["next"] = link(course.modules[index + 1], from: module.url) }
        context["module"] = page
        return context
    }

    func home(questionCounts: [Int]) -> [String: Any] {
        var context = base(kind: "home", title: course.config.title, description: course.config.description, path: "index.html")
        context["modules"] = course.modules.enumerated().map { index, module -> [String: Any] in
            ["number": String(index + 1), "slug": module.slug, "title": module.meta.title, "url": module.url, "href": module.url,
             "summary": module.meta.summary, "objectivesCount": String(module.meta.objectives.count),
             "questionsCount": String(questionCounts[index]),
             "hasQuestions": questionCounts[index] > 0].adding("minutes", module.meta.minutes.map(String.init))
        }
        context["totalMinutes"] = String(course.modules.compactMap(\.meta.minutes).reduce(0, +))
        context["moduleCount"] = String(course.modules.count)
        context["countryCount"] = String(course.countries.count)
        return context
    }

    func search() -> [String: Any] {
        base(kind: "search", title: texts.text("search.title"), description: texts.text("search.description"),
             path: "search.html")
    }

    /// `progress.html`: the learner's name and employee ID, every module's status, export and import.
    func progress() -> [String: Any] {
        var context = base(kind: "progress", title: texts.text("progress.title"), description: texts.text("progress.description"),
                           path: "progress.html")
        context["modules"] = moduleLinks(from: "progress.html")
        return context
    }

    /// `certificate.html`: the printable certificate, shown by its script once every module is completed.
    func certificate() -> [String: Any] {
        var context = base(kind: "certificate", title: texts.text("certificate.title"),
                           description: texts.text("certificate.description"), path: "certificate.html")
        context["modules"] = moduleLinks(from: "certificate.html")
        return context
    }

    private func moduleLinks(from page: String) -> [[String: Any]] {
        course.modules.enumerated().map { index, module in
            link(module, from: page).merging(["number": String(index + 1), "slug": module.slug]) { _, new in new }
        }
    }

    func scores(_ scores: HofstedeScores) -> [[String: Any]] {
        Dimension.allCases.map { dimension in
            let score = scores[dimension]
            return ["key": dimension.rawValue, "name": dimension.name(in: texts), "score": score.map(String.init) ?? "—",
                    "hasScore": score != nil, "percent": String(min(max(score ?? 0, 0), 100))]
        }
    }

    func link(_ module: Module, from page: String) -> [String: Any] {
        ["title": module.meta.title, "url": module.url, "href": LinkResolver.relative(module.url, from: page)]
    }

    private func tocEntry(_ entry: TOCEntry) -> [String: Any] {
        ["id": entry.id, "text": entry.text, "level": String(entry.level), "isSub": entry.level > 2]
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The dictionary with `key` set when `value` exists. Templates must not see an absent
    /// value as `Optional.none`: swift-mustache would print "nil" and treat it as true.
    func adding(_ key: String, _ value: (some Any)?) -> [String: Any] {
        guard let value else { return self }
        var copy = self
        copy[key] = value
        return copy
    }
}
