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

    /// The practice module's quiz with the other choice correct; applied twice, the module as it was.
    static func swapPracticeAnswer(_ text: String) -> String {
        swapAnswer(text, "Your own time zone's.", "The customer's local time.")
    }

    /// The same for the French practice module.
    static func swapFrenchPracticeAnswer(_ text: String) -> String {
        swapAnswer(text, "L'heure de votre fuseau.", "L'heure locale de la personne.")
    }

    private static func swapAnswer(_ text: String, _ firstChoice: String, _ secondChoice: String) -> String {
        let first = "  - text: \(firstChoice)\n", second = "  - text: \(secondChoice)\n", correct = "    correct: true\n"
        return text.contains(first + correct)
            ? text.replacingOccurrences(of: first + correct, with: first).replacingOccurrences(of: second, with: second + correct)
            : text.replacingOccurrences(of: second + correct, with: second).replacingOccurrences(of: first, with: first + correct)
    }

    /// Every file of `site`, by path, with its bytes.
    static func files(of site: URL) throws -> [String: Data] {
        let paths = FileManager.default.subpaths(atPath: site.path) ?? []
        var files: [String: Data] = [:]
        for path in paths {
            var isFolder: ObjCBool = false
            let url = site.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[path] = try Data(contentsOf: url)
        }
        return files
    }

    /// The site a full build writes from `course`'s content as it is now.
    static func freshBuild(of course: FixtureCourse) throws -> [String: Data] {
        let fresh = try FixtureCourse()
        defer { fresh.remove() }
        try FileManager.default.removeItem(at: fresh.content)
        try FileManager.default.copyItem(at: course.content, to: fresh.content)
        _ = try fresh.build()
        return try files(of: fresh.site)
    }

    @Test func aModulesTextRewritesThatPageAndTheSearchIndexOnly() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let site = Self.site(course)
        _ = try site.build()
        let home = course.site.appendingPathComponent("index.html")
        let homeBefore = try Data(contentsOf: home)
        let changed = try Self.edit(course, "modules/02-practice.md") { $0 + "\nA closing thought about Newfoundland.\n" }
        guard case let .pages(pages, _, _) = try site.update(changed: [changed]) else {
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

    @Test func anEditedPageIsThePageAFullBuildWritesFrenchTypographyIncluded() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        _ = try Self.edit(course, "course.yaml") { $0.replacingOccurrences(of: "language: en", with: "language: fr-CA") }
        let site = Self.site(course)
        _ = try site.build()
        let changed = try Self.edit(course, "modules/02-practice.md") { $0 + "\nUne dernière question : est-ce clair ?\n" }
        guard case .pages = try site.update(changed: [changed]) else {
            Issue.record("a text edit rebuilt the whole site")
            return
        }
        let page = course.site.appendingPathComponent("modules/practice.html")
        let served = try String(contentsOf: page, encoding: .utf8)
        _ = try site.build()
        #expect(served.contains("est-ce clair\u{202F}?"))
        #expect(try String(contentsOf: page, encoding: .utf8) == served)
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

    @Test func aChangedAnswerRewritesTheCourseDataToo() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let site = Self.site(course)
        _ = try site.build()
        let courseData = course.site.appendingPathComponent("assets/course-data.js")
        let before = try String(contentsOf: courseData, encoding: .utf8)
        // The same questions, but the other choice is now the correct one.
        let changed = try Self.edit(course, "modules/02-practice.md", Self.swapPracticeAnswer)
        guard case let .pages(pages, _, _) = try site.update(changed: [changed]) else {
            Issue.record("a changed answer rebuilt the whole site")
            return
        }
        #expect(pages == ["modules/practice.html"])
        let after = try String(contentsOf: courseData, encoding: .utf8)
        #expect(after != before)
        #expect(Data(after.utf8) == (try Self.freshBuild(of: course)["assets/course-data.js"]))
    }

    @Test func anAnswerChangedAndChangedBackGivesTheFirstCourseDataAgain() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let site = Self.site(course)
        _ = try site.build()
        let courseData = course.site.appendingPathComponent("assets/course-data.js")
        let first = try Data(contentsOf: courseData)
        let changed = try Self.edit(course, "modules/02-practice.md", Self.swapPracticeAnswer)
        guard case .pages = try site.update(changed: [changed]) else {
            Issue.record("a changed answer rebuilt the whole site")
            return
        }
        let second = try Data(contentsOf: courseData)
        _ = try Self.edit(course, "modules/02-practice.md", Self.swapPracticeAnswer)
        guard case .pages = try site.update(changed: [changed]) else {
            Issue.record("a changed answer rebuilt the whole site")
            return
        }
        #expect(second != first)
        #expect(try Data(contentsOf: courseData) == first)
    }

    @Test func aTextEditLeavesTheCourseDataAsItWas() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let site = Self.site(course)
        _ = try site.build()
        let courseData = course.site.appendingPathComponent("assets/course-data.js")
        let before = try Data(contentsOf: courseData)
        let attributes = try FileManager.default.attributesOfItem(atPath: courseData.path)
        let changed = try Self.edit(course, "modules/02-practice.md") { $0 + "\nOne more sentence.\n" }
        guard case .pages = try site.update(changed: [changed]) else {
            Issue.record("a text edit rebuilt the whole site")
            return
        }
        #expect(try Data(contentsOf: courseData) == before)
        let inode = try FileManager.default.attributesOfItem(atPath: courseData.path)[.systemFileNumber] as? Int
        #expect(inode == attributes[.systemFileNumber] as? Int, "course-data.js was written again")
    }

    @Test func anEditedModulesWarningsAreReportedAsABuildReportsThem() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let site = Self.site(course)
        _ = try site.build()
        let changed = try Self.edit(course, "modules/02-practice.md") {
            $0.replacingOccurrences(of: "minutes: 10\n", with: "minutes: 10\nlevel: beginner\n")
        }
        guard case let .pages(_, warnings, _) = try site.update(changed: [changed]) else {
            Issue.record("an unknown front matter key rebuilt the whole site")
            return
        }
        let expected = try course.build().warnings.map(\.description).filter { $0.contains("02-practice.md") }
        #expect(!expected.isEmpty)
        #expect(warnings.map(\.description) == expected)
        #expect(warnings.map(\.description).contains { $0.contains("warning: unknown key 'level' in the front matter") })
    }

    @Test func anEditedModulesItemWarningsAreReportedAsABuildReportsThem() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let site = Self.site(course)
        _ = try site.build()
        let changed = try Self.edit(course, "modules/02-practice.md") {
            $0.replacingOccurrences(of: "lint: {ignore: [too-few-choices]}", with: "")
        }
        guard case let .pages(_, warnings, _) = try site.update(changed: [changed]) else {
            Issue.record("an edited question rebuilt the whole site")
            return
        }
        let expected = try course.build().warnings.map(\.description)
        #expect(expected.count == 1 && expected[0].contains("warning: [too-few-choices] question 'fixture-single'"))
        #expect(warnings.map(\.description) == expected)
    }

    // A course in two languages: each language's modules are updated in place too.

    static func bilingual() throws -> FixtureCourse {
        try FixtureCourse(overlay: "bilingual", from: "translations")
    }

    @Test func aTranslatedModulesTextRewritesThatPageInItsLanguagesFolder() throws {
        let course = try Self.bilingual()
        defer { course.remove() }
        let site = Self.site(course)
        _ = try site.build()
        let english = try Data(contentsOf: course.site.appendingPathComponent("modules/practice.html"))
        let changed = try Self.edit(course, "fr-CA/modules/02-practice.md") { $0 + "\nUne dernière pensée sur Terre-Neuve.\n" }
        guard case let .pages(pages, warnings, _) = try site.update(changed: [changed]) else {
            Issue.record("a text edit in French rebuilt the whole site")
            return
        }
        #expect(pages == ["fr-CA/modules/practice.html"])
        #expect(warnings == [])
        try site.writeSearchIndex()
        #expect(try String(contentsOf: course.site.appendingPathComponent("fr-CA/assets/search-index.js"), encoding: .utf8)
            .contains("Une dernière pensée sur Terre-Neuve."))
        #expect(try Data(contentsOf: course.site.appendingPathComponent("modules/practice.html")) == english)
        #expect(try Self.files(of: course.site) == Self.freshBuild(of: course))
    }

    @Test func answersChangedInBothLanguagesLeaveTheSiteAFullBuildWrites() throws {
        let course = try Self.bilingual()
        defer { course.remove() }
        let site = Self.site(course)
        _ = try site.build()
        let before = try Self.files(of: course.site)
        let english = try Self.edit(course, "modules/02-practice.md", Self.swapPracticeAnswer)
        let french = try Self.edit(course, "fr-CA/modules/02-practice.md", Self.swapFrenchPracticeAnswer)
        guard case let .pages(pages, _, _) = try site.update(changed: [english, french]) else {
            Issue.record("an answer changed in both languages rebuilt the whole site")
            return
        }
        #expect(pages == ["modules/practice.html", "fr-CA/modules/practice.html"])
        try site.writeSearchIndex()
        let after = try Self.files(of: course.site)
        #expect(after["assets/course-data.js"] != before["assets/course-data.js"])
        #expect(after["fr-CA/assets/course-data.js"] != before["fr-CA/assets/course-data.js"])
        #expect(after == (try Self.freshBuild(of: course)))
    }

    @Test func anAnswerChangedInOneLanguageOnlyIsAnErrorAndChangesNothing() throws {
        let course = try Self.bilingual()
        defer { course.remove() }
        let site = Self.site(course)
        _ = try site.build()
        let before = try Self.files(of: course.site)
        let changed = try Self.edit(course, "fr-CA/modules/02-practice.md", Self.swapFrenchPracticeAnswer)
        let expected: [String]
        do {
            _ = try course.build()
            expected = []
        } catch {
            expected = error.diagnostics.map(\.description)
        }
        #expect(!expected.isEmpty)
        do {
            _ = try site.update(changed: [changed])
            Issue.record("an answer that differs from the default language's was accepted")
        } catch {
            #expect(error.diagnostics.map(\.description) == expected)
        }
        #expect(try Self.files(of: course.site) == before)
    }
}
