import CourseKit
import Foundation

extension Report {
    /// A self-contained page (no scripts, no outside files) that reads well offline and prints,
    /// worded from `texts`.
    func html(texts: TextCatalogue) -> String {
        let total = learners.count
        let percent = total == 0 ? 0 : Int((Double(completedCount) / Double(total) * 100).rounded())
        let bars = moduleCompletion.map { module in
            let share = total == 0 ? 0 : Double(module.completed) / Double(total)
            return """
            <tr><th scope="row">\(escape(module.title))</th>\
            <td>\(escape(texts.text("report.moduleCount", ["completed": String(module.completed), "total": String(total)])))</td>\
            <td class="bar" aria-hidden="true"><span style="width: \(String(format: "%.1f", share * 100))%"></span></td></tr>
            """
        }.joined(separator: "\n")
        let rows = learners.flatMap { learner in
            learner.modules.map { module in
                let cells = [learner.name, learner.employeeId, module.title, label(module.status, texts),
                             module.score.map { texts.text("report.percent", ["percent": String(Int(($0 * 100).rounded()))]) } ?? "—",
                             module.passed.map { texts.text($0 ? "report.yes" : "report.no") } ?? "—", module.completedAt ?? "—"]
                return "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>"
            }
        }.joined(separator: "\n")
        let style = """
        table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #d5dae1; vertical-align: top; }
        thead th { background: #eef1f5; }
        .bar { width: 40%; }
        .bar span { display: block; height: .9rem; background: #2f6f8f; border-radius: 2px; }
        .summary { font-size: 1.15rem; }
        """
        let summary = texts.text("report.summary", ["completed": String(completedCount), "total": String(total), "percent": String(percent)])
        let title = escape(texts.text("report.title"))
        return ReportPage.html(title: title, language: texts.language, maxWidth: "70rem", style: style, body: """
        <h1>\(title)</h1>
        <p class="summary">\(escape(summary))</p>
        <p>\(HTML.escapeText(texts.text("report.generated", ["time": Timestamp.format(generatedAt)])))</p>
        <h2>\(escape(texts.text("report.modules.heading")))</h2>
        <table>
        <thead><tr>\(headers(["report.modules.module", "report.modules.learners", "report.modules.share"], texts))</tr></thead>
        <tbody>
        \(bars)
        </tbody>
        </table>
        <h2>\(escape(texts.text("report.learners.heading")))</h2>
        <table>
        <thead><tr>\(headers(Self.learnerColumns, texts))</tr></thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        """)
    }

    private static let learnerColumns = ["report.learners.learner", "report.learners.employeeId", "report.learners.module",
                                         "report.learners.status", "report.learners.score", "report.learners.passed",
                                         "report.learners.completed"]

    private func headers(_ keys: [String], _ texts: TextCatalogue) -> String {
        keys.map { "<th scope=\"col\">\(escape(texts.text($0)))</th>" }.joined()
    }

    private func label(_ status: String, _ texts: TextCatalogue) -> String {
        (ModuleStatus(rawValue: status) ?? .notStarted).label(in: texts)
    }

    private func escape(_ text: String) -> String { HTML.escape(text) }
}
