@testable import CourseKit
import Foundation
import Testing

/// `{{name}}` escapes, `{{{name}}}` does not, in page templates, partials and inherited layouts
/// alike; and the pragma the library puts in front of every template never shifts a position.
@Suite("Template escaping")
struct TemplateEscapingTests {
    static let hostile = "Tom & Jerry's <b>\"best\"</b> — café ✓"
    static let escaped = "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;best&quot;&lt;/b&gt; — café ✓"

    private func library(_ files: [String: String]) throws -> (TemplateLibrary?, [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            let url = folder.appendingPathComponent("\(name).mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        switch TemplateLibrary.load(from: folder, displayPath: "Templates") {
        case .success(let library): return (library, [])
        case .failure(let failure): return (nil, failure.diagnostics.map(\.description))
        }
    }

    private static let pages = TemplateLibrary.required

    @Test func escapingMatchesTheFiveHTMLCharacters() {
        #expect(HTML.escape(Self.hostile) == Self.escaped)
        #expect(HTML.escape("plain text, nothing to do") == "plain text, nothing to do")
        #expect(HTML.escape("") == "")
        #expect(HTML.escape("&&") == "&amp;&amp;")
    }

    @Test func everyKindOfTemplateEscapesTheSameWay() throws {
        var files = Dictionary(uniqueKeysWithValues: Self.pages.map { ($0, "") })
        files["layout"] = "<p>{{x}}</p>\n{{$main}}{{/main}}\n{{> partials/part}}\n"
        files["partials/part"] = "<i>{{x}}</i><u>{{{x}}}</u>{{#list}}<s>{{.}}</s>{{/list}}"
        files["home"] = "{{<layout}}{{$main}}<b>{{x}}</b>{{/main}}{{/layout}}"
        let (library, problems) = try library(files)
        #expect(problems == [])
        let html = try #require(library).render("home", ["x": Self.hostile, "list": [Self.hostile]])
        let e = Self.escaped, raw = Self.hostile
        #expect(html == "<p>\(e)</p>\n<b>\(e)</b>\n<i>\(e)</i><u>\(raw)</u><s>\(e)</s>")
    }

    @Test func aTemplateSyntaxErrorKeepsItsLineAndColumn() throws {
        var files = Dictionary(uniqueKeysWithValues: Self.pages.map { ($0, "") })
        files["home"] = "<h1>{{title}}</h1>\n<p>{{#open}}text{{/shut}}</p>\n"
        let (_, problems) = try library(files)
        #expect(problems == ["Templates/home.mustache:2:21: error: template syntax: a section is closed with a different name than it was opened with"])
    }
}
