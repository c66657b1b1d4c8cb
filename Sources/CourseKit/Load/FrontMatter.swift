/// Splits a Markdown file into its YAML front matter and its body.
struct FrontMatter {
    /// The YAML between the `---` lines, or nil when the file has none.
    var yaml: String?
    var body: String
    /// Lines before the body (the front matter and its two fences).
    var bodyLineOffset: Int

    /// Fails with a diagnostic when a front matter is opened and never closed.
    static func split(_ text: String, file: String) -> Result<FrontMatter, Diagnostic> {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard text.hasPrefix("---"), text.dropFirst(3).first?.isNewline == true else {
            return .success(FrontMatter(yaml: nil, body: text, bodyLineOffset: 0))
        }
        var lineNumber = 0
        var yamlLines: [Substring] = []
        var index = text.startIndex
        while index < text.endIndex {
            let end = text[index...].firstIndex(where: \.isNewline) ?? text.endIndex
            let line = text[index..<end]
            lineNumber += 1
            let next = end < text.endIndex ? text.index(after: end) : end
            if lineNumber > 1, line == "---" || line == "..." {
                return .success(FrontMatter(yaml: yamlLines.joined(separator: "\n"),
                                            body: String(text[next...]), bodyLineOffset: lineNumber))
            }
            if lineNumber > 1 { yamlLines.append(line) }
            index = next
        }
        return .failure(.error("front matter is not closed: add a line '---' after it",
                               at: SourceLocation(file: file, line: 1, column: 1)))
    }
}
