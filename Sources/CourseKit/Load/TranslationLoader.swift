import Foundation

/// Reads the course in every language of `languages:`: the default language from the content
/// folder itself, each other language from its subfolder (`Content/fr-CA/`), which has the same
/// layout: `modules/`, `countries/`, `data/dimension-guide.yaml`, plus `data/country-names.yaml`
/// and an optional `course.yaml` with the title and description in that language. The course's
/// settings and the Hofstede data are shared; modules and notes are matched by file name.
extension ContentLoader {
    /// Every language's course, the default first; empty when `course.yaml` cannot be read.
    func readEditions(from directory: URL, displayPath: String) -> (courses: [Course], diagnostics: [Diagnostic]) {
        let loaded = read(from: directory, displayPath: displayPath)
        guard let base = loaded.course else { return ([], loaded.diagnostics) }
        var courses = [base]
        var diagnostics = loaded.diagnostics
        let files = ContentFiles(directory: directory, displayPath: displayPath)
        for tag in base.config.languages.dropFirst() {
            let translation = ContentFiles(translation: tag.value, of: files)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: translation.directory.path, isDirectory: &isFolder), isFolder.boolValue else {
                diagnostics.append(.error(TranslationProblem.noContentFolder(language: tag.value, folder: translation.displayPath),
                                          at: tag.location))
                continue
            }
            let edition = readTranslation(tag.value, from: translation, base: base)
            diagnostics += edition.diagnostics
            guard let course = edition.course else { continue }
            diagnostics += TranslationChecks.files(of: course, against: base, isPresent: translation.exists)
            courses.append(course)
        }
        return (courses, diagnostics)
    }

    private func readTranslation(_ tag: String, from files: ContentFiles, base: Course) -> (course: Course?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var config = base.config
        config.language = tag
        readSettings(from: files, into: &config, diagnostics: &diagnostics)
        let course = course(in: files, config: config, diagnostics: &diagnostics)
        if base.guide != nil, !files.exists(DimensionGuideLoader.path) {
            diagnostics.append(.error(TranslationProblem.noDimensionGuide(language: tag, file: files.display(DimensionGuideLoader.path)),
                                      at: SourceLocation(file: files.displayPath)))
        }
        return (course, diagnostics)
    }

    /// The translation's own `course.yaml`: only the title and the description; every other
    /// setting is the course's and shared.
    private func readSettings(from files: ContentFiles, into config: inout CourseConfig, diagnostics: inout [Diagnostic]) {
        guard files.exists("course.yaml"), case .success(let text) = files.read("course.yaml") else { return }
        var reader = YAMLReader(origin: SourceLocation(file: files.display("course.yaml")))
        defer { diagnostics += reader.diagnostics }
        guard let map = reader.parseMapping(text, what: "course.yaml") else { return }
        for entry in map.entries where !["title", "description"].contains(entry.key) {
            reader.report(TranslationProblem.settingOfWholeCourse(key: entry.key),
                          at: reader.location(of: entry.keyNode))
        }
        if let title = reader.string("title", in: map, what: "course.yaml") { config.title = title }
        if let description = reader.string("description", in: map, what: "course.yaml") { config.description = description }
    }
}
