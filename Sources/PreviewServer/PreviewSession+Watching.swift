import Foundation

/// How `serve` learns of changes: inotify, or polling where inotify cannot be used. Owned by
/// the preview session and used only on its queue.
enum ChangeSource {
    case inotify(FolderWatcher)
    case polling(FolderPoller)

    /// Which of the two, to say.
    enum Kind: Sendable {
        case inotify, polling
    }

    var kind: Kind {
        switch self {
        case .inotify: .inotify
        case .polling: .polling
        }
    }
}

extension PreviewSession {
    /// How long the folders must be quiet after an event before the rebuild: one save by an
    /// editor (a temporary file written, then renamed over the old one) is several events.
    static let settleTime = Duration.milliseconds(20)

    private var watchedFolders: [String] { [options.content.path, options.templates.path] }

    /// Starts watching the content and templates, before the first build so that no save is
    /// missed: with inotify, or, when it cannot be used (and saying so), by polling.
    @discardableResult
    func startWatching(withInotify: Bool, pollInterval: Duration) -> ChangeSource.Kind {
        if withInotify {
            do {
                source = .inotify(try FolderWatcher(roots: watchedFolders))
                return .inotify
            } catch {
                log("Cannot watch with inotify (\(error)); looking for changes every \(Self.describe(pollInterval)) instead")
            }
        }
        source = .polling(FolderPoller(roots: watchedFolders))
        return .polling
    }

    /// Rebuilds after every change until cancelled. If inotify fails on the way (a watched
    /// folder removed, the limit of watches reached), polling takes over after a full build.
    ///
    /// With inotify, this is one long wait on the session's queue, from start to end: the
    /// queue's thread blocks in inotify (looking at cancellation four times a second) and
    /// builds after each change. When polling, the task sleeps between looks and the queue
    /// is free.
    func watch(pollInterval interval: Duration) async {
        switch source {
        case nil:
            return
        case .polling(let poller):
            await poll(poller, every: interval)
        case .inotify(let watcher):
            guard let failure = watchUntilCancelled(watcher) else { return }
            log("Stopped watching with inotify (\(failure)); looking for changes every \(Self.describe(interval)) instead")
            let poller = FolderPoller(roots: watchedFolders)
            source = .polling(poller)
            apply(nil)
            await poll(poller, every: interval)
        }
    }

    /// Waits for the watcher's changes and applies each, until cancelled; the failure that
    /// ended the wait, or nil when cancelled.
    private func watchUntilCancelled(_ watcher: FolderWatcher) -> FolderWatcher.Failure? {
        do throws(FolderWatcher.Failure) {
            while let change = try watcher.nextChange(settle: Self.settleTime, stopped: { Task.isCancelled }) {
                switch change {
                case .files(let paths): apply(paths)
                case .everything: apply(nil)
                }
            }
            return nil
        } catch {
            return error
        }
    }

    /// Looks for changes every `interval` and rebuilds when a file changed, until cancelled.
    private func poll(_ poller: FolderPoller, every interval: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let changed = poller.changedFiles()
            guard !changed.isEmpty else { continue }
            apply(changed)
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
        let hadProblems = !live.state.problems.isEmpty
        rebuild(reason: reason, changed: hadProblems ? nil : changed)
    }

    private static func describe(_ interval: Duration) -> String {
        "\(Int((interval / .milliseconds(1)).rounded())) ms"
    }
}
