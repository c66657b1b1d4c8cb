import CourseKit
import Foundation

extension ItemAnalysis {
    public func render(_ format: Report.Format, generatedAt: Date = Date()) throws -> String {
        switch format {
        case .csv: csv()
        case .html: html(generatedAt: generatedAt)
        case .json: try json(generatedAt: generatedAt)
        }
    }

    /// What the figures mean, in the words the report prints.
    var method: String {
        "Facility is the share of learners who answered the question right, on each learner's \(basis == .first ? "first" : "latest") answer"
            + (basis == .first ? " (as Moodle's quiz statistics do)" : "")
            + ". Discrimination is the correlation between getting the question right and the learner's score on the course's other "
            + "questions (a corrected item–total correlation, from −1 to 1): above 0.25 the question tells stronger and weaker learners apart."
    }

    static let csvColumns = ["module", "question", "kind", "learners", "facility", "discrimination", "options_chosen", "flags"]

    func csv() -> String {
        var lines = [Self.csvColumns.map(CSV.cell).joined(separator: ",")]
        for item in items {
            let options = item.options.map { "\($0.id)\($0.correct ? "*" : "")=\($0.chosen)" }.joined(separator: " ")
            let fields = [item.module, item.id, item.kind, String(item.learners), Self.figure(item.facility),
                          Self.figure(item.discrimination), options, item.flags.joined(separator: "; ")]
            lines.append(fields.map(CSV.cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    func json(generatedAt: Date) throws -> String {
        struct Document: Encodable {
            var generatedAt, basis, method, contentHash: String
            var learners: Int
            var warning: String?
            var items: [Item]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(generatedAt: Timestamp.format(generatedAt), basis: basis.rawValue, method: method,
                                contentHash: contentHash, learners: learners, warning: editionWarning, items: items)
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    static func figure(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? ""
    }
}
