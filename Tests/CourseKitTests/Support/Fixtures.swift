@testable import CourseKit
import Foundation

/// Paths of the repository, found from this file's place in it.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("Templates")
    static let data = root.appendingPathComponent("Content/data")
    static let fixtures = root.appendingPathComponent("Tests/CourseKitTests/Fixtures")
    /// The shipped English catalogue, `Templates/i18n/en.yaml`.
    static let englishTexts = try! TextCatalogue.load(templates: templates, displayPath: "Templates", language: "en").get()

    /// The published Hofstede dataset, as shipped in `Content/data`.
    static func dataset() throws -> DelimitedTable {
        DelimitedTable(try String(contentsOf: data.appendingPathComponent("hofstede-6d-2015-08-16.csv"), encoding: .utf8), separator: ";")
    }

    /// The dataset's rows by name → ISO code, kind and parent.
    static func countryMapping() throws -> DelimitedTable {
        DelimitedTable(try String(contentsOf: data.appendingPathComponent("hofstede-countries.csv"), encoding: .utf8), separator: ",")
    }
}

/// A fixture course copied into a temporary folder, optionally with a case's files laid over it:
/// `Fixtures/course` is a small good course, `Fixtures/errors/<case>/content` and
/// `.../templates` replace or add files of the content and the templates (`Fixtures/items/<case>`
/// for the item-writing cases).
struct FixtureCourse {
    let folder: URL
    var content: URL { folder.appendingPathComponent("Content") }
    var templates: URL { folder.appendingPathComponent("Templates") }
    var site: URL { folder.appendingPathComponent("Site") }

    init(overlay: String? = nil, from group: String = "errors") throws {
        let files = FileManager.default
        folder = files.temporaryDirectory.appendingPathComponent("meridian-\(UUID().uuidString)")
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        try files.copyItem(at: Repository.fixtures.appendingPathComponent("course"), to: content)
        try files.copyItem(at: Repository.data, to: content.appendingPathComponent("data"))
        try files.copyItem(at: Repository.templates, to: templates)
        if let overlay {
            let base = Repository.fixtures.appendingPathComponent("\(group)/\(overlay)")
            try Self.lay(base.appendingPathComponent("content"), over: content)
            try Self.lay(base.appendingPathComponent("templates"), over: templates)
        }
    }

    /// Builds with messages naming `Content/…` and `Templates/…` as a user would see them.
    func build(writes: Bool = true) throws(BuildFailure) -> BuildReport {
        let options = BuildOptions(content: content, contentDisplay: "Content", templates: templates,
                                   templatesDisplay: "Templates", output: site, jobs: 2, writesOutput: writes)
        return try Builder(generator: "Meridian test").build(options)
    }

    /// Every diagnostic of a build, as printed.
    func messages() -> [String] {
        do {
            return try build().warnings.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    private static func lay(_ source: URL, over target: URL) throws {
        let files = FileManager.default
        guard let enumerator = files.enumerator(atPath: source.path) else { return }
        for case let path as String in enumerator {
            let from = source.appendingPathComponent(path), to = target.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            _ = files.fileExists(atPath: from.path, isDirectory: &isFolder)
            if isFolder.boolValue {
                try files.createDirectory(at: to, withIntermediateDirectories: true)
            } else {
                try? files.removeItem(at: to)
                try files.copyItem(at: from, to: to)
            }
        }
    }
}

/// Every file of a folder with its bytes, keyed by relative path.
func snapshotFiles(of folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
    for case let path as String in enumerator {
        let url = folder.appendingPathComponent(path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
            result[path] = FileManager.default.contents(atPath: url.path)
        }
    }
    return result
}
