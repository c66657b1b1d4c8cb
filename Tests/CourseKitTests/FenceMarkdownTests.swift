import CourseKit
import Testing

/// The Markdown values inside a fence (a question's explanation, a scenario's setting and a
/// step's debrief) are compiled where they are written: a broken link in one is reported at
/// the link, not at the question's id or the scenario's first line.
@Suite("Markdown inside a fence points at its own place")
struct FenceMarkdownTests {
    @Test func brokenLinksInsideFencesAreReportedAtTheLink() throws {
        let course = try FixtureCourse(overlay: "markdown-in-fences")
        defer { course.remove() }
        #expect(course.messages() == [
            // A plain value on the explanation's own line.
            "Content/modules/03-broken.md:11:18: error: broken link 'nowhere.md': no such page",
            // The second line of a `|` block.
            "Content/modules/03-broken.md:23:8: error: broken link 'nowhere-either.md': no such page",
            // A quoted setting: columns count from the text, after the quote.
            "Content/modules/03-broken.md:29:33: error: broken link 'policy.md': no such page",
            // A step's debrief, lines below the step's name.
            "Content/modules/03-broken.md:39:23: error: broken link 'gone.md': no such page",
            // A `|` block in a fence indented inside a list item.
            "Content/modules/03-broken.md:53:9: error: broken link 'missing.md': no such page",
        ])
    }
}

@Suite("Snippet positions become the file's")
struct SnippetOriginTests {
    /// The first line continues the line the snippet starts on; later lines begin after the
    /// indent (a fence's or a block scalar's), whatever column the first line started at.
    @Test func theFirstLineContinuesAndLaterLinesFollowTheIndent() {
        let origin = SnippetOrigin(SourceLocation(file: "a.md", line: 10, column: 14), indent: 4)
        #expect(origin.location(line: 1, column: 1).description == "a.md:10:14")
        #expect(origin.location(line: 1, column: 5).description == "a.md:10:18")
        #expect(origin.location(line: 3, column: 2).description == "a.md:12:6")
    }
}
