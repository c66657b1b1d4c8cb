/// The wording of the problems of compiling pages: directives, links, ids, exam settings.

extension PageProblem {
    public var message: String {
        switch self {
        case let .unknownDirective(name, suggestion): "unknown directive '\(name)'\(Suggestion.hint(suggestion))"
        case .nestedDirective(let name): "a '\(name)' cannot be nested inside another directive"
        case let .duplicateQuestionID(id, first): "duplicate question id '\(id)' (first used at \(first))"
        case let .duplicateScenarioID(id, first): "duplicate scenario id '\(id)' (first used at \(first))"
        }
    }
}

extension ExamProblem {
    public var message: String {
        switch self {
        case .onlyForAnExam(let key): "'\(key)' applies only to an exam: add 'assessment: exam' or remove it"
        case .noQuestions(let slug): "module '\(slug)' is an exam but has no questions"
        case let .drawsMoreThanItHas(draw, questions):
            "'draw: \(draw)' is more than the module's \(questions) question\(questions == 1 ? "" : "s")"
        case let .repeatsQuestions(questions, attempts, draw):
            "\(questions) questions cannot give \(attempts) attempts of \(draw) without repeating questions; "
                + "write at least \(draw * attempts) or draw fewer"
        }
    }
}

extension LinkProblem {
    public var message: String {
        switch self {
        case .unsafe(let url): "unsafe link '\(url)': only web addresses and files of the course can be linked"
        case .externalImage(let url):
            "image '\(url)' would be loaded from the network; copy it into the content folder so the site works offline"
        case .protocolRelative(let url): "link '\(url)' has no scheme; write it in full with https://"
        case .rooted(let url):
            "link '\(url)' starts with '/', which breaks when the site is opened from disk; link relative to this file"
        case .outsideContent(let url): "link '\(url)' points outside the content folder"
        case let .missingPage(url, suggestion): "broken link '\(url)': no such page\(Suggestion.hint(suggestion))"
        case .missingFile(let url): "broken link '\(url)': no such file"
        case .folder(let url): "link '\(url)' names a folder, which opens a file listing from disk; link a file"
        }
    }
}
