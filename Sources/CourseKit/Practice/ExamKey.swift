import Crypto
import Foundation

/// What an exam page grades with instead of the answer: a salted hash of the correct response.
///
/// The page hashes the learner's response the same way and compares; it never holds the
/// answer itself. This keeps the key out of sight, not out of reach — a question has few
/// possible responses, so a learner with developer tools could try them all — which is why a
/// record is believed only after `meridian records verify` regrades it against the real key.
///
/// - salt: the first 16 bytes, in hex, of SHA-256 over `exam-salt`, the question's id and its
///   canonical lines (README, "Exam mode"), so it changes whenever the question does;
/// - hash: SHA-256, in hex, over the salt, a line break and the response in canonical form.
public struct ExamKey: Sendable, Equatable {
    public var salt: String
    public var hash: String

    public init(for question: Question) {
        let text = (["exam-salt", question.id] + question.canonicalLines).joined(separator: "\n")
        salt = Self.hex(SHA256.hash(data: Data(text.utf8)).prefix(16))
        hash = Self.hash(salt: salt, response: question.canonicalResponse(question.correctResponse))
    }

    static func hash(salt: String, response: String) -> String {
        hex(SHA256.hash(data: Data((salt + "\n" + response).utf8)))
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}

extension Question {
    /// A response as the exam key hashes it: for a question whose parts count in any order
    /// (choices, pairs), the parts sorted by Unicode code point; otherwise the response as it is.
    /// Two responses have the same canonical form exactly when they grade the same.
    public func canonicalResponse(_ response: String) -> String {
        guard kind.comparison == .set else { return response }
        return ResponsePattern.parts(of: response)
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value } }
            .joined(separator: ResponsePattern.separator)
    }
}
