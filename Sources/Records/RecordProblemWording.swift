import CourseKit
import Foundation

/// The wording of why a file, a record or a statement is refused: one line each, without a
/// final period.
extension RecordProblem {
    public var message: String {
        switch self {
        case .noSuchFile: "cannot read the file: no such file"
        case .notARegularFile: "not a regular file"
        case let .tooLarge(bytes, limit):
            String(format: "too large for a progress record (%.1f MB; the limit is %d MB)", Double(bytes) / 1_048_576, limit / 1_048_576)
        case .unreadable: "cannot read the file"
        case let .notJSON(reason?, line?): "not valid JSON (line \(line): \(reason))"
        case let .notJSON(reason?, nil): "not valid JSON (\(reason))"
        case .notJSON(nil, _): "not valid JSON"
        case .notAnObject: "not a progress record: the JSON is not an object"
        case .otherFormat(let found):
            "not a Meridian progress record (format is \(found.map { "'\($0)'" } ?? "missing"), expected '\(ProgressRecord.format)')"
        case .noFormatVersion: "formatVersion is missing or not a whole number"
        case .newerFormat(let version):
            "made with a newer record format (version \(version)); this meridian reads version \(ProgressRecord.formatVersion) — update meridian"
        case let .missingField(key, parent): "\(parent.isEmpty ? "" : parent + ": ")missing '\(key)'"
        case let .wrongType(path, expected): "\(path): expected \(expected.wording)"
        case let .corrupted(path, detail): "\(path): \(detail)"
        case .notARecord(let reason): "not a progress record" + (reason.map { ": \($0)" } ?? "")
        case let .notAQuestionID(key, field): "\(field): '\(key)' is not a question id (a-z, 0-9 and -)"
        }
    }

    /// The problem's line, as `records verify` and `records import` print it.
    public var reason: String { message }
}

extension RecordProblem.ValueKind {
    var wording: String {
        switch self {
        case .text: "a text"
        case .number: "a number"
        case .trueOrFalse: "true or false"
        case .list: "a list"
        case .object: "an object"
        }
    }
}

extension ImportRejection {
    public var message: String {
        switch self {
        case .unreadable(let problem): problem.message
        case .noLearner: "the record names no learner (no name and no employee ID)"
        case .exportedAtNotADate(let text): "exportedAt '\(text)' is not a date and time such as 2026-11-22T10:00:00Z"
        case let .failsVerification(finding, more):
            finding.message + (more > 0 ? " (and \(more) more; see `meridian records verify`)" : "")
        case .databaseRefused(let reason): "the database refused it: \(reason)"
        }
    }
}

extension StatementProblem {
    public var message: String {
        switch self {
        case .noID: "the statement has no id"
        case .idNotAUUID: "its id is not a UUID"
        case .notAStatement: "not an xAPI statement with a UUID id"
        case .noActor: "it has no actor"
        case .noVerb: "it has no verb"
        case .noObject: "it has no object"
        case .notCourseActivity(let course): "its object is not an activity of the course \(course)"
        case let .objectNotCourseActivity(object, course): "its object \(object) is not an activity of the course \(course)"
        case .actorNotAnAgent: "its actor is not an Agent with an account, mbox, mbox_sha1sum or openid"
        case .noTimestamp: "it has no timestamp such as 2026-11-22T10:00:00Z"
        case .noEdition: "it does not name the course version and content hash it was made with"
        case .otherEdition(let finding), .claim(let finding): finding.message
        case let .notRebuiltFrom(verb, object): "'\(verb)' on \(object) is not a statement a record is rebuilt from"
        case .unknownModule(let slug): "module '\(slug)' is not in the course"
        case .examResultIncomplete(let verb): "an exam's '\(verb)' without its attempt number and the questions drawn"
        case .examAnswerWithoutAttempt: "an exam's answer without its attempt number"
        case let .unknownQuestion(id, slug): "question '\(id)' is not in module '\(slug)'"
        case .noResponse: "its result has no response"
        case let .answerDisagrees(response, id, right):
            "claims the answer '\(response)' to '\(id)' is \(right ? "right" : "wrong"), the answer key says \(right ? "wrong" : "right")"
        case let .unknownScenario(id, slug): "scenario '\(id)' is not in module '\(slug)'"
        case .noScenarioPath: "its result has no response (the path of steps)"
        case .repliesNotWhole: "its replies are not whole numbers"
        case .conflict(let reason): "the LRS has another statement with this id (409: \(reason))"
        }
    }
}
