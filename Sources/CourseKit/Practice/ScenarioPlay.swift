/// A scenario played from its replies: which option the learner took at each step, counted
/// from 1 as written in the source. The score is the points of the replies taken ÷ the most
/// points a path visiting each step once collects, kept between 0 and 1 (a learner who goes
/// round a loop can collect more). A scenario whose replies earn no points scores 1.
public struct ScenarioPlay: Sendable, Equatable {
    /// The steps visited, from the start to the ending.
    public var path: [String]
    public var points: Int
    public var score: Double
    public var ending: Scenario.Ending
}

/// Why a list of replies is not a finished play of a scenario.
public enum ScenarioPlayProblem: Error, Sendable, Equatable {
    /// The scenario has no step by this name (the start names none).
    case noSuchStep(String)
    /// Reply `reply` (1-based) at `step`, which has `count` replies.
    case noSuchReply(step: String, reply: Int, count: Int)
    /// A reply after the play had already reached the ending `step`.
    case afterEnding(step: String)
    /// The replies stop at `step`, which is not an ending.
    case unfinished(step: String)
}

extension Scenario {
    /// The most points a path from the start to an ending can collect, each step visited once.
    public var maxPoints: Int { ScenarioGraph(self).maxPoints() }

    /// `points` as a score between 0 and 1, against the scenario's `maxPoints`.
    public func score(points: Int, maxPoints: Int) -> Double {
        maxPoints > 0 ? min(max(Double(points) / Double(maxPoints), 0), 1) : 1
    }

    /// Follows `replies` from the start to an ending.
    public func play(replies: [Int]) -> Result<ScenarioPlay, ScenarioPlayProblem> {
        let byName = stepsByName
        var name = start.value
        var path = [name]
        var points = 0
        for reply in replies {
            guard let step = byName[name] else { return .failure(.noSuchStep(name)) }
            if step.ending != nil { return .failure(.afterEnding(step: name)) }
            guard reply >= 1, reply <= step.options.count else {
                return .failure(.noSuchReply(step: name, reply: reply, count: step.options.count))
            }
            let option = step.options[reply - 1]
            points += option.points
            name = option.next.value
            path.append(name)
        }
        guard let last = byName[name] else { return .failure(.noSuchStep(name)) }
        guard let ending = last.ending else { return .failure(.unfinished(step: name)) }
        return .success(ScenarioPlay(path: path, points: points, score: score(points: points, maxPoints: maxPoints), ending: ending))
    }

    /// For a record that gives only the steps visited: the fewest and the most points the path
    /// can have earned (two replies may lead to the same step), or nil when the path does not
    /// follow the scenario from its start to an ending.
    public func pointRange(along path: [String]) -> ClosedRange<Int>? {
        let byName = stepsByName
        guard path.first == start.value, let last = path.last, byName[last]?.ending != nil else { return nil }
        var lowest = 0, highest = 0
        for (from, to) in zip(path, path.dropFirst()) {
            let points = byName[from]?.options.filter { $0.next.value == to }.map(\.points) ?? []
            guard let low = points.min(), let high = points.max() else { return nil }
            lowest += low
            highest += high
        }
        return lowest...highest
    }

    /// The ending a path arrives at.
    public func ending(of path: [String]) -> Ending? {
        path.last.flatMap { stepsByName[$0]?.ending }
    }

    private var stepsByName: [String: Step] {
        Dictionary(steps.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
