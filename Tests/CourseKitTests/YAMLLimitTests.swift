@testable import CourseKit
import Foundation
import Testing

/// YAML that could make a build allocate without end, or nest past any use, is refused with a
/// located error before it is expanded.
@Suite("YAML within limits")
struct YAMLLimitTests {
    /// A snippet and what reading it must report; described by its name, not its long text.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var message: String?
        var testDescription: String { name }
    }

    static let why = "anchors and aliases are not supported in course files; write each value out in full"
    static let depth = YAMLLimits.depth, bytes = YAMLLimits.scalarBytes

    static let refused: [Case] = [
        Case(name: "an anchor", yaml: "base: &b text\ncopy: *b\n", message: "x.md:2:7: error: anchor '&b': \(why)"),
        Case(name: "an alias", yaml: "copy: *nowhere\n", message: "x.md:2:7: error: alias '*nowhere': \(why)"),
        Case(name: "an anchor after a repeated key", yaml: "a: 1\na: 2\nb: &list [x]\n",
             message: "x.md:4:4: error: anchor '&list': \(why)"),
        Case(name: "nesting one level too deep", yaml: "deep: " + nested(depth) + "\n",
             message: "x.md:2:\(6 + depth): error: YAML nested more than \(depth) levels deep; a course file needs only a few levels"),
        Case(name: "a value one byte too long", yaml: "long: " + String(repeating: "a", count: bytes + 1) + "\n",
             message: "x.md:2:7: error: a value of \(bytes + 1) bytes; a single value in a course file may hold at most \(bytes)"),
    ]

    static let accepted: [Case] = [
        Case(name: "nesting at the limit", yaml: "deep: " + nested(depth - 1) + "\n"),
        Case(name: "a value at the limit", yaml: "long: " + String(repeating: "a", count: bytes) + "\n"),
    ]

    /// `levels` lists inside one another.
    static func nested(_ levels: Int) -> String {
        String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
    }

    @Test(arguments: refused)
    func refusedWithALocatedError(_ c: Case) {
        var reader = YAMLReader(origin: SourceLocation(file: "x.md", line: 2, column: 1))
        #expect(reader.parseMapping(c.yaml, what: "the front matter") == nil)
        #expect(reader.diagnostics.map(\.description) == [c.message])
    }

    @Test(arguments: accepted)
    func acceptedAtTheLimit(_ c: Case) {
        var reader = YAMLReader(origin: SourceLocation(file: "x.md", line: 2, column: 1))
        #expect(reader.parseMapping(c.yaml, what: "the front matter") != nil)
        #expect(reader.diagnostics == [])
    }

    /// Nine levels of nine aliases, in front matter and in a quiz: run in a child process with a
    /// memory and a time limit, so that a regression fails this test instead of the machine.
    @Test(arguments: [
        ("yaml-bomb-front-matter", "Content/modules/03-bomb-front-matter.md:3:4"),
        ("yaml-bomb-quiz", "Content/modules/03-bomb-quiz.md:9:4"),
    ])
    func billionLaughsAreRefusedQuickly(overlay: String, location: String) throws {
        let course = try FixtureCourse(overlay: overlay)
        defer { course.remove() }
        let result = try meridian(["check"], in: course.folder, memoryLimit: 1024, timeLimit: 20)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("\(location): error: anchor '&a': \(Self.why)\n"), "\(result.errors)")
    }
}
