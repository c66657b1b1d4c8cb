import CourseKit
import Foundation

/// Why a file is not a progress record we can read, in one line.
public struct RecordProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

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
        guard let attributes else { throw RecordProblem("cannot read the file: no such file") }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { throw RecordProblem("not a regular file") }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= Self.maximumBytes else {
            throw RecordProblem(String(format: "too large for a progress record (%.1f MB; the limit is %d MB)",
                                       Double(size) / 1_048_576, Self.maximumBytes / 1_048_576))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { throw RecordProblem("cannot read the file") }
        return data
    }

    /// Decodes a record, naming the first thing wrong with it.
    public func decode(_ bytes: Data) throws(RecordProblem) -> ProgressRecord {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: bytes) } catch {
            throw RecordProblem("not valid JSON\(Self.place(of: error, in: bytes))")
        }
        guard let document = object as? [String: Any] else { throw RecordProblem("not a progress record: the JSON is not an object") }
        guard document["format"] as? String == ProgressRecord.format else {
            let found = (document["format"] as? String).map { "'\($0)'" } ?? "missing"
            throw RecordProblem("not a Meridian progress record (format is \(found), expected '\(ProgressRecord.format)')")
        }
        guard let version = document["formatVersion"] as? Int else { throw RecordProblem("formatVersion is missing or not a whole number") }
        guard version <= ProgressRecord.formatVersion else {
            throw RecordProblem("made with a newer record format (version \(version)); this meridian reads version \(ProgressRecord.formatVersion) — update meridian")
        }
        do {
            return try Self.checkingKeys(JSONDecoder().decode(ProgressRecord.self, from: bytes))
        } catch let problem as RecordProblem {
            throw problem
        } catch let error as DecodingError {
            throw RecordProblem(Self.describe(error))
        } catch {
            throw RecordProblem("not a progress record: \(error.localizedDescription)")
        }
    }

    /// The record, once every answer is keyed by a question id. Other keys could not be
    /// compared alike everywhere: Swift takes two spellings of "é" for one key, a browser for two.
    static func checkingKeys(_ record: ProgressRecord) throws(RecordProblem) -> ProgressRecord {
        for (index, module) in record.modules.enumerated() {
            let attempts = (module.examAttempts ?? []).enumerated().map { ("examAttempts[\($0.offset)].answers", $0.element.answers) }
            for (field, answers) in [("answers", module.answers), ("firstAnswers", module.firstAnswers ?? [:])] + attempts {
                if let key = answers.keys.sorted().first(where: { !RecordFormat.isQuestionID($0) }) {
                    throw RecordProblem("modules[\(index)].\(field): '\(key)' is not a question id (a-z, 0-9 and -)")
                }
            }
        }
        return record
    }

    /// `modules[2].score: expected a number`, from a decoding error.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return "\(parent.isEmpty ? "" : parent + ": ")missing '\(key.stringValue)'"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(name(of: type))"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "not a progress record"
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a text"
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }

    /// ` (line 3: invalid value around character 41)`: Foundation's reason, with the line where it can tell.
    private static func place(of error: any Error, in bytes: Data) -> String {
        guard var reason = (error as NSError).userInfo["NSDebugDescription"] as? String, !reason.isEmpty else { return "" }
        if reason.hasSuffix(".") { reason.removeLast() }
        reason = reason.prefix(1).lowercased() + reason.dropFirst()
        if let range = reason.range(of: #"character (\d+)"#, options: .regularExpression),
           let index = Int(reason[range].dropFirst("character ".count)) {
            let line = bytes.prefix(index).filter { $0 == UInt8(ascii: "\n") }.count + 1
            return " (line \(line): \(reason))"
        }
        return " (\(reason))"
    }
}
