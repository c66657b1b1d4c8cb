import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads `Content/`: `course.yaml`, the modules, the country data and notes.
public struct ContentLoader: Sendable {
    public var jobs: Int

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.jobs = jobs
    }

    /// Loads the course or throws every problem found, sorted.
    public func load(from directory: URL, displayPath: String) throws(BuildFailure) -> (Course, [Diagnostic]) {
        let loaded = read(from: directory, displayPath: displayPath)
        guard let course = loaded.course, !loaded.diagnostics.containsErrors else { throw BuildFailure(loaded.diagnostics) }
        return (course, loaded.diagnostics)
    }

    /// Reads all of the content, however much of it fails: the course holds every file that
    /// loaded, so that the rest of a build can look for problems in it too. The course is nil
    /// only when `course.yaml` cannot be read.
    func read(from directory: URL, displayPath: String) -> (course: Course?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let files = ContentFiles(directory: directory, displayPath: displayPath)
        let config = CourseConfigLoader(files: files).load(into: &diagnostics)
        let course = course(in: files, config: config, diagnostics: &diagnostics)
        return (course, diagnostics)
    }

    /// The modules, country notes and dimension guide of one language's folder, as a course
    /// with these settings; nil when there are no settings (the files are still read, so that
    /// their problems are reported).
    func course(in files: ContentFiles, config: CourseConfig?, diagnostics: inout [Diagnostic]) -> Course? {
        var unreadPages: [String: String] = [:]
        let modules = ModuleLoader(files: files, jobs: jobs).load(into: &diagnostics, unreadPages: &unreadPages)
        let countries = CountryLoader(files: files).load(into: &diagnostics, unreadPages: &unreadPages)
        let guide = DimensionGuideLoader(files: files).load(into: &diagnostics)
        guard let config else { return nil }
        var course = Course(config: config, modules: modules, countries: countries,
                            directory: files.directory, displayPath: files.displayPath)
        course.guide = guide
        course.unreadPages = unreadPages
        course.sharedDirectory = files.sharedDirectory
        diagnostics += checkCountryReferences(in: course)
        return course
    }

    /// A code naming a notes file that could not be read is not reported again.
    func checkCountryReferences(in course: Course) -> [Diagnostic] {
        course.modules.flatMap(\.meta.countries).compactMap { code in
            guard course.country(code.value) == nil, course.unreadPages["countries/\(code.value).md"] == nil else { return nil }
            return .error(Self.unknownCountry(code.value, in: course), at: code.location)
        }
    }

    /// Names the code to use instead where we can tell: a common non-ISO code, a code in upper
    /// case, or a near miss of a longer code such as a region's.
    static func unknownCountry(_ code: String, in course: Course) -> CountryProblem {
        let aliases = ["uk": "gb", "en": "gb", "el": "gr", "usa": "us", "can": "ca"]
        if let iso = aliases[code.lowercased()], let country = course.country(iso) {
            return .aliasCode(code, iso: iso, country: country.name)
        }
        if course.country(code.lowercased()) != nil { return .upperCaseCode(code) }
        let guess = code.count > 3 ? Suggestion.closest(to: code, in: course.countries.map(\.code)) : nil
        return .unknownModuleCode(code, suggestion: guess)
    }
}

/// Paths inside the content folder and how to show them to the user.
struct ContentFiles: Sendable {
    let directory: URL
    let displayPath: String
    /// For a translation's folder (`Content/fr-CA`): the default language's folder, which holds
    /// the data every language shares (the Hofstede dataset and its mapping table).
    var sharedDirectory: URL? = nil
    var sharedDisplayPath: String? = nil

    init(directory: URL, displayPath: String) {
        self.directory = directory
        self.displayPath = displayPath
    }

    /// A translation's folder inside the default language's.
    init(translation tag: String, of base: ContentFiles) {
        directory = base.directory.appendingPathComponent(tag)
        displayPath = base.display(tag)
        sharedDirectory = base.directory
        sharedDisplayPath = base.displayPath
    }

    /// Where the data every language shares is read.
    var shared: ContentFiles {
        guard let sharedDirectory, let sharedDisplayPath else { return self }
        return ContentFiles(directory: sharedDirectory, displayPath: sharedDisplayPath)
    }

    /// True for a translation's folder.
    var isTranslation: Bool { sharedDirectory != nil }

    func url(_ relativePath: String) -> URL { directory.appendingPathComponent(relativePath) }

    func display(_ relativePath: String) -> String {
        displayPath.isEmpty || displayPath == "." ? relativePath : "\(displayPath)/\(relativePath)"
    }

    /// The files of a subfolder with this extension, sorted by name.
    func list(_ folder: String, extension ext: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".\(ext)") && !$0.hasPrefix(".") }.sorted()
    }

    func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relativePath).path)
    }

    func read(_ relativePath: String) -> Result<String, Diagnostic> {
        text(of: relativePath).mapError { Diagnostic.error($0, at: SourceLocation(file: display(relativePath))) }
    }

    /// The file's text, or why it cannot be read.
    func text(of relativePath: String) -> Result<String, FileProblem> {
        guard let bytes = Self.contents(of: directory.path + "/" + relativePath) else { return .failure(.unreadable) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        return .success(text)
    }

    /// A file's bytes through plain POSIX calls: Foundation's reader does more than a build of
    /// ten thousand small files needs.
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        // The first read asks for the whole file as it stands; the next ones, usually just the
        // one that finds the end, for a little at a time.
        var capacity = fstat(descriptor, &status) == 0 ? Int(status.st_size) + 1 : 64 * 1024
        var bytes: [UInt8] = []
        while true {
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: capacity))
            let count = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + start, capacity) }
            guard count >= 0 else { return nil }
            bytes.removeLast(capacity - count)
            if count == 0 { return bytes }
            capacity = count < capacity ? 4 * 1024 : 64 * 1024
        }
    }
}

/// The C library's read(2), which `read` alone would not name inside `ContentLoader`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
