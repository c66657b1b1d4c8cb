/// What compiling one page produces besides its HTML; directives add to it.
public struct PageCompilation: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var questions: [Question] = []
    public var scenarios: [Scenario] = []
    /// Content-relative paths of files the page links to, copied into the site.
    public var assets: Set<String> = []
    /// Renders a Markdown snippet found at `location` (feedback, an explanation) with the
    /// page's link rules.
    let renderMarkdown: @Sendable (String, SourceLocation, inout PageCompilation) -> String

    /// Markdown text → HTML, resolving links as the page does.
    public mutating func markdown(_ text: String, at location: SourceLocation) -> String {
        renderMarkdown(text, location, &self)
    }

    /// What a page without Markdown of its own compiles to.
    static let empty = PageCompilation(renderMarkdown: { _, _, _ in "" })

    public mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
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
