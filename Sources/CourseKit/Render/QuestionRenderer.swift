/// The HTML of one question. It works with JavaScript off: the inputs are ordinary form
/// controls and the answer with its feedback sits in a `<details>` the learner can open.
///
/// For `assets/quiz.js` every control's `value` is the 1-based position of its choice, item
/// or right side as written in the source, the form learners' answers are stored in (see
/// `ResponsePattern`); the key it grades with is in the course data, not on the page's form.
struct QuestionRenderer {
    let question: Question
    let texts: TextCatalogue
    /// The explanation, already compiled from Markdown.
    var explanationHTML = ""
    /// An exam's question is written without its answer; its feedback shows after submitting.
    var isExam = false

    private var id: String { "q-\(question.id)" }

    init(question: Question, texts: TextCatalogue, explanationHTML: String = "", isExam: Bool = false) {
        self.question = question
        self.texts = texts
        self.explanationHTML = explanationHTML
        self.isExam = isExam
    }

    /// The question of a `quiz` fence.
    init(block: QuestionBlock, texts: TextCatalogue, isExam: Bool) {
        self.init(question: block.question, texts: texts, explanationHTML: block.explanationHTML, isExam: isExam)
    }

    func html() -> String {
        let e = HTML.escape
        return """
        <form class="question" id="\(e(id))"\(isExam ? " data-exam" : "") data-question="\(e(question.id))" data-type="\(question.kind.rawValue)"\(question.shuffle ? "" : " data-shuffle=\"false\"")>
        <fieldset>
        <legend>\(e(question.prompt))</legend>
        \(controls())
        </fieldset>
        \(isExam ? examFeedback() : practiceAnswer())
        </form>
        """
    }

    private func practiceAnswer() -> String {
        "<details class=\"answer\"><summary>\(HTML.escape(texts.text("question.showAnswer")))</summary><div class=\"answer-body\">\n\(answer())\n</div></details>"
    }

    /// An exam's feedback, shown once the attempt is submitted: each choice's feedback and the
    /// explanation, with nothing that says which answer is right.
    private func examFeedback() -> String {
        let e = HTML.escape
        var parts: [String] = []
        if question.kind == .single || question.kind == .multiple {
            let notes = question.choices.enumerated().filter { !$0.element.feedback.isEmpty }.map { index, choice in
                "<li data-choice=\"\(index + 1)\"><span data-feedback>\(e(choice.feedback))</span></li>"
            }
            if !notes.isEmpty { parts.append("<ul class=\"feedback\">" + notes.joined() + "</ul>") }
        }
        if !question.explanation.isEmpty {
            parts.append("<div class=\"explanation\">\(explanationHTML)</div>")
        }
        return "<div class=\"exam-feedback\" hidden>\n" + parts.joined(separator: "\n") + "\n</div>"
    }

    private func controls() -> String {
        switch question.kind {
        case .single, .multiple:
            let type = question.kind == .single ? "radio" : "checkbox"
            return items("choices", choiceOrder.map { index in
                (question.choices[index].fixed ? "<li data-fixed>" : "<li>") + option(type, index: index + 1, label: question.choices[index].text) + "</li>"
            })
        case .truefalse:
            return list("choices", [option("radio", index: 1, label: texts.text("question.true"), value: "true"),
                                    option("radio", index: 2, label: texts.text("question.false"), value: "false")])
        case .order:
            var shuffle = SeededShuffle(seed: question.id)
            let positions = (1...question.items.count).map { "<option value=\"\($0)\">\($0)</option>" }.joined()
            let rows = shuffle.permutation(question.items.count).map { item in
                select(index: item + 1, label: question.items[item], role: "item", options: placeholderOption("question.choosePosition") + positions)
            }
            return list("order-items", rows)
        case .match:
            var shuffle = SeededShuffle(seed: question.id)
            let rights = shuffle.permutation(question.pairs.count).map {
                "<option value=\"\($0 + 1)\">\(HTML.escape(question.pairs[$0].right))</option>"
            }.joined()
            let rows = question.pairs.enumerated().map {
                select(index: $0.offset + 1, label: $0.element.left, role: "left", options: placeholderOption("question.chooseMatch") + rights)
            }
            return list("match-pairs", rows)
        }
    }

    /// The choices in the order the page shows them: drawn from the question's id, fixed choices
    /// last, unless the question says `shuffle: false`. `assets/quiz.js` draws each learner's own.
    var choiceOrder: [Int] {
        let indices = Array(question.choices.indices)
        guard question.shuffle else { return indices }
        let free = indices.filter { !question.choices[$0].fixed }
        var shuffle = SeededShuffle(seed: question.id)
        return shuffle.shuffled(free.count).map { free[$0] } + indices.filter { question.choices[$0].fixed }
    }

    /// The empty first option of a select.
    private func placeholderOption(_ key: String) -> String {
        "<option value=\"\">\(HTML.escape(texts.text(key)))</option>"
    }

    private func list(_ className: String, _ contents: [String]) -> String {
        items(className, contents.map { "<li>\($0)</li>" })
    }

    /// A list of `<li>` elements written whole.
    private func items(_ className: String, _ elements: [String]) -> String {
        "<ul class=\"\(className)\">\n" + elements.map { $0 + "\n" }.joined() + "</ul>"
    }

    private func option(_ type: String, index: Int, label: String, value: String? = nil) -> String {
        let inputID = "\(id)-\(index)"
        return "<input type=\"\(type)\" name=\"\(HTML.escape(id))\" id=\"\(HTML.escape(inputID))\" value=\"\(value ?? String(index))\">"
            + "<label for=\"\(HTML.escape(inputID))\">\(HTML.escape(label))</label>"
    }

    /// `role` names what the select stands for in the response: an order question's `item`
    /// or a match question's `left` side, numbered as in the source.
    private func select(index: Int, label: String, role: String, options: String) -> String {
        let inputID = "\(id)-\(index)"
        return "<label for=\"\(HTML.escape(inputID))\">\(HTML.escape(label))</label>"
            + "<select id=\"\(HTML.escape(inputID))\" name=\"\(HTML.escape(inputID))\" data-\(role)=\"\(index)\">\(options)</select>"
    }

    private func answer() -> String {
        let e = HTML.escape
        var parts: [String] = []
        switch question.kind {
        case .single, .multiple:
            parts.append("<ul class=\"feedback\">" + question.choices.enumerated().map { index, choice in
                let verdict = texts.text(choice.correct ? "question.correctChoice" : "question.wrongChoice")
                let feedback = choice.feedback.isEmpty ? "" : " — <span data-feedback>\(e(choice.feedback))</span>"
                return "<li data-choice=\"\(index + 1)\"><strong>\(e(verdict))</strong> \(e(choice.text))\(feedback)</li>"
            }.joined() + "</ul>")
        case .truefalse:
            let answer = texts.text(question.answer == true ? "question.true" : "question.false")
            parts.append("<p><strong>\(e(texts.text("question.answer")))</strong> \(e(answer))</p>")
        case .order:
            parts.append("<p><strong>\(e(texts.text("question.correctOrder")))</strong></p><ol>" + question.items.map { "<li>\(e($0))</li>" }.joined() + "</ol>")
        case .match:
            parts.append("<p><strong>\(e(texts.text("question.matchingPairs")))</strong></p><ul>"
                + question.pairs.map { "<li>\(e($0.left)) → \(e($0.right))</li>" }.joined() + "</ul>")
        }
        if !question.explanation.isEmpty {
            parts.append("<div class=\"explanation\">\(explanationHTML)</div>")
        }
        return parts.joined(separator: "\n")
    }
}
