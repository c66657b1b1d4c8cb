import CourseKit
import Foundation
import Records

/// What the fuzzer feeds bytes to: each case reads them as a user's file of one kind would be
/// read, and must answer with diagnostics or a refusal, never a crash, a hang or a leak.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A module's front matter, through the YAML reader and the field readers.
    case frontMatter = "front-matter"
    /// The body of a `quiz` fence.
    case quiz
    /// The body of a `scenario` fence.
    case scenario
    /// A whole module file: front matter, then Markdown through libcmark, directives and links.
    case module
    /// A progress record: decoded, then verified against the real course's answer key.
    case record
    /// A country notes file: its front matter's fields, then its Markdown body.
    case countryNotes = "country-notes"
    /// A Mustache template, as `partials/footer` among the site's own templates: parsed,
    /// checked (missing partials, include cycles), and rendered into the home page.
    case template

    /// Reads `data` as this target's kind of file.
    public func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        switch self {
        case .frontMatter: Self.readFrontMatter(text)
        case .quiz: Self.compileFence("quiz", text)
        case .scenario: Self.compileFence("scenario", text)
        case .module: Self.compileModule(text)
        case .record: Self.verifyRecord(data)
        case .countryNotes: Self.readNotes(text)
        case .template: Self.renderTemplate(text)
        }
    }

    private static func readNotes(_ text: String) {
        var diagnostics: [Diagnostic] = []
        guard let notes = CountryLoader.notes(text, path: "countries/ca.md", file: "Content/countries/ca.md", into: &diagnostics) else { return }
        _ = compiler.compile(notes.body, sourcePath: "countries/ca.md", pagePath: "countries/ca.html")
    }

    /// The site's templates in a folder of their own, whose footer each input replaces.
    private static let templates: URL = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-fuzz-templates-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.copyItem(at: repository.appendingPathComponent("Templates"), to: folder)
        return folder
    }()

    private static func renderTemplate(_ text: String) {
        let footer = templates.appendingPathComponent("partials/footer.mustache")
        guard (try? Data(text.utf8).write(to: footer)) != nil,
              case .success(let library) = TemplateLibrary.load(from: templates, displayPath: "Templates") else { return }
        _ = library.render("home", ["course": ["title": "Fuzz", "id": "https://example.org/fuzz"], "root": "",
                                    "page": ["kind": "home", "title": "Fuzz"], "modules": [["title": "A", "url": "a.html"]]])
    }

    private static let file = "Content/modules/01-fuzz.md"

    private static func readFrontMatter(_ text: String) {
        guard case .success(let split) = FrontMatter.split(text, file: file), let yaml = split.yaml else { return }
        var reader = YAMLReader(origin: SourceLocation(file: file, line: 2, column: 1))
        guard let map = reader.parseMapping(yaml, what: "the front matter") else { return }
        reader.checkKeys(of: map, known: ModuleLoader.keys, what: "the front matter", severity: .warning)
        _ = reader.string("title", in: map, required: true, what: "the front matter")
        _ = reader.int("minutes", in: map)
        _ = reader.strings("countries", in: map)
    }

    /// The body inside a fence of a module, so that the fence's Markdown fields are rendered too.
    private static func compileFence(_ name: String, _ body: String) {
        compileModule("---\ntitle: Fuzz\n---\n# Fence\n\n```\(name)\n\(body)\n```\n")
    }

    private static func compileModule(_ text: String) {
        readFrontMatter(text)
        guard case .success(let split) = FrontMatter.split(text, file: file) else { return }
        let source = MarkdownSource(text: split.body, file: file, lineOffset: split.bodyLineOffset)
        _ = compiler.compile(source, sourcePath: "modules/01-fuzz.md", pagePath: "modules/fuzz.html")
    }

    /// A compiler whose links know two modules and a country, like a small course's.
    private static let compiler = MarkdownCompiler(
        links: LinkResolver(pages: ["modules/01-fuzz.md": "modules/fuzz.html", "modules/02-other.md": "modules/other.html",
                                    "countries/ca.md": "countries/ca.html"],
                            contentDirectory: URL(fileURLWithPath: "/nonexistent-fuzz-content")),
        directives: DirectiveRegistry(), texts: .keysOnly, allowRawHTML: false)

    private static func verifyRecord(_ data: Data) {
        guard let record = try? RecordReader().decode(data), let key = answerKey else { return }
        _ = RecordVerifier(key: key).verify(record)
    }

    /// The answer key of the course in this repository's `Content/`.
    private static let answerKey: AnswerKey? = {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content")
        return try? AnswerKey.load(from: content, displayPath: "Content", jobs: 1)
    }()
}
