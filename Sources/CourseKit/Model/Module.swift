/// A module as loaded from `Content/modules/NN-slug.md`, before its Markdown is compiled.
public struct Module: Sendable {
    /// The `NN` of the file name; orders the modules.
    public var number: Int
    /// The `slug` of the file name: names the page and is the module's id in records.
    public var slug: String
    /// The source path relative to the content folder, e.g. `modules/03-x.md`.
    public var sourcePath: String
    public var meta: ModuleMeta
    public var body: MarkdownSource

    /// The page's path relative to the site root.
    public var url: String { "modules/\(slug).html" }
}

/// A module's front matter.
public struct ModuleMeta: Sendable {
    public var title: String
    public var summary: String = ""
    public var minutes: Int?
    public var objectives: [String] = []
    /// Country codes with the place each was written, so an unknown one can be pointed at.
    public var countries: [Located<String>] = []
    /// How the module's questions are taken: practice (the default) or an exam.
    public var assessment: Assessment = .practice
    /// An exam's `draw` and `attempts`, where they were written.
    public var draw: Located<Int>?
    public var attempts: Located<Int>?
}

/// How a module's questions are taken (`assessment:` in its front matter).
public enum Assessment: String, CaseIterable, Sendable {
    /// Check each answer at once, with feedback, as often as the learner likes.
    case practice
    /// Answer the drawn questions, submit once, then see the score and the feedback; a limited
    /// number of attempts, each drawing again. The page does not carry the answers.
    case exam
}

/// Markdown text and where its first line sits in the file it came from.
public struct MarkdownSource: Sendable {
    public var text: String
    /// The file as the user sees it (for diagnostics).
    public var file: String
    /// Lines of the file before `text` starts (the front matter).
    public var lineOffset: Int

    package init(text: String, file: String, lineOffset: Int) {
        self.text = text
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Words of reading text: everything outside fenced blocks (quizzes, scenarios, code).
    public var proseWordCount: Int {
        var inFence = false
        var words = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle(); continue }
            if !inFence { words += line.split(whereSeparator: \.isWhitespace).count }
        }
        return words
    }
}

/// A value and the place in the source it was read from.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation
}

extension Located: Equatable where Value: Equatable {}
