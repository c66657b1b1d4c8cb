import CourseKit
import Foundation

/// The wording of every finding of `records verify`, one line each without a final period:
/// a module's findings start "module 'slug': ", an exam attempt's "module 'slug', attempt 2: ",
/// a scenario's "scenario 'id': ".
extension RecordFinding {
    public var message: String {
        switch self {
        case let .otherCourse(record, course): "from another course ('\(record)'; this course is '\(course)')"
        case let .otherVersion(record, course): "made with course version \(record); the course is now version \(course)"
        case let .otherContent(record, course):
            "made with other questions or answers (content hash \(record.prefix(19))…, the course has \(course.prefix(19))…)"
        case .unknownModule(let slug): "module '\(slug)' is not in the course"
        case .unknownScenario(let id): "scenario '\(id)' is not in the course"
        case .courseCompletion(true): "claims the course is completed, but the answers do not complete every module"
        case .courseCompletion(false): "says the course is not completed, but the answers complete every module"
        case .noVerificationCode: "has no verification code"
        case let .wrongVerificationCode(claimed, expected): "verification code \(claimed) does not match the record (expected \(expected))"
        case let .module(slug, finding): "module '\(slug)'" + finding.wording
        case let .scenario(id, finding): "scenario '\(id)': " + finding.wording
        }
    }

    /// "0.50": scores as findings print them.
    static func format(_ score: Double) -> String {
        String(format: "%.2f", score)
    }
}

extension ModuleFinding {
    /// The words after the module's name, from the colon (or the attempt's number) on.
    var wording: String {
        let format = RecordFinding.format
        return switch self {
        case .answerToUnknownQuestion(let id): ": answer to '\(id)', which is not a question of this module"
        case .examAttemptsOutsideExam: ": has exam attempts, but the module is not an exam"
        case let .score(claimed, regraded, right, count):
            ": claims score \(format(claimed)), the answers give \(format(regraded)) (\(right) of \(count) right)"
        case let .passed(claimed, regraded):
            ": claims \(claimed ? "passed" : "failed"), the answers give \(regraded ? "passed" : "failed")"
        case .completedNotPassed: ": marked completed, but its quiz is not passed"
        case let .status(claimed, regraded): ": marked \(claimed.rawValue), the answers give \(regraded.rawValue)"
        case let .tooManyAttempts(count, allowed): ": \(count) exam attempts, but the module allows \(allowed)"
        case let .attemptCount(claimed, history): ": claims \(claimed) attempt\(claimed == 1 ? "" : "s"), the history has \(history)"
        case let .attempt(number, finding): ", attempt \(number): " + finding.wording
        }
    }
}

extension AttemptFinding {
    var wording: String {
        let format = RecordFinding.format
        return switch self {
        case .nothingDrawn: "no questions drawn"
        case let .tooManyDrawn(count, draws): "\(count) questions drawn, but the module draws \(draws)"
        case .drewUnknownQuestion(let id): "drew '\(id)', which is not a question of this module"
        case .drewTwice: "drew a question twice"
        case .answersUndrawn(let id): "answers '\(id)', which was not drawn"
        case let .score(claimed, regraded, right, count):
            "claims score \(format(claimed)), its answers give \(format(regraded)) (\(right) of \(count) right)"
        }
    }
}

extension ScenarioFinding {
    var wording: String {
        let format = RecordFinding.format
        return switch self {
        case .play(.noSuchStep(let step)): "the replies lead to step '\(step)', which the scenario does not have"
        case let .play(.noSuchReply(step, reply, count)):
            "reply \(reply) at step '\(step)' does not exist (the step has \(count == 1 ? "1 reply" : "\(count) replies"))"
        case .play(.afterEnding(let step)): "the replies go on after step '\(step)', which is an ending"
        case .play(.unfinished(let step)): "the replies stop at step '\(step)', which is not an ending"
        case let .pathStartsElsewhere(claimed, start): "the path starts at '\(claimed)', the scenario at '\(start)'"
        case let .pathLeaves(step, claimed, played):
            "the path has \(claimed.map { "'\($0)'" } ?? "nothing") after step '\(step)', the replies lead to \(played.map { "'\($0)'" } ?? "nothing")"
        case let .score(claimed, replies): "claims score \(format(claimed)), the replies give \(format(replies))"
        case let .ending(claimed, replies): "claims ending '\(claimed)', the replies end '\(replies)'"
        case .pathGoesNowhere(let path): "the path \(path.joined(separator: " → ")) does not follow the scenario to an ending"
        case let .scoreOffPath(claimed, lowest, highest):
            "claims score \(format(claimed)), the path gives " + (lowest == highest ? format(lowest) : "\(format(lowest)) to \(format(highest))")
        case let .endingOffPath(claimed, path): "claims ending '\(claimed)', the path ends '\(path ?? "nowhere")'"
        }
    }
}
