import Crypto
import Foundation

/// The short code printed on a certificate, derived from what the record says the learner
/// did. It is a checksum, not a signature: a static site holds no secret, so the code shows
/// that a certificate and a record belong together, and `records verify` regrades the rest.
///
/// The canonical text (README, "The progress-record format") is built the same way by the
/// site's `assets/record.js`; the golden table in `Tests/Fixtures/grading/` pins both.
public enum VerificationCode {
    /// The canonical text the code is computed over, one fact a line, lists sorted by Unicode
    /// code point.
    public static func canonicalText(of record: ProgressRecord) -> String {
        var lines = ["\(ProgressRecord.format) \(ProgressRecord.formatVersion)",
                     record.course.id, record.course.version, record.course.contentHash,
                     record.learner.name, record.learner.employeeId,
                     record.completed ? "true" : "false", record.completedAt ?? ""]
        for module in record.modules.sorted(by: { precedes($0.slug, $1.slug) }) {
            lines.append("module\t\(module.slug)\t\(module.status.rawValue)")
            for (question, response) in module.answers.sorted(by: { precedes($0.key, $1.key) }) {
                lines.append("answer\t\(question)\t\(response)")
            }
            for (index, attempt) in (module.examAttempts ?? []).enumerated() {
                lines.append("attempt\t\(index + 1)\t\(attempt.drawn.joined(separator: ","))\t\(attempt.submittedAt ?? "")")
                for (question, response) in attempt.answers.sorted(by: { precedes($0.key, $1.key) }) {
                    lines.append("attempt-answer\t\(index + 1)\t\(question)\t\(response)")
                }
            }
        }
        for scenario in record.scenarios.sorted(by: { precedes($0.id, $1.id) }) {
            var line = "scenario\t\(scenario.id)\t\(scenario.path.joined(separator: ">"))"
            if let replies = scenario.replies, !replies.isEmpty { line += "\t" + replies.map(String.init).joined(separator: ",") }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// `XXXX-XXXX-XXXX`: the first 48 bits of the SHA-256 of the canonical text, in upper-case hex.
    public static func code(for record: ProgressRecord) -> String {
        let digest = SHA256.hash(data: Data(canonicalText(of: record).utf8))
        let hex = digest.prefix(6).map { String(format: "%02X", $0) }.joined()
        return stride(from: 0, to: hex.count, by: 4).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }.joined(separator: "-")
    }

    /// Code-point order: Swift's `<` on strings compares canonically equivalent text as equal
    /// and JavaScript's compares UTF-16 units; both differ from this on some text.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }
}
