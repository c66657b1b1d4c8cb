import CourseKit

/// One claim of a record that does not follow from its answers, as data; worded in
/// `FindingWording.swift`.
public enum RecordFinding: Problem, Equatable {
    case otherCourse(record: String, course: String)
    case otherVersion(record: String, course: String)
    /// The record's content hash and the course's (the default language's).
    case otherContent(record: String, course: String)
    case unknownModule(String)
    case unknownScenario(String)
    case courseCompletion(claimed: Bool)
    case noVerificationCode
    case wrongVerificationCode(claimed: String, expected: String)
    case module(String, ModuleFinding)
    case scenario(String, ScenarioFinding)

    /// What a finding is about: the record as a whole (course, edition, code), the course's
    /// completion, a module's claims, or a scenario's.
    public enum Subject: Sendable, Hashable {
        case record, courseCompletion, module(String), scenario(String)
    }

    /// What the finding is about.
    public var subject: Subject {
        switch self {
        case .otherCourse, .otherVersion, .otherContent, .noVerificationCode, .wrongVerificationCode: .record
        case .courseCompletion: .courseCompletion
        case .unknownModule(let slug), .module(let slug, _): .module(slug)
        case .unknownScenario(let id), .scenario(let id, _): .scenario(id)
        }
    }
}

/// A module's claim that its answers do not bear out.
public enum ModuleFinding: Sendable, Equatable {
    case answerToUnknownQuestion(String)
    case examAttemptsOutsideExam
    case score(claimed: Double, regraded: Double, right: Int, of: Int)
    case passed(claimed: Bool, regraded: Bool)
    case completedNotPassed
    case status(claimed: ProgressRecord.Status, regraded: ProgressRecord.Status)
    case tooManyAttempts(Int, allowed: Int)
    case attemptCount(claimed: Int, history: Int)
    /// Something wrong with one exam attempt (numbered from 1).
    case attempt(Int, AttemptFinding)
}

/// One exam attempt's claim or draw that the module's rules or answers do not bear out.
public enum AttemptFinding: Sendable, Equatable {
    case nothingDrawn
    case tooManyDrawn(Int, draws: Int)
    case drewUnknownQuestion(String)
    case drewTwice
    case answersUndrawn(String)
    case score(claimed: Double, regraded: Double, right: Int, of: Int)
}

/// A played scenario's claim that its replies, or its path, do not bear out.
public enum ScenarioFinding: Sendable, Equatable {
    case play(ScenarioPlayProblem)
    /// The claimed path starts at `claimed`, the scenario at `start`.
    case pathStartsElsewhere(claimed: String, start: String)
    /// After `step` the path has `claimed`, the replies lead to `played` (nil: nothing).
    case pathLeaves(after: String, claimed: String?, played: String?)
    case score(claimed: Double, replies: Double)
    case ending(claimed: String, replies: String)
    /// A record without replies whose path does not reach an ending.
    case pathGoesNowhere([String])
    case scoreOffPath(claimed: Double, lowest: Double, highest: Double)
    case endingOffPath(claimed: String, path: String?)
}
