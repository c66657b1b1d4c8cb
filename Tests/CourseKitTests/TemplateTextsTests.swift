@testable import CourseKit
import Foundation
import Mustache
import Testing

/// A language's texts are written into the templates' own text once, at load: a text is the
/// escaped text itself, a text with placeholders the template fragment its section makes.
@Suite("Texts compiled into templates")
struct TemplateTextsTests {
    static let catalogue = TextCatalogue(language: "en", entries: [
        "nav.home": .text("Q&A's <home>"),
        "plain": .text("Fish & chips"),
        "pager.of": .text("Page {number} of {total} & more"),
        "brace": .text("a {{ b} c"),
        "items": .plural(["one": "{count} item", "other": "{count} items"]),
    ])

    private func compile(_ template: String) -> String {
        TemplateTexts(Self.catalogue).compile(template, tags: TemplateTags(template).tags)
    }

    @Test func aTextIsItsEscapedSelf() {
        #expect(compile("<a title=\"{{t.nav.home}}\">{{ t.nav.home }}</a>")
            == "<a title=\"Q&amp;A's &lt;home&gt;\">Q&amp;A's &lt;home&gt;</a>")
        #expect(compile("<p>{{t.brace}}</p>") == "<p>a &#123;&#123; b} c</p>")
    }

    @Test func aTextWithPlaceholdersIsTheFragmentItsSectionMakes() {
        #expect(compile("<p>{{#t.pager.of}}{{!number}}<b>{{n}}</b>{{/t.pager.of}}</p>")
            == "<p>Page <b>{{n}}</b> of {{total}} &amp; more</p>")
        #expect(compile("{{#t.pager.of}}{{!total}}<a href=\"x\">{{t.nav.home}}</a>{{/t.pager.of}}")
            == "Page {{number}} of <a href=\"x\">Q&amp;A's &lt;home&gt;</a> &amp; more")
        #expect(compile("{{#t.items.one}}{{/t.items.one}}") == "{{count}} item")
        #expect(compile("[{{^t.pager.of}}never{{/t.pager.of}}]") == "[]")
    }

    /// A compiled template renders as the template as written did when it looked its texts up,
    /// a text with placeholders being a lambda given its section's text: on one line, with the
    /// section's tags alone on their lines, and inside a list.
    @Test(arguments: [
        "<p>{{#t.pager.of}}{{!number}}<b>{{n}}</b>{{/t.pager.of}} {{t.plain}}</p>",
        "<ul>\n  {{#t.pager.of}}\n  {{!number}}<li>{{n}}</li>\n  {{/t.pager.of}}\n</ul>\n",
        "{{#t.pager.of}}\r\n{{!total}}x\r\n{{/t.pager.of}}",
        "{{#list}}\n{{#t.pager.of}}{{!number}}{{.}}{{/t.pager.of}}\n{{/list}}\n",
        "a\n  {{^t.pager.of}}\nnever\n  {{/t.pager.of}}\nb {{#t.pager.of}}{{/t.pager.of}}",
    ])
    func compiledTextsRenderAsLookedUpTextsDid(_ template: String) throws {
        let pieces = TextCatalogue.pieces(of: "Page {number} of {total} & more")
        let pager = MustacheLambda { body in TemplateTexts.template(pieces, parts: TemplateTexts.parts(of: body)) }
        let context: [String: Any] = ["n": "2", "number": "3", "total": "<9>", "list": ["a", "b"]]
        let texts: [String: Any] = ["plain": "Fish & chips", "pager": ["of": pager] as [String: Any]]
        let lookedUp = try MustacheTemplate(string: template).render(context.merging(["t": texts]) { $1 })
        #expect(try MustacheTemplate(string: compile(template)).render(context) == lookedUp)
    }

    @Test func otherTagsStayAsTheyAreWritten() {
        let template = "{{#list}}{{name}}{{/list}}{{t.no.such}}{{> partials/t.nav.home}}{{! t.nav.home }}"
        #expect(compile(template) == template)
    }

    @Test func aSectionWhosePartsAreNoTemplatePrintsNothing() {
        #expect(compile("<p>{{#t.pager.of}}{{#a}}{{!number}}{{/a}}{{/t.pager.of}}</p>") == "<p></p>")
    }

    /// Through the library: each language renders its own texts, and a partial that prints
    /// texts is still rendered once and reused.
    @Test func eachLanguageRendersItsOwnTexts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = Dictionary(uniqueKeysWithValues: TemplateLibrary.required.map { ($0, "") })
        files["home"] = "{{> partials/nav}}<p>{{#t.pager.of}}{{!number}}<b>{{number}}</b>{{/t.pager.of}}</p>"
        files["partials/nav"] = "<nav>{{t.nav.home}} {{root}}</nav>"
        for (name, text) in files {
            let url = folder.appendingPathComponent("\(name).mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let library = try TemplateLibrary.load(from: folder, displayPath: "Templates").get()
        let french = TextCatalogue(language: "fr-CA", entries: ["nav.home": .text("Accueil"), "pager.of": .text("Page {number} sur {total}")])
        let english = try library.localized(with: Self.catalogue).get(), frenchLibrary = try library.localized(with: french).get()
        let context: [String: Any] = ["number": "2", "total": "<9>", "root": "../"]
        for _ in 0..<3 {
            #expect(english.render("home", context)
                == "<nav>Q&amp;A's &lt;home&gt; ../</nav><p>Page <b>2</b> of &lt;9&gt; &amp; more</p>")
            #expect(frenchLibrary.render("home", context) == "<nav>Accueil ../</nav><p>Page <b>2</b> sur &lt;9&gt;</p>")
        }
        #expect(english.cachedPartials.map(\.outputCount) == [1])
        #expect(frenchLibrary.cachedPartials.map(\.outputCount) == [1])
    }
}
