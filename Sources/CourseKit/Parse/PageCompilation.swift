/// What compiling one page produces besides its HTML; directives add to it.
public struct PageCompilation: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var questions: [Question] = []
    public var scenarios: [Scenario] = []
    /// Content-relative paths of files the page links to, copied into the site.
    public var assets: Set<String> = []
    /// Links with a `#fragment`, for `meridian check` to find the id on the page they name.
    public var anchorLinks: [AnchorLink] = []
    /// Images written with empty alt text (`![](x.png)`), for `meridian check`.
    public var imagesWithoutAlt: [Located<String>] = []
    /// The page is an exam: its questions are written without their answers.
    public var isExam = false
    /// Compiles a Markdown value of a directive (an explanation, a setting) with the page's
    /// link rules, its problems reported at their places through the value's origin.
    let compileMarkdown: @Sendable (String, SnippetOrigin, inout PageCompilation) -> String

    /// Markdown text → an HTML fragment, resolving links as the page does.
    public mutating func markdown(_ text: String, at origin: SnippetOrigin) -> String {
        compileMarkdown(text, origin, &self)
    }

    /// Reports an error of the page at its place, worded by the catalogue.
    public mutating func error(_ problem: some Problem, at location: SourceLocation) {
        diagnostics.append(.error(problem, at: location))
    }
}

/// One entry of a page's table of contents.
public struct TOCEntry: Sendable, Equatable {
    public var id: String
    public var text: String
    public var level: Int
}

/// A page's Markdown compiled to an HTML fragment.
public struct CompiledPage: Sendable {
    public var html: String
    public var toc: [TOCEntry]
    public var compilation: PageCompilation
}

/// A link to `#fragment` on the site page `page` (the linking page itself for `#x`).
public struct AnchorLink: Sendable {
    public var url: String
    public var page: String
    public var fragment: String
    public var location: SourceLocation
}
