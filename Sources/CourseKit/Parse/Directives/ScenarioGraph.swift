/// The steps of a scenario seen as a graph: which steps the start reaches, which can still
/// reach an ending, and the most points a path can collect.
struct ScenarioGraph {
    let steps: [String: Scenario.Step]
    let start: String

    init(_ scenario: Scenario) {
        self.init(steps: scenario.steps, start: scenario.start.value)
    }

    init(steps: [Scenario.Step], start: String) {
        self.steps = Dictionary(steps.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.start = start
    }

    /// The steps some path from the start arrives at, the start included.
    func reachable() -> Set<String> {
        var seen: Set<String> = [start]
        var queue = [start]
        while let name = queue.popLast() {
            for next in steps[name]?.options.map(\.next.value) ?? [] where seen.insert(next).inserted {
                queue.append(next)
            }
        }
        return seen
    }

    /// The steps from which some path leads to an ending (the endings included).
    func canEnd() -> Set<String> {
        var ending = Set(steps.values.filter { $0.ending != nil }.map(\.name))
        var changed = true
        while changed {
            changed = false
            for step in steps.values where !ending.contains(step.name)
                && step.options.contains(where: { ending.contains($0.next.value) }) {
                ending.insert(step.name)
                changed = true
            }
        }
        return ending
    }

    /// The most points a path from the start to an ending collects, visiting each step at
    /// most once (a learner who goes round a loop can collect more; the score is capped at 1).
    func maxPoints() -> Int {
        var visiting: Set<String> = []
        return best(from: start, visiting: &visiting) ?? 0
    }

    private func best(from name: String, visiting: inout Set<String>) -> Int? {
        guard let step = steps[name], !visiting.contains(name) else { return nil }
        if step.ending != nil { return 0 }
        visiting.insert(name)
        defer { visiting.remove(name) }
        return step.options.compactMap { option in
            best(from: option.next.value, visiting: &visiting).map { $0 + option.points }
        }.max()
    }
}
