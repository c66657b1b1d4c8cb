/// `scenario`: a branching role-play (see README, "Scenarios").
public struct ScenarioDirective: Directive {
    public let name = "scenario"

    public init() {}

    /// The scenario, its setting and debriefs compiled from Markdown where they are written
    /// (the debriefs in the order the page shows the steps).
    public func compile(_ fence: DirectiveFence, into page: inout PageCompilation) -> Block? {
        guard let parsed = ScenarioParser(fence: fence).parse(into: &page) else { return nil }
        let scenario = parsed.scenario
        page.scenarios.append(scenario)
        let setting = scenario.setting.isEmpty ? "" : page.markdown(scenario.setting, at: parsed.setting)
        var debriefs = [String](repeating: "", count: scenario.steps.count)
        for index in scenario.shownOrder where scenario.steps[index].ending != nil && !scenario.steps[index].debrief.isEmpty {
            debriefs[index] = page.markdown(scenario.steps[index].debrief, at: parsed.debriefs[index])
        }
        return .scenario(ScenarioBlock(scenario: scenario, settingHTML: setting, debriefHTML: debriefs))
    }
}

/// A scenario as its fence gives it, with where its Markdown values begin.
struct ParsedScenario {
    var scenario: Scenario
    /// Where the setting's text begins (the fence's body when there is none).
    var setting: SnippetOrigin
    /// Where each step's debrief begins, one per step (the step's name when it has none).
    var debriefs: [SnippetOrigin]
}

/// Reads a scenario fence's YAML, checking that every `next` and `start` names a step.
struct ScenarioParser {
    let fence: DirectiveFence
    static let keys = ["id", "title", "setting", "start", "steps"]
    static let stepKeys = ["customer", "options", "ending", "debrief"]
    static let optionKeys = ["reply", "next", "points", "feedback"]

    func parse(into page: inout PageCompilation) -> ParsedScenario? {
        var reader = YAMLReader(origin: fence.origin)
        defer { page.diagnostics += reader.diagnostics }
        guard let map = reader.parseMapping(fence.body, what: "the scenario") else { return nil }
        reader.checkKeys(of: map, known: Self.keys, what: "a scenario")
        let id = reader.string("id", in: map, required: true, what: "the scenario")
        let title = reader.string("title", in: map, required: true, what: "the scenario")
        let start = reader.strings("start", in: map).first
        if start == nil { reader.report(ScenarioProblem.missingStart, at: map.location) }
        guard let stepsNode = map["steps"], let stepsMap = stepsNode.mapping else {
            reader.report(ScenarioProblem.needsSteps, at: map["steps"].map(reader.location(of:)) ?? map.location)
            return nil
        }
        let parsedSteps = stepsMap.compactMap { step(named: $0.key, $0.value, reader: &reader) }
        let steps = parsedSteps.map(\.step)
        let names = steps.map(\.name)
        for next in steps.flatMap({ $0.options.map(\.next) }) + (start.map { [$0] } ?? []) where !names.contains(next.value) {
            reader.report(ScenarioProblem.undefinedStep(next.value, suggestion: Suggestion.closest(to: next.value, in: names)), at: next.location)
        }
        if let start, !reader.diagnostics.containsErrors { checkPaths(steps, start: start.value, reader: &reader) }
        guard let id, let title, let start, !reader.diagnostics.containsErrors else { return nil }
        let scenario = Scenario(id: id, title: title, setting: reader.string("setting", in: map, what: "the scenario") ?? "",
                                start: start, steps: steps, location: fence.location)
        return ParsedScenario(scenario: scenario, setting: map["setting"].map(reader.textOrigin(of:)) ?? fence.origin,
                              debriefs: parsedSteps.map(\.debrief))
    }

    /// Every step must be reachable from the start, and from every step an ending must be.
    private func checkPaths(_ steps: [Scenario.Step], start: String, reader: inout YAMLReader) {
        let graph = ScenarioGraph(steps: steps, start: start)
        let reachable = graph.reachable(), canEnd = graph.canEnd()
        for step in steps where !reachable.contains(step.name) {
            reader.report(ScenarioProblem.unreachable(step: step.name, start: start), at: step.location)
        }
        for step in steps where reachable.contains(step.name) && !canEnd.contains(step.name) {
            reader.report(ScenarioProblem.noWayToAnEnding(step: step.name), at: step.location)
        }
    }

    /// A step, and where its debrief's text begins.
    private func step(named keyNode: YAMLNode, _ node: YAMLNode, reader: inout YAMLReader) -> (step: Scenario.Step, debrief: SnippetOrigin)? {
        let location = reader.location(of: keyNode)
        guard let name = keyNode.string, let mapping = node.mapping else {
            reader.report(ScenarioProblem.stepNotAMapping, at: location)
            return nil
        }
        let map = YAMLMapping(mapping: mapping, location: reader.location(of: node))
        reader.checkKeys(of: map, known: Self.stepKeys, what: "step '\(name)'")
        var ending: Scenario.Ending?
        if let endingName = reader.string("ending", in: map, what: "the step") {
            ending = Scenario.Ending(rawValue: endingName)
            if ending == nil {
                reader.report(ScenarioProblem.unknownEnding(endingName), at: map["ending"].map(reader.location(of:)) ?? location)
            }
        }
        let options = (map["options"]?.sequence ?? []).compactMap { option($0, reader: &reader) }
        if options.isEmpty, ending == nil {
            reader.report(ScenarioProblem.stepGoesNowhere(name), at: location)
        }
        let step = Scenario.Step(name: name, customer: reader.string("customer", in: map, what: "the step") ?? "",
                                 options: options, ending: ending,
                                 debrief: reader.string("debrief", in: map, what: "the step") ?? "", location: location)
        return (step, map["debrief"].map(reader.textOrigin(of:)) ?? SnippetOrigin(location))
    }

    private func option(_ node: YAMLNode, reader: inout YAMLReader) -> Scenario.Option? {
        guard let mapping = node.mapping else {
            reader.report(ScenarioProblem.optionNotAMapping, at: reader.location(of: node))
            return nil
        }
        let map = YAMLMapping(mapping: mapping, location: reader.location(of: node))
        reader.checkKeys(of: map, known: Self.optionKeys, what: "an option")
        guard let reply = reader.string("reply", in: map, required: true, what: "the option"),
              let next = reader.strings("next", in: map).first else {
            if map["next"] == nil { reader.report(ScenarioProblem.optionMissingNext, at: map.location) }
            return nil
        }
        return Scenario.Option(reply: reply, next: next, points: reader.int("points", in: map) ?? 0,
                               feedback: reader.string("feedback", in: map, what: "the option") ?? "")
    }
}
