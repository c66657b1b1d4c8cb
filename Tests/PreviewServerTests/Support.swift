import Foundation

/// CourseKit's small good fixture course (`Tests/CourseKitTests/Fixtures/course`), with the
/// shipped country data and templates, in a temporary folder.
struct FixtureCourse {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder: URL
    var content: URL { folder.appendingPathComponent("Content") }
    var templates: URL { folder.appendingPathComponent("Templates") }
    var site: URL { folder.appendingPathComponent("Site") }

    init() throws {
        let files = FileManager.default
        folder = files.temporaryDirectory.appendingPathComponent("meridian-\(UUID().uuidString)")
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        try files.copyItem(at: Self.root.appendingPathComponent("Tests/CourseKitTests/Fixtures/course"), to: content)
        try files.copyItem(at: Self.root.appendingPathComponent("Content/data"), to: content.appendingPathComponent("data"))
        try files.copyItem(at: Self.root.appendingPathComponent("Templates"), to: templates)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
