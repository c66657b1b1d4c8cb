import CourseKit
import Foundation

extension Report {
    /// A self-contained page (no scripts, no outside files) that reads well offline and prints.
    func html() -> String {
        let total = learners.count
        let percent = total == 0 ? 0 : Int((Double(completedCount) / Double(total) * 100).rounded())
        let bars = moduleCompletion.map { module in
            let share = total == 0 ? 0 : Double(module.completed) / Double(total)
            return """
            <tr><th scope="row">\(escape(module.title))</th><td>\(module.completed) of \(total)</td>\
            <td class="bar" aria-hidden="true"><span style="width: \(String(format: "%.1f", share * 100))%"></span></td></tr>
            """
        }.joined(separator: "\n")
        let rows = learners.flatMap { learner in
            learner.modules.map { module in
                let cells = [learner.name, learner.employeeId, module.title, label(module.status),
                             module.score.map { "\(Int(($0 * 100).rounded()))%" } ?? "—",
                             module.passed.map { $0 ? "yes" : "no" } ?? "—", module.completedAt ?? "—"]
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
        return ReportPage.html(title: "Completion report", maxWidth: "70rem", style: style, body: """
        <h1>Completion report</h1>
        <p class="summary">\(completedCount) of \(total) learners completed the course (\(percent)%).</p>
        <p>Generated \(escape(Timestamp.format(generatedAt))) from each learner's latest imported record.</p>
        <h2>Modules completed</h2>
        <table>
        <thead><tr><th scope="col">Module</th><th scope="col">Learners</th><th scope="col">Share</th></tr></thead>
        <tbody>
        \(bars)
        </tbody>
        </table>
        <h2>Learners and modules</h2>
        <table>
        <thead><tr><th scope="col">Learner</th><th scope="col">Employee ID</th><th scope="col">Module</th><th scope="col">Status</th><th scope="col">Score</th><th scope="col">Passed</th><th scope="col">Completed</th></tr></thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        """)
    }

    private func label(_ status: String) -> String {
        (ModuleStatus(rawValue: status) ?? .notStarted).label
    }

    private func escape(_ text: String) -> String { HTML.escape(text) }
}
