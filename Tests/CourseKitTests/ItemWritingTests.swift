@testable import CourseKit
import Foundation
import Testing

/// The item-writing check: one flawed question of each kind in `Fixtures/items/flawed`, each
/// reported at its prompt or choice with its exact reason; nothing for `Fixtures/items/well-written`.
@Suite("Item-writing check")
struct ItemWritingTests {
    struct Flaw: CustomTestStringConvertible, Sendable {
        var rule: ItemRule
        var message: String
        var testDescription: String { message.prefix(60) + "…" }
    }

    static let file = "Content/modules/03-flawed.md"
    static let flaws: [Flaw] = [
        Flaw(rule: .longestCorrect, message: "\(file):15:11: warning: [longest-correct] question 'flaw-longest': the correct choice is clearly the longest (91 characters, the longest wrong one 10): learners pick it without knowing why; make the choices alike in length"),
        Flaw(rule: .absoluteWords, message: "\(file):27:11: warning: [absolute-words] question 'flaw-absolute': a wrong choice says 'always', and in this module only wrong choices use absolute words: learners learn to rule them out unread; hedge this one, or let a correct choice be absolute too"),
        Flaw(rule: .ofTheAbove, message: "\(file):42:11: warning: [of-the-above] question 'flaw-above': a choice reads 'none of the above': it rewards ruling choices out (or spotting two right ones) rather than knowing; write a choice that stands on its own"),
        Flaw(rule: .tooFewChoices, message: "\(file):48:9: warning: [too-few-choices] question 'flaw-few': a single-choice question with 2 choices: a guess is right half the time; add plausible wrong choices (3 in all)"),
        Flaw(rule: .missingFeedback, message: "\(file):64:11: warning: [missing-feedback] question 'flaw-feedback': a wrong choice has no feedback: say why it is wrong, so a learner who picks it learns something"),
        Flaw(rule: .nearDuplicate, message: "\(file):71:9: warning: [near-duplicate] question 'flaw-duplicate': its prompt nearly repeats question 'fixture-single' at Content/modules/02-practice.md:11:9 (100% of their content words shared): ask something new, or keep one of them"),
        Flaw(rule: .absoluteWords, message: "\(file):85:12: warning: [absolute-words] question 'flaw-statement': a false statement says 'never', and in this module only false statements use absolute words: learners learn that 'absolute means false'; reword it, or write a true statement that is absolute too"),
    ]

    static let summary = [
        "Content/course.yaml:1:1: note: item summary: longest: the correct choice is the longest choice in 5 of 7 single-choice questions (71%); chance alone would give about 2.7 (38%), and 5 or more with a probability of 8%",
        "Content/course.yaml:1:1: note: item summary: position: the correct choice is written 1st in 5, 2nd in 1, 3rd in 1 of 7 single-choice questions; chance alone would give about 2.7, 2.7, 1.7",
        "Content/course.yaml:1:1: note: item summary: true/false: 0 of 2 statements are true and 2 false; chance alone would give about 1 each, and a split at least this uneven with a probability of 50%",
    ]

    /// What `check` reports on a fixture: its item warnings and its notes, as printed.
    static func checked(_ overlay: String) throws -> (warnings: [String], notes: [String]) {
        let course = try FixtureCourse(overlay: overlay, from: "items")
        defer { course.remove() }
        let diagnostics = try course.build(writes: false).warnings
        return (diagnostics.filter { $0.severity != .note }.map(\.description),
                diagnostics.filter { $0.severity == .note }.map(\.description))
    }

    @Test(arguments: flaws)
    func eachFlawIsReportedAtItsPlace(_ flaw: Flaw) throws {
        let found = try Self.checked("flawed").warnings
        #expect(found.filter { $0 == flaw.message }.count == 1)
        #expect(flaw.message.contains("[\(flaw.rule.rawValue)]"))
    }

    @Test func theFlawedFixtureReportsOneFindingPerFlawAndEveryRule() throws {
        let found = try Self.checked("flawed").warnings
        #expect(found == Self.flaws.map(\.message))
        #expect(Set(Self.flaws.map(\.rule)) == Set(ItemRule.allCases))
    }

    @Test func wellWrittenItemsReportNothing() throws {
        let checked = try Self.checked("well-written")
        #expect(checked.warnings == [])
        #expect(checked.notes.count == 3, "the summary is printed even with nothing to report")
    }

    @Test func checkSumsUpTheCourseAgainstChance() throws {
        #expect(try Self.checked("flawed").notes == Self.summary)
    }

    @Test func strictTurnsEveryItemWarningIntoAnError() throws {
        let course = try FixtureCourse(overlay: "flawed", from: "items")
        defer { course.remove() }
        var options = BuildOptions(content: course.content, contentDisplay: "Content", templates: course.templates,
                                   templatesDisplay: "Templates", output: course.site, jobs: 2, writesOutput: false)
        options.strict = true
        do {
            _ = try Builder().build(options)
            Issue.record("--strict passed a course with item flaws")
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }.map(\.description)
            #expect(errors == Self.flaws.map { $0.message.replacingOccurrences(of: ": warning: ", with: ": error: ") })
            #expect(error.diagnostics.filter { $0.severity == .note }.map(\.description) == Self.summary)
        }
    }

    @Test func aBuildWarnsWithoutTheSummaryAndWritesTheSite() throws {
        let course = try FixtureCourse(overlay: "flawed", from: "items")
        defer { course.remove() }
        let report = try course.build()
        #expect(report.warnings.map(\.description) == Self.flaws.map(\.message))
        #expect(FileManager.default.fileExists(atPath: course.site.appendingPathComponent("modules/flawed.html").path))
    }
}
