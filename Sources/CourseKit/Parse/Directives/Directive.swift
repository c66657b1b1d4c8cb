/// A fenced block whose info string names a directive (`quiz`, `scenario`) and is compiled
/// into HTML instead of being shown as code. New directives register in `DirectiveRegistry`.
public protocol Directive: Sendable {
    var name: String { get }
    /// Returns the HTML that replaces the fence; problems go into `page.diagnostics`.
    func compile(_ fence: DirectiveFence, into page: inout PageCompilation) -> String
}

/// A directive's fence as found in a page.
public struct DirectiveFence: Sendable {
    public var name: String
    /// The YAML between the fences.
    public var body: String
    /// Where the body's first line starts in the file.
    public var location: SourceLocation
}

/// The directives a build knows, by name.
public struct DirectiveRegistry: Sendable {
    private var directives: [String: any Directive] = [:]

    /// The built-in directives, writing their interface text from `texts`.
    public init(texts: TextCatalogue) {
        self.init([QuizDirective(texts: texts), ScenarioDirective(texts: texts)])
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
