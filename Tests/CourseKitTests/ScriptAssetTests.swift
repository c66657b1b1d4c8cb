@testable import CourseKit
import Foundation
import Testing

/// The one escaping policy of the JSON the site's scripts read: `<`, U+2028 and U+2029 escaped
/// besides what JSON needs, everything else as it is.
@Suite("Text written into scripts")
struct ScriptAssetTests {
    static let escapes: [(String, String)] = [
        ("plain text, nothing to escape", #""plain text, nothing to escape""#),
        ("", #""""#),
        ("say \"hi\" \\ now", #""say \"hi\" \\ now""#),
        ("</script><!--", #""\u003c/script>\u003c!--""#),
        ("</SCRIPT ><!-- -->", #""\u003c/SCRIPT >\u003c!-- -->""#),
        ("line\nbreak\ttab\u{1}\r\u{8}\u{C}\u{1F}", #""line\nbreak\ttab\u0001\r\b\f\u001f""#),
        ("Québec’s “duties” — 日本 😀", #""Québec’s “duties” — 日本 😀""#),
        ("a\u{2028}b\u{2029}c\u{2027}\u{202A}", "\"a\\u2028b\\u2029c\u{2027}\u{202A}\""),
        ("a/b https://example.org/?q=1&r=<2>", #""a/b https://example.org/?q=1&r=\u003c2>""#),
    ]

    @Test(arguments: escapes)
    func stringsAreQuotedAndEscaped(_ text: String, expected: String) throws {
        #expect(JSONWriter.encode { $0.string(text) }.text == expected)
        // And they read back as the text they came from.
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(expected)]".utf8)) as? [String]
        #expect(decoded == [text])
    }

    /// Keys go through the same policy as values, and the writer puts the commas.
    @Test func objectsAndListsAreWellFormed() throws {
        let json = JSONWriter.encode { out in
            out.object { out in
                out.key("</b>"); out.list([1, 2]) { $0.number($1) }
                out.key("n"); out.number(0.8)
                out.key("whole"); out.number(2.0)
                out.key("tiny"); out.number(1e-9)
                out.key("empty"); out.object { _ in }
                out.key("kept"); out.json(JSONWriter.encode { $0.strings(["x", "y"]) })
                out.key("flags"); out.array { $0.bool(true); $0.null() }
                out.lineBreak()
                out.key("lines"); out.list(["a", "b"]) { $0.lineBreak(); $0.string($1) }
            }
        }
        #expect(json.text == #"{"\u003c/b>":[1,2],"n":0.8,"whole":2,"tiny":1e-09,"empty":{},"kept":["x","y"],"flags":[true,null],"#
            + "\n\"lines\":[\n\"a\",\n\"b\"]}")
    }

    /// Random strings of the characters that need care read back as themselves.
    @Test func randomStringsReadBack() throws {
        let alphabet = Array("a</\\\"\n\t\u{1}é’ \u{2028}\u{2029}!-")
        var generator = SeededGenerator(seed: 0x4A53_4F4E)
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let json = JSONWriter.encode { $0.string(text) }.text
            #expect(!json.unicodeScalars.contains { $0 == "<" || $0 == "\u{2028}" || $0 == "\u{2029}" }, "\(text.debugDescription)")
            #expect(try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String] == [text], "\(text.debugDescription)")
        }
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
