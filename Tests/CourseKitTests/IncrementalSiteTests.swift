import CourseKit
import Foundation
import Testing

/// What `serve` rewrites after an edit: one page for a module's text, everything otherwise.
@Suite("Incremental rebuilds")
struct IncrementalSiteTests {
    static func site(_ course: FixtureCourse) -> IncrementalSite {
        IncrementalSite(options: BuildOptions(content: course.content, contentDisplay: "Content", templates: course.templates,
                                              templatesDisplay: "Templates", output: course.site, jobs: 2),
                        generator: "Meridian test")
    }

    static func edit(_ course: FixtureCourse, _ path: String, _ change: (String) -> String) throws -> String {
        let url = course.content.appendingPathComponent(path)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func aModulesTextRewritesThatPageAndTheSearchIndexOnly() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let site = Self.site(course)
        _ = try site.build()
        let home = course.site.appendingPathComponent("index.html")
        let homeBefore = try Data(contentsOf: home)
        let changed = try Self.edit(course, "modules/02-practice.md") { $0 + "\nA closing thought about Newfoundland.\n" }
        guard case let .pages(pages, _) = try site.update(changed: [changed]) else {
            Issue.record("a text edit rebuilt the whole site")
            return
        }
        #expect(pages == ["modules/practice.html"])
        try site.writeSearchIndex()
        #expect(try String(contentsOf: course.site.appendingPathComponent("modules/practice.html"), encoding: .utf8)
            .contains("A closing thought about Newfoundland."))
        #expect(try String(contentsOf: course.site.appendingPathComponent("assets/search-index.js"), encoding: .utf8)
            .contains("A closing thought about Newfoundland."))
        #expect(try Data(contentsOf: home) == homeBefore)
    }

    @Test func aNewTitleRebuildsEverything() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let site = Self.site(course)
        _ = try site.build()
        let changed = try Self.edit(course, "modules/02-practice.md") { $0.replacingOccurrences(of: "title: Practice", with: "title: Practice calls") }
        guard case .full = try site.update(changed: [changed]) else {
            Issue.record("a changed title was rebuilt in place")
            return
        }
        #expect(try String(contentsOf: course.site.appendingPathComponent("index.html"), encoding: .utf8).contains("Practice calls"))
    }

    @Test func anErrorChangesNothing() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let site = Self.site(course)
        _ = try site.build()
        let page = course.site.appendingPathComponent("modules/practice.html")
        let before = try Data(contentsOf: page)
        let changed = try Self.edit(course, "modules/02-practice.md") { $0 + "\n[Broken](nowhere.md)\n" }
        #expect(throws: BuildFailure.self) { try site.update(changed: [changed]) }
        #expect(try Data(contentsOf: page) == before)
    }
}
