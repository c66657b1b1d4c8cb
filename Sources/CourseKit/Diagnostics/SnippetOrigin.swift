/// Where a text that is parsed on its own sits in its file, and the one rule that turns a
/// position in that text into the file's: front matter, a page's Markdown body, a directive's
/// YAML body, and a Markdown value inside that body (a question's explanation, a scenario's
/// setting or debrief) each have one. libyaml and libcmark count from the start of the text
/// they were given; their positions become the file's here and nowhere else.
public struct SnippetOrigin: Hashable, Sendable {
    /// Where the text's first character is in the file.
    public var start: SourceLocation
    /// How many columns of the file come before each later line's text. A directive's body
    /// is indented like its fence (libcmark strips that indentation from every line), a YAML
    /// block scalar like its first line; a whole file or a page's body has 0.
    public var indent: Int

    public init(_ start: SourceLocation, indent: Int = 0) {
        self.start = start
        self.indent = indent
    }

    /// The file's place of the text's 1-based `line` and `column`, the column counted in
    /// characters: the first line continues the start's line, later lines begin after `indent`.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: start.file, line: start.line + line - 1,
                       column: line == 1 ? start.column + column - 1 : indent + column)
    }
}
