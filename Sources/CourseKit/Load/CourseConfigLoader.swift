import Foundation

/// Reads `course.yaml`.
struct CourseConfigLoader {
    let files: ContentFiles
    static let keys = ["id", "title", "version", "language", "passScore", "description", "rawHTML", "practiceAnswer", "languages"]

    func load(into diagnostics: inout [Diagnostic]) -> CourseConfig? {
        let path = "course.yaml"
        let text: String
        switch files.read(path) {
        case .success(let contents): text = contents
        case .failure(let problem):
            diagnostics.append(.error(CourseConfigProblem.missingFile, at: problem.location))
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
            reader.report(CourseConfigProblem.passScoreOutOfRange, at: reader.location(of: node))
        }
        var practiceAnswer = PracticeAnswer.latest
        if let name = reader.string("practiceAnswer", in: map, what: "course.yaml"), let node = map["practiceAnswer"] {
            let names = PracticeAnswer.allCases.map(\.rawValue)
            if let value = PracticeAnswer(rawValue: name) {
                practiceAnswer = value
            } else {
                let guess = Suggestion.closest(to: name, in: names)
                reader.report(CourseConfigProblem.unknownPracticeAnswer(name, suggestion: guess, known: names),
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
        config.languages = languages(in: map, reader: &reader)
        if let first = config.languages.first {
            if map["language"] != nil, first.value != config.language, let node = map["language"] {
                reader.report(CourseConfigProblem.languageDisagrees(language: config.language, firstOfLanguages: first.value),
                              at: reader.location(of: node))
            }
            config.language = first.value
        } else if !LanguageTag.isWellFormed(config.language), let node = map["language"] {
            reader.report(CourseConfigProblem.notALanguageTag(config.language), at: reader.location(of: node))
        }
        return config
    }

    /// `languages:`, each a well-formed BCP 47 tag, none twice.
    private func languages(in map: YAMLMapping, reader: inout YAMLReader) -> [Located<String>] {
        guard map["languages"] != nil else { return [] }
        var seen: Set<String> = []
        var valid: [Located<String>] = []
        for tag in reader.strings("languages", in: map) {
            if !LanguageTag.isWellFormed(tag.value) {
                reader.report(CourseConfigProblem.notALanguageTag(tag.value), at: tag.location)
            } else if !seen.insert(tag.value.lowercased()).inserted {
                reader.report(CourseConfigProblem.languageListedTwice(tag.value), at: tag.location)
            } else {
                valid.append(tag)
            }
        }
        if valid.isEmpty, let node = map["languages"] {
            reader.report(CourseConfigProblem.noLanguages, at: reader.location(of: node))
        }
        return valid
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
