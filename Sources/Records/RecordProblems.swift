import CourseKit

/// Why a file, a record or a statement is refused, as data: one enum per kind, one case a line
/// (the wording test reads them from here). Their wording is in `RecordProblemWording.swift`.

/// Why a file is not a progress record we can read.
public enum RecordProblem: Problem, Error, Equatable {
    case noSuchFile
    case notARegularFile
    case tooLarge(bytes: Int, limit: Int)
    case unreadable
    /// Foundation's reason, when it gives one, and the line where it can tell.
    case notJSON(reason: String?, line: Int?)
    case notAnObject
    /// `found` is the record's `format`, nil when it has none.
    case otherFormat(found: String?)
    case noFormatVersion
    case newerFormat(version: Int)
    /// A field missing from the object at `path` ("" for the record itself).
    case missingField(String, in: String)
    case wrongType(at: String, expected: ValueKind)
    case corrupted(at: String, detail: String)
    /// Another decoding failure, with the system's account of it when there is one.
    case notARecord(String?)
    /// `field` is where the answers are: `modules[0].answers`.
    case notAQuestionID(String, field: String)

    /// What a field of the record should have held.
    public enum ValueKind: Sendable, Equatable { case text, number, trueOrFalse, list, object }
}

/// Why `records import` stores nothing for a record.
public enum ImportRejection: Problem, Equatable {
    case unreadable(RecordProblem)
    case noLearner
    case exportedAtNotADate(String)
    /// The verifier's first finding, and how many more it has.
    case failsVerification(RecordFinding, more: Int)
    case databaseRefused(String)
}

/// Why a statement is not sent to an LRS, or not used to rebuild a record from one.
public enum StatementProblem: Problem, Error, Equatable {
    case noID
    case idNotAUUID
    case notAStatement
    case noActor
    case noVerb
    case noObject
    case notCourseActivity(course: String)
    case objectNotCourseActivity(String, course: String)
    case actorNotAnAgent
    case noTimestamp
    case noEdition
    /// The verifier's finding about the statement's edition of the course.
    case otherEdition(RecordFinding)
    case notRebuiltFrom(verb: String, object: String)
    case unknownModule(String)
    case examResultIncomplete(verb: String)
    case examAnswerWithoutAttempt
    case unknownQuestion(String, module: String)
    case noResponse
    case answerDisagrees(response: String, question: String, claimedRight: Bool)
    case unknownScenario(String, module: String)
    case noScenarioPath
    case repliesNotWhole
    case conflict(String)
    /// What the verifier finds in the claim the statement makes.
    case claim(RecordFinding)
}
