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

    @Test func hasSixBranchingScenariosOfThreeDecisionsAndThreeEndings() {
        let scenarios = key.modules.flatMap(\.scenarios)
        let full = scenarios.filter { scenario in
            scenario.steps.filter { $0.ending != nil }.count >= 3 && Self.decisionsOnBestPath(scenario) >= 3
        }
        #expect(full.count >= 6, "full scenarios: \(full.map(\.id))")
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
