/// Grading a learner's response, given in the xAPI 1.0.3 response-pattern form with 1-based
/// positions as written in the source: `"2"` or `"1[,]3"` for choices, `"true"` for a
/// true-or-false statement, `"3[,]1[,]2"` for an order, `"1[.]2[,]2[.]1"` (left[.]right) for a match.
extension Question {
    /// The xAPI interaction type of the question.
    public var interactionType: String {
        switch kind {
        case .single, .multiple: "choice"
        case .truefalse: "true-false"
        case .order: "sequencing"
        case .match: "matching"
        }
    }

    /// The one correct response, in the same form as learners' responses.
    public var correctResponse: String {
        switch kind {
        case .single, .multiple:
            choices.indices.filter { choices[$0].correct }.map { String($0 + 1) }.joined(separator: "[,]")
        case .truefalse: answer == true ? "true" : "false"
        case .order: items.indices.map { String($0 + 1) }.joined(separator: "[,]")
        case .match: pairs.indices.map { "\($0 + 1)[.]\($0 + 1)" }.joined(separator: "[,]")
        }
    }

    /// Whether `response` answers the question correctly; any malformed response is wrong.
    public func isCorrect(_ response: String) -> Bool {
        switch kind {
        case .single, .multiple, .match:
            // The order of chosen choices and of matched pairs does not matter.
            Set(response.components(separatedBy: "[,]")) == Set(correctResponse.components(separatedBy: "[,]"))
        case .truefalse, .order:
            response == correctResponse
        }
    }
}

extension Scenario {
    /// The most points any path from the start to an ending can collect.
    public var maxPoints: Int {
        let byName = Dictionary(steps.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func best(from name: String, visited: Set<String>) -> Int? {
            guard let step = byName[name], !visited.contains(name) else { return nil }
            if step.ending != nil { return 0 }
            let paths = step.options.compactMap { option in
                best(from: option.next.value, visited: visited.union([name])).map { $0 + option.points }
            }
            return paths.max()
        }
        return best(from: start.value, visited: []) ?? 0
    }

    /// The points a path of step names collects, or nil when the path does not follow the
    /// scenario from its start to an ending.
    public func points(along path: [String]) -> Int? {
        let byName = Dictionary(steps.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        guard path.first == start.value, let last = path.last, byName[last]?.ending != nil else { return nil }
        var total = 0
        for (from, to) in zip(path, path.dropFirst()) {
            // Two replies may lead to the same step; a path cannot tell them apart, so it gets the better one.
            guard let points = byName[from]?.options.filter({ $0.next.value == to }).map(\.points).max() else { return nil }
            total += points
        }
        return total
    }

    /// The ending a path arrives at.
    public func ending(of path: [String]) -> Ending? {
        path.last.flatMap { name in steps.first { $0.name == name }?.ending }
    }
}
