/// Reads `data/dimension-guide.yaml`: the band thresholds and, for each of Hofstede's six
/// dimensions, what a low, middle and high score tends to mean on a call and what to do about
/// a gap. The file is optional; without it the pages show scores without these texts.
struct DimensionGuideLoader {
    let files: ContentFiles
    static let path = "data/dimension-guide.yaml"
    static let textKeys = ["about", "low", "middle", "high", "customersHigher", "customersLower"]

    func load(into diagnostics: inout [Diagnostic]) -> DimensionGuide? {
        guard files.exists(Self.path) else { return nil }
        let text: String
        switch files.read(Self.path) {
        case .success(let read): text = read
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        }
        var reader = YAMLReader(origin: SourceLocation(file: files.display(Self.path)))
        defer { diagnostics += reader.diagnostics }
        guard let root = reader.parseMapping(text, what: "the dimension guide") else { return nil }
        reader.checkKeys(of: root, known: ["bands", "gap", "dimensions"], what: "the dimension guide")
        let bands = reader.mapping("bands", in: root, what: "the dimension guide")
        let low = bands.flatMap { reader.int("low", in: $0, required: true, what: "'bands'") }
        let high = bands.flatMap { reader.int("high", in: $0, required: true, what: "'bands'") }
        if let bands { reader.checkKeys(of: bands, known: ["low", "high"], what: "'bands'") }
        if let low, let high, low >= high, let bands {
            reader.report(CountryProblem.bandsOutOfOrder(low: low, high: high), at: bands.location)
        }
        let gap = reader.int("gap", in: root, required: true, what: "the dimension guide")
        let dimensions = readDimensions(root, with: &reader)
        guard let low, let high, let gap, let dimensions, !reader.diagnostics.containsErrors else { return nil }
        return DimensionGuide(low: low, high: high, gap: gap, dimensions: dimensions)
    }

    private func readDimensions(_ root: YAMLMapping, with reader: inout YAMLReader) -> [Dimension: DimensionNotes]? {
        guard let map = reader.mapping("dimensions", in: root, what: "the dimension guide") else { return nil }
        reader.checkKeys(of: map, known: Dimension.allCases.map(\.rawValue), what: "'dimensions'")
        var result: [Dimension: DimensionNotes] = [:]
        for dimension in Dimension.allCases {
            let what = "dimension '\(dimension.rawValue)'"
            guard let entry = reader.mapping(dimension.rawValue, in: map, what: "'dimensions'") else { continue }
            reader.checkKeys(of: entry, known: Self.textKeys, what: what)
            let texts = Self.textKeys.map { reader.string($0, in: entry, required: true, what: what) }
            let found = texts.compactMap { $0 }
            guard found.count == texts.count else { continue }
            result[dimension] = DimensionNotes(about: found[0], low: found[1], middle: found[2], high: found[3],
                                               customersHigher: found[4], customersLower: found[5])
        }
        return result.count == Dimension.allCases.count ? result : nil
    }
}

extension YAMLReader {
    /// The mapping under `key`, or nil after reporting that it is missing or not a mapping.
    mutating func mapping(_ key: String, in map: YAMLMapping, what: String) -> YAMLMapping? {
        guard let node = map[key] else {
            report(YAMLProblem.missingKey(key, in: what), at: map.location)
            return nil
        }
        guard let mapping = node.mapping else {
            report(YAMLProblem.notAMapping(key: key), at: location(of: node))
            return nil
        }
        return YAMLMapping(mapping: mapping, location: location(of: node))
    }

    /// A whole number that must be there.
    mutating func int(_ key: String, in map: YAMLMapping, required: Bool, what: String) -> Int? {
        if required, map[key] == nil {
            report(YAMLProblem.missingKey(key, in: what), at: map.location)
            return nil
        }
        return int(key, in: map)
    }
}
