import CourseKit
import Foundation

/// The HR report over every learner's current record: one row per learner and module, and a
/// course-completion summary.
public struct Report: Sendable {
    public enum Format: String, CaseIterable, Sendable { case csv, html, json }

    public var learners: [LearnerResult]
    public var generatedAt: Date

    public init(learners: [LearnerResult], generatedAt: Date = Date()) {
        self.learners = learners
        self.generatedAt = generatedAt
    }

    public var completedCount: Int { learners.filter(\.completed).count }

    /// Per module, in course order: how many learners completed it.
    public var moduleCompletion: [(title: String, completed: Int)] {
        var order: [String] = []
        var counts: [String: (title: String, completed: Int)] = [:]
        for learner in learners {
            for module in learner.modules {
                if counts[module.slug] == nil { order.append(module.slug); counts[module.slug] = (module.title, 0) }
                if module.status == "completed" { counts[module.slug]!.completed += 1 }
            }
        }
        return order.map { counts[$0]! }
    }

    /// The report in `format`, its headings and labels from `texts`.
    public func render(_ format: Format, texts: TextCatalogue) throws -> String {
        switch format {
        case .csv: csv(texts: texts)
        case .html: html(texts: texts)
        case .json: try json()
        }
    }

    /// The keys of the CSV's column headings, in order.
    static let columns = ["report.csv.learner", "report.csv.employeeId", "report.csv.courseId", "report.csv.courseVersion",
                          "report.csv.module", "report.csv.moduleTitle", "report.csv.status", "report.csv.score",
                          "report.csv.passed", "report.csv.completedAt", "report.csv.courseCompleted", "report.csv.exportedAt"]

    func csv(texts: TextCatalogue) -> String {
        let yes = texts.text("report.yes"), no = texts.text("report.no")
        var lines = [Self.columns.map { CSV.cell(texts.text($0)) }.joined(separator: ",")]
        for learner in learners {
            for module in learner.modules {
                let fields = [learner.name, learner.employeeId, learner.courseId, learner.courseVersion, module.slug, module.title,
                              module.status, module.score.map { String(format: "%.2f", $0) } ?? "",
                              module.passed.map { $0 ? yes : no } ?? "", module.completedAt ?? "",
                              learner.completed ? yes : no, learner.exportedAt]
                lines.append(fields.map(CSV.cell).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    func json() throws -> String {
        struct Document: Encodable {
            var generatedAt: String
            var learners: Int
            var completed: Int
            var results: [LearnerResult]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(generatedAt: Timestamp.format(generatedAt), learners: learners.count,
                                completed: completedCount, results: learners)
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}

/// Spreadsheet-safe CSV cells (RFC 4180 quoting).
enum CSV {
    /// Quotes a cell, and neutralises one a spreadsheet would run as a formula (`=`, `+`, `-`,
    /// `@`, tab or carriage return first) by putting an apostrophe before it.
    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
