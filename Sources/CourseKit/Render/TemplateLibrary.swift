import Foundation
import Mustache

/// The Mustache templates of `Templates/`, checked before use: a parse error or a partial that
/// does not exist is reported at its line and column (swift-mustache would render it as "").
public struct TemplateLibrary: Sendable {
    /// The page templates a build needs.
    public static let required = ["home", "module", "country", "countries", "compare", "progress", "certificate", SidebarItems.template]

    let library: MustacheLibrary
    /// Partials rendered once per distinct input and reused (see `PartialCache`).
    let cachedPartials: [PartialCache]
    /// Every `t.…` the templates print, for checking against the text catalogue.
    let textUses: [TextUse]
    /// Each template's file (as messages name it) and text as written, by name, and its tags:
    /// what `localized(with:)` compiles a language's texts into.
    let sources: [String: (file: String, text: String)]
    let scans: [String: TemplateTags]

    /// Loads every `*.mustache` under `directory`, named by its path without the extension.
    public static func load(from directory: URL, displayPath: String) -> Result<TemplateLibrary, BuildFailure> {
        HTMLContent.register()
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var texts: [String: (file: String, text: String)] = [:]
        for name in templateNames(in: directory) {
            let file = displayPath.isEmpty ? "\(name).mustache" : "\(displayPath)/\(name).mustache"
            guard let bytes = ContentFiles.contents(of: directory.appendingPathComponent("\(name).mustache").path) else {
                diagnostics.append(.error(TemplateFileProblem.unreadable, at: SourceLocation(file: file)))
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(.error(TemplateFileProblem.notUTF8, at: SourceLocation(file: file)))
                continue
            }
            texts[name] = (file, text)
            do {
                library.register(try MustacheTemplate(string: HTMLContent.pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma's line comes first: the template's own lines start at 2.
                diagnostics.append(.error(TemplateFileProblem.syntax(describe(error.error)),
                                          at: SourceLocation(file: file, line: max(1, error.context.lineNumber - 1),
                                                             column: error.context.columnNumber + 1)))
            } catch {
                diagnostics.append(.error(TemplateFileProblem.syntax("\(error)"), at: SourceLocation(file: file)))
            }
        }
        let scans = texts.mapValues { TemplateTags($0.text) }
        for (name, source) in texts {
            for tag in scans[name]!.tags where tag.kind == ">" || tag.kind == "<" {
                guard !tag.name.isEmpty, texts[tag.name] == nil else { continue }
                let problem = TemplateFileProblem.missingPartial(tag.name, template: name,
                                                                 suggestion: Suggestion.closest(to: tag.name, in: texts.keys))
                diagnostics.append(.error(problem,
                                          at: SourceLocation(file: source.file, line: tag.line, column: tag.column)))
            }
        }
        diagnostics += TemplateCycles.errors(in: scans, files: texts.mapValues(\.file))
        for name in required where texts[name] == nil {
            diagnostics.append(.error(TemplateFileProblem.missingTemplate(name),
                                      at: SourceLocation(file: displayPath.isEmpty ? "." : displayPath)))
        }
        guard diagnostics.isEmpty else { return .failure(BuildFailure(diagnostics)) }
        let cached = PartialCache.register(in: &library, scans: scans)
        let textUses = scans.keys.sorted().flatMap { TextUse.uses(in: scans[$0]!, file: texts[$0]!.file) }
        return .success(TemplateLibrary(library: library, cachedPartials: cached, textUses: textUses,
                                        sources: texts, scans: scans))
    }

    /// The library with the texts of `catalogue` compiled into every template (see `TemplateTexts`):
    /// the one a language's pages are rendered with. Compiling keeps a template whole, so it
    /// parses as the template as written did; should it not, the error names the template.
    func localized(with catalogue: TextCatalogue) -> Result<TemplateLibrary, BuildFailure> {
        let texts = TemplateTexts(catalogue)
        var library = MustacheLibrary()
        var compiledScans: [String: TemplateTags] = [:]
        var diagnostics: [Diagnostic] = []
        for (name, source) in sources {
            let compiled = texts.compile(source.text, tags: scans[name]!.tags)
            do {
                library.register(try MustacheTemplate(string: HTMLContent.pragma + compiled), named: name)
                compiledScans[name] = TemplateTags(compiled)
            } catch {
                let problem = TemplateFileProblem.syntaxWithTexts(Self.describe((error as? MustacheTemplate.ParserError)?.error ?? error),
                                                                  language: catalogue.language)
                diagnostics.append(.error(problem, at: SourceLocation(file: source.file)))
            }
        }
        guard diagnostics.isEmpty else { return .failure(BuildFailure(diagnostics)) }
        let cached = PartialCache.register(in: &library, scans: compiledScans)
        return .success(TemplateLibrary(library: library, cachedPartials: cached, textUses: textUses, sources: sources, scans: scans))
    }

    /// True when the folder has a template `name` (optional pages such as `search`).
    func has(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders the page template `name` with `context`.
    package func render(_ name: String, _ context: [String: Any]) -> String {
        let context = cachedPartials.isEmpty ? context : PartialCache.adding(cachedPartials, to: context, library: library)
        return library.render(context, withTemplate: name) ?? ""
    }

    private static func templateNames(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/") }
            .map { String($0.dropLast(".mustache".count)) }
            .sorted()
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case .unfinishedName: "a tag is not closed with }}"
        case .expectedSectionEnd: "a section is opened but never closed"
        case .invalidSetDelimiter: "invalid set-delimiter tag"
        default: "\(error)"
        }
    }
}

/// How `{{name}}` is escaped in every template: the same five characters as swift-mustache's own
/// HTML content type (`& < > " '`), found byte by byte rather than one `Character` at a time
/// through a dictionary, which was about a third of the time spent rendering pages.
///
/// swift-mustache selects a content type per template with a `{{% CONTENT_TYPE: NAME}}` pragma
/// and resets it to its own HTML type in every partial, so `TemplateLibrary` puts the pragma,
/// on a line of its own (which Mustache removes), in front of every template it loads; the
/// template files stay plain Mustache.
struct HTMLContent: MustacheContentType {
    static let name = "MERIDIAN_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    func escapeText(_ text: String) -> String { HTML.escape(text) }

    private static let registered: Void = MustacheContentTypes.register(HTMLContent(), named: name)
    static func register() { registered }
}
