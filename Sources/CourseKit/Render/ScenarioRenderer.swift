/// The HTML of a scenario: every step in order, each reply a link to the step it leads to,
/// so the role-play can be played with JavaScript off. `assets/scenario.js` plays it as a
/// conversation: the words from this markup (`data-step`, the replies in order), where each
/// reply leads and what it earns from the grading spec in the course data.
struct ScenarioRenderer {
    let block: ScenarioBlock
    let texts: TextCatalogue

    private var scenario: Scenario { block.scenario }

    private func anchor(_ step: String) -> String { "scenario-\(scenario.id)-\(step)" }

    func html() -> String {
        let e = HTML.escape
        let setting = scenario.setting.isEmpty ? "" : "<div class=\"setting\">\(block.settingHTML)</div>"
        let steps = scenario.shownOrder.map { step(at: $0) }.joined(separator: "\n")
        return """
        <section class="scenario" id="scenario-\(e(scenario.id))" aria-labelledby="scenario-\(e(scenario.id))-title" data-scenario="\(e(scenario.id))">
        <h2 id="scenario-\(e(scenario.id))-title">\(e(scenario.title))</h2>
        \(setting)
        <ol class="steps">
        \(steps)
        </ol>
        </section>
        """
    }

    private func step(at index: Int) -> String {
        let e = HTML.escape
        let step = scenario.steps[index]
        let customer = step.customer.isEmpty ? "" : "<p class=\"customer\"><span class=\"speaker\">\(e(texts.text("scenario.customer")))</span> "
            + e(texts.text("scenario.quoted", ["words": step.customer])) + "</p>"
        if let ending = step.ending {
            let debrief = step.debrief.isEmpty ? "" : "<div class=\"debrief\">\(debrief(at: index))</div>"
            return "<li class=\"step ending ending-\(ending.rawValue)\" id=\"\(e(anchor(step.name)))\" data-step=\"\(e(step.name))\" data-ending=\"\(ending.rawValue)\">\(customer)"
                + "<p class=\"ending-label\"><strong>\(e(label(of: ending)))</strong></p>\(debrief)</li>"
        }
        let options = step.options.map { option in
            let feedback = option.feedback.isEmpty ? "" : "<details class=\"feedback\"><summary>\(e(texts.text("scenario.feedback")))</summary><p data-feedback>\(e(option.feedback))</p></details>"
            return "<li><a href=\"#\(e(anchor(option.next.value)))\" data-reply>\(e(option.reply))</a>\(feedback)</li>"
        }.joined()
        return "<li class=\"step\" id=\"\(e(anchor(step.name)))\" data-step=\"\(e(step.name))\">\(customer)<ul class=\"options\">\(options)</ul></li>"
    }

    /// The debrief's HTML; "" for a step the block has none for.
    private func debrief(at index: Int) -> String {
        block.debriefHTML.indices.contains(index) ? block.debriefHTML[index] : ""
    }

    private func label(of ending: Scenario.Ending) -> String {
        switch ending {
        case .good: texts.text("scenario.ending.good")
        case .mixed: texts.text("scenario.ending.mixed")
        case .poor: texts.text("scenario.ending.poor")
        }
    }
}
