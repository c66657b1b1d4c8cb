import Foundation
import CourseKit
import Testing

@Suite("The command line")
struct CommandLineTests {
    @Test func aSuccessfulBuildIsQuietWhenPiped() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let result = try meridian(["build"], in: course.folder)
        #expect(result.status == 0)
        #expect(result.output == "")
        #expect(result.errors == "")
        #expect(FileManager.default.fileExists(atPath: course.site.appendingPathComponent("index.html").path))
    }

    @Test func aContentErrorExitsOneWithEveryMessage() throws {
        let course = try FixtureCourse(overlay: "broken-link")
        defer { course.remove() }
        let result = try meridian(["build"], in: course.folder)
        #expect(result.status == 1)
        #expect(result.errors == """
            Content/modules/03-broken.md:7:5: error: broken link '07-canada.md': no such page
            Content/modules/03-broken.md:7:43: error: broken link '../countries/zz.md': no such page
            build failed: 2 errors; Site/ was not changed

            """)
    }

    @Test func aUsageErrorExitsTwo() throws {
        let result = try meridian(["build", "--jobs", "0"], in: Repository.root)
        #expect(result.status == 2)
        #expect(result.errors.contains("--jobs must be at least 1"))
    }

    @Test func checkReportsAndWritesNothing() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let result = try meridian(["check"], in: course.folder)
        #expect(result.status == 0)
        #expect(result.output == "2 modules checked: no errors, 0 warnings\n")
        #expect(!FileManager.default.fileExists(atPath: course.site.path))
    }

    @Test func newWritesACourseThatBuildsAndPassesCheckFromAnyFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try meridian(["new", folder.path], in: FileManager.default.temporaryDirectory)
        #expect(created.status == 0, "\(created.errors)")
        for path in ["README.md", "Content/course.yaml", "Content/modules/01-two-official-languages.md",
                     "Content/countries/ca.md", "Content/data/hofstede-6d-2015-08-16.csv", "Templates/layout.mustache",
                     "Templates/search.mustache", "Templates/assets/site.css"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path), "\(path)")
        }
        let module = try String(contentsOf: folder.appendingPathComponent("Content/modules/01-two-official-languages.md"), encoding: .utf8)
        for type in Question.Kind.allCases { #expect(module.contains("type: \(type.rawValue)\n"), "no \(type) question") }
        #expect(module.contains("```scenario"))

        let built = try meridian(["build"], in: folder)
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.errors == "")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site/modules/two-official-languages.html").path))
        let checked = try meridian(["check", "--strict"], in: folder)
        #expect(checked.status == 0, "\(checked.errors)")
        #expect(checked.output == "1 module checked: no errors, 0 warnings\n")
        #expect(checked.errors == """
            Content/course.yaml:1:1: note: item summary: longest: the correct choice is the longest choice in 0 of 1 single-choice questions (0%); chance alone would give about 0.3 (33%)
            Content/course.yaml:1:1: note: item summary: position: the correct choice is written 1st in 0, 2nd in 1, 3rd in 0 of 1 single-choice questions; chance alone would give about 0.3, 0.3, 0.3
            Content/course.yaml:1:1: note: item summary: true/false: 1 of 1 statements are true and 0 false; chance alone would give about 0.5 each, and a split at least this uneven with a probability of 100%

            """)
    }

    @Test func checkWarnsAboutItemFlawsAndStrictMakesThemErrors() throws {
        let course = try FixtureCourse(overlay: "flawed", from: "items")
        defer { course.remove() }
        let plain = try meridian(["check"], in: course.folder)
        #expect(plain.status == 0)
        #expect(plain.output == "3 modules checked: no errors, 7 warnings\n")
        let lines = plain.errors.split(separator: "\n").map(String.init)
        #expect(lines == ItemWritingTests.flaws.map(\.message) + ItemWritingTests.summary, "warnings by place, then the summary")

        let strict = try meridian(["check", "--strict"], in: course.folder)
        #expect(strict.status == 1)
        #expect(strict.output == "")
        #expect(strict.errors.contains("Content/modules/03-flawed.md:15:11: error: [longest-correct] question 'flaw-longest'"))
        #expect(strict.errors.hasSuffix("note: item summary: true/false: 0 of 2 statements are true and 2 false; chance alone would give about 1 each, and a split at least this uneven with a probability of 50%\n7 errors, 0 warnings\n"))

        let built = try meridian(["build"], in: course.folder)
        #expect(built.status == 0)
        #expect(built.errors.split(separator: "\n").map(String.init) == ItemWritingTests.flaws.map(\.message))
    }

    @Test func theShippedCoursePassesTheStrictCheck() throws {
        let result = try meridian(["check", "--strict"], in: Repository.root)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("19 modules checked: no errors, 0 warnings"))
        #expect(result.errors.contains(": note: item summary: longest: "))
    }

    @Test func newRefusesAFolderThatIsNotEmpty() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let before = try FileManager.default.contentsOfDirectory(atPath: course.folder.path).sorted()
        let result = try meridian(["new", "."], in: course.folder)
        #expect(result.status == 1)
        #expect(result.errors == "error: '.' is not empty (it holds 2 items); name a new or empty folder so nothing is overwritten\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: course.folder.path).sorted() == before)
    }
}
