/// `quiz`: one question per fence (see README, "Questions").
public struct QuizDirective: Directive {
    public let name = "quiz"
    static let commonKeys = ["id", "type", "prompt", "explanation", "lint"]
    static let keysByKind: [Question.Kind: [String]] = [
        .single: ["choices", "shuffle"], .multiple: ["choices", "shuffle"], .truefalse: ["statement", "answer"],
        .order: ["items"], .match: ["pairs"],
    ]

    public init() {}

    /// The question, its explanation compiled from Markdown where it is written.
    public func compile(_ fence: DirectiveFence, into page: inout PageCompilation) -> Block? {
        guard let parsed = QuizParser(fence: fence).parse(into: &page) else { return nil }
        let question = parsed.question
        page.questions.append(question)
        let explanation = question.explanation.isEmpty ? "" : page.markdown(question.explanation, at: parsed.explanation)
        return .question(QuestionBlock(question: question, explanationHTML: explanation))
    }
}

/// Reads a quiz fence's YAML into a `Question`, reporting every problem at its line and column.
struct QuizParser {
    let fence: DirectiveFence

    /// The question, and where its explanation's text begins (the fence's body when it has none).
    func parse(into page: inout PageCompilation) -> (question: Question, explanation: SnippetOrigin)? {
        var reader = YAMLReader(origin: fence.origin)
        defer { page.diagnostics += reader.diagnostics }
        guard let map = reader.parseMapping(fence.body, what: "the quiz") else { return nil }
        let typeName = reader.string("type", in: map, what: "the quiz") ?? "single"
        guard let kind = Question.Kind(rawValue: typeName) else {
            let kinds = Question.Kind.allCases.map(\.rawValue)
            reader.report(QuizProblem.unknownType(typeName, suggestion: Suggestion.closest(to: typeName, in: kinds), known: kinds),
                          at: map["type"].map(reader.location(of:)) ?? map.location)
            return nil
        }
        reader.checkKeys(of: map, known: QuizDirective.commonKeys + QuizDirective.keysByKind[kind]!, what: "a \(kind.rawValue) question")
        let id = reader.string("id", in: map, required: true, what: "the quiz")
        if let id, let node = map["id"], !Self.isValidID(id) {
            reader.report(QuizProblem.badID(id), at: reader.location(of: node))
        }
        let promptKey = kind == .truefalse ? "statement" : "prompt"
        let prompt = reader.string(promptKey, in: map, required: true, what: "the question")
        var question = Question(id: id ?? "", kind: kind, prompt: prompt ?? "",
                                location: map["id"].map(reader.location(of:)) ?? fence.location)
        question.promptLocation = map[promptKey].map(reader.location(of:))
        question.ignoredRules = reader.ignoredItemRules(in: map)
        question.explanation = reader.string("explanation", in: map, what: "the quiz") ?? ""
        question.shuffle = reader.bool("shuffle", in: map) ?? true
        switch kind {
        case .single, .multiple: question.choices = choices(in: map, kind: kind, reader: &reader)
        case .truefalse:
            question.answer = reader.bool("answer", in: map)
            if question.answer == nil, map["answer"] == nil { reader.report(QuizProblem.trueFalseNeedsAnswer, at: map.location) }
        case .order:
            question.items = reader.strings("items", in: map).map(\.value)
            if question.items.count < 2 { reader.report(QuizProblem.orderNeedsTwoItems, at: map["items"].map(reader.location(of:)) ?? map.location) }
        case .match: question.pairs = pairs(in: map, reader: &reader)
        }
        guard !reader.diagnostics.containsErrors, id != nil, prompt != nil else { return nil }
        return (question, map["explanation"].map(reader.textOrigin(of:)) ?? fence.origin)
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.allSatisfy { ($0.isLowercase || $0.isNumber || $0 == "-") && $0.isASCII }
    }

    private func choices(in map: YAMLMapping, kind: Question.Kind, reader: inout YAMLReader) -> [Question.Choice] {
        guard let node = map["choices"], let list = node.sequence else {
            reader.report(QuizProblem.needsChoices(kind), at: map["choices"].map(reader.location(of:)) ?? map.location)
            return []
        }
        var choices: [Question.Choice] = []
        for item in list {
            guard let mapping = item.mapping else {
                reader.report(QuizProblem.choiceNotAMapping, at: reader.location(of: item))
                continue
            }
            let choice = YAMLMapping(mapping: mapping, location: reader.location(of: item))
            reader.checkKeys(of: choice, known: ["text", "correct", "feedback", "fixed"], what: "a choice")
            choices.append(Question.Choice(text: reader.string("text", in: choice, required: true, what: "the choice") ?? "",
                                           correct: reader.bool("correct", in: choice) ?? false,
                                           feedback: reader.string("feedback", in: choice, what: "the choice") ?? "",
                                           fixed: reader.bool("fixed", in: choice) ?? false,
                                           location: choice["text"].map(reader.location(of:))))
        }
        let location = reader.location(of: node)
        let correct = choices.filter(\.correct).count
        if choices.count < 2 { reader.report(QuizProblem.tooFewChoices(kind), at: location) }
        if correct == 0 { reader.report(QuizProblem.noCorrectChoice, at: location) }
        if kind == .single, correct > 1 {
            reader.report(QuizProblem.singleWithManyCorrect(count: correct), at: location)
        }
        return choices
    }

    private func pairs(in map: YAMLMapping, reader: inout YAMLReader) -> [(left: String, right: String)] {
        guard let node = map["pairs"], let list = node.sequence else {
            reader.report(QuizProblem.needsPairs, at: map["pairs"].map(reader.location(of:)) ?? map.location)
            return []
        }
        var pairs: [(left: String, right: String)] = []
        for item in list {
            guard let sides = item.sequence, sides.count == 2, let left = sides[0].string, let right = sides[1].string else {
                reader.report(QuizProblem.pairNotTwoTexts, at: reader.location(of: item))
                continue
            }
            if pairs.contains(where: { $0.left == left }) { reader.report(QuizProblem.leftSideTwice(left), at: reader.location(of: item)) }
            if pairs.contains(where: { $0.right == right }) { reader.report(QuizProblem.rightSideTwice(right), at: reader.location(of: item)) }
            pairs.append((left, right))
        }
        if pairs.count < 2 { reader.report(QuizProblem.tooFewPairs, at: reader.location(of: node)) }
        return pairs
    }
}
