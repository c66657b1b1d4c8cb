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

@Suite("Practice: the order a page shows choices in")
struct ChoiceOrderTests {
    private func choices(_ count: Int, fixed: Set<Int> = [], shuffle: Bool = true, id: String = "q") -> [Int] {
        var question = Question(id: id, kind: .single, prompt: "?", location: here)
        question.choices = (0..<count).map { Question.Choice(text: "\($0)", correct: $0 == 0, feedback: "", fixed: fixed.contains($0)) }
        question.shuffle = shuffle
        return QuestionRenderer(question: question, texts: .keysOnly).choiceOrder
    }

    @Test func theBuiltOrderDependsOnlyOnTheQuestionsID() {
        #expect(choices(5, id: "a") == choices(5, id: "a"))
        #expect(Set((0..<40).map { choices(4, id: "q\($0)") }).count > 10, "ids draw different orders")
        #expect(Set(choices(5)) == Set(0..<5))
    }

    @Test func theRightChoiceLandsInEveryPosition() {
        let positions = (0..<400).map { choices(4, id: "q\($0)").firstIndex(of: 0)! }
        for position in 0..<4 { #expect((70...130).contains(positions.filter { $0 == position }.count), "position \(position)") }
    }

    @Test func aWrittenOrderIsKeptAndAFixedChoiceComesLast() {
        #expect(choices(4, shuffle: false) == [0, 1, 2, 3])
        for id in ["a", "b", "c", "d"] { #expect(choices(4, fixed: [1], id: id).last == 1) }
        #expect(choices(4, fixed: [3, 1], shuffle: true, id: "x").suffix(2) == [1, 3])
    }
}
