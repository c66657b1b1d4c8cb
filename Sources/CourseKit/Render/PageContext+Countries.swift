/// The contexts of the country pages, the countries index and the compare page.
extension PageContext {
    func country(_ country: Country, notes: CompiledPage?, mentionedIn modules: [Module]) -> [String: Any] {
        var context = base(kind: "country", title: country.name,
                           description: texts.text("country.description", ["country": country.name]), path: country.url)
        let hasScores = country.scores.map { !$0.values.isEmpty } ?? false
        let timezones = country.notes?.timezones ?? []
        let regions = course.countries.filter { $0.kind == .region && $0.parent == country.code }
        var page: [String: Any] = [
            "code": country.code, "name": country.name, "isGroup": country.kind == .group, "isRegion": country.kind == .region,
            "scores": scores(country.scores ?? HofstedeScores(values: [:]), explained: true),
            "hasScores": hasScores,
            "parts": country.parts.enumerated().map { index, part in
                ["name": part.name, "scores": scores(part.scores), "series": String(index + 1)] as [String: Any]
            },
            "hasParts": !country.parts.isEmpty,
            "notes": notes?.html ?? "", "hasNotes": !(notes?.html.isEmpty ?? true),
            "languages": country.notes?.languages ?? [],
            "timezones": timezones.map { ["zone": $0, "place": Self.place(ofZone: $0)] },
            "hasTimezones": !timezones.isEmpty,
            "sources": (country.notes?.sources ?? []).map(Self.source), "hasSources": !(country.notes?.sources ?? []).isEmpty,
            "modules": modules.prefix(Self.countryModuleLimit).map { link($0, from: country.url) },
            "hasModules": !modules.isEmpty,
            "regions": regions.map { pageLink(of: $0, from: country.url) }, "hasRegions": !regions.isEmpty,
        ]
        if hasScores, let scores = country.scores {
            let series = [ScoreChart.Series(name: country.name, scores: scores)]
                + country.parts.map { ScoreChart.Series(name: $0.name, scores: $0.scores) }
            page["chart"] = ScoreChart(series: series, bands: course.guide.map { ($0.low, $0.high) }, texts: texts)
                .svg(titleID: "score-chart-title")
            page["compareHref"] = "../compare.html?c=\(country.code)"
            page["compareName"] = country.name
        } else if let stand = (country.parent ?? country.nearest).flatMap(course.country), stand.scores != nil {
            // A regional page, or a country the dataset lacks, has no scores of its own: its
            // comparison starts from its country, or from the dataset row nearest to it.
            page["compareHref"] = "../compare.html?c=\(stand.code)"
            page["compareName"] = stand.name
        }
        if let guide = course.guide {
            page["bands"] = texts.text("band.thresholds", ["low": String(guide.low), "high": String(guide.high)])
        }
        if modules.count > Self.countryModuleLimit { page["moreModules"] = String(modules.count - Self.countryModuleLimit) }
        if let parent = country.parent.flatMap(course.country) { page["parent"] = self.pageLink(of: parent, from: country.url) }
        if let nearest = country.nearest.flatMap(course.country) { page["nearest"] = self.pageLink(of: nearest, from: country.url) }
        context["country"] = page
        return context
    }

    func countriesIndex() -> [String: Any] {
        let path = "countries/index.html"
        var context = base(kind: "countries", title: texts.text("countries.title"), description: texts.text("countries.description"),
                           path: path)
        let listed = course.countries.filter { $0.kind != .region }
        context["countries"] = listed.map { country -> [String: Any] in
            ["code": country.code, "name": country.name, "url": country.url, "href": LinkResolver.relative(country.url, from: path),
             "isGroup": country.kind == .group, "region": country.region, "hasNotes": country.notes != nil,
             "hasScores": country.scores != nil, "scores": scores(country.scores ?? HofstedeScores(values: [:]))]
        }
        context["countryCount"] = String(listed.count)
        context["regionNames"] = Set(listed.map(\.region).filter { !$0.isEmpty }).sorted()
        context["regions"] = course.countries.filter { $0.kind == .region }.map { pageLink(of: $0, from: path) }
        context["dimensions"] = Dimension.allCases.map { ["key": $0.rawValue, "name": $0.name(in: texts)] }
        return context
    }

    /// The compare page: three labelled choices; `assets/compare.js` draws the comparison.
    func compare() -> [String: Any] {
        var context = base(kind: "compare", title: texts.text("compare.title"), description: texts.text("compare.description"),
                           path: "compare.html")
        if var page = context["page"] as? [String: Any] {
            page["isCompare"] = true
            context["page"] = page
        }
        context["slots"] = CompareSlot.all.map {
            ["id": $0.id, "label": texts.text($0.labelKey), "hint": texts.text($0.hintKey)]
        }
        let choices = CountryData.choices(in: course)
        context["optionGroups"] = Dictionary(grouping: choices, by: \.region).sorted { $0.key < $1.key }.map { region, entries in
            ["region": region, "countries": entries.map { ["code": $0.code, "name": $0.name] }] as [String: Any]
        }
        context["gap"] = course.guide.map { String($0.gap) } ?? ""
        context["hasGuide"] = course.guide != nil
        return context
    }

    private func pageLink(of country: Country, from path: String) -> [String: Any] {
        ["code": country.code, "name": country.name, "url": country.url, "href": LinkResolver.relative(country.url, from: path)]
    }

    /// The six scores, and with `explained` the band and what it tends to mean on a call.
    func scores(_ scores: HofstedeScores, explained: Bool) -> [[String: Any]] {
        var rows = self.scores(scores)
        guard explained, let guide = course.guide else { return rows }
        for (index, dimension) in Dimension.allCases.enumerated() {
            guard let score = scores[dimension], let notes = guide.dimensions[dimension] else { continue }
            let band = guide.band(of: score)
            rows[index]["band"] = band.rawValue
            rows[index]["bandLabel"] = texts.text("band.\(band.rawValue)")
            rows[index]["meaning"] = notes.text(for: band)
            rows[index]["about"] = notes.about
        }
        return rows
    }

    /// "America/Argentina/Buenos_Aires" → "Buenos Aires".
    static func place(ofZone zone: String) -> String {
        String(zone.split(separator: "/").last ?? Substring(zone)).replacingOccurrences(of: "_", with: " ")
    }

    /// A source as text, with its web address (if it gives one) split out to be linked.
    static func source(_ text: String) -> [String: Any] {
        guard let start = text.range(of: "https://") ?? text.range(of: "http://") else { return ["text": text] }
        let end = text[start.lowerBound...].firstIndex(where: { $0 == " " || $0 == ")" || $0 == "," }) ?? text.endIndex
        var url = String(text[start.lowerBound..<end])
        while let last = url.last, ".;:".contains(last) { url.removeLast() }
        let urlEnd = text.index(start.lowerBound, offsetBy: url.count)
        return ["text": String(text[..<start.lowerBound]), "url": url, "after": String(text[urlEnd...])]
    }
}

/// The three choices of the compare page, in the order of `compare.html?c=…`, with the keys of
/// their words in the catalogue.
struct CompareSlot {
    var id: String
    var labelKey: String
    var hintKey: String

    static let all = [
        CompareSlot(id: "customers", labelKey: "compare.slot.customers.label", hintKey: "compare.slot.customers.hint"),
        CompareSlot(id: "company", labelKey: "compare.slot.company.label", hintKey: "compare.slot.company.hint"),
        CompareSlot(id: "team", labelKey: "compare.slot.team.label", hintKey: "compare.slot.team.hint"),
    ]
}
