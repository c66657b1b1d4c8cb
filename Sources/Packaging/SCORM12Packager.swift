import CourseKit
import Foundation

/// `meridian package scorm12`: the course built into a temporary folder, the launch page and
/// its scripts added, `imsmanifest.xml` written and checked, and everything zipped into a file
/// that appears at the output path only when all of it succeeded.
public struct SCORM12Packager: Sendable {
    /// What a package may hold: LMSs limit uploads, and a zip without extensions holds 65,535 files.
    public struct Limits: Sendable {
        public var bytes: Int64
        public var files: Int

        public init(bytes: Int64 = 2_000 * 1_048_576, files: Int = 65_535) {
            self.bytes = bytes
            self.files = files
        }
    }

    /// What a package was made of.
    public struct Report: Sendable {
        public var files: Int
        public var bytes: Int64
        public var masteryScore: Int
        /// The most `cmi.suspend_data` a learner of this course can need, in characters.
        public var suspendDataWorstCase: Int
        public var warnings: [Diagnostic]
    }

    /// SCORM 1.2's limit on `cmi.suspend_data`, in characters.
    public static let suspendDataLimit = SuspendDataBudget.limit

    /// File name → contents: the launch page's scripts (`LMS/scorm12/*.js`) and the ADL schemas.
    public var supportFiles: [String: Data]
    public var limits: Limits
    public var generator: String

    public init(supportFiles: [String: Data], limits: Limits = Limits(), generator: String = "Meridian") {
        self.supportFiles = supportFiles
        self.limits = limits
        self.generator = generator
    }

    /// Builds `options`' course and writes its package to `output`.
    public func package(_ options: BuildOptions, to output: URL,
                        progress: (any BuildProgress)? = nil) throws(PackageFailure) -> Report {
        var isFolder: ObjCBool = false
        let folder = output.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .write(output.path, reason: "no folder \(folder.path)")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-package-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        do { try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true) } catch {
            throw .write(work.path, reason: error.localizedDescription)
        }
        var build = options
        build.output = work.appendingPathComponent("site")
        build.writesOutput = true
        let built: BuildReport
        do { built = try Builder(generator: generator).build(build, progress: progress) } catch { throw .build(error) }

        let site = build.output
        let outline = try CourseOutline.read(fromSite: site)
        let worstCase = try SuspendDataBudget(outline: outline).worstCase()
        if worstCase > SuspendDataBudget.limit { throw .suspendDataTooLong(characters: worstCase, limit: SuspendDataBudget.limit) }
        let mastery = try SCORM12Manifest.masteryScore(passScore: outline.passScore)
        try addLaunchPage(to: site, outline: outline, masteryScore: mastery)

        let contents = try PackageContents(site: site, limits: limits)
        let manifest = SCORM12Manifest(courseId: outline.id, title: outline.title, version: outline.version,
                                       masteryScore: mastery, launch: LaunchPage.path, files: contents.paths)
        try manifest.validate()
        try write(Data(manifest.xml.utf8), to: site.appendingPathComponent("imsmanifest.xml"))
        for name in SCORM12Manifest.schemaFiles { try write(support(name), to: site.appendingPathComponent(name)) }

        let entries = ["imsmanifest.xml"] + SCORM12Manifest.schemaFiles + contents.paths
        let zip = try PackageZip(entries: entries, from: site).write(to: output, progress: progress)
        return Report(files: entries.count, bytes: zip, masteryScore: mastery,
                      suspendDataWorstCase: worstCase, warnings: built.warnings)
    }

    private func addLaunchPage(to site: URL, outline: CourseOutline, masteryScore: Int) throws(PackageFailure) {
        let page = LaunchPage(courseId: outline.id, title: outline.title, language: outline.language, masteryScore: masteryScore)
        try write(Data(page.html.utf8), to: site.appendingPathComponent(LaunchPage.path))
        for name in LaunchPage.adapterFiles {
            try write(support(name), to: site.appendingPathComponent("assets/" + name))
        }
    }

    private func support(_ name: String) throws(PackageFailure) -> Data {
        guard let data = supportFiles[name] else { throw .write(name, reason: "missing from this copy of meridian") }
        return data
    }

    private func write(_ data: Data, to url: URL) throws(PackageFailure) {
        do { try data.write(to: url) } catch { throw .write(url.lastPathComponent, reason: error.localizedDescription) }
    }
}
