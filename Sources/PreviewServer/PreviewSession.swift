import CourseKit
import Foundation

/// The state `meridian serve` shares between the watcher and the requests: the site being
/// served, how many times it was built, the problems of the last build if it failed (the
/// last good site keeps being served), and the open pages waiting to be told to reload.
final class PreviewSession: @unchecked Sendable {
    let options: BuildOptions
    let site: IncrementalSite
    private let lock = NSLock()
    private var generation = 0
    private var problems: [Diagnostic] = []
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    let log: @Sendable (String) -> Void

    init(options: BuildOptions, generator: String, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.site = IncrementalSite(options: options, generator: generator)
        self.log = log
    }

    var root: URL { options.output }

    var state: (generation: Int, problems: [Diagnostic]) {
        lock.withLock { (generation, problems) }
    }

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
            let current = lock.withLock {
                generation += 1
                problems = []
                return generation
            }
            log("\(reason): \(summary)")
            broadcast(event: "reload", data: String(current))
            try site.writeSearchIndex()
            return true
        } catch {
            lock.withLock { problems = error.diagnostics }
            log(error.diagnostics.map(\.description).joined(separator: "\n"))
            log("\(reason): build failed (\(error.errorCount) error\(error.errorCount == 1 ? "" : "s")); still serving the last good site")
            broadcast(event: "problems", data: Self.problemsJSON(error.diagnostics))
            return false
        }
    }

    private static func describe(_ report: BuildReport, since started: Date) -> String {
        let warnings = report.warnings.isEmpty ? "" : report.warnings.map(\.description).joined(separator: "\n") + "\n"
        return warnings + "built \(report.pages) pages in \(Int(Date().timeIntervalSince(started) * 1000)) ms"
    }

    // MARK: Live reload

    /// A stream of server-sent events for one open page, starting with the current state.
    func events() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let current = state
        continuation.yield(Self.event("state", data: "{\"generation\":\(current.generation),\"problems\":\(Self.problemsJSON(current.problems))}"))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.listeners.removeValue(forKey: id) }
        }
        lock.withLock { listeners[id] = continuation }
        return stream
    }

    private func broadcast(event: String, data: String) {
        let message = Self.event(event, data: data)
        let current = lock.withLock { Array(listeners.values) }
        for listener in current { listener.yield(message) }
    }

    static func event(_ name: String, data: String) -> String {
        "event: \(name)\ndata: \(data)\n\n"
    }

    static func problemsJSON(_ diagnostics: [Diagnostic]) -> String {
        "[" + diagnostics.map { JSONText.string($0.description) }.joined(separator: ",") + "]"
    }
}
