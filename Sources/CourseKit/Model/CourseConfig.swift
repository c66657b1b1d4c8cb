/// The settings in `Content/course.yaml`.
public struct CourseConfig: Sendable, Equatable {
    /// An IRI; the xAPI activity id of the course.
    public var id: String
    public var title: String
    /// Bumped when questions change; learners' records carry it.
    public var version: String
    /// The language of this edition of the course: a BCP 47 tag such as `en` or `fr-CA`.
    public var language: String
    /// Every language the course is written in, the default first (`languages:` in course.yaml).
    public var languages: [Located<String>] = []
    /// Fraction of a module's questions a learner needs right to pass it.
    public var passScore: Double
    public var description: String
    /// Raw HTML in Markdown is escaped unless the trainer opts in here.
    public var rawHTML: Bool
    /// Which of a learner's answers to a practice question counts for the module's score.
    public var practiceAnswer: PracticeAnswer = .latest

    /// The language codes, the default first; a course of one language lists just it.
    public var languageCodes: [String] { languages.isEmpty ? [language] : languages.map(\.value) }
    /// The language whose pages are at the site's root.
    public var defaultLanguage: String { languageCodes[0] }

    public init(id: String, title: String, version: String = "1.0.0", language: String = "en",
                passScore: Double = 0.8, description: String = "", rawHTML: Bool = false) {
        self.id = id
        self.title = title
        self.version = version
        self.language = language
        self.passScore = passScore
        self.description = description
        self.rawHTML = rawHTML
    }
}

/// Which answer counts in a practice module, where a learner may check and change an answer
/// as often as they like (`practiceAnswer:` in course.yaml).
public enum PracticeAnswer: String, CaseIterable, Sendable {
    /// The answer as it stands now: practice until right (the default).
    case latest
    /// The first answer given: later answers teach but do not count.
    case first
}
