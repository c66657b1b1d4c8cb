import ArgumentParser
import CourseKit
import Foundation

/// The catalogue that words an HR report: the language asked for, or the course's; from the
/// templates folder, or from the templates built into `meridian` when there is no such folder.
enum ReportTexts {
    static func load(language: String?, content: String, templates: String) throws -> TextCatalogue {
        let language = language ?? courseLanguage(content) ?? TextCatalogue.reference
        let folder = FileManager.default.fileExists(atPath: templates) ? URL(fileURLWithPath: templates) : try builtInTemplates()
        switch TextCatalogue.load(templates: folder, displayPath: templates, language: language) {
        case .success(let texts): return texts
        case .failure(let failure):
            Terminal.standardError.write(failure.description + "\n")
            throw ExitCode(1)
        }
    }

    /// The course's language, when its course.yaml can be read.
    private static func courseLanguage(_ content: String) -> String? {
        try? CourseConfig.load(from: URL(fileURLWithPath: content).standardizedFileURL, displayPath: content).language
    }

    /// The built-in catalogues, written to a temporary folder to be read like any other.
    private static func builtInTemplates() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-texts-\(UUID().uuidString)")
        for (path, data) in StarterFiles.all where path.hasPrefix("Templates/\(TextCatalogue.folder)/") {
            let file = folder.appendingPathComponent(String(path.dropFirst("Templates/".count)))
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }
        return folder
    }
}
