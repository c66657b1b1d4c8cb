import CourseKit

/// Checks one played scenario of a record: the replies are played again from the start, and
/// the path, score and ending the record claims must be what they give. A record made before
/// replies were recorded gives only the path: its score must lie between what the path's
/// lowest- and highest-scoring replies give.
struct ScenarioCheck {
    let scenario: Scenario
    let entry: ProgressRecord.ScenarioProgress

    func findings() -> [ScenarioFinding] {
        guard let replies = entry.replies else { return pathFindings() }
        switch scenario.play(replies: replies) {
        case .failure(let problem):
            return [.play(problem)]
        case .success(let play):
            var findings: [ScenarioFinding] = []
            if entry.path != play.path { findings.append(pathMismatch(with: play.path)) }
            if let claimed = entry.score, abs(claimed - play.score) > RecordVerifier.scoreTolerance {
                findings.append(.score(claimed: claimed, replies: play.score))
            }
            if let claimed = entry.ending, claimed != play.ending.rawValue {
                findings.append(.ending(claimed: claimed, replies: play.ending.rawValue))
            }
            return findings
        }
    }

    /// A record without replies.
    private func pathFindings() -> [ScenarioFinding] {
        guard let range = scenario.pointRange(along: entry.path) else { return [.pathGoesNowhere(entry.path)] }
        var findings: [ScenarioFinding] = []
        let most = scenario.maxPoints
        let lowest = scenario.score(points: range.lowerBound, maxPoints: most)
        let highest = scenario.score(points: range.upperBound, maxPoints: most)
        if let claimed = entry.score,
           claimed < lowest - RecordVerifier.scoreTolerance || claimed > highest + RecordVerifier.scoreTolerance {
            findings.append(.scoreOffPath(claimed: claimed, lowest: lowest, highest: highest))
        }
        let ending = scenario.ending(of: entry.path)?.rawValue
        if let claimed = entry.ending, claimed != ending {
            findings.append(.endingOffPath(claimed: claimed, path: ending))
        }
        return findings
    }

    /// Names the first step where the claimed path leaves the one the replies take.
    private func pathMismatch(with played: [String]) -> ScenarioFinding {
        let shared = zip(entry.path, played).prefix { $0 == $1 }.count
        guard shared > 0 else { return .pathStartsElsewhere(claimed: entry.path.first ?? "", start: played[0]) }
        return .pathLeaves(after: played[shared - 1], claimed: shared < entry.path.count ? entry.path[shared] : nil,
                           played: shared < played.count ? played[shared] : nil)
    }
}
