import CourseKit
import Foundation

/// What one xAPI statement of the course says, read against the answer key: a fact a record
/// is rebuilt from (a visit, an answer, a scenario played) or a claim regraded before it is
/// believed (a module passed, failed or completed, the course completed). The statements are
/// the ones the site makes (Templates/assets/statements.js; README, "The progress-record
/// format"); anything else is refused with a reason.
struct StatementFact: Sendable {
    enum Kind: Sendable {
        case visit(module: String)
        case answer(module: String, question: String, response: String, first: String?)
        /// `passed`/`failed` (passed is their verb) or `completed` (passed is its success, if any).
        case moduleClaim(module: String, completed: Bool, passed: Bool?, score: Double?)
        case scenario(module: String, entry: ProgressRecord.ScenarioProgress)
        /// An answer given in an exam attempt, numbered from 1.
        case examAnswer(module: String, attempt: Int, question: String, response: String)
        /// An exam attempt submitted: its questions drawn, and its score and pass claimed.
        case examAttempt(module: String, attempt: Int, drawn: [String], score: Double?, passed: Bool)
        case courseCompleted
    }

    var id: String
    var learner: StatementLearner
    var kind: Kind
    var timestamp: String
    var time: Date
    /// The content hash the statement names: the edition, and so the language, it was made in.
    var contentHash: String? = nil

    /// The module a fact is about, if any.
    var module: String? {
        switch kind {
        case .visit(let slug), .answer(let slug, _, _, _), .moduleClaim(let slug, _, _, _), .scenario(let slug, _),
             .examAnswer(let slug, _, _, _), .examAttempt(let slug, _, _, _, _): slug
        case .courseCompleted: nil
        }
    }
}

/// Who a statement is about: the key statements group by (the learner's part of a statement
/// id) and the name and employee ID a record gives.
struct StatementLearner: Sendable, Hashable {
    var key: String
    var name: String
    var employeeId: String
}

/// Reads statements of one course.
struct StatementReader: Sendable {
    let key: AnswerKey
    let verifier: RecordVerifier

    static let verbs = "http://adlnet.gov/expapi/verbs/"

    /// The course's activity id: its id without trailing slashes, as the site writes it.
    var courseIRI: String {
        var id = Substring(key.config.id)
        while id.hasSuffix("/") { id = id.dropLast() }
        return String(id)
    }

    func read(_ statement: JSONValue) -> Result<StatementFact, StatementPush.Refusal> {
        guard case let .object(fields) = statement, case let .string(id)? = fields["id"], UUID(uuidString: id) != nil else {
            return .failure(.init(id: "(no id)", problem: .notAStatement))
        }
        func refuse(_ problem: StatementProblem) -> Result<StatementFact, StatementPush.Refusal> { .failure(.init(id: id, problem: problem)) }
        guard case let .object(verb)? = fields["verb"], case let .string(verbID)? = verb["id"] else { return refuse(.noVerb) }
        guard case let .object(object)? = fields["object"], case let .string(objectID)? = object["id"] else { return refuse(.noObject) }
        guard objectID == courseIRI || objectID.hasPrefix(courseIRI + "/") else {
            return refuse(.objectNotCourseActivity(objectID, course: key.config.id))
        }
        guard case let .object(actor)? = fields["actor"], let learner = learner(actor) else {
            return refuse(.actorNotAnAgent)
        }
        guard case let .string(timestamp)? = fields["timestamp"], let time = Timestamp.parse(timestamp) else {
            return refuse(.noTimestamp)
        }
        if let problem = editionProblem(fields["context"]) { return refuse(problem) }
        let result: [String: JSONValue]
        if case let .object(value)? = fields["result"] { result = value } else { result = [:] }
        switch kind(verb: verbID, object: objectID, result: result) {
        case .success(let kind):
            return .success(StatementFact(id: id, learner: learner, kind: kind, timestamp: timestamp, time: time,
                                          contentHash: contentHash(fields["context"])))
        case .failure(let problem): return refuse(problem)
        }
    }

    /// The learner's part of a statement id, as statements.js derives it (`actorKey`).
    func learner(_ actor: [String: JSONValue]) -> StatementLearner? {
        if case let .string(type)? = actor["objectType"], type != "Agent" { return nil }
        let name: String
        if case let .string(value)? = actor["name"] { name = value } else { name = "" }
        if case let .object(account)? = actor["account"], case let .string(home)? = account["homePage"],
           case let .string(user)? = account["name"] {
            guard home == courseIRI else { return StatementLearner(key: home + "|" + user, name: name, employeeId: user) }
            // The site's own actor names the employee ID, or the name when there is none.
            return StatementLearner(key: user, name: name, employeeId: user == name ? "" : user)
        }
        for field in ["mbox", "mbox_sha1sum", "openid"] {
            if case let .string(value)? = actor[field] {
                let shown = field == "mbox" && value.hasPrefix("mailto:") ? String(value.dropFirst("mailto:".count)) : value
                return StatementLearner(key: value, name: name, employeeId: shown)
            }
        }
        return nil
    }

    /// The content hash in a statement's context, when it names one.
    func contentHash(_ context: JSONValue?) -> String? {
        guard case let .object(fields)? = context, case let .object(extensions)? = fields["extensions"],
              case let .string(hash)? = extensions[courseIRI + "/xapi/content-hash"] else { return nil }
        return hash
    }

    /// Why a statement made with another edition of the course is not regraded with this one,
    /// in the verifier's words; nil when it names this edition.
    func editionProblem(_ context: JSONValue?) -> StatementProblem? {
        guard case let .object(fields)? = context, case let .object(extensions)? = fields["extensions"],
              case let .string(version)? = extensions[courseIRI + "/xapi/course-version"],
              case let .string(hash)? = extensions[courseIRI + "/xapi/content-hash"] else {
            return .noEdition
        }
        var record = ProgressRecord(format: ProgressRecord.format, formatVersion: ProgressRecord.formatVersion,
                                    course: .init(id: key.config.id, version: version, contentHash: hash), learner: .init(name: "", employeeId: ""),
                                    exportedAt: "", modules: [], scenarios: [], completed: false)
        record.completed = verifier.verify(record).completed
        record.verificationCode = VerificationCode.code(for: record)
        return verifier.verify(record).problems.first { $0.subject == .record }.map(StatementProblem.otherEdition)
    }

    private func kind(verb verbID: String, object objectID: String, result: [String: JSONValue]) -> Result<StatementFact.Kind, StatementProblem> {
        let verb = verbID.hasPrefix(Self.verbs) ? String(verbID.dropFirst(Self.verbs.count)) : verbID
        let parts = objectID.dropFirst(courseIRI.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let unknown = StatementProblem.notRebuiltFrom(verb: verb, object: objectID)
        if parts.isEmpty || parts == [""] {
            return verb == "completed" ? .success(.courseCompleted) : .failure(unknown)
        }
        guard parts.count >= 3, parts[0] == "", parts[1] == "modules" else { return .failure(unknown) }
        let slug = parts[2]
        guard let module = key.module(slug) else { return .failure(.unknownModule(slug)) }
        switch (verb, parts.count) {
        case ("attempted", 3):
            return .success(.visit(module: slug))
        case ("passed", 3) where module.exam != nil, ("failed", 3) where module.exam != nil:
            guard let attempt = attemptNumber(result),
                  case let .object(extensions)? = result["extensions"], case let .array(values)? = extensions[courseIRI + "/xapi/drawn"] else {
                return .failure(.examResultIncomplete(verb: verb))
            }
            let drawn = values.compactMap { if case let .string(id) = $0 { id } else { nil } }
            return .success(.examAttempt(module: slug, attempt: attempt, drawn: drawn, score: Self.scaled(result), passed: verb == "passed"))
        case ("passed", 3), ("failed", 3):
            return .success(.moduleClaim(module: slug, completed: false, passed: verb == "passed", score: Self.scaled(result)))
        case ("completed", 3):
            var success: Bool?
            if case let .bool(value)? = result["success"] { success = value }
            return .success(.moduleClaim(module: slug, completed: true, passed: success, score: Self.scaled(result)))
        case ("answered", 5) where parts[3] == "questions":
            let read = answer(module, parts[4], result)
            guard module.exam != nil, case let .success(.answer(_, question, response, _)) = read else { return read }
            guard let attempt = attemptNumber(result) else { return .failure(.examAnswerWithoutAttempt) }
            return .success(.examAnswer(module: slug, attempt: attempt, question: question, response: response))
        case ("completed", 5) where parts[3] == "scenarios":
            return scenario(module, parts[4], result)
        default:
            return .failure(unknown)
        }
    }

    private func answer(_ module: AnswerKey.ModuleKey, _ id: String, _ result: [String: JSONValue]) -> Result<StatementFact.Kind, StatementProblem> {
        guard let question = module.questions.first(where: { $0.id == id }) else {
            return .failure(.unknownQuestion(id, module: module.slug))
        }
        guard case let .string(response)? = result["response"] else { return .failure(.noResponse) }
        if case let .bool(success)? = result["success"], success != question.isCorrect(response) {
            return .failure(.answerDisagrees(response: response, question: id, claimedRight: success))
        }
        var first: String?
        if case let .object(extensions)? = result["extensions"], case let .string(value)? = extensions[courseIRI + "/xapi/first-response"] {
            first = value
        }
        return .success(.answer(module: module.slug, question: id, response: response, first: first))
    }

    private func scenario(_ module: AnswerKey.ModuleKey, _ id: String, _ result: [String: JSONValue]) -> Result<StatementFact.Kind, StatementProblem> {
        guard module.scenarios.contains(where: { $0.id == id }) else {
            return .failure(.unknownScenario(id, module: module.slug))
        }
        guard case let .string(response)? = result["response"], !response.isEmpty else {
            return .failure(.noScenarioPath)
        }
        var extensions: [String: JSONValue] = [:]
        if case let .object(value)? = result["extensions"] { extensions = value }
        var replies: [Int]?
        if case let .array(values)? = extensions[courseIRI + "/xapi/replies"] {
            replies = values.compactMap { if case let .number(n) = $0, n == n.rounded() { Int(n) } else { nil } }
            guard replies?.count == values.count else { return .failure(.repliesNotWhole) }
        }
        var ending: String?
        if case let .string(value)? = extensions[courseIRI + "/xapi/ending"] { ending = value }
        let path = response.components(separatedBy: "[,]")
        return .success(.scenario(module: module.slug, entry: .init(id: id, path: path, replies: replies, score: Self.scaled(result), ending: ending)))
    }

    /// The exam attempt a statement belongs to, from 1.
    private func attemptNumber(_ result: [String: JSONValue]) -> Int? {
        guard case let .object(extensions)? = result["extensions"], case let .number(value)? = extensions[courseIRI + "/xapi/attempt"],
              value >= 1, value == value.rounded() else { return nil }
        return Int(value)
    }

    static func scaled(_ result: [String: JSONValue]) -> Double? {
        if case let .object(score)? = result["score"], case let .number(value)? = score["scaled"] { return value }
        return nil
    }
}
