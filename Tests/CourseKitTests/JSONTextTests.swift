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

/// `course-data.js` writes its module entries by hand; every string must come out as
/// Foundation's encoder (sorted keys, slashes as they are) followed by the `</` escape wrote it.
@Suite("Course data JSON")
struct CourseDataJSONTests {
    @Test func stringsMatchTheEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var texts = ["", "plain", "say \"hi\" \\ now", "a/b </script> <\\/ <</", "\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}",
                     "Québec’s “duties” — 日本 \u{2028}\u{2029}", "https://example.org/a?b=c&d=<e>"]
        let alphabet = Array("a</\\\"\n\t\u{1}é’ ")
        var generator = SeededGenerator(seed: 0x4A53_4F4E)
        for _ in 0..<500 {
            texts.append(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in texts {
            var writer = CourseDataScript.Writer()
            writer.string(text)
            #expect(writer.text == CourseDataScript.escapingEndTags(try encoder.encode(text)), "\(text.debugDescription)")
        }
    }
}
