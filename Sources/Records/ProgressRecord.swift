import CourseKit
import Foundation

/// A learner's exported progress: the `meridian-progress` format (`RecordFormat`; see README,
/// "The progress-record format"). Everything in it is claimed by the learner's browser; a
/// verifier regrades the answers against the course's own key before believing any of it.
public struct ProgressRecord: Codable, Sendable, Equatable {
    public static let format = RecordFormat.name
    public static let formatVersion = RecordFormat.version

    public struct CourseRef: Codable, Sendable, Equatable {
        public var id: String
        public var title: String?
        public var version: String
        /// The language the record was exported in; absent in records of a course in one language made before it was recorded.
        public var language: String? = nil
        public var contentHash: String
    }

    public struct Learner: Codable, Sendable, Equatable {
        public var name: String
        public var employeeId: String
    }

    public typealias Status = ModuleStatus

    public struct ModuleProgress: Codable, Sendable, Equatable {
        public var slug: String
        public var status: Status
        public var firstVisitedAt: String?
        public var completedAt: String?
        public var score: Double?
        public var passed: Bool?
        public var attempts: Int?
        /// Question id → response in the xAPI response-pattern form.
        public var answers: [String: String]
        /// Question id → the first response the learner gave, for the item analysis. Not a
        /// claim: nothing is graded from it. Absent in records made before it was recorded.
        public var firstAnswers: [String: String]?
        /// An exam's submitted attempts, in order; absent for a practice module.
        public var examAttempts: [ExamAttemptEntry]?
    }

    /// One submitted attempt at an exam module.
    public struct ExamAttemptEntry: Codable, Sendable, Equatable {
        /// The ids of the questions drawn for the attempt.
        public var drawn: [String]
        /// Question id → response, for the drawn questions answered.
        public var answers: [String: String]
        /// The attempt's score as the browser graded it: a claim, regraded.
        public var score: Double?
        public var submittedAt: String?

        public init(drawn: [String], answers: [String: String], score: Double?, submittedAt: String?) {
            self.drawn = drawn
            self.answers = answers
            self.score = score
            self.submittedAt = submittedAt
        }

        /// The attempt as grading sees it.
        public var attempt: ExamAttempt { ExamAttempt(drawn: drawn, answers: answers) }
    }

    public struct ScenarioProgress: Codable, Sendable, Equatable {
        public var id: String
        /// The steps visited, from the start to the ending.
        public var path: [String]
        /// The reply taken at each step, from 1 as written in the source; nil in records made
        /// before replies were recorded, whose score is then checked against the path alone.
        public var replies: [Int]?
        public var score: Double?
        public var ending: String?
    }

    public var format: String
    public var formatVersion: Int
    public var course: CourseRef
    public var learner: Learner
    public var exportedAt: String
    public var modules: [ModuleProgress]
    public var scenarios: [ScenarioProgress]
    public var completed: Bool
    public var completedAt: String?
    public var verificationCode: String?
    /// The number that orders the options this learner is shown; not a claim, so not checked.
    public var seed: Int?
    /// The same facts as xAPI 1.0.3 statements; kept as they came, for an LRS.
    public var statements: [JSONValue]?
}

/// Any JSON value, kept as it was read.
public enum JSONValue: Codable, Sendable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
