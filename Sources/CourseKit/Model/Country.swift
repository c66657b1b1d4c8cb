/// Hofstede's six dimensions, in the order the dataset gives them.
public enum Dimension: String, CaseIterable, Sendable {
    case pdi, idv, mas, uai, lto, ivr

    /// The dimension's full name, from the catalogue's `dimension.<key>`.
    public func name(in texts: TextCatalogue) -> String {
        switch self {
        case .pdi: texts.text("dimension.pdi")
        case .idv: texts.text("dimension.idv")
        case .mas: texts.text("dimension.mas")
        case .uai: texts.text("dimension.uai")
        case .lto: texts.text("dimension.lto")
        case .ivr: texts.text("dimension.ivr")
        }
    }

    /// The column that holds it in the 2015 dataset.
    var datasetColumn: String { self == .lto ? "ltowvs" : rawValue }
}

/// One row of the Hofstede dataset: scores keyed by dimension; a missing score is absent.
public struct HofstedeScores: Sendable, Equatable {
    public var values: [Dimension: Int]

    public subscript(dimension: Dimension) -> Int? { values[dimension] }
}

/// A page of the countries section: a country, a group of countries, or a region of one.
public struct Country: Sendable {
    public enum Kind: String, Sendable { case country, part, group, region }

    /// ISO 3166-1 alpha-2 in lower case for countries; a slug for parts, groups and regions.
    public var code: String
    public var name: String
    public var kind: Kind
    public var parent: String?
    public var region: String
    public var scores: HofstedeScores?
    /// Sub-national rows of the dataset shown on this country's page ("Canada French").
    public var parts: [CountryPart] = []
    public var notes: CountryNotes?
    /// For a country the dataset lacks: the dataset row (country or group) closest to it,
    /// linked from its page; its scores are never borrowed.
    public var nearest: String?

    public var url: String { "countries/\(code).html" }
}

/// A sub-national or sub-population row of the dataset.
public struct CountryPart: Sendable {
    public var code: String
    public var name: String
    public var scores: HofstedeScores
}

/// The curated notes of `Content/countries/<code>.md`.
public struct CountryNotes: Sendable {
    public var sourcePath: String
    public var name: String?
    public var parent: Located<String>?
    /// The dataset row to point to when the dataset has no row for this code (`nearest:`).
    public var nearest: Located<String>?
    public var languages: [String] = []
    public var timezones: [String] = []
    public var sources: [String] = []
    public var body: MarkdownSource
}
