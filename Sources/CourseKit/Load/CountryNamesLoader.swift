import Foundation

/// Reads a translation's `data/country-names.yaml`: the name of every row of the shared
/// mapping table (`countries:`, by page code) and of every region (`regions:`, by the table's
/// English name), in the translation's language. The mapping table itself is not copied: codes,
/// kinds and parents stay in one place.
struct CountryNamesLoader {
    let files: ContentFiles
    static let path = "data/country-names.yaml"

    /// Renames the dataset's pages and regions; every code and region must have a name, and
    /// every name must belong to a code or region.
    func apply(to countries: inout [Country], into diagnostics: inout [Diagnostic]) {
        let file = files.display(Self.path)
        let text: String
        switch files.read(Self.path) {
        case .success(let read): text = read
        case .failure:
            diagnostics.append(.error(CountryProblem.noNamesFile(file: file), at: SourceLocation(file: file)))
            return
        }
        var reader = YAMLReader(origin: SourceLocation(file: file))
        defer { diagnostics += reader.diagnostics }
        guard let root = reader.parseMapping(text, what: "the country names") else { return }
        reader.checkKeys(of: root, known: ["countries", "regions"], what: "the country names")
        let names = entries("countries", in: root, reader: &reader)
        let regions = entries("regions", in: root, reader: &reader)
        var codes: Set<String> = [], regionNames: Set<String> = []
        for index in countries.indices {
            let code = countries[index].code
            codes.insert(code)
            if let name = names[code]?.value { countries[index].name = name } else {
                reader.report(CountryProblem.noPageName(code: code, name: countries[index].name), at: root.location)
            }
            if !countries[index].region.isEmpty { regionNames.insert(countries[index].region) }
            for part in countries[index].parts.indices {
                let partCode = countries[index].parts[part].code
                codes.insert(partCode)
                if let name = names[partCode]?.value { countries[index].parts[part].name = name } else {
                    reader.report(CountryProblem.noPageName(code: partCode, name: countries[index].parts[part].name), at: root.location)
                }
            }
        }
        for region in regionNames.sorted() where regions[region] == nil {
            reader.report(CountryProblem.noRegionName(region), at: root.location)
        }
        for index in countries.indices where !countries[index].region.isEmpty {
            countries[index].region = regions[countries[index].region]?.value ?? countries[index].region
        }
        for (code, name) in names where !codes.contains(code) {
            reader.report(CountryProblem.notAPageCode(code, suggestion: Suggestion.closest(to: code, in: codes)), at: name.location)
        }
        for (region, name) in regions where !regionNames.contains(region) {
            reader.report(CountryProblem.notARegion(region, suggestion: Suggestion.closest(to: region, in: regionNames)), at: name.location)
        }
    }

    /// A mapping of texts to texts, each value with its place.
    private func entries(_ key: String, in root: YAMLMapping, reader: inout YAMLReader) -> [String: Located<String>] {
        guard let map = reader.mapping(key, in: root, what: "the country names") else { return [:] }
        var result: [String: Located<String>] = [:]
        for entry in map.entries {
            guard let name = entry.value.string, !YAMLReader.isBlank(name) else {
                reader.report(CountryProblem.nameNotText(code: entry.key), at: reader.location(of: entry.value))
                continue
            }
            result[entry.key] = Located(value: name, location: reader.location(of: entry.keyNode))
        }
        return result
    }
}
