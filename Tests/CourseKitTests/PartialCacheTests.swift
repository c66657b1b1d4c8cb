@testable import CourseKit
import Foundation
import Testing

/// Partials that print only site-wide values are rendered once and reused; the pages must come
/// out exactly as if every partial had been rendered on every page.
@Suite("Cached partials")
struct PartialCacheTests {
    private func library(_ files: [String: String]) throws -> TemplateLibrary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var all = Dictionary(uniqueKeysWithValues: TemplateLibrary.required.map { ($0, "") })
        all.merge(files) { $1 }
        for (name, text) in all {
            let url = folder.appendingPathComponent("\(name).mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try TemplateLibrary.load(from: folder, displayPath: "Templates").get()
    }

    static let layout = """
    <html>
    {{> partials/top}}
    <main>{{$main}}{{/main}}</main>
    {{> partials/bottom}}
    </html>
    """
    /// Sections over lists and objects, inverted sections, dotted names, climbing out of a section.
    static let top = """
    <nav>{{#links}}<a href="{{root}}{{url}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a>{{/links}}</nav>
    {{^page.isHome}}<a href="{{root}}index.html">Home</a>{{/page.isHome}}{{#page.isModule}} module{{/page.isModule}}
    {{#site}}<b>{{name}}</b> {{version}}{{/site}}{{^missing}}!{{/missing}} {{count}} {{{site.raw}}}

    """
    static let files = [
        "layout": layout, "partials/top": top, "partials/bottom": "<footer>{{site.name}}</footer>\n",
        "module": "{{<layout}}{{$main}}<h1>{{page.title}}</h1>{{/main}}{{/layout}}",
    ]

    /// Forty pages in six variants of the partials' inputs: each variant differs from the others
    /// in one or two values (a list's length, a flag, a missing key, an escaped character).
    static func contexts() -> [[String: Any]] {
        let links: [[String: Any]] = [["url": "a.html", "title": "A & B", "current": false], ["url": "b.html", "title": "B", "current": true]]
        return (0..<40).map { index in
            let variant = index % 6
            var site: [String: Any] = ["name": variant == 5 ? "Other <site>" : "Site", "version": "1.0", "raw": "<i>raw</i>"]
            if variant == 4 { site["version"] = nil }
            return [
                "root": variant == 0 ? "" : "../",
                "page": ["title": "Page \(index)", "isHome": variant == 0, "isModule": variant != 0] as [String: Any],
                "links": Array(links.prefix(variant % 3)),
                "site": site,
                "count": variant < 3 ? 0 : 1,
            ]
        }
    }

    @Test func cachedPartialsRenderWhatTheTemplatesSay() throws {
        let cached = try library(Self.files)
        #expect(cached.cachedPartials.map(\.name) == ["partials/bottom", "partials/top"])
        // Including anything from inside a section turns caching off: the reference rendering.
        let plain = try library(Self.files.merging(["partials/unused": "{{#x}}{{> partials/bottom}}{{/x}}"]) { $1 })
        #expect(plain.cachedPartials.isEmpty)
        for (index, context) in Self.contexts().enumerated() {
            let expected = plain.render("module", context)
            #expect(cached.render("module", context) == expected, "page \(index)")
        }
        #expect(cached.cachedPartials.map(\.outputCount) == [2, 6])
    }

    /// Mustache indents every line of a partial included indented, and of the partials inside
    /// it: such a library is rendered without the cache, and comes out indented.
    @Test func indentationPassedDownIsKept() throws {
        let library = try library(["layout": "<head>\n  {{> partials/head}}\n</head>", "partials/head": "<meta>\n{{> partials/links}}\n",
                                   "partials/links": "<link a>\n<link b>\n", "module": "{{<layout}}{{/layout}}"])
        #expect(library.cachedPartials.isEmpty)
        #expect(library.render("module", [:]) == "<head>\n  <meta>\n  <link a>\n  <link b>\n</head>")
    }

    @Test func aPartialThatChangesOnEveryPageStopsBeingCached() throws {
        let library = try library(["layout": "{{> partials/title}}{{$main}}{{/main}}", "partials/title": "<title>{{page.title}}</title>\n",
                                   "module": "{{<layout}}{{$main}}<p>{{page.title}}</p>{{/main}}{{/layout}}"])
        let partial = try #require(library.cachedPartials.first)
        for index in 0..<(PartialCache.capacity + 5) {
            #expect(library.render("module", ["page": ["title": "T\(index)"]]) == "<title>T\(index)</title>\n<p>T\(index)</p>")
        }
        #expect(!partial.isCaching)
    }

    @Test(arguments: [
        ("included inside a section", ["layout": "{{#a}}{{> partials/p}}{{/a}}"], [String]()),
        ("a block inside a section", ["layout": "{{> partials/p}}{{^a}}{{$b}}{{/b}}{{/a}}"], []),
        ("new delimiters", ["layout": "{{> partials/p}}{{=<% %>=}}"], []),
        ("included indented", ["layout": "  {{> partials/p}}\n"], []),
        ("inside a partial included indented", ["layout": "  {{> partials/q}}\n", "partials/q": "{{> partials/p}}"], []),
        ("an indented block", ["layout": "{{> partials/p}}\n  {{$b}}{{/b}}\n"], []),
        ("an indented parent", ["home": "  {{<layout}}{{/layout}}\n", "layout": "{{> partials/p}}"], []),
        ("a lone carriage return", ["layout": "{{! c }}\r  {{> partials/p}}\r"], []),
        ("lines ending in CRLF", ["layout": "<p>\r\n{{> partials/p}}\r\n"], ["partials/p"]),
        ("the implicit iterator", ["layout": "{{> partials/p}}", "partials/p": "{{#l}}{{.}}{{/l}}"], []),
        ("a transform", ["layout": "{{> partials/p}}", "partials/p": "{{uppercased(x)}}"], []),
        ("a partial that includes another", ["layout": "{{> partials/p}}", "partials/p": "{{> partials/q}}", "partials/q": "{{x}}"], ["partials/q"]),
        ("a partial with a block", ["layout": "{{> partials/p}}", "partials/p": "{{$b}}{{x}}{{/b}}"], []),
        ("a page template included as a partial", ["layout": "{{> home}}", "home": "{{x}}"], []),
        ("plain", ["layout": "<p>{{> partials/p}}</p>"], ["partials/p"]),
    ])
    func whichPartialsAreCached(_ label: String, files: [String: String], cached: [String]) throws {
        let library = try library(["partials/p": "{{x}}"].merging(files) { $1 })
        #expect(library.cachedPartials.map(\.name) == cached, "\(label)")
    }
}
