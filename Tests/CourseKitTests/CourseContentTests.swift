@testable import CourseKit
import Foundation
import Testing

/// The shipped course, *Serving Customers Across Borders*, keeps to the curriculum's minimums.
@Suite("The course in Content/")
struct CourseContentTests {
    static let content = Repository.root.appendingPathComponent("Content")
    static let curriculum = [
        "why-culture-matters", "hofstede-power-and-individualism", "hofstede-uncertainty-achievement-time",
        "hofstede-which-edition", "trompenaars-relationships", "trompenaars-time-and-environment", "us-regional-differences",
        "canada-is-not-the-us", "language-of-support", "names-addresses-and-numbers", "mistakes-in-the-relationship", "listening-across-cultures",
        "time-zones", "technology-and-teams", "outsourcing-and-offshore-support", "when-a-call-turns-hostile", "training-and-practice",
        "scenario-practice", "final-check",
    ]

    let course: Course
    let key: AnswerKey

    init() throws {
        course = try ContentLoader(jobs: 2).load(from: Self.content, displayPath: "Content").0
        key = try AnswerKey.load(from: Self.content, displayPath: "Content", jobs: 2)
    }

    /// The course's questions predate the item-writing check and are to be rewritten against it;
    /// until then its item warnings are expected, and every other warning is still a failure.
    @Test func buildsWithNoErrorsOrWarningsButItemWritingOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-course-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = BuildOptions(content: Self.content, contentDisplay: "Content", templates: Repository.templates,
                                   templatesDisplay: "Templates", output: folder.appendingPathComponent("Site"), jobs: 2)
        let report = try Builder().build(options)
        let isItemWarning = { (diagnostic: Diagnostic) in
            ItemRule.allCases.contains { diagnostic.message.hasPrefix("[\($0.rawValue)] ") }
        }
        #expect(report.warnings.filter { !isItemWarning($0) }.map(\.description) == [])
        #expect(report.warnings.filter(isItemWarning).allSatisfy { $0.severity == .warning })
    }

    @Test func hasEveryModuleOfTheCurriculumInOrder() {
        #expect(course.modules.map(\.slug).prefix(Self.curriculum.count) == Self.curriculum[...])
    }

    @Test func everyModuleHasWhatTheCurriculumAsks() {
        for (module, moduleKey) in zip(course.modules, key.modules) {
            let body = module.body.text
            #expect(!module.meta.objectives.isEmpty, "\(module.slug): learning objectives")
            #expect(module.meta.minutes != nil, "\(module.slug): minutes")
            #expect(body.contains("\n## On your next call"), "\(module.slug): an 'On your next call' section")
            #expect(body.contains("\n## Sources"), "\(module.slug): a Sources section")
            #expect(moduleKey.questions.count >= 4, "\(module.slug): at least 4 questions")
            #expect(Set(moduleKey.questions.map(\.kind)).count >= 2, "\(module.slug): questions of at least two types")
        }
    }

    @Test func meetsTheCourseWideMinimums() {
        let words = course.modules.map(\.body.proseWordCount).reduce(0, +)
        let questions = key.modules.flatMap(\.questions)
        let kinds = Dictionary(grouping: questions, by: \.kind).mapValues(\.count)
        #expect(words >= 15_000, "module prose: \(words) words")
        #expect(questions.count >= 70, "questions: \(questions.count)")
        #expect(Set(kinds.keys) == Set(Question.Kind.allCases), "question types: \(kinds)")
        #expect(kinds[.order, default: 0] >= 3 && kinds[.match, default: 0] >= 3, "order and match: \(kinds)")
    }

    @Test func hasFifteenBranchingScenariosOfThreeDecisionsAndThreeEndings() {
        let scenarios = key.modules.flatMap(\.scenarios)
        let full = scenarios.filter { scenario in
            scenario.steps.filter { $0.ending != nil }.count >= 3 && Self.decisionsOnBestPath(scenario) >= 3
        }
        #expect(full.count >= 15, "full scenarios: \(full.map(\.id))")
        let practice = key.module("scenario-practice")?.scenarios ?? []
        #expect(practice.count >= 6)
        for scenario in practice {
            #expect(Set(scenario.steps.compactMap(\.ending)) == Set(Scenario.Ending.allCases), "\(scenario.id): good, mixed and poor endings")
        }
    }

    @Test func theBestPathOfEveryScenarioEndsWell() {
        for scenario in key.modules.flatMap(\.scenarios) {
            #expect(Self.bestPath(scenario).last.flatMap { name in scenario.steps.first { $0.name == name }?.ending } == .good,
                    "\(scenario.id): the path with the most points should end well")
        }
    }

    /// A repair is a detour: a path that takes a weaker reply anywhere collects fewer points
    /// than the scenario's best, so full marks go only to strategies that work from the start.
    @Test func noPathThroughAWeakerReplyEarnsFullMarks() {
        for scenario in key.modules.flatMap(\.scenarios) {
            let most = ScenarioGraph(scenario).maxPoints()
            let byName = Dictionary(scenario.steps.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            var detours: [String] = []
            func walk(_ name: String, _ seen: Set<String>, _ points: Int, _ tookWeaker: Bool, _ path: [String]) {
                guard let step = byName[name] else { return }
                if step.ending != nil {
                    if tookWeaker && points >= most { detours.append((path + [name]).joined(separator: " > ")) }
                    return
                }
                guard !seen.contains(name) else { return }
                let best = step.options.map(\.points).max() ?? 0
                for option in step.options {
                    walk(option.next.value, seen.union([name]), points + option.points, tookWeaker || option.points < best, path + [name])
                }
            }
            walk(scenario.start.value, [], 0, false, [])
            #expect(detours.isEmpty, "\(scenario.id): full marks through a weaker reply: \(detours)")
        }
    }

    /// Some scenarios have two strategies that work, for customers who show different needs:
    /// two distinct good endings, each reached by a path that collects the most points the
    /// scenario offers. (A good ending reached only after a weaker reply, a recovery, does not
    /// count as a second strategy.)
    @Test func fiveScenariosHaveTwoGoodEndingsAtFullMarks() {
        let twoGood = key.modules.flatMap(\.scenarios).filter { scenario in
            let most = ScenarioGraph(scenario).maxPoints()
            return scenario.steps.filter { $0.ending == .good && Self.mostPoints(scenario, to: $0.name) == most }.count >= 2
        }
        #expect(twoGood.count >= 5, "scenarios with two good endings at full marks: \(twoGood.map(\.id))")
    }

    /// A scenario that tests the first guess names it in its setting ("first guess"), and puts
    /// it to the learner as a decision: a reply worth no points whose feedback says it applies
    /// the first guess. The customer in front of the learner is not the country's average.
    @Test func fourScenariosPutTheFirstGuessToTheTest() {
        let testing = key.modules.flatMap(\.scenarios).filter { scenario in
            scenario.setting.contains("first guess") && scenario.steps.contains { step in
                step.options.contains { $0.points == 0 && $0.feedback.contains("first guess") }
            }
        }
        #expect(testing.count >= 4, "scenarios that test the first guess: \(testing.map(\.id))")
    }

    /// Neither the place nor the length of a reply gives the best one away: across the course,
    /// in the decisions where replies differ in points, the best reply is written first in at
    /// most half and is the longest reply in at most half. (Learners see replies shuffled, but
    /// the page without JavaScript shows a fixed order, and length cues in any order.)
    @Test func theBestReplyIsNeitherUsuallyFirstNorUsuallyLongest() {
        var decisions = 0, first = 0, longest = 0
        for step in key.modules.flatMap(\.scenarios).flatMap(\.steps) {
            let points = step.options.map(\.points)
            guard let best = points.max(), Set(points).count > 1 else { continue }
            decisions += 1
            if points.first == best { first += 1 }
            let lengths = step.options.map { $0.reply.split(whereSeparator: \.isWhitespace).joined(separator: " ").count }
            let longestLength = lengths.max() ?? 0
            if lengths.filter({ $0 == longestLength }).count == 1,
               let index = lengths.firstIndex(of: longestLength), points[index] == best {
                longest += 1
            }
        }
        #expect(decisions >= 80, "decisions: \(decisions)")
        #expect(first * 2 <= decisions, "the best reply is written first in \(first) of \(decisions) decisions")
        #expect(longest * 2 <= decisions, "the best reply is the longest in \(longest) of \(decisions) decisions")
    }

    /// The most points a path from the start collects on its way to `target`, visiting each
    /// step once; nil when no path reaches it.
    static func mostPoints(_ scenario: Scenario, to target: String) -> Int? {
        let byName = Dictionary(scenario.steps.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func most(_ name: String, _ seen: Set<String>) -> Int? {
            if name == target { return 0 }
            guard let step = byName[name], !seen.contains(name), step.ending == nil else { return nil }
            return step.options.compactMap { option in most(option.next.value, seen.union([name])).map { $0 + option.points } }.max()
        }
        return most(scenario.start.value, [])
    }

    /// The steps of the path that collects the most points.
    static func bestPath(_ scenario: Scenario) -> [String] {
        let byName = Dictionary(scenario.steps.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func best(_ name: String, _ seen: Set<String>) -> (points: Int, path: [String])? {
            guard let step = byName[name], !seen.contains(name) else { return nil }
            if step.ending != nil { return (0, [name]) }
            return step.options.compactMap { option in
                best(option.next.value, seen.union([name])).map { (option.points + $0.points, [name] + $0.path) }
            }.max { $0.points < $1.points }
        }
        return best(scenario.start.value, [])?.path ?? []
    }

    static func decisionsOnBestPath(_ scenario: Scenario) -> Int {
        bestPath(scenario).filter { name in scenario.steps.first { $0.name == name }?.options.isEmpty == false }.count
    }
}
