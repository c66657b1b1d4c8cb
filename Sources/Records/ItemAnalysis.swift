import CourseKit
import Foundation

/// How each question of the course performed over the learners' current records, as a
/// trainer reads it before rewriting a quiz: facility, discrimination, how often each option
/// was chosen, and flags in plain words. Keyed by question id against the course's current
/// answer key.
public struct ItemAnalysis: Sendable {
    /// Which answer of each learner counts: the first they gave (the default, as Moodle's quiz
    /// statistics do) or their latest.
    public enum Basis: String, CaseIterable, Sendable { case first, latest }

    public struct Option: Sendable, Equatable, Encodable {
        /// The option's position as written, from 1 (`true`/`false` for a true-or-false statement).
        public var id: String
        public var text: String
        public var correct: Bool
        /// How many learners chose it.
        public var chosen: Int
    }

    public struct Item: Sendable, Encodable {
        public var id: String
        public var module: String
        public var moduleTitle: String
        public var kind: String
        public var prompt: String
        /// Learners who answered the question.
        public var learners: Int
        /// The share of those learners whose answer was right.
        public var facility: Double?
        /// The correlation of the question's score (0 or 1) with the learner's score on the
        /// course's other questions (a corrected item–total, point-biserial correlation).
        public var discrimination: Double?
        /// Choices and true-or-false; empty for order and match questions.
        public var options: [Option]
        /// How many different responses learners gave.
        public var distinctResponses: Int
        /// Learners whose first answer the record does not give (records made before first
        /// answers were recorded): their latest answer counts instead.
        public var latestInsteadOfFirst: Int
        public var flags: [String]
    }

    public var basis: Basis
    public var learners: Int
    public var items: [Item]
    /// Content hashes of the records analysed, with how many records carry each.
    public var editions: [String: Int]
    public var contentHash: String
    /// The hashes of the same questions in the course's other languages.
    var translatedHashes: [String] = []

    public init(key: AnswerKey, records: [ProgressRecord], basis: Basis = .first) {
        self.basis = basis
        learners = records.count
        contentHash = key.contentHash
        translatedHashes = Array(key.contentHashes.dropFirst())
        editions = Dictionary(records.map { ($0.course.contentHash, 1) }, uniquingKeysWith: +)
        let questions = key.modules.flatMap(\.questions)
        let sheets = records.map { AnswerSheet(record: $0, basis: basis, questions: questions) }
        items = key.modules.flatMap { module in
            module.questions.map { ItemStatistics(question: $0, module: module, sheets: sheets).item }
        }
    }

    /// A line for the report when records come from more than one edition of the questions.
    public var editionWarning: String? {
        let others = editions.filter { $0.key != contentHash && !translatedHashes.contains($0.key) }.values.reduce(0, +)
        guard others > 0 else { return nil }
        return "\(others) of \(learners) records were made with another edition of the questions (another content hash): "
            + "their answers are analysed against the current questions, by question id."
    }
}

/// One learner's responses as the analysis counts them, graded once.
struct AnswerSheet {
    var responses: [String: String] = [:]
    var latestInsteadOfFirst: Set<String> = []
    /// The questions of the course the responses get right.
    var right: Set<String> = []

    init(record: ProgressRecord, basis: ItemAnalysis.Basis, questions: [Question]) {
        for module in record.modules {
            for (id, latest) in module.answers {
                if basis == .first, let first = module.firstAnswers?[id] {
                    responses[id] = first
                } else {
                    responses[id] = latest
                    if basis == .first { latestInsteadOfFirst.insert(id) }
                }
            }
        }
        right = Set(questions.filter { responses[$0.id].map($0.isCorrect) == true }.map(\.id))
    }
}

/// The figures of one question over every learner's sheet.
struct ItemStatistics {
    static let hardBelow = 0.30, easyAbove = 0.90, weakBelow = 0.25, distractorLearners = 10

    let item: ItemAnalysis.Item

    init(question: Question, module: AnswerKey.ModuleKey, sheets: [AnswerSheet]) {
        let answered = sheets.filter { $0.responses[question.id] != nil }
        let scores = answered.map { $0.right.contains(question.id) ? 1.0 : 0.0 }
        // The score on the course's other questions.
        let rests = zip(answered, scores).map { Double($0.right.count) - $1 }
        let responses = answered.map { $0.responses[question.id]! }
        var item = ItemAnalysis.Item(
            id: question.id, module: module.slug, moduleTitle: module.title, kind: question.kind.rawValue,
            prompt: question.prompt, learners: answered.count,
            facility: answered.isEmpty ? nil : scores.reduce(0, +) / Double(answered.count),
            discrimination: Self.correlation(scores, rests),
            options: Self.options(of: question, responses: responses),
            distinctResponses: Set(responses).count,
            latestInsteadOfFirst: answered.filter { $0.latestInsteadOfFirst.contains(question.id) }.count, flags: [])
        item.flags = Self.flags(for: item)
        self.item = item
    }

    /// Pearson's correlation, or nil when either side does not vary or there are fewer than three pairs.
    static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count >= 3 else { return nil }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }, syy = y.reduce(0) { $0 + ($1 - my) * ($1 - my) }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    static func options(of question: Question, responses: [String]) -> [ItemAnalysis.Option] {
        let chosen = responses.map { Set(ResponsePattern.parts(of: $0)) }
        switch question.kind {
        case .single, .multiple:
            return question.choices.enumerated().map { index, choice in
                let id = String(index + 1)
                return .init(id: id, text: choice.text, correct: choice.correct, chosen: chosen.filter { $0.contains(id) }.count)
            }
        case .truefalse:
            return [true, false].map { value in
                .init(id: String(value), text: value ? "True" : "False", correct: question.answer == value,
                      chosen: responses.filter { $0 == String(value) }.count)
            }
        case .order, .match:
            return []
        }
    }

    static func flags(for item: ItemAnalysis.Item) -> [String] {
        var flags: [String] = []
        if let facility = item.facility, facility < hardBelow { flags.append("hard: fewer than 30 % of learners answer it right") }
        if let facility = item.facility, facility > easyAbove { flags.append("easy: more than 90 % of learners answer it right") }
        if let d = item.discrimination, d < 0 {
            flags.append("negative discrimination: learners who do well elsewhere miss it more often; check the key and the wording")
        } else if let d = item.discrimination, d < weakBelow {
            flags.append("weak discrimination (below 0.25): it tells strong and weak learners apart poorly")
        }
        if item.learners >= distractorLearners {
            for option in item.options where !option.correct && option.chosen == 0 {
                flags.append("option \(option.id) is never chosen: it distracts nobody")
            }
        }
        return flags
    }
}
