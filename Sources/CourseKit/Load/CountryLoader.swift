import Foundation

/// Builds the country pages from the Hofstede dataset, its ISO mapping table and the notes in
/// `countries/`. Scores are read from the published file, never retyped.
package struct CountryLoader {
    let files: ContentFiles
    static let datasetPath = "data/hofstede-6d-2015-08-16.csv"
    static let mappingPath = "data/hofstede-countries.csv"
    static let noteKeys = ["name", "parent", "nearest", "languages", "timezones", "trompenaars", "sources"]

    /// The country pages; `unreadPages` gets the page of each notes file that cannot be read.
    func load(into diagnostics: inout [Diagnostic], unreadPages: inout [String: String]) -> [Country] {
        var countries = loadDataset(into: &diagnostics)
        if files.isTranslation { CountryNamesLoader(files: files).apply(to: &countries, into: &diagnostics) }
        attachNotes(to: &countries, diagnostics: &diagnostics, unreadPages: &unreadPages)
        return countries.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    private func loadDataset(into diagnostics: inout [Diagnostic]) -> [Country] {
        guard let scores = table(Self.datasetPath, separator: ";", into: &diagnostics),
              let mapping = table(Self.mappingPath, separator: ",", into: &diagnostics) else { return [] }
        let scoresByCode = Dictionary(scores.rows.map { ($0.fields["ctr"] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        var countries: [Country] = []
        var parts: [(parent: String, part: CountryPart, line: Int)] = []
        for row in mapping.rows {
            let file = files.shared.display(Self.mappingPath)
            let at = SourceLocation(file: file, line: row.line)
            guard let ctr = row.fields["ctr"], let code = row.fields["code"], let name = row.fields["name"],
                  let kind = row.fields["kind"].flatMap(Country.Kind.init(rawValue:)) else {
                diagnostics.append(.error(CountryProblem.incompleteMappingRow, at: at))
                continue
            }
            guard let scoreRow = scoresByCode[ctr] else {
                diagnostics.append(.error(CountryProblem.notInDataset(code: ctr, dataset: files.shared.display(Self.datasetPath)), at: at))
                continue
            }
            let values = HofstedeScores(row: scoreRow.fields)
            if kind == .part {
                parts.append((row.fields["parent"] ?? "", CountryPart(code: code, name: name, scores: values), row.line))
            } else {
                countries.append(Country(code: code, name: name, kind: kind, parent: nil,
                                         region: row.fields["region"] ?? "", scores: values))
            }
        }
        for (parent, part, line) in parts {
            guard let index = countries.firstIndex(where: { $0.code == parent }) else {
                diagnostics.append(.error(CountryProblem.noParent(part: part.code, parent: parent),
                                          at: SourceLocation(file: files.shared.display(Self.mappingPath), line: line)))
                continue
            }
            countries[index].parts.append(part)
        }
        return countries
    }

    private func table(_ path: String, separator: Character, into diagnostics: inout [Diagnostic]) -> DelimitedTable? {
        switch files.shared.text(of: path) {
        case .success(let text): return DelimitedTable(text, separator: separator)
        case .failure(let problem):
            diagnostics.append(.error(CountryProblem.missingData(problem), at: SourceLocation(file: files.shared.display(path))))
            return nil
        }
    }

    private func attachNotes(to countries: inout [Country], diagnostics: inout [Diagnostic], unreadPages: inout [String: String]) {
        let codes = countries.map(\.code)
        for name in files.list("countries", extension: "md") {
            let code = String(name.dropLast(3))
            guard let notes = loadNotes("countries/\(name)", into: &diagnostics) else {
                unreadPages["countries/\(name)"] = "countries/\(code).html"
                continue
            }
            if let index = countries.firstIndex(where: { $0.code == code }) {
                countries[index].notes = notes
                if let better = notes.name { countries[index].name = better }
            } else if let parent = notes.parent {
                countries.append(Country(code: code, name: notes.name ?? code, kind: .region, parent: parent.value,
                                         region: "", scores: nil, notes: notes))
            } else if let nearest = notes.nearest, let name = notes.name {
                countries.append(Country(code: code, name: name, kind: .country, parent: nil, region: "",
                                         scores: nil, notes: notes, nearest: nearest.value))
            } else {
                let file = files.display("countries/\(name)")
                // Two-letter codes are all near one another: a guess would mislead more than help.
                let guess = code.count > 3 ? Suggestion.closest(to: code, in: codes) : nil
                diagnostics.append(.error(CountryProblem.unknownNotesCode(code, suggestion: guess, hasNearest: notes.nearest != nil),
                                          at: notes.nearest?.location ?? SourceLocation(file: file)))
            }
        }
        checkNearest(&countries, datasetCodes: codes, diagnostics: &diagnostics)
        for country in countries where country.kind == .region {
            guard let parent = country.notes?.parent, !codes.contains(parent.value) else { continue }
            diagnostics.append(.error(CountryProblem.unknownCode(parent.value, suggestion: Suggestion.closest(to: parent.value, in: codes)),
                                      at: parent.location))
        }
    }

    /// `nearest:` must name a country or group of the dataset; the page takes its region.
    private func checkNearest(_ countries: inout [Country], datasetCodes: [String], diagnostics: inout [Diagnostic]) {
        for index in countries.indices {
            guard let nearest = countries[index].notes?.nearest else { continue }
            guard countries[index].scores == nil else {
                diagnostics.append(.warning(CountryProblem.nearestIgnored(code: countries[index].code),
                                            at: nearest.location))
                continue
            }
            guard let row = countries.first(where: { $0.code == nearest.value && $0.scores != nil }) else {
                diagnostics.append(.error(CountryProblem.nearestNotInDataset(nearest.value, suggestion: Suggestion.closest(to: nearest.value, in: datasetCodes)),
                                          at: nearest.location))
                countries[index].nearest = nil
                continue
            }
            countries[index].region = row.region
        }
    }

    private func loadNotes(_ path: String, into diagnostics: inout [Diagnostic]) -> CountryNotes? {
        switch files.read(path) {
        case .success(let text): return Self.notes(text, path: path, file: files.display(path), into: &diagnostics)
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        }
    }

    /// A notes file's text read: its front matter's fields and its body, or nil when the front
    /// matter cannot be read; `file` names it in messages.
    package static func notes(_ text: String, path: String, file: String, into diagnostics: inout [Diagnostic]) -> CountryNotes? {
        let front: FrontMatter
        switch FrontMatter.split(text, file: file) {
        case .success(let split): front = split
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        }
        var notes = CountryNotes(sourcePath: path,
                                 body: MarkdownSource(text: front.body, file: file, lineOffset: front.bodyLineOffset))
        guard let yaml = front.yaml else { return notes }
        var reader = YAMLReader(origin: SourceLocation(file: file, line: 2, column: 1))
        defer { diagnostics += reader.diagnostics }
        guard let map = reader.parseMapping(yaml, what: "the front matter") else { return nil }
        reader.checkKeys(of: map, known: Self.noteKeys, what: "the front matter", severity: .warning)
        notes.name = reader.string("name", in: map, what: "the front matter")
        notes.parent = reader.strings("parent", in: map).first
        notes.nearest = reader.strings("nearest", in: map).first
        notes.languages = reader.strings("languages", in: map).map(\.value)
        let zones = reader.strings("timezones", in: map)
        for zone in zones where TimeZone(identifier: zone.value) == nil {
            let guess = Suggestion.closest(to: zone.value, in: TimeZone.knownTimeZoneIdentifiers)
            reader.report(CountryProblem.unknownTimeZone(zone.value, suggestion: guess),
                          at: zone.location, severity: .warning)
        }
        notes.timezones = zones.map(\.value)
        notes.sources = reader.strings("sources", in: map).map(\.value)
        return notes
    }
}

extension HofstedeScores {
    /// Reads a dataset row; `#NULL!` (no score published) becomes an absent value.
    init(row: [String: String]) {
        var values: [Dimension: Int] = [:]
        for dimension in Dimension.allCases {
            if let text = row[dimension.datasetColumn], let score = Int(text) { values[dimension] = score }
        }
        self.init(values: values)
    }
}
