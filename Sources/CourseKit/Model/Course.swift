import Foundation

/// Everything loaded from the content folder, ready to compile.
public struct Course: Sendable {
    public var config: CourseConfig
    /// Ordered by their number.
    public var modules: [Module]
    /// Every country, group and region page, ordered by name.
    public var countries: [Country]
    /// What the scores mean on a call (`data/dimension-guide.yaml`), when the course has it.
    public var guide: DimensionGuide?
    /// The content folder on disk.
    public var directory: URL
    /// The content folder as the user named it, for diagnostics (`Content`).
    public var displayPath: String
    /// For a translation: the default language's content folder, whose images and other files
    /// the translation uses unless it has its own.
    public var sharedDirectory: URL?

    /// The country page with this code, if there is one.
    public func country(_ code: String) -> Country? { countryIndex[code].map { countries[$0] } }

    var countryIndex: [String: Int] = [:]
    /// Pages whose source file could not be read (an error already says why), by source path:
    /// links to them and their country codes are not reported a second time.
    var unreadPages: [String: String] = [:]

    init(config: CourseConfig, modules: [Module], countries: [Country], directory: URL, displayPath: String) {
        self.config = config
        self.modules = modules
        self.countries = countries
        self.directory = directory
        self.displayPath = displayPath
        self.countryIndex = Dictionary(uniqueKeysWithValues: countries.enumerated().map { ($1.code, $0) })
    }

    /// The content file at this content-relative path: the translation's own, or the default language's.
    func file(_ path: String) -> URL {
        let own = directory.appendingPathComponent(path)
        guard let sharedDirectory, !FileManager.default.fileExists(atPath: own.path) else { return own }
        return sharedDirectory.appendingPathComponent(path)
    }

    /// Content-relative source path → site path, for every page a link can name.
    func pageIndex() -> [String: String] {
        var pages = unreadPages
        for module in modules { pages[module.sourcePath] = module.url }
        for country in countries { pages["countries/\(country.code).md"] = country.url }
        return pages
    }
}
