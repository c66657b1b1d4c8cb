import Crypto
import Foundation

/// A course's questions and scenarios with their answers, module by module: what learners'
/// records are graded against.
public struct AnswerKey: Sendable {
    /// One module's questions and scenarios, in the order they appear on its page.
    public struct ModuleKey: Sendable {
        public var slug: String
        public var number: Int
        public var title: String
        public var questions: [Question]
        public var scenarios: [Scenario]
        /// The exam's rules; nil for a practice module.
        public var exam: ExamRules? = nil
    }

    /// How an exam module is taken: each attempt draws `draw` of its questions, and a learner
    /// has `attempts` attempts (nil: as many as they like).
    public struct ExamRules: Sendable, Equatable {
        public var draw: Int
        public var attempts: Int?

        public init(draw: Int, attempts: Int?) {
            self.draw = draw
            self.attempts = attempts
        }
    }

    public var config: CourseConfig
    public var modules: [ModuleKey]
    /// `sha256:…` over every question and its answer, so a record names the edition it was made with.
    public var contentHash: String

    public init(config: CourseConfig, modules: [ModuleKey]) {
        self.config = config
        self.modules = modules
        contentHash = Self.hash(canonicalTexts: modules.map(\.canonicalText))
    }

    /// The key in the course's other languages. Each grades exactly as this one (the build
    /// refuses a translation that does not) but has its own content hash, since its words differ.
    public var translations: [AnswerKey] = []

    /// The content hashes a record of this course may carry: one per language.
    public var contentHashes: [String] { [contentHash] + translations.map(\.contentHash) }

    /// Loads and compiles `Content/` in every language, or throws every problem found.
    public static func load(from content: URL, displayPath: String,
                            jobs: Int = ProcessInfo.processInfo.activeProcessorCount) throws(BuildFailure) -> AnswerKey {
        let loaded = ContentLoader(jobs: jobs).readEditions(from: content, displayPath: displayPath)
        guard !loaded.diagnostics.containsErrors, !loaded.courses.isEmpty else { throw BuildFailure(loaded.diagnostics) }
        var keys: [AnswerKey] = []
        for course in loaded.courses {
            // Only the questions count here, not the pages' wording.
            let compiled = CourseCompilation(course: course, texts: .keysOnly, jobs: jobs)
            if compiled.diagnostics.containsErrors { throw BuildFailure(compiled.diagnostics) }
            keys.append(AnswerKey(config: course.config, modules: compiled.moduleKeys(of: course)))
        }
        var key = keys.removeFirst()
        key.translations = keys
        return key
    }

    /// The module with this slug.
    public func module(_ slug: String) -> ModuleKey? { modules.first { $0.slug == slug } }

    /// The modules' canonical texts, a line break between them, hashed: every question and
    /// answer of the course, one fact a line. Fed to the hash a module at a time, so that a
    /// caller keeping the texts hashes a changed course without building them all again.
    static func hash(canonicalTexts: [String]) -> String {
        var hasher = SHA256()
        for (index, text) in canonicalTexts.enumerated() {
            if index > 0 { hasher.update(data: Data("\n".utf8)) }
            hasher.update(data: Data(text.utf8))
        }
        return "sha256:" + hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

extension AnswerKey.ModuleKey {
    /// The module's questions and scenarios with their answers, one fact a line.
    var canonicalText: String {
        var lines = ["module\t\(slug)"]
        if let exam { lines.append("exam\t\(exam.draw)\t\(exam.attempts.map(String.init) ?? "")") }
        return (lines + questions.flatMap(\.canonicalLines) + scenarios.flatMap(\.canonicalLines)).joined(separator: "\n")
    }
}

extension Question {
    /// The question and its key, for the content hash.
    var canonicalLines: [String] {
        var lines = ["question\t\(id)\t\(kind.rawValue)\t\(prompt)"]
        lines += choices.map { "choice\t\($0.correct)\t\($0.text)" }
        if let answer { lines.append("answer\t\(answer)") }
        lines += items.map { "item\t\($0)" }
        lines += pairs.map { "pair\t\($0.left)\t\($0.right)" }
        return lines
    }
}

extension Scenario {
    var canonicalLines: [String] {
        ["scenario\t\(id)\t\(start.value)"] + steps.flatMap { step in
            ["step\t\(step.name)\t\(step.ending?.rawValue ?? "")"]
                + step.options.map { "option\t\($0.next.value)\t\($0.points)\t\($0.reply)" }
        }
    }
}
