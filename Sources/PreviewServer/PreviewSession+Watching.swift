import Foundation

/// How `serve` learns of changes: inotify, or polling where inotify cannot be used.
enum ChangeSource: Sendable {
    case inotify(FolderWatcher)
    case polling(FolderPoller)
}

extension PreviewSession {
    /// How long the folders must be quiet after an event before the rebuild: one save by an
    /// editor (a temporary file written, then renamed over the old one) is several events.
    static let settleTime = Duration.milliseconds(20)

    private var watchedFolders: [String] { [options.content.path, options.templates.path] }

    /// Starts watching the content and templates, before the first build so that no save is
    /// missed: with inotify, or, when it cannot be used (and saying so), by polling.
    func startWatching(withInotify: Bool, pollInterval: Duration) -> ChangeSource {
        if withInotify {
            do {
                return .inotify(try FolderWatcher(roots: watchedFolders))
            } catch {
                log("Cannot watch with inotify (\(error)); looking for changes every \(Self.describe(pollInterval)) instead")
            }
        }
        return .polling(FolderPoller(roots: watchedFolders))
    }

    /// Rebuilds after every change until cancelled. If inotify fails on the way (a watched
    /// folder removed, the limit of watches reached), polling takes over after a full build.
    func watch(_ source: ChangeSource, pollInterval interval: Duration) async {
        switch source {
        case .polling(let poller):
            await poll(poller, every: interval)
        case .inotify(let watcher):
            guard let failure = await watchUntilCancelled(watcher) else { return }
            log("Stopped watching with inotify (\(failure)); looking for changes every \(Self.describe(interval)) instead")
            let poller = FolderPoller(roots: watchedFolders)
            await onOwnThread { self.apply(nil) }
            await poll(poller, every: interval)
        }
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

    /// Looks for changes every `interval` and rebuilds when a file changed, until cancelled.
    private func poll(_ poller: FolderPoller, every interval: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let changed = await onOwnThread { poller.changedFiles() }
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
}

/// Set once, from any thread, to tell a waiting thread to stop.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
