import CourseKit

/// Checks one played scenario of a record: the replies are played again from the start, and
/// the path, score and ending the record claims must be what they give. A record made before
/// replies were recorded gives only the path: its score must lie between what the path's
/// lowest- and highest-scoring replies give.
struct ScenarioCheck {
    let scenario: Scenario
    let entry: ProgressRecord.ScenarioProgress

    private var name: String { "scenario '\(entry.id)'" }

    func findings() -> [String] {
        guard let replies = entry.replies else { return pathFindings() }
        switch scenario.play(replies: replies) {
        case .failure(let problem):
            return ["\(name): \(describe(problem))"]
        case .success(let play):
            var findings: [String] = []
            if entry.path != play.path { findings.append("\(name): \(describe(pathMismatchWith: play.path))") }
            if let claimed = entry.score, abs(claimed - play.score) > RecordVerifier.scoreTolerance {
                findings.append("\(name): claims score \(RecordVerifier.format(claimed)), the replies give \(RecordVerifier.format(play.score))")
            }
            if let claimed = entry.ending, claimed != play.ending.rawValue {
                findings.append("\(name): claims ending '\(claimed)', the replies end '\(play.ending.rawValue)'")
            }
            return findings
        }
    }

    /// A record without replies.
    private func pathFindings() -> [String] {
        guard let range = scenario.pointRange(along: entry.path) else {
            return ["\(name): the path \(entry.path.joined(separator: " → ")) does not follow the scenario to an ending"]
        }
        var findings: [String] = []
        let most = scenario.maxPoints
        let lowest = scenario.score(points: range.lowerBound, maxPoints: most)
        let highest = scenario.score(points: range.upperBound, maxPoints: most)
        if let claimed = entry.score,
           claimed < lowest - RecordVerifier.scoreTolerance || claimed > highest + RecordVerifier.scoreTolerance {
            let allowed = lowest == highest ? RecordVerifier.format(lowest)
                : "\(RecordVerifier.format(lowest)) to \(RecordVerifier.format(highest))"
            findings.append("\(name): claims score \(RecordVerifier.format(claimed)), the path gives \(allowed)")
        }
        let ending = scenario.ending(of: entry.path)?.rawValue
        if let claimed = entry.ending, claimed != ending {
            findings.append("\(name): claims ending '\(claimed)', the path ends '\(ending ?? "nowhere")'")
        }
        return findings
    }

    private func describe(_ problem: ScenarioPlayProblem) -> String {
        switch problem {
        case .noSuchStep(let step):
            "the replies lead to step '\(step)', which the scenario does not have"
        case let .noSuchReply(step, reply, count):
            "reply \(reply) at step '\(step)' does not exist (the step has \(count == 1 ? "1 reply" : "\(count) replies"))"
        case .afterEnding(let step):
            "the replies go on after step '\(step)', which is an ending"
        case .unfinished(let step):
            "the replies stop at step '\(step)', which is not an ending"
        }
    }

    /// Names the first step where the claimed path leaves the one the replies take.
    private func describe(pathMismatchWith played: [String]) -> String {
        let shared = zip(entry.path, played).prefix { $0 == $1 }.count
        guard shared > 0 else { return "the path starts at '\(entry.path.first ?? "")', the scenario at '\(played[0])'" }
        let after = played[shared - 1]
        let said = shared < entry.path.count ? "'\(entry.path[shared])'" : "nothing"
        let taken = shared < played.count ? "'\(played[shared])'" : "nothing"
        return "the path has \(said) after step '\(after)', the replies lead to \(taken)"
    }
}
