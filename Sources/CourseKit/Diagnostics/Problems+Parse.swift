/// The problems found while a page's Markdown is compiled and across the compiled pages, one
/// case a line (the wording test reads them from here). Their wording is in `Wording+Parse.swift`.

/// A problem of a page's directives, or of ids shared between pages.
public enum PageProblem: Problem, Hashable {
    case unknownDirective(String, suggestion: String?)
    case nestedDirective(String)
    case duplicateQuestionID(String, firstAt: SourceLocation)
    case duplicateScenarioID(String, firstAt: SourceLocation)
}

/// An exam's settings that do not fit its questions, or exam settings on a practice module.
public enum ExamProblem: Problem, Hashable {
    /// `key` is `draw` or `attempts`.
    case onlyForAnExam(key: String)
    case noQuestions(module: String)
    case drawsMoreThanItHas(draw: Int, questions: Int)
    case repeatsQuestions(questions: Int, attempts: Int, draw: Int)
}

/// Why a link cannot be written into the site.
public enum LinkProblem: Problem, Error, Hashable {
    case unsafe(String)
    case externalImage(String)
    case protocolRelative(String)
    case rooted(String)
    case outsideContent(String)
    case missingPage(String, suggestion: String?)
    case missingFile(String)
    case folder(String)
}
