import CourseKit
import Foundation
@testable import Packaging
import Testing

/// The repository's folders, found from this file.
private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The launch page's scripts and the schemas, as the binary embeds them.
private func supportFiles() throws -> [String: Data] {
    let folder = repository.appendingPathComponent("LMS/scorm12")
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
}

/// A copy of the starter course (with the country data and the templates) in a temporary folder.
private struct Fixture {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-package-test-\(UUID().uuidString)")
    var content: URL { folder.appendingPathComponent("Content") }
    var templates: URL { folder.appendingPathComponent("Templates") }
    var output: URL { folder.appendingPathComponent("course.zip") }

    init() throws {
        let files = FileManager.default
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        try files.copyItem(at: repository.appendingPathComponent("Starter/Content"), to: content)
        try files.copyItem(at: repository.appendingPathComponent("Content/data"), to: content.appendingPathComponent("data"))
        try files.copyItem(at: repository.appendingPathComponent("Templates"), to: templates)
    }

    func package(limits: SCORM12Packager.Limits = .init()) throws -> SCORM12Packager.Report {
        let options = BuildOptions(content: content, contentDisplay: "Content", templates: templates,
                                   templatesDisplay: "Templates", output: folder.appendingPathComponent("unused"), jobs: 2)
        return try SCORM12Packager(supportFiles: supportFiles(), limits: limits).package(options, to: output)
    }

    func failure(limits: SCORM12Packager.Limits = .init()) throws -> PackageFailure? {
        do {
            _ = try package(limits: limits)
            return nil
        } catch let failure as PackageFailure {
            return failure
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

@Suite struct SCORM12PackagerTests {
    @Test func theStarterCoursePackagesWithItsWorstCaseCounted() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let report = try fixture.package()
        #expect(FileManager.default.fileExists(atPath: fixture.output.path))
        #expect(report.masteryScore == 80)
        #expect(report.suspendDataWorstCase > 13 && report.suspendDataWorstCase < SuspendDataBudget.limit)
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("unused").path))
    }

    @Test func aFileNameThatIsNotAURLPathWritesNoPackage() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try Data("x".utf8).write(to: fixture.templates.appendingPathComponent("assets/my notes.txt"))
        let failure = try fixture.failure()
        #expect(failure?.message == "'assets/my notes.txt' is not a valid URL path in a package: name files with letters, digits, '.', '-', '_' and '~' only")
        #expect(!FileManager.default.fileExists(atPath: fixture.output.path))
    }

    @Test func aSiteTooLargeWritesNoPackageAndKeepsTheOldOne() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try Data("an earlier package".utf8).write(to: fixture.output)
        let failure = try fixture.failure(limits: .init(bytes: 1_048_576 / 10, files: 65_535))
        #expect(failure?.message.hasPrefix("the site is ") == true)
        #expect(failure?.message.hasSuffix("MB; a package holds at most 0.1 MB") == true)
        #expect(try Data(contentsOf: fixture.output) == Data("an earlier package".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path).filter { $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty)
    }

    @Test func aTitleTheSchemaCannotHoldWritesNoPackage() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let yaml = fixture.content.appendingPathComponent("course.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        let long = String(repeating: "Long title ", count: 20) + "end"
        let retitled = text.split(separator: "\n").map { $0.hasPrefix("title:") ? "title: \(long)" : String($0) }
        try retitled.joined(separator: "\n").write(to: yaml, atomically: true, encoding: .utf8)
        let failure = try fixture.failure()
        #expect(failure?.message == "imsmanifest.xml would not validate: course.yaml: title is \(long.count) characters; the schema allows 200")
        #expect(!FileManager.default.fileExists(atPath: fixture.output.path))
    }

    @Test func aCourseWithContentErrorsWritesNoPackage() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.content.appendingPathComponent("course.yaml"))
        guard case .build(let failure)? = try fixture.failure() else { Issue.record("expected a build failure"); return }
        #expect(failure.errorCount > 0)
        #expect(!FileManager.default.fileExists(atPath: fixture.output.path))
    }
}

@Suite struct SuspendDataBudgetTests {
    private func outline(_ modules: String) throws -> CourseOutline {
        let json = #"{"id":"c","title":"T","version":"1","language":"en","passScore":0.8,"modules":\#(modules)}"#
        return try JSONDecoder().decode(CourseOutline.self, from: Data(json.utf8))
    }

    private func items(_ count: Int) -> String {
        "[" + (1...count).map { #"{"id":"\#($0)"}"# }.joined(separator: ",") + "]"
    }

    @Test func eachKindOfQuestionAndScenarioCountsItsLongestForm() throws {
        let modules = """
        [{"slug":"a","questions":[
          {"id":"s","type":"single","choices":\(items(4))},
          {"id":"t","type":"truefalse"},
          {"id":"m","type":"multiple","choices":\(items(7))},
          {"id":"o","type":"order","choices":\(items(5))},
          {"id":"p","type":"match","source":\(items(3)),"target":\(items(3))}],
          "scenarios":[{"id":"x","start":"a","steps":{
            "a":{"options":[{"next":"b"},{"next":"end"}]},
            "b":{"options":[{"next":"a"},{"next":"c"}]},
            "c":{"options":[{"next":"end"}]},
            "end":{"ending":"good"}}}]}]
        """
        // head 13, module 1, questions (1+2)+(1+2)+(2+2)+(5+2)+(3+2), scenario 2 + 3 replies (a→b→c→end)
        #expect(try SuspendDataBudget(outline: outline(modules)).worstCase() == 13 + 1 + 22 + 5)
    }

    @Test func anExamCountsEveryAttemptItAllowsAndOneOpen() throws {
        let questions = """
          [{"id":"s","type":"single","choices":\(items(4))},
           {"id":"t","type":"truefalse"},
           {"id":"m","type":"multiple","choices":\(items(7))},
           {"id":"o","type":"order","choices":\(items(5))},
           {"id":"p","type":"match","source":\(items(3)),"target":\(items(3))}]
        """
        let limited = #"[{"slug":"e","exam":{"draw":3,"attempts":2},"questions":\#(questions),"scenarios":[]}]"#
        // An attempt: 3 places and the 3 longest responses (order 5, match 3, multiple 2).
        let attempt = 3 + 5 + 3 + 2
        // head 13, module 1, 1 digit of attempts, 2 × (6 + 2 + attempt), the open attempt
        #expect(try SuspendDataBudget(outline: outline(limited)).worstCase() == 13 + 1 + 1 + 2 * (8 + attempt) + attempt)
        let unlimited = #"[{"slug":"e","exam":{"draw":1},"questions":\#(questions),"scenarios":[]}]"#
        #expect(SuspendDataBudget.unlimitedKept == 10)
        #expect(try SuspendDataBudget(outline: outline(unlimited)).worstCase() == 13 + 1 + 1 + 10 * (8 + 1 + 5) + 1 + 5)
    }

    @Test func anExamTheEncodingCannotHoldIsRefused() throws {
        let question = #"{"id":"q","type":"truefalse"}"#
        let many = #"[{"slug":"big","exam":{"draw":1},"questions":[\#(Array(repeating: question, count: 65).joined(separator: ","))],"scenarios":[]}]"#
        #expect(throws: PackageFailure.examTooLarge("exam module 'big' has 65 questions", limit: "64 questions")) {
            try SuspendDataBudget(outline: outline(many)).worstCase()
        }
        let tries = #"[{"slug":"often","exam":{"draw":1,"attempts":64},"questions":[\#(question)],"scenarios":[]}]"#
        #expect(PackageFailure.examTooLarge("exam module 'often' allows 64 attempts", limit: "63 attempts").message ==
                "exam module 'often' allows 64 attempts; a package can record at most 63 attempts")
        #expect(throws: PackageFailure.examTooLarge("exam module 'often' allows 64 attempts", limit: "63 attempts")) {
            try SuspendDataBudget(outline: outline(tries)).worstCase()
        }
    }

    @Test func aCourseThatCannotFitIsRefusedNamingTheLimit() throws {
        let question = #"{"id":"q","type":"order","choices":\#(items(60))}"#
        let modules = #"[{"slug":"a","questions":[\#(Array(repeating: question, count: 70).joined(separator: ","))],"scenarios":[]}]"#
        let worst = try SuspendDataBudget(outline: outline(modules)).worstCase()
        #expect(worst == 13 + 1 + 70 * 62)
        #expect(PackageFailure.suspendDataTooLong(characters: worst, limit: 4096).message ==
                "a learner's progress can need \(worst) characters of cmi.suspend_data; SCORM 1.2 keeps at most 4096")
    }

    @Test func moreChoicesThanADigitHoldsAreRefused() throws {
        let modules = #"[{"slug":"a","questions":[{"id":"big","type":"single","choices":\#(items(64))}],"scenarios":[]}]"#
        #expect(throws: PackageFailure.tooManyOptions("question 'big'", count: 64)) {
            try SuspendDataBudget(outline: outline(modules)).worstCase()
        }
    }

    @Test(arguments: [(0.8, 80), (0.75, 75), (1.0, 100), (0.0, 0), (0.801, 81)])
    func theMasteryScoreIsThePassMarkInHundredths(passScore: Double, expected: Int) throws {
        #expect(try SCORM12Manifest.masteryScore(passScore: passScore) == expected)
    }

    @Test func aPassMarkAboveOneHasNoMasteryScore() {
        #expect(throws: PackageFailure.self) { try SCORM12Manifest.masteryScore(passScore: 1.5) }
    }
}
