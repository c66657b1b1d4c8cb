@testable import CourseKit
import Testing

private let here = SourceLocation(file: "Content/modules/01-a.md")

private func step(_ name: String, _ options: [(next: String, points: Int)] = [], ending: Scenario.Ending? = nil) -> Scenario.Step {
    Scenario.Step(name: name, customer: "",
                  options: options.map { Scenario.Option(reply: "", next: Located(value: $0.next, location: here), points: $0.points, feedback: "") },
                  ending: ending, debrief: "", location: here)
}

private func question(_ kind: Question.Kind, choices: [Bool] = [], answer: Bool? = nil, items: Int = 0, pairs: Int = 0) -> Question {
    var question = Question(id: "q", kind: kind, prompt: "?", location: here)
    question.choices = choices.map { Question.Choice(text: "", correct: $0, feedback: "") }
    question.answer = answer
    question.items = (0..<items).map(String.init)
    question.pairs = (0..<pairs).map { (left: "l\($0)", right: "r\($0)") }
    return question
}

@Suite("Practice: answer keys and scenario paths")
struct PracticeTests {
    @Test func answerKeysUseTheXAPIResponsePatterns() {
        #expect(ResponsePattern.correct(for: question(.single, choices: [false, true, false])) == "2")
        #expect(ResponsePattern.correct(for: question(.multiple, choices: [true, false, true])) == "1[,]3")
        #expect(ResponsePattern.correct(for: question(.truefalse, answer: false)) == "false")
        #expect(ResponsePattern.correct(for: question(.order, items: 3)) == "1[,]2[,]3")
        #expect(ResponsePattern.correct(for: question(.match, pairs: 2)) == "1[.]1[,]2[.]2")
    }

    @Test func theMostPointsAreThoseOfTheBestPathToAnEnding() {
        let graph = ScenarioGraph(steps: [
            step("a", [("b", 1), ("c", 3)]),
            step("b", [("end", 5), ("a", 10)]),
            step("c", [("poor", 0)]),
            step("end", ending: .good), step("poor", ending: .poor),
        ], start: "a")
        #expect(graph.maxPoints() == 6)
    }

    /// Forty rounds of three replies each: 3^40 paths, found without walking them one by one.
    @Test func theMostPointsOfAWideScenarioAreFoundWithoutWalkingEveryPath() {
        let rounds = 40
        var steps = [step("start", (0..<3).map { ("r0-\($0)", $0) })]
        for round in 0..<rounds {
            let next = round + 1 == rounds ? ["end", "end", "end"] : (0..<3).map { "r\(round + 1)-\($0)" }
            for choice in 0..<3 { steps.append(step("r\(round)-\(choice)", next.enumerated().map { ($1, $0) })) }
        }
        steps.append(step("end", ending: .good))
        let graph = ScenarioGraph(steps: steps, start: "start")
        #expect(graph.stepsOnCycles().isEmpty)
        #expect(graph.maxPoints() == 2 * (rounds + 1))
    }

    @Test func stepsOffThePathAndLoopsWithoutAnEndingAreFound() {
        let graph = ScenarioGraph(steps: [
            step("a", [("b", 0), ("end", 0)]), step("b", [("b", 0)]),
            step("end", ending: .good), step("orphan", ending: .mixed),
        ], start: "a")
        #expect(graph.reachable() == ["a", "b", "end"])
        #expect(graph.canEnd() == ["a", "end", "orphan"])
        #expect(graph.stepsOnCycles() == ["b"])
    }
}
