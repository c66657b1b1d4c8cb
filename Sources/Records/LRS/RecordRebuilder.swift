import CourseKit
import Foundation

/// Rebuilds each learner's progress record from the xAPI statements an LRS holds for the
/// course, so that `records pull` stores what `records import` would. Statements of another
/// course or edition, and claims the answers do not support, are refused one by one; the rest
/// are kept.
///
/// Facts (visits, answers, scenario replies) are taken as they are, the latest answer to a
/// question counting. A claim (a module passed, failed or completed, the course completed, a
/// scenario's score and ending) is regraded by `RecordVerifier`, the one that checks imported
/// files: it holds when the learner's answers support it at its time or at a later answer
/// (an exported record repeats a module's first completion after later answers). The record
/// made from what is kept is then imported like a file, and regraded once more there.
public struct RecordRebuilder: Sendable {
    /// The records rebuilt, one per learner, and the statements refused.
    public struct Outcome: Sendable {
        public var records: [ProgressRecord] = []
        public var refused: [StatementPush.Refusal] = []
        /// How many statements went into the records.
        public var kept = 0
    }

    let key: AnswerKey
    let verifier: RecordVerifier

    public init(key: AnswerKey) {
        self.key = key
        verifier = RecordVerifier(key: key)
    }

    public func rebuild(_ statements: [JSONValue]) -> Outcome {
        var outcome = Outcome()
        var byLearner: [String: [StatementFact]] = [:], order: [String] = [], seen: Set<String> = []
        let reader = StatementReader(key: key, verifier: verifier)
        for statement in statements {
            switch reader.read(statement) {
            case .failure(let refusal):
                outcome.refused.append(refusal)
            case .success(let fact):
                guard seen.insert(fact.id).inserted else { continue }
                if byLearner[fact.learner.key] == nil { order.append(fact.learner.key) }
                byLearner[fact.learner.key, default: []].append(fact)
            }
        }
        for learnerKey in order {
            let facts = byLearner[learnerKey]!.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
            var refusedHere: [StatementPush.Refusal] = []
            let kept = facts.filter { fact in
                guard let problem = claimProblem(fact, among: facts) else { return true }
                refusedHere.append(.init(id: fact.id, problem: .claim(problem)))
                return false
            }
            outcome.refused += refusedHere
            guard !kept.isEmpty else { continue }
            outcome.records.append(record(of: kept))
            outcome.kept += kept.count
        }
        return outcome
    }

    /// Why a claim does not hold, in the verifier's words; nil for a fact, or a claim that holds.
    func claimProblem(_ fact: StatementFact, among facts: [StatementFact]) -> RecordFinding? {
        switch fact.kind {
        case .visit, .answer, .examAnswer:
            return nil
        case let .examAttempt(slug, number, drawn, score, passed):
            // The attempt checked alone, as the first of a record: its score regraded from its answers.
            var entry = ProgressRecord.ExamAttemptEntry(drawn: drawn, answers: [:], score: score, submittedAt: fact.timestamp)
            for other in facts {
                if case let .examAnswer(module, attempt, question, response) = other.kind, module == slug, attempt == number {
                    entry.answers[question] = response
                }
            }
            var record = record(of: [])
            var module = ProgressRecord.ModuleProgress(slug: slug, status: passed ? .completed : .inProgress, answers: [:])
            module.examAttempts = [entry]
            record.modules = [module]
            // Checked as the record's first attempt: the finding names the attempt's own number.
            let found = problem(in: record, about: .module(slug))
            if case let .module(_, .attempt(1, finding))? = found { return .module(slug, .attempt(number, finding)) }
            return found
        case .scenario(_, let entry):
            var record = record(of: [])
            record.scenarios = [entry]
            return problem(in: record, about: .scenario(entry.id))
        case let .moduleClaim(slug, completed, passed, score):
            let moments = [fact.time] + facts.filter { $0.module == slug && $0.time > fact.time }.map(\.time)
            var found: RecordFinding?
            for moment in moments {
                var record = record(of: facts.filter { $0.module == slug && $0.time <= moment })
                record.modules = record.modules.map { module in
                    var module = module
                    module.status = completed || passed == true ? .completed : .inProgress
                    module.score = score
                    module.passed = passed
                    return module
                }
                guard let problem = problem(in: record, about: .module(slug)) else { return nil }
                found = found ?? problem
            }
            return found
        case .courseCompleted:
            let moments = [fact.time] + facts.filter { $0.time > fact.time }.map(\.time)
            var found: RecordFinding?
            for moment in moments {
                var record = record(of: facts.filter { $0.time <= moment })
                record.completed = true
                guard let problem = problem(in: record, about: .courseCompletion) else { return nil }
                found = found ?? problem
            }
            return found
        }
    }

    private func problem(in record: ProgressRecord, about subject: RecordFinding.Subject) -> RecordFinding? {
        var record = record
        record.verificationCode = VerificationCode.code(for: record)
        return verifier.verify(record).problems.first { $0.subject == subject }
    }

    /// The record `facts` (one learner's, oldest first) give, its claims what the verifier
    /// regrades them to.
    func record(of facts: [StatementFact]) -> ProgressRecord {
        let learner = facts.last?.learner ?? StatementLearner(key: "", name: "", employeeId: "")
        // The language of the learner's latest statement: its key has the same grading and its own hash.
        let hash = facts.last(where: { $0.contentHash != nil })?.contentHash
        let edition = ([key] + key.translations).first { $0.contentHash == hash } ?? key
        var record = ProgressRecord(format: ProgressRecord.format, formatVersion: ProgressRecord.formatVersion,
                                    course: .init(id: key.config.id, title: edition.config.title, version: key.config.version,
                                                  language: key.translations.isEmpty ? nil : edition.config.language,
                                                  contentHash: edition.contentHash),
                                    learner: .init(name: learner.name, employeeId: learner.employeeId),
                                    exportedAt: facts.last?.timestamp ?? "", modules: [], scenarios: [], completed: false)
        var completions: [String: String] = [:], lastAnswers: [String: String] = [:]
        for moduleKey in key.modules {
            let mine = facts.filter { $0.module == moduleKey.slug }
            guard !mine.isEmpty else { continue }
            var module = ProgressRecord.ModuleProgress(slug: moduleKey.slug, status: .inProgress, answers: [:])
            var firsts: [String: String] = [:], attempts: [Int: ProgressRecord.ExamAttemptEntry] = [:], examAnswers: [Int: [String: String]] = [:]
            for fact in mine {
                switch fact.kind {
                case .visit:
                    module.firstVisitedAt = module.firstVisitedAt ?? fact.timestamp
                case let .answer(_, question, response, first):
                    if firsts[question] == nil { firsts[question] = first ?? response }
                    module.answers[question] = response
                    lastAnswers[moduleKey.slug] = fact.timestamp
                case let .examAnswer(_, attempt, question, response):
                    examAnswers[attempt, default: [:]][question] = response
                case let .examAttempt(_, attempt, drawn, score, _):
                    attempts[attempt] = .init(drawn: drawn, answers: [:], score: score, submittedAt: fact.timestamp)
                    lastAnswers[moduleKey.slug] = fact.timestamp
                case let .moduleClaim(_, completed, _, _):
                    if completed { completions[moduleKey.slug] = fact.timestamp }
                case .scenario(_, let entry):
                    record.scenarios.removeAll { $0.id == entry.id }
                    record.scenarios.append(entry)
                case .courseCompleted:
                    break
                }
            }
            module.firstVisitedAt = module.firstVisitedAt ?? mine.first?.timestamp
            if moduleKey.exam != nil {
                // An exam's answers are those of its attempts, a later attempt's over an earlier's;
                // its first answers, the earliest attempt's (as the site keeps them).
                let entries = attempts.keys.sorted().map { number in
                    var entry = attempts[number]!
                    entry.answers = (examAnswers[number] ?? [:]).filter { entry.drawn.contains($0.key) }
                    return entry
                }
                for entry in entries {
                    module.answers.merge(entry.answers) { _, later in later }
                    firsts.merge(entry.answers) { first, _ in first }
                }
                module.examAttempts = entries
                module.attempts = entries.count
            }
            if !firsts.isEmpty { module.firstAnswers = firsts }
            record.modules.append(module)
        }
        // The verifier grades; the record then claims what it found.
        let verification = verifier.verify(record)
        for index in record.modules.indices {
            let slug = record.modules[index].slug
            guard let graded = verification.modules.first(where: { $0.slug == slug }) else { continue }
            record.modules[index].status = graded.status
            record.modules[index].score = graded.score
            record.modules[index].passed = graded.passed
            record.modules[index].completedAt = graded.status == .completed
                ? completions[slug] ?? lastAnswers[slug] ?? record.modules[index].firstVisitedAt : nil
        }
        record.completed = verification.completed
        if record.completed {
            let course = facts.last { if case .courseCompleted = $0.kind { true } else { false } }
            record.completedAt = course?.timestamp ?? record.modules.compactMap(\.completedAt).max { Timestamp.parse($0)! < Timestamp.parse($1)! }
        }
        record.verificationCode = VerificationCode.code(for: record)
        return record
    }
}
