/// A fenced block whose info string names a directive (`quiz`, `scenario`) and is read into a
/// typed `Block` instead of being shown as code; Render turns the block into HTML where the
/// fence was. New directives register in `DirectiveRegistry`.
public protocol Directive: Sendable {
    var name: String { get }
    /// Returns the block that replaces the fence, or nil when it has errors; problems go into
    /// `page.diagnostics`.
    func compile(_ fence: DirectiveFence, into page: inout PageCompilation) -> Block?
}

/// A directive's fence as found in a page.
public struct DirectiveFence: Sendable {
    public var name: String
    /// The YAML between the fences.
    public var body: String
    /// Where the body's first line starts in the file.
    public var location: SourceLocation

    /// Where the body sits in the file: libcmark strips the fence's indentation from every
    /// line of the body, so each line starts at the fence's column.
    public var origin: SnippetOrigin { SnippetOrigin(location, indent: location.column - 1) }
}

/// The directives a build knows, by name.
public struct DirectiveRegistry: Sendable {
    private var directives: [String: any Directive] = [:]

    /// The built-in directives: `quiz` and `scenario`.
    public init() {
        self.init([QuizDirective(), ScenarioDirective()])
    }

    public init(_ directives: [any Directive]) {
        for directive in directives { register(directive) }
    }

    public mutating func register(_ directive: any Directive) {
        directives[directive.name] = directive
    }

    public var names: [String] { directives.keys.sorted() }

    subscript(name: String) -> (any Directive)? { directives[name] }

    /// How a fence's info string is meant: a directive, a misspelt one, or ordinary code.
    enum Reading { case directive(any Directive), unknown(String), code }

    /// `quiz` and `{quiz}` name a directive; `{anything-else}` or a near miss like `quizz`
    /// is an unknown directive; every other info string is a code language.
    func read(info: String) -> Reading {
        let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        let explicit = word.hasPrefix("{") && word.hasSuffix("}") && word.count > 2
        let name = explicit ? String(word.dropFirst().dropLast()) : word
        if let directive = directives[name] { return .directive(directive) }
        if explicit { return .unknown(name) }
        if !name.isEmpty, Suggestion.closest(to: name, in: names).map({ Suggestion.editDistance(name, $0) <= 2 }) == true {
            return .unknown(name)
        }
        return .code
    }
}
