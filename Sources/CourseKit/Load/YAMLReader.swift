/// Reads YAML embedded in a file (front matter, a directive's body) and reports every problem
/// at its place in that file: libyaml counts from the start of the snippet, `origin` maps that
/// to the file.
package struct YAMLReader {
    /// Where the snippet sits in the file.
    let origin: SnippetOrigin
    private(set) var diagnostics: [Diagnostic] = []
    /// The snippet last given to `parseMapping`, for `textOrigin(of:)`.
    private(set) var text = ""

    init(origin: SnippetOrigin) {
        self.origin = origin
    }

    /// A snippet whose later lines start at column 1: a whole file, or front matter.
    package init(origin: SourceLocation) {
        self.init(origin: SnippetOrigin(origin))
    }

    /// The snippet's root mapping, or nil after reporting why there is none.
    package mutating func parseMapping(_ text: String, what: String) -> YAMLMapping? {
        self.text = text
        let root: YAMLNode?
        do throws(YAMLReadError) {
            // Every scalar is read as text: we convert values ourselves, which keeps `no` a
            // country code (not false).
            root = try YAMLNode.compose(text)
        } catch {
            diagnostics.append(diagnostic(for: error))
            return nil
        }
        guard let root else {
            report(YAMLProblem.empty(what: what), at: origin.start)
            return nil
        }
        guard let mapping = root.mapping else {
            report(YAMLProblem.snippetNotAMapping(what: what), at: location(of: root))
            return nil
        }
        return YAMLMapping(mapping: mapping, location: location(of: root))
    }

    func location(of node: YAMLNode) -> SourceLocation {
        location(line: node.line, column: node.column)
    }

    /// Reports a problem of the snippet at its place, worded by the catalogue.
    mutating func report(_ problem: some Problem, at location: SourceLocation, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(severity, at: location, problem))
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        origin.location(line: line, column: column)
    }

    private func diagnostic(for error: YAMLReadError) -> Diagnostic {
        switch error {
        case let .syntax(detail, line?, column?):
            .error(YAMLProblem.invalid(detail, hint: YAMLSyntaxHint(detail: detail, in: text, line: line, column: column)),
                   at: location(line: line, column: column))
        case let .syntax(detail, _, _):
            .error(YAMLProblem.invalid(detail), at: origin.start)
        case let .refused(problem, line, column):
            .error(problem, at: location(line: line, column: column))
        case let .duplicateKey(key, line, column, firstLine, firstColumn):
            .error(YAMLProblem.duplicateKey(key, firstUsedAt: location(line: firstLine, column: firstColumn)),
                   at: location(line: line, column: column))
        case let .secondDocument(line, column):
            .error(YAMLProblem.secondDocument, at: location(line: line, column: column))
        }
    }
}

/// A YAML mapping read key by key; keys never asked for are reported as unknown.
package struct YAMLMapping {
    let location: SourceLocation
    /// The keys as written, with their nodes, in order.
    let entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)]
    private let values: [String: YAMLNode]

    init(mapping: [(key: YAMLNode, value: YAMLNode)], location: SourceLocation) {
        self.location = location
        entries = mapping.compactMap { pair in pair.key.string.map { ($0, pair.key, pair.value) } }
        values = Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(key: String) -> YAMLNode? { values[key] }
}
