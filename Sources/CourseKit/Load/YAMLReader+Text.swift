/// Where a text value of the snippet begins in the file, for a value that is itself parsed
/// (a question's explanation, a scenario's setting or debrief, compiled as Markdown).
extension YAMLReader {
    /// The origin of the scalar `node`'s text: after the quote of a quoted scalar, on the line
    /// after the `|` or `>` of a block scalar (whose lines are all indented alike), at the node
    /// for a plain scalar. YAML folds a plain or quoted scalar written over several lines, and
    /// a `>` scalar, into fewer lines of text, so places past the first such fold are approximate.
    func textOrigin(of node: YAMLNode) -> SnippetOrigin {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard node.line >= 1, node.line <= lines.count else { return SnippetOrigin(location(of: node)) }
        switch lines[node.line - 1].dropFirst(node.column - 1).first ?? " " {
        case "|", ">":
            let blank: (Substring) -> Bool = { $0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
            let indent = lines.dropFirst(node.line).first { !blank($0) }.map { $0.prefix { $0 == " " }.count } ?? 0
            return SnippetOrigin(origin.location(line: node.line + 1, column: indent + 1), indent: origin.indent + indent)
        case "\"", "'":
            let start = origin.location(line: node.line, column: node.column + 1)
            return SnippetOrigin(start, indent: start.column - 1)
        default:
            let start = location(of: node)
            return SnippetOrigin(start, indent: start.column - 1)
        }
    }
}
