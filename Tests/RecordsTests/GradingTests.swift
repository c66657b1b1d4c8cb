import CourseKit
import Testing

@Suite("Grading responses against the answer key")
struct GradingTests {
    let fixture: RecordsFixture
    init() throws { fixture = try RecordsFixture() }

    func question(_ id: String) -> Question {
        fixture.key.modules.flatMap(\.questions).first { $0.id == id }!
    }

    @Test func everyQuestionTypeHasItsXAPIPatternAndGradesIt() {
        defer { fixture.remove() }
        let cases: [(id: String, correct: String, right: [String], wrong: [String])] = [
            ("fixture-single", "2", ["2"], ["1", "", "2[,]1", "x"]),
            ("fixture-order", "1[,]2[,]3", ["1[,]2[,]3"], ["2[,]1[,]3", "1[,]2", ""]),
            ("fixture-match", "1[.]1[,]2[.]2", ["1[.]1[,]2[.]2", "2[.]2[,]1[.]1"], ["1[.]2[,]2[.]1", "1[.]1"]),
            ("fixture-truefalse", "false", ["false"], ["true", "False", ""]),
        ]
        for c in cases {
            let q = question(c.id)
            #expect(q.correctResponse == c.correct, "\(c.id)")
            for response in c.right { #expect(q.isCorrect(response), "\(c.id): \(response)") }
            for response in c.wrong { #expect(!q.isCorrect(response), "\(c.id): \(response)") }
        }
        #expect(question("fixture-match").interactionType == "matching")
        #expect(question("fixture-order").interactionType == "sequencing")
    }

    @Test func theContentHashChangesWithTheAnswerKeyOnly() throws {
        defer { fixture.remove() }
        let again = try AnswerKey.load(from: fixture.content, displayPath: "Content", jobs: 1)
        #expect(again.contentHash == fixture.key.contentHash)
        #expect(fixture.key.contentHash.hasPrefix("sha256:") && fixture.key.contentHash.count == 71)
        var changed = fixture.key.modules
        changed[1].questions[0].choices[0].correct.toggle()
        #expect(AnswerKey(config: fixture.key.config, modules: changed).contentHash != fixture.key.contentHash)
    }
}
