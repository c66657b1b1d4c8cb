import CourseKit
import Foundation
import Testing

/// `meridian check`'s checks beyond the build's: each case adds or replaces files in the
/// fixture course and expects exactly these diagnostics, at their file:line:column.
@Suite("meridian check")
struct CheckTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Path under the fixture folder (`Content/…`, `Templates/…`) → text.
        var files: [String: String]
        var expected: [String]
        var testDescription: String { name }
    }

    static let module = """
        ---
        title: Extra
        ---
        ## First part

        """

    static let cases: [Case] = [
        Case(name: "a fragment on the same page that names no heading",
             files: ["Content/modules/03-extra.md": module + "See [below](#secnd-part) and [above](#first-part).\n\n## Second part\n"],
             expected: ["Content/modules/03-extra.md:5:5: error: broken anchor '#secnd-part': modules/extra.html has no heading or element with id 'secnd-part' (did you mean 'second-part'?)"]),
        Case(name: "a fragment on another page that names no heading",
             files: ["Content/modules/03-extra.md": module + "Go to [the question](02-practice.md#a-question-of-tim), [Canada](../countries/ca.md#nowhere) or [this](02-practice.md#a-question-of-time).\n"],
             expected: [
                "Content/modules/03-extra.md:5:7: error: broken anchor '02-practice.md#a-question-of-tim': modules/practice.html has no heading or element with id 'a-question-of-tim' (did you mean 'a-question-of-time'?)",
                "Content/modules/03-extra.md:5:57: error: broken anchor '../countries/ca.md#nowhere': countries/ca.html has no heading or element with id 'nowhere'",
             ]),
        Case(name: "an image without alt text",
             files: ["Content/modules/03-extra.md": module + "![](../images/zones.svg)\n\n![Time zones](../images/zones.svg)\n"],
             expected: ["Content/modules/03-extra.md:5:1: error: image '../images/zones.svg' has no alt text: write what it shows between the brackets, ![like this](../images/zones.svg)"]),
        Case(name: "modules the home page does not lead to",
             files: ["Templates/home.mustache": "<!doctype html>\n<html lang=\"en\"><title>{{course.title}}</title><p>Nothing here.</p></html>\n"],
             expected: [
                "Content/modules/01-welcome.md:1:1: warning: module 'welcome' cannot be reached from the home page: no chain of links from index.html leads to modules/welcome.html",
                "Content/modules/02-practice.md:1:1: warning: module 'practice' cannot be reached from the home page: no chain of links from index.html leads to modules/practice.html",
             ]),
        Case(name: "an over-long module, in words and in minutes",
             files: ["Content/modules/03-extra.md": "---\ntitle: Extra\nminutes: 90\n---\n" + String(repeating: "word ", count: 6_001) + "\n"],
             expected: [
                "Content/modules/03-extra.md:1:1: warning: module is long (6001 words of text outside its quizzes and scenarios; keep a module under 6000): consider splitting it",
                "Content/modules/03-extra.md:1:1: warning: module takes 90 minutes; keep a module under 60: consider splitting it",
             ]),
        Case(name: "a question id used for two different questions",
             files: ["Content/modules/03-extra.md": module + "```quiz\nid: fixture-single\ntype: truefalse\nstatement: Reused.\nanswer: true\n```\n"],
             expected: ["Content/modules/03-extra.md:6:5: error: duplicate question id 'fixture-single' (first used at Content/modules/02-practice.md:10:5)"]),
    ]

    @Test(arguments: cases)
    func checkFinds(_ example: Case) throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        for (path, text) in example.files {
            try text.write(to: course.folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        let found: [String]
        do {
            found = try course.build(writes: false).warnings.problems
        } catch {
            found = error.diagnostics.problems
        }
        #expect(found == example.expected)
        #expect(!FileManager.default.fileExists(atPath: course.site.path), "check wrote the site")
    }

    @Test func theFixtureCourseHasNothingToReport() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        #expect(try course.build(writes: false).warnings.problems == [])
    }

    @Test func aBuildDoesNotRunTheChecks() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        try (Self.module + "See [below](#nowhere).\n").write(to: course.content.appendingPathComponent("modules/03-extra.md"),
                                                             atomically: true, encoding: .utf8)
        #expect(try course.build().warnings.isEmpty)
    }
}

extension Array where Element == Diagnostic {
    /// The errors and warnings as printed, without the item summary notes every `check` ends
    /// with (`ItemWritingTests` pins those).
    var problems: [String] { filter { $0.severity != .note }.map(\.description) }
}
