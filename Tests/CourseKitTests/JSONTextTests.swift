@testable import CourseKit
import Foundation
import Testing

/// The JSON string literals written into the site's scripts, and the search index's short
/// anchors, which `search.js` recomputes from the heading.
@Suite("Text written into scripts")
struct JSONTextTests {
    @Test(arguments: [
        ("plain text, nothing to escape", #""plain text, nothing to escape""#),
        ("", #""""#),
        ("say \"hi\" \\ now", #""say \"hi\" \\ now""#),
        ("</script><!--", #""\u003c/script>\u003c!--""#),
        ("line\nbreak\ttab\u{1}", #""line\u000abreak\u0009tab\u0001""#),
        ("Québec’s “duties” — 日本", #""Québec’s “duties” — 日本""#),
        ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#),
    ])
    func stringsAreQuotedAndEscaped(_ text: String, expected: String) throws {
        #expect(JSONText.string(text) == expected)
        // And they read back as the text they came from.
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(expected)]".utf8)) as? [String]
        #expect(decoded == [text])
    }

    @Test(arguments: [
        ("Why culture matters", "why-culture-matters"),
        ("  Hall's high-context cultures (2)  ", "hall-s-high-context-cultures-2"),
        ("UPPER/lower:mixed", "upper-lower-mixed"),
        ("Québec", ""),
        ("---", ""),
    ])
    func shortAnchorsAreLowerCaseASCIIRuns(_ heading: String, expected: String) {
        #expect(SearchIndex.simpleSlug(heading) == expected)
    }
}
