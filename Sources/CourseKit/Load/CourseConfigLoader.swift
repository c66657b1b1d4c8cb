import Foundation

/// Reads `course.yaml`.
struct CourseConfigLoader {
    let files: ContentFiles
    static let keys = ["id", "title", "version", "language", "passScore", "description", "rawHTML", "practiceAnswer"]

    func load(into diagnostics: inout [Diagnostic]) -> CourseConfig? {
        let path = "course.yaml"
        let text: String
        switch files.read(path) {
        case .success(let contents): text = contents
        case .failure(let problem):
            diagnostics.append(.error("the course needs a course.yaml (id, title, version, language, passScore)",
                                      at: problem.location))
            return nil
        }
        var reader = YAMLReader(origin: SourceLocation(file: files.display(path)))
        defer { diagnostics += reader.diagnostics }
        guard let map = reader.parseMapping(text, what: "course.yaml") else { return nil }
        reader.checkKeys(of: map, known: Self.keys, what: "course.yaml", severity: .warning)
        let id = reader.string("id", in: map, required: true, what: "course.yaml")
        let title = reader.string("title", in: map, required: true, what: "course.yaml")
        let passScore = reader.double("passScore", in: map) ?? 0.8
        if !(0...1).contains(passScore), let node = map["passScore"] {
            reader.report("'passScore' must be between 0 and 1 (a fraction of the questions)", at: reader.location(of: node))
        }
        var practiceAnswer = PracticeAnswer.latest
        if let name = reader.string("practiceAnswer", in: map, what: "course.yaml"), let node = map["practiceAnswer"] {
            let names = PracticeAnswer.allCases.map(\.rawValue)
            if let value = PracticeAnswer(rawValue: name) {
                practiceAnswer = value
            } else {
                reader.report("unknown practiceAnswer '\(name)'\(Suggestion.hint(for: name, in: names)); use \(names.joined(separator: " or "))",
                              at: reader.location(of: node))
            }
        }
        guard let id, let title else { return nil }
        var config = CourseConfig(id: id, title: title,
                            version: reader.string("version", in: map, what: "course.yaml") ?? "1.0.0",
                            language: reader.string("language", in: map, what: "course.yaml") ?? "en",
                            passScore: passScore,
                            description: reader.string("description", in: map, what: "course.yaml") ?? "",
                            rawHTML: reader.bool("rawHTML", in: map) ?? false)
        config.practiceAnswer = practiceAnswer
        return config
    }
}

extension CourseConfig {
    /// The settings in `course.yaml` of the course in `content`, or its problems.
    public static func load(from content: URL, displayPath: String) throws(BuildFailure) -> CourseConfig {
        var diagnostics: [Diagnostic] = []
        let config = CourseConfigLoader(files: ContentFiles(directory: content, displayPath: displayPath)).load(into: &diagnostics)
        guard let config, !diagnostics.containsErrors else { throw BuildFailure(diagnostics) }
        return config
    }
}
