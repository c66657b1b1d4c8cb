/// The dictionaries the templates receive (documented in `Templates/CONTEXT.md`).
struct PageContext {
    let course: Course
    let generator: String
    /// Above this many modules the sidebar lists only the current module's neighbours, so that
    /// a page does not grow with the size of the course.
    static let fullSidebarLimit = 60
    static let sidebarNeighbours = 5

    private var courseContext: [String: Any] {
        ["title": course.config.title, "version": course.config.version, "language": course.config.language,
         "id": course.config.id, "description": course.config.description]
    }

    /// The keys every page has.
    func base(kind: String, title: String, description: String, path: String, currentModule: Int? = nil) -> [String: Any] {
        [
            "root": String(repeating: "../", count: path.split(separator: "/").count - 1),
            "course": courseContext,
            "page": ["title": title, "description": description, "kind": kind, "url": path,
                     "isHome": kind == "home", "isModule": kind == "module",
                     "isCountry": kind == "country", "isCountries": kind == "countries"] as [String: Any],
            "sidebar": sidebar(current: currentModule),
            "generator": generator,
        ]
    }

    private func sidebar(current: Int?) -> [String: Any] {
        let modules = course.modules
        var range = modules.indices
        let isPartial = modules.count > Self.fullSidebarLimit
        if isPartial {
            let center = current ?? 0
            range = max(0, center - Self.sidebarNeighbours)..<min(modules.count, center + Self.sidebarNeighbours + 1)
        }
        let items: [[String: Any]] = range.map { index in
            let module = modules[index]
            return ["number": index + 1, "title": module.meta.title, "url": module.url,
                    "current": index == current].adding("minutes", module.meta.minutes)
        }
        return ["modules": items, "isPartial": isPartial]
    }

    func module(at index: Int, compiled: CompiledPage) -> [String: Any] {
        let module = course.modules[index]
        var context = base(kind: "module", title: module.meta.title, description: module.meta.summary,
                           path: module.url, currentModule: index)
        let countries: [[String: Any]] = module.meta.countries.compactMap { course.country($0.value) }.map {
            ["code": $0.code, "name": $0.name, "url": $0.url]
        }
        var page: [String: Any] = [
            "number": index + 1, "slug": module.slug, "title": module.meta.title, "summary": module.meta.summary,
            "objectives": module.meta.objectives,
            "body": compiled.html, "toc": compiled.toc.map(tocEntry), "hasToc": compiled.toc.count > 1,
            "countries": countries, "hasCountries": !countries.isEmpty,
            "questionsCount": compiled.compilation.questions.count,
            "hasQuestions": !compiled.compilation.questions.isEmpty,
        ]
        page["minutes"] = module.meta.minutes
        if index > 0 { page["prev"] = link(course.modules[index - 1]) }
        if index + 1 < course.modules.count { page["next"] = link(course.modules[index + 1]) }
        context["module"] = page
        return context
    }

    func home(questionCounts: [Int]) -> [String: Any] {
        var context = base(kind: "home", title: course.config.title, description: course.config.description, path: "index.html")
        context["modules"] = course.modules.enumerated().map { index, module -> [String: Any] in
            ["number": index + 1, "title": module.meta.title, "url": module.url, "summary": module.meta.summary,
             "objectivesCount": module.meta.objectives.count, "questionsCount": questionCounts[index],
             "hasQuestions": questionCounts[index] > 0].adding("minutes", module.meta.minutes)
        }
        context["totalMinutes"] = course.modules.compactMap(\.meta.minutes).reduce(0, +)
        context["moduleCount"] = course.modules.count
        context["countryCount"] = course.countries.count
        return context
    }

    func country(_ country: Country, notes: CompiledPage?, mentionedIn modules: [Module]) -> [String: Any] {
        var context = base(kind: "country", title: country.name, description: "What to know before a call with a customer in \(country.name).",
                           path: country.url)
        var page: [String: Any] = [
            "code": country.code, "name": country.name, "isGroup": country.kind == .group,
            "scores": scores(country.scores ?? HofstedeScores(values: [:])), "hasScores": country.scores.map { !$0.values.isEmpty } ?? false,
            "parts": country.parts.map { ["name": $0.name, "scores": scores($0.scores)] as [String: Any] },
            "hasParts": !country.parts.isEmpty,
            "notes": notes?.html ?? "", "hasNotes": !(notes?.html.isEmpty ?? true),
            "languages": country.notes?.languages ?? [], "timezones": country.notes?.timezones ?? [],
            "modules": modules.map(link), "hasModules": !modules.isEmpty,
        ]
        if let parent = country.parent.flatMap(course.country) { page["parent"] = ["name": parent.name, "url": parent.url] }
        context["country"] = page
        return context
    }

    func countriesIndex() -> [String: Any] {
        var context = base(kind: "countries", title: "Countries", description: "Culture scores and notes for every country in the course.",
                           path: "countries/index.html")
        context["countries"] = course.countries.filter { $0.kind != .region }.map { country -> [String: Any] in
            ["code": country.code, "name": country.name, "url": country.url, "isGroup": country.kind == .group,
             "scores": scores(country.scores ?? HofstedeScores(values: [:]))]
        }
        context["regions"] = course.countries.filter { $0.kind == .region }.map { ["name": $0.name, "url": $0.url] }
        context["dimensions"] = Dimension.allCases.map { ["key": $0.rawValue, "name": $0.name] }
        return context
    }

    private func scores(_ scores: HofstedeScores) -> [[String: Any]] {
        Dimension.allCases.map { dimension in
            let score = scores[dimension]
            return ["key": dimension.rawValue, "name": dimension.name, "score": score.map(String.init) ?? "—",
                    "hasScore": score != nil, "percent": min(max(score ?? 0, 0), 100)]
        }
    }

    private func link(_ module: Module) -> [String: Any] { ["title": module.meta.title, "url": module.url] }

    private func tocEntry(_ entry: TOCEntry) -> [String: Any] {
        ["id": entry.id, "text": entry.text, "level": entry.level, "isSub": entry.level > 2]
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
