/// The problems of reading the templates and of writing the site (or a new course's folder),
/// one case a line (the wording test reads them from here). Their wording is in `Wording+Build.swift`.

/// A template file that cannot be read or parsed, or a template the site needs that is missing.
public enum TemplateFileProblem: Problem, Hashable {
    case unreadable
    case notUTF8
    /// The Mustache parser's account of the error.
    case syntax(String)
    /// The Mustache parser's account of a template with a language's texts written in.
    case syntaxWithTexts(String, language: String)
    case missingPartial(String, template: String, suggestion: String?)
    case missingTemplate(String)
}

/// A site, a file of it or a new course's folder that could not be written; `reason` is the
/// system's account of why.
public enum WriteProblem: Problem, Hashable {
    case cannotWrite(String, reason: String)
    case cannotWriteSite(reason: String)
    case cannotCreateBuildFolder(reason: String)
    case cannotCopyAssets(reason: String)
    case cannotCopy(String, reason: String)
    case notABuildFolder(String)
    /// `meridian new`'s folder: a file, or a folder with `items` in it.
    case newFolderIsAFile(String)
    case newFolderNotEmpty(String, items: Int)
}
