import CourseKit
import Testing

/// A content or template mistake and the messages the build must print for it, pinned with
/// their file, line and column.
struct DiagnosticCase: CustomTestStringConvertible, Sendable {
    var overlay: String
    var expected: [String]
    var testDescription: String { overlay }

    static let all: [DiagnosticCase] = [
        DiagnosticCase(overlay: "bad-yaml", expected: [
            "Content/modules/03-broken.md:4:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence",
        ]),
        DiagnosticCase(overlay: "unclosed-front-matter", expected: [
            "Content/modules/03-broken.md:1:1: error: front matter is not closed: add a line '---' after it",
        ]),
        DiagnosticCase(overlay: "broken-link", expected: [
            "Content/modules/03-broken.md:7:5: error: broken link '07-canada.md': no such page",
            "Content/modules/03-broken.md:7:43: error: broken link '../countries/zz.md': no such page",
        ]),
        DiagnosticCase(overlay: "unknown-directive", expected: [
            "Content/modules/03-broken.md:6:1: error: unknown directive 'quizz' (did you mean 'quiz'?)",
            "Content/modules/03-broken.md:10:1: error: unknown directive 'poll'",
        ]),
        DiagnosticCase(overlay: "unknown-country", expected: [
            "Content/modules/03-broken.md:3:17: error: unknown country code 'uk' (did you mean 'gb' for United Kingdom?)",
            "Content/modules/03-broken.md:3:21: error: unknown country code 'xx': use a lower-case ISO 3166-1 alpha-2 code, as listed on countries/index.html",
        ]),
        DiagnosticCase(overlay: "quiz-errors", expected: [
            "Content/modules/03-broken.md:8:3: error: no choice is marked 'correct: true'",
            "Content/modules/03-broken.md:16:3: error: a single-choice question has exactly one correct choice, not 2 (use type: multiple)",
            "Content/modules/03-broken.md:23:1: error: the question is missing 'prompt'",
            "Content/modules/03-broken.md:24:1: error: unknown key 'promt' in a single question (did you mean 'prompt'?)",
            "Content/modules/03-broken.md:32:5: error: duplicate question id 'fixture-order' (first used at Content/modules/02-practice.md:23:5)",
        ]),
        DiagnosticCase(overlay: "scenario-errors", expected: [
            "Content/modules/03-broken.md:13:15: error: step 'calm-down' is not defined (did you mean 'calm-down-1'?)",
            "Content/modules/03-broken.md:16:3: error: step 'stuck' has neither options nor an ending",
        ]),
        DiagnosticCase(overlay: "quiz-shape-errors", expected: [
            "Content/modules/03-broken.md:8:3: error: a single question needs at least two choices",
            "Content/modules/03-broken.md:10:5: error: unknown key 'feedbak' in a choice (did you mean 'feedback'?)",
            "Content/modules/03-broken.md:18:3: error: an order question needs at least two items",
            "Content/modules/03-broken.md:26:3: error: a match question needs at least two pairs",
            "Content/modules/03-broken.md:35:5: error: left side 'Greeting' appears twice",
            "Content/modules/03-broken.md:36:5: error: right side 'Formal' appears twice",
            "Content/modules/03-broken.md:40:1: error: a truefalse question needs 'answer: true' or 'answer: false'",
            "Content/modules/03-broken.md:47:7: error: unknown question type 'ranking'; use one of single, multiple, truefalse, order, match",
        ]),
        DiagnosticCase(overlay: "scenario-path-errors", expected: [
            "Content/modules/03-broken.md:16:3: error: no path from step 'checking' reaches an ending: its replies only loop back",
            "Content/modules/03-broken.md:21:3: error: no path from step 'waiting' reaches an ending: its replies only loop back",
            "Content/modules/03-broken.md:29:3: error: step 'orphan' is never reached: no path from 'opening' leads to it",
            "Content/modules/03-broken.md:37:8: error: step 'openning' is not defined (did you mean 'opening'?)",
        ]),
        DiagnosticCase(overlay: "every-error-at-once", expected: [
            "Content/countries/ca-quebec.md:5:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence",
            "Content/modules/03-broken.md:3:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence",
            "Content/modules/04-links.md:8:1: error: broken link '05-nowhere.md': no such page",
        ]),
        DiagnosticCase(overlay: "exam-errors", expected: [
            "Content/course.yaml:6:17: error: unknown practiceAnswer 'firts' (did you mean 'first'?); use latest or first",
            "Content/modules/03-broken.md:3:13: error: unknown assessment 'exams' (did you mean 'exam'?); use practice or exam",
            "Content/modules/03-broken.md:4:11: error: 'attempts' must be at least 1 (leave it out for unlimited attempts)",
            "Content/modules/04-small-exam.md:4:7: error: 'draw: 3' is more than the module's 2 questions",
            "Content/modules/05-empty-exam.md:1:1: error: module 'empty-exam' is an exam but has no questions",
            "Content/modules/06-practice-draws.md:3:7: warning: 'draw' applies only to an exam: add 'assessment: exam' or remove it",
        ]),
        DiagnosticCase(overlay: "missing-partial", expected: [
            "Templates/home.mustache:4:3: error: template 'home' uses partial 'partials/nowhere', which does not exist",
        ]),
        DiagnosticCase(overlay: "missing-catalogue", expected: [
            "Templates/i18n/de.yaml:1:1: error: no text catalogue for language 'de': add Templates/i18n/de.yaml, translated from en.yaml",
        ]),
        DiagnosticCase(overlay: "template-texts", expected: [
            "Templates/home.mustache:1:1: error: text 't.nav.modles' is not in the text catalogue (did you mean 't.nav.modules'?)",
            "Templates/home.mustache:2:1: error: text 't.module.number' has placeholders ({number}): write it as a section, {{#t.module.number}}…{{/t.module.number}}",
            "Templates/home.mustache:3:1: error: text 't.nav.modules' has no placeholders: write {{t.nav.modules}}",
        ]),
        // Rendering a partial that includes itself never ends: the build used to crash.
        DiagnosticCase(overlay: "partial-cycle", expected: [
            "Templates/partials/credits.mustache:2:1: error: template 'partials/credits' includes itself through partials/credits → partials/footer → partials/credits, so rendering it would never end",
        ]),
    ]
}

@Suite("Content errors point at their source")
struct ContentErrorTests {
    @Test(arguments: DiagnosticCase.all)
    func contentErrorsPointAtTheirSource(_ c: DiagnosticCase) throws {
        let course = try FixtureCourse(overlay: c.overlay)
        defer { course.remove() }
        #expect(course.messages() == c.expected)
    }

    @Test func theGoodFixtureBuildsWithoutWarnings() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        #expect(course.messages() == [])
    }
}
