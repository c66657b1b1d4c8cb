import CourseKit
import Foundation

extension ItemAnalysis {
    /// A self-contained page (no scripts, no outside files) that reads well offline and prints:
    /// every question with its figures, its flags and a bar per option.
    func html(generatedAt: Date) -> String {
        let modules = items.reduce(into: [(slug: String, title: String, items: [Item])]()) { groups, item in
            if groups.last?.slug == item.module { groups[groups.count - 1].items.append(item) }
            else { groups.append((item.module, item.moduleTitle, [item])) }
        }
        let flagged = items.filter { !$0.flags.isEmpty }.count
        let body = modules.map { module in
            "<section>\n<h2>\(e(module.title))</h2>\n" + module.items.map(section).joined(separator: "\n") + "\n</section>"
        }.joined(separator: "\n")
        let style = """
        article { border-top: 1px solid #d5dae1; padding: 1rem 0; }
        h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
        .id { color: #4a5563; font-weight: normal; font-size: .9rem; }
        dl { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: .5rem 0; }
        dt { font-weight: 600; } dd { margin: 0 0 0 .35rem; }
        dl div { display: flex; }
        .flags { color: #7a3b00; background: #fff4e5; border-left: 4px solid #b35c00; padding: .4rem .8rem; margin: .5rem 0; }
        .flags ul { margin: 0; padding-left: 1.2rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e4e8ee; vertical-align: top; }
        thead th { background: #eef1f5; }
        .bar { width: 30%; }
        .bar span { display: block; height: .8rem; background: #2f6f8f; border-radius: 2px; }
        .right { font-weight: 600; }
        """
        return ReportPage.html(title: "Item analysis", maxWidth: "60rem", style: style, body: """
        <h1>Item analysis</h1>
        <p>\(learners) \(learners == 1 ? "learner's" : "learners'") current records; \(items.count) questions, \(flagged) flagged. \
        Generated \(e(Timestamp.format(generatedAt))).</p>
        <p>\(e(method))</p>
        \(editionWarning.map { "<p class=\"flags\">\(e($0))</p>" } ?? "")
        \(body)
        """)
    }

    private func section(_ item: Item) -> String {
        let figures = [("Learners", String(item.learners)), ("Facility", item.facility.map(percent) ?? "—"),
                       ("Discrimination", ItemAnalysis.figure(item.discrimination).isEmpty ? "—" : ItemAnalysis.figure(item.discrimination)),
                       ("Different responses", String(item.distinctResponses))]
        let list = figures.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }.joined()
        let flags = item.flags.isEmpty ? "" : "<div class=\"flags\"><ul>" + item.flags.map { "<li>\(e($0))</li>" }.joined() + "</ul></div>"
        let note = item.latestInsteadOfFirst > 0
            ? "<p>For \(item.latestInsteadOfFirst) of these learners the record gives no first answer; their latest counts.</p>" : ""
        return """
        <article>
        <h3>\(e(item.prompt)) <span class="id">(\(e(item.id)), \(e(item.kind)))</span></h3>
        <dl>\(list)</dl>
        \(flags)\(note)\(options(item))
        </article>
        """
    }

    private func options(_ item: Item) -> String {
        guard !item.options.isEmpty else { return "" }
        let rows = item.options.map { option in
            let share = item.learners == 0 ? 0 : Double(option.chosen) / Double(item.learners)
            let number = Int(option.id) == nil ? "" : "\(option.id). "
            let text = number + e(option.text) + (option.correct ? " (right)" : "")
            return "<tr><td\(option.correct ? " class=\"right\"" : "")>\(text)</td><td>\(option.chosen)</td>"
                + "<td class=\"bar\" aria-hidden=\"true\"><span style=\"width: \(String(format: "%.1f", share * 100))%\"></span></td></tr>"
        }.joined(separator: "\n")
        return """
        <table>
        <thead><tr><th scope="col">Option</th><th scope="col">Chosen by</th><th scope="col"><span class="id">Share</span></th></tr></thead>
        <tbody>
        \(rows)
        </tbody>
        </table>
        """
    }

    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }

    private func e(_ text: String) -> String { HTML.escape(text) }
}
