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
        var search = PathSearch(graph: self, onCycle: stepsOnCycles())
        return search.best(from: start) ?? 0
    }

    /// The steps some path leads from back to themselves.
    func stepsOnCycles() -> Set<String> {
        Set(steps.keys.filter { name in
            var seen: Set<String> = []
            var queue = steps[name]?.options.map(\.next.value) ?? []
            while let next = queue.popLast() {
                if next == name { return true }
                if seen.insert(next).inserted { queue += steps[next]?.options.map(\.next.value) ?? [] }
            }
            return false
        })
    }

    /// A depth-first search over paths that visit each step once. The best result from a step
    /// on no cycle cannot depend on the steps above it (none is reachable from it), so it is
    /// remembered: a scenario with many branches and no loops is searched in linear time.
    private struct PathSearch {
        let graph: ScenarioGraph
        let onCycle: Set<String>
        var visiting: Set<String> = []
        var known: [String: Int?] = [:]

        mutating func best(from name: String) -> Int? {
            if let remembered = known[name] { return remembered }
            guard let step = graph.steps[name], !visiting.contains(name) else { return nil }
            if step.ending != nil { return 0 }
            visiting.insert(name)
            let result = step.options.compactMap { option in
                best(from: option.next.value).map { $0 + option.points }
            }.max()
            visiting.remove(name)
            if !onCycle.contains(name) { known[name] = .some(result) }
            return result
        }
    }
}
