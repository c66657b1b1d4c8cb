import CourseKit
import Foundation
import Testing

/// `lint: {ignore: [rule]}` in a quiz fence silences one item-writing rule for that question;
/// a misspelt rule or a malformed `lint` is a located error.
@Suite("Silencing an item-writing rule")
struct ItemLintTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// The `lint:` line of a two-choice single question, or "" for none.
        var lint: String
        var expected: [String]
        var testDescription: String { name }
    }

    static func module(lint: String) -> String {
        """
        ---
        title: Extra
        ---
        ```quiz
        id: two-choices
        prompt: Which zone do you name in a callback?
        choices:
          - text: The customer's zone.
            correct: true
            feedback: Nothing to convert.
          - text: Your own office zone.
            feedback: The customer has to convert it.
        \(lint)
        ```

        """
    }

    static let file = "Content/modules/03-extra.md"
    static let cases: [Case] = [
        Case(name: "no lint: the flaw is reported", lint: "",
             expected: ["\(file):6:9: warning: [too-few-choices] question 'two-choices': a single-choice question with 2 choices: a guess is right half the time; add plausible wrong choices (3 in all)"]),
        Case(name: "the rule ignored", lint: "lint: {ignore: [too-few-choices]}", expected: []),
        Case(name: "a single rule name instead of a list", lint: "lint: {ignore: too-few-choices}", expected: []),
        Case(name: "another rule ignored", lint: "lint: {ignore: [longest-correct]}",
             expected: ["\(file):6:9: warning: [too-few-choices] question 'two-choices': a single-choice question with 2 choices: a guess is right half the time; add plausible wrong choices (3 in all)"]),
        Case(name: "a misspelt rule", lint: "lint: {ignore: [too-few-choice]}",
             expected: ["\(file):13:17: error: unknown item-writing rule 'too-few-choice' (did you mean 'too-few-choices'?); use one of longest-correct, absolute-words, of-the-above, too-few-choices, missing-feedback, near-duplicate"]),
        Case(name: "a misspelt key", lint: "lint: {ignored: [too-few-choices]}",
             expected: ["\(file):13:8: error: unknown key 'ignored' in 'lint' (did you mean 'ignore'?)"]),
        Case(name: "lint that is not a mapping", lint: "lint: too-few-choices",
             expected: ["\(file):13:7: error: 'lint' must be a mapping such as {ignore: [longest-correct]}"]),
    ]

    @Test(arguments: cases)
    func lintSilencesOrIsReported(_ example: Case) throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        try Self.module(lint: example.lint).write(to: course.content.appendingPathComponent("modules/03-extra.md"),
                                                   atomically: true, encoding: .utf8)
        #expect(course.messages() == example.expected)
    }
}
