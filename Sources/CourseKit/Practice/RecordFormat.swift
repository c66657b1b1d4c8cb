/// The facts of the progress-record format that the site's scripts and `meridian records`
/// must agree on: its name and version, the largest file either reads, the module statuses
/// and their words. The build hands them to the scripts in the course data (`GradingSpec`).
public enum RecordFormat {
    public static let name = "meridian-progress"
    public static let version = 1
    /// No honest record comes near this; a larger file is refused before it is read.
    public static let maximumBytes = 8 * 1024 * 1024

    /// Whether `key` can name a question in a record's answers: a question id (a-z, 0-9, '-').
    public static func isQuestionID(_ key: String) -> Bool { QuizParser.isValidID(key) }
}

/// Where a learner stands in a module. Derived from what the learner did, never stored.
public enum ModuleStatus: String, CaseIterable, Codable, Sendable {
    case notStarted = "not-started", inProgress = "in-progress", completed

    /// The words a learner and HR read, from the catalogue's `status.<name>`.
    public func label(in texts: TextCatalogue) -> String {
        switch self {
        case .notStarted: texts.text("status.notStarted")
        case .inProgress: texts.text("status.inProgress")
        case .completed: texts.text("status.completed")
        }
    }
}
