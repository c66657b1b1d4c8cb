import CourseKit
import Foundation

/// Reads a progress-record file: bounded in size, JSON, the right format and version.
public struct RecordReader: Sendable {
    /// No honest record comes near this; a larger file is refused before it is read.
    public static let maximumBytes = RecordFormat.maximumBytes

    public init() {}

    /// The record in `file` and the file's bytes (whose digest identifies an import).
    public func read(_ file: URL) throws(RecordProblem) -> (record: ProgressRecord, bytes: Data) {
        let bytes = try contents(of: file)
        return (try decode(bytes), bytes)
    }

    func contents(of file: URL) throws(RecordProblem) -> Data {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        guard let attributes else { throw .noSuchFile }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { throw .notARegularFile }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= Self.maximumBytes else {
            throw .tooLarge(bytes: size, limit: Self.maximumBytes)
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { throw .unreadable }
        return data
    }

    /// Decodes a record, naming the first thing wrong with it.
    public func decode(_ bytes: Data) throws(RecordProblem) -> ProgressRecord {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: bytes) } catch {
            let place = Self.place(of: error, in: bytes)
            throw .notJSON(reason: place?.reason, line: place?.line)
        }
        guard let document = object as? [String: Any] else { throw .notAnObject }
        guard document["format"] as? String == ProgressRecord.format else {
            throw .otherFormat(found: document["format"] as? String)
        }
        guard let version = document["formatVersion"] as? Int else { throw .noFormatVersion }
        guard version <= ProgressRecord.formatVersion else {
            throw .newerFormat(version: version)
        }
        do {
            return try Self.checkingKeys(JSONDecoder().decode(ProgressRecord.self, from: bytes))
        } catch let problem as RecordProblem {
            throw problem
        } catch let error as DecodingError {
            throw Self.describe(error)
        } catch {
            throw .notARecord(error.localizedDescription)
        }
    }

    /// The record, once every answer is keyed by a question id. Other keys could not be
    /// compared alike everywhere: Swift takes two spellings of "é" for one key, a browser for two.
    static func checkingKeys(_ record: ProgressRecord) throws(RecordProblem) -> ProgressRecord {
        for (index, module) in record.modules.enumerated() {
            let attempts = (module.examAttempts ?? []).enumerated().map { ("examAttempts[\($0.offset)].answers", $0.element.answers) }
            for (field, answers) in [("answers", module.answers), ("firstAnswers", module.firstAnswers ?? [:])] + attempts {
                if let key = answers.keys.sorted().first(where: { !RecordFormat.isQuestionID($0) }) {
                    throw .notAQuestionID(key, field: "modules[\(index)].\(field)")
                }
            }
        }
        return record
    }

    /// `modules[2].score: expected a number`, from a decoding error.
    static func describe(_ error: DecodingError) -> RecordProblem {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .missingField(key.stringValue, in: path(context.codingPath))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return .wrongType(at: path(context.codingPath), expected: kind(of: type))
        case .dataCorrupted(let context):
            return .corrupted(at: path(context.codingPath), detail: context.debugDescription)
        @unknown default:
            return .notARecord(nil)
        }
    }

    private static func kind(of type: Any.Type) -> RecordProblem.ValueKind {
        switch type {
        case is String.Type: .text
        case is Double.Type, is Int.Type: .number
        case is Bool.Type: .trueOrFalse
        case is [Any].Type: .list
        default: .object
        }
    }

    /// Foundation's reason (`invalid value around character 41`), with the line where it can tell.
    private static func place(of error: any Error, in bytes: Data) -> (reason: String, line: Int?)? {
        guard var reason = (error as NSError).userInfo["NSDebugDescription"] as? String, !reason.isEmpty else { return nil }
        if reason.hasSuffix(".") { reason.removeLast() }
        reason = reason.prefix(1).lowercased() + reason.dropFirst()
        if let range = reason.range(of: #"character (\d+)"#, options: .regularExpression),
           let index = Int(reason[range].dropFirst("character ".count)) {
            let line = bytes.prefix(index).filter { $0 == UInt8(ascii: "\n") }.count + 1
            return (reason, line)
        }
        return (reason, nil)
    }
}
