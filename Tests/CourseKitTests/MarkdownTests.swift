@testable import CourseKit
import Foundation
import Testing

/// Compiles a snippet as if it were the body of `modules/01-a.md`.
private func compile(_ markdown: String, rawHTML: Bool = false, pages: [String: String] = [:]) -> CompiledPage {
    let links = LinkResolver(pages: ["modules/01-a.md": "modules/a.html"].merging(pages) { a, _ in a },
                             contentDirectory: Repository.fixtures.appendingPathComponent("course"))
    let compiler = MarkdownCompiler(links: links, directives: DirectiveRegistry(), texts: Repository.englishTexts, allowRawHTML: rawHTML)
    return compiler.compile(MarkdownSource(text: markdown, file: "Content/modules/01-a.md", lineOffset: 3),
                            sourcePath: "modules/01-a.md", pagePath: "modules/a.html")
}

private func render(_ markdown: String, rawHTML: Bool = false, pages: [String: String] = [:]) -> String {
    compile(markdown, rawHTML: rawHTML, pages: pages).html
}

@Suite("Markdown compiles to HTML")
struct MarkdownTests {
    @Test func headingsGetIDs() {
        #expect(render("# Hi") == "<h1 id=\"hi\">Hi</h1>\n")
        #expect(render("## Québec's *French*") == "<h2 id=\"quebecs-french\">Québec’s <em>French</em></h2>\n")
    }

    /// Headings in plain ASCII take a byte-by-byte path; it must agree with the general one.
    @Test func asciiHeadingsSlugLikeAnyOther() {
        var generator = SeededGenerator(seed: 0x534C_5547)
        let alphabet = Array("aZ09 -_/.:\t\r\n!?'\"&()[]{}#*+,;<=>@\\^`|~") + [Character("\u{0B}"), Character("\u{0C}"), Character("\u{7F}")]
        var texts = ["", " ", "--", "Why culture matters", "2. Hall's high-context cultures", "  Leading and trailing  ", "UPPER/lower:mixed.case_here"]
        for _ in 0..<2_000 {
            texts.append(String((0..<Int.random(in: 1...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in texts {
            #expect(Slugger.slugifyASCII(text) == Slugger.slugifyScalars(text), "\(text.debugDescription)")
        }
    }

    @Test func repeatedHeadingsGetDistinctIDs() {
        #expect(render("## Tone\n\n## Tone") == "<h2 id=\"tone\">Tone</h2>\n<h2 id=\"tone-1\">Tone</h2>\n")
    }

    @Test func tableOfContentsHoldsLevelsTwoAndThree() {
        let toc = compile("# Title\n## One\n### One a\n#### Deep\n## Two").toc
        #expect(toc == [TOCEntry(id: "one", text: "One", level: 2), TOCEntry(id: "one-a", text: "One a", level: 3),
                        TOCEntry(id: "two", text: "Two", level: 2)])
    }

    @Test func linksToSourceFilesBecomePageURLs() {
        #expect(render("[x](02-b.md#tone)", pages: ["modules/02-b.md": "modules/b.html"])
            == "<p><a href=\"b.html#tone\">x</a></p>\n")
        #expect(render("[jp](../countries/jp.md)", pages: ["countries/jp.md": "countries/jp.html"])
            == "<p><a href=\"../countries/jp.html\">jp</a></p>\n")
    }

    @Test func externalLinksAndFragmentsAreKept() {
        #expect(render("[a](https://example.org/x) [b](#top)") == "<p><a href=\"https://example.org/x\">a</a> <a href=\"#top\">b</a></p>\n")
    }

    @Test func linkedFilesAreCopiedIntoTheSite() {
        let page = compile("![zones](../images/zones.svg)")
        #expect(page.html == "<p><img src=\"../images/zones.svg\" alt=\"zones\" /></p>\n")
        #expect(page.compilation.assets == ["images/zones.svg"])
    }

    @Test(arguments: [
        ("[x](/modules/a.html)", "link '/modules/a.html' starts with '/', which breaks when the site is opened from disk; link relative to this file"),
        ("[x](javascript:alert(1))", "unsafe link 'javascript:alert(1)': only web addresses and files of the course can be linked"),
        ("![x](https://example.org/a.png)", "image 'https://example.org/a.png' would be loaded from the network; copy it into the content folder so the site works offline"),
        ("[x](../images)", "link '../images' names a folder, which opens a file listing from disk; link a file"),
        ("[x](../../../etc/passwd)", "link '../../../etc/passwd' points outside the content folder"),
        ("[x](01-b.md)", "broken link '01-b.md': no such page (did you mean '01-a.md'?)"),
    ])
    func unsafeOrBrokenLinksAreErrors(markdown: String, message: String) {
        let diagnostics = compile(markdown).compilation.diagnostics
        #expect(diagnostics.map(\.description) == ["Content/modules/01-a.md:4:1: error: \(message)"])
    }

    @Test func rawHTMLIsEscapedUnlessTheCourseAllowsIt() {
        #expect(render("a <b>bold</b>\n\n<div>x</div>") == "<p>a &lt;b&gt;bold&lt;/b&gt;</p>\n<p>&lt;div&gt;x&lt;/div&gt;</p>\n")
        #expect(render("a <b>bold</b>", rawHTML: true) == "<p>a <b>bold</b></p>\n")
    }

    @Test func ordinaryCodeBlocksStayCode() {
        #expect(render("```yaml\nid: x\n```") == "<pre><code class=\"language-yaml\">id: x\n</code></pre>\n")
    }

    @Test func errorColumnsCountCharactersNotBytes() {
        let diagnostics = compile("Café — [x](missing.md)").compilation.diagnostics
        #expect(diagnostics.map(\.location.column) == [8])
    }
}

@Suite("Front matter")
struct FrontMatterTests {
    @Test func splitsYAMLFromBody() throws {
        let split = try FrontMatter.split("---\ntitle: A\n---\nBody\n", file: "a.md").get()
        #expect(split.yaml == "title: A")
        #expect(split.body == "Body\n")
        #expect(split.bodyLineOffset == 3)
    }

    /// Files with only "\n" line breaks take a byte-by-byte path; every other line break, and
    /// a front matter never closed, the general one. Both must split alike.
    @Test(arguments: [
        ("---\ntitle: A\n---\nBody\n", "title: A", "Body\n", 3),
        ("---\n---\n", "", "", 2),
        ("---\na: 1\nb: [x]\n...\n# H\n", "a: 1\nb: [x]", "# H\n", 4),
        ("---\nsummary: Québec’s “duties”\n---", "summary: Québec’s “duties”", "", 3),
        ("---\r\ntitle: A\r\n---\r\nBody\r\n", "title: A", "Body\r\n", 3),
        ("---\ntitle: A\u{2028}x: 1\n---\nB", "title: A\nx: 1", "B", 4),
        ("---\ntitle: A\n---x\n---\n", "title: A\n---x", "", 4),
    ])
    func everyKindOfLineBreakSplitsAlike(text: String, yaml: String, body: String, offset: Int) throws {
        let split = try FrontMatter.split(text, file: "a.md").get()
        #expect(split.yaml == yaml)
        #expect(split.body == body)
        #expect(split.bodyLineOffset == offset)
    }

    @Test func anUnclosedFrontMatterIsAnError() {
        #expect(throws: Diagnostic.self) { try FrontMatter.split("---\ntitle: A\nBody\n", file: "a.md").get() }
    }

    @Test func aFileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatter.split("# Hi\n", file: "a.md").get()
        #expect(split.yaml == nil)
        #expect(split.bodyLineOffset == 0)
    }
}

@Suite("Relative URLs")
struct RelativeURLTests {
    @Test(arguments: [
        ("modules/b.html", "modules/a.html", "b.html"),
        ("countries/jp.html", "modules/a.html", "../countries/jp.html"),
        ("modules/a.html", "index.html", "modules/a.html"),
        ("index.html", "countries/jp.html", "../index.html"),
    ])
    func relativeURLs(target: String, page: String, expected: String) {
        #expect(LinkResolver.relative(target, from: page) == expected)
    }
}
