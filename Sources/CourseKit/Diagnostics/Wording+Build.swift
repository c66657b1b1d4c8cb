/// The wording of the problems of reading the templates and of writing the site.

extension TemplateFileProblem {
    public var message: String {
        switch self {
        case .unreadable: "cannot read template"
        case .notUTF8: "template is not UTF-8 text"
        case .syntax(let detail): "template syntax: \(detail)"
        case let .syntaxWithTexts(detail, language):
            "template syntax once the '\(language)' interface texts are written in: \(detail)"
        case let .missingPartial(partial, template, suggestion):
            "template '\(template)' uses partial '\(partial)', which does not exist\(Suggestion.hint(suggestion))"
        case .missingTemplate(let name): "missing template '\(name)': add \(name).mustache"
        }
    }
}

extension WriteProblem {
    public var message: String {
        switch self {
        case let .cannotWrite(path, reason): "cannot write \(path): \(reason)"
        case .cannotWriteSite(let reason): "cannot write the site: \(reason)"
        case .cannotCreateBuildFolder(let reason): "cannot create the build folder: \(reason)"
        case .cannotCopyAssets(let reason): "cannot copy assets: \(reason)"
        case let .cannotCopy(path, reason): "cannot copy \(path): \(reason)"
        case .notABuildFolder(let path):
            "refusing to replace '\(path)': it is not a folder written by meridian build; choose another --output or empty it"
        case .newFolderIsAFile(let path): "'\(path)' is a file; name a new or empty folder"
        case let .newFolderNotEmpty(path, items):
            "'\(path)' is not empty (it holds \(items) item\(items == 1 ? "" : "s")); name a new or empty folder so nothing is overwritten"
        }
    }
}
