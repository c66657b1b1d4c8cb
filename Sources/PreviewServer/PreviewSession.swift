import CourseKit
import Foundation

/// `meridian serve`'s session: the site kept in memory (`IncrementalSite`), rebuilt after
/// every change, and what the watcher needs. An actor, so that two updates can never overlap:
/// the first build, every rebuild and the wait for changes run one at a time on the session's
/// own queue (`SessionQueue`). Requests never wait for a build: they read `live`, which keeps
/// the state open pages are told about.
actor PreviewSession {
    nonisolated let options: BuildOptions
    nonisolated let live = LiveReload()
    nonisolated let log: @Sendable (String) -> Void
    private let site: IncrementalSite
    /// What tells the session of changes, once `startWatching` has chosen.
    var source: ChangeSource?
    private nonisolated let queue = SessionQueue()

    nonisolated var unownedExecutor: UnownedSerialExecutor { queue.asUnownedSerialExecutor() }

    init(options: BuildOptions, generator: String, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.site = IncrementalSite(options: options, generator: generator)
        self.log = log
    }

    nonisolated var root: URL { options.output }

    /// Builds the site (all of it, or with `changed` files only what they affect); on
    /// failure keeps the previous site and remembers why.
    @discardableResult
    func rebuild(reason: String, changed: [String]? = nil) -> Bool {
        let started = Date()
        do {
            let summary: String
            if let changed {
                switch try site.update(changed: changed) {
                case .pages(let pages, let warnings, let milliseconds):
                    summary = warnings.map { $0.description + "\n" }.joined()
                        + "rebuilt \(pages.count == 1 ? pages[0] : "\(pages.count) pages") in \(milliseconds) ms"
                case .full(let report):
                    summary = Self.describe(report, since: started)
                }
            } else {
                summary = Self.describe(try site.build(), since: started)
            }
            let generation = live.succeeded()
            log("\(reason): \(summary)")
            live.broadcast(.reload(generation: generation))
            try site.writeSearchIndex()
            return true
        } catch {
            live.failed(error.diagnostics)
            log(error.diagnostics.map(\.description).joined(separator: "\n"))
            log("\(reason): build failed (\(error.errorCount) error\(error.errorCount == 1 ? "" : "s")); still serving the last good site")
            live.broadcast(.problems(error.diagnostics))
            return false
        }
    }

    private static func describe(_ report: BuildReport, since started: Date) -> String {
        let warnings = report.warnings.isEmpty ? "" : report.warnings.map(\.description).joined(separator: "\n") + "\n"
        return warnings + "built \(report.pages) pages in \(Int(Date().timeIntervalSince(started) * 1000)) ms"
    }
}
