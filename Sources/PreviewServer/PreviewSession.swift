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
    private var lastSnapshot: [String: FileStamp] = [:]
    let log: @Sendable (String) -> Void

    struct FileStamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
    }

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

    // MARK: Watching

    /// Every file under the content and template folders with its modification time and
    /// size. Plain `readdir` and `stat`: a ten-thousand-module course is looked at four times a
    /// second.
    func snapshot() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for folder in [options.content, options.templates] { Self.walk(folder.path, into: &stamps) }
        return stamps
    }

    private static func walk(_ folder: String, into stamps: inout [String: FileStamp]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            // Editors' swap and backup files are not content; nor are `.` and `..`.
            guard FolderWatcher.isContent(name) else { continue }
            let path = folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &stamps)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                stamps[path] = FileStamp(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec), size: Int(info.st_size))
            }
        }
    }

    func rememberFiles() {
        let now = snapshot()
        lock.withLock { lastSnapshot = now }
    }

    /// The files added, removed or changed since the last look.
    func changedFiles() -> [String] {
        let now = snapshot()
        return lock.withLock {
            let changed = Set(now.keys).union(lastSnapshot.keys).filter { now[$0] != lastSnapshot[$0] }
            lastSnapshot = now
            return changed.sorted()
        }
    }

    /// Starts watching the content and templates with inotify, before the first build so that
    /// no save is missed; when inotify cannot be used, says so and remembers the files for polling.
    func startWatching(withInotify: Bool, pollInterval: Duration) -> FolderWatcher? {
        if withInotify {
            do {
                return try FolderWatcher(roots: [options.content.path, options.templates.path])
            } catch {
                log("Cannot watch with inotify (\(error)); looking for changes every \(Self.describe(pollInterval)) instead")
            }
        }
        rememberFiles()
        return nil
    }

    /// Rebuilds after every change `watcher` reports (or, without one, that polling finds every
    /// `interval`) until cancelled. If the watcher fails on the way, polling takes over.
    func watch(with watcher: FolderWatcher?, pollInterval interval: Duration) async {
        if let watcher {
            guard let failure = await watchUntilCancelled(watcher) else { return }
            log("Stopped watching with inotify (\(failure)); looking for changes every \(Self.describe(interval)) instead")
            rememberFiles()
            await onOwnThread { self.apply(nil) }
        }
        await poll(every: interval)
    }

    /// Waits for the watcher's changes on a thread of its own; nil when cancelled.
    private func watchUntilCancelled(_ watcher: FolderWatcher) async -> FolderWatcher.Failure? {
        let stop = StopFlag()
        return await withTaskCancellationHandler {
            await onOwnThread { () -> FolderWatcher.Failure? in
                do throws(FolderWatcher.Failure) {
                    while let change = try watcher.nextChange(settle: Self.settleTime, stopped: { stop.isSet }) {
                        switch change {
                        case .files(let paths): self.apply(paths)
                        case .everything: self.apply(nil)
                        }
                    }
                    return nil
                } catch {
                    return error
                }
            }
        } onCancel: {
            stop.set()
        }
    }

    /// How long the folders must be quiet after an event before the rebuild: one save by an
    /// editor (a temporary file written, then renamed over the old one) is several events.
    static let settleTime = Duration.milliseconds(20)

    /// Polls the folders every `interval` and rebuilds when a file changed, until cancelled.
    private func poll(every interval: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let changed = await onOwnThread { self.changedFiles() }
            guard !changed.isEmpty else { continue }
            await onOwnThread { self.apply(changed) }
        }
    }

    /// Rebuilds after a change to these files (nil: anything may have changed).
    func apply(_ changed: [String]?) {
        let reason: String
        if let changed {
            let names = changed.prefix(3).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
            reason = changed.count > 3 ? "\(names) and \(changed.count - 3) more changed" : "\(names) changed"
        } else {
            reason = "Files changed"
        }
        // After a failed build the site in memory may be behind: build it all.
        let hadProblems = !state.problems.isEmpty
        rebuild(reason: reason, changed: hadProblems ? nil : changed)
    }

    private static func describe(_ interval: Duration) -> String {
        "\(Int((interval / .milliseconds(1)).rounded())) ms"
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

/// Set once, from any thread, to tell a waiting thread to stop.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
