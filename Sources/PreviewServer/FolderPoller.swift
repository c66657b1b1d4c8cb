import Foundation

/// Finds the files that changed under some folders by looking at every one of them (`readdir`
/// and `stat`: modification time and size) and comparing with the last look. How `serve`
/// watches where inotify cannot be used; a ten-thousand-module course takes a while to look at.
///
/// Not Sendable: the preview session owns it and uses it only on its own queue.
final class FolderPoller {
    private struct FileStamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
    }

    private let roots: [String]
    private var last: [String: FileStamp]

    /// Looks at the files under `roots` (absolute folder paths) for the first time.
    init(roots: [String]) {
        self.roots = roots
        last = Self.snapshot(of: roots)
    }

    /// The files added, removed or changed since the last look, sorted.
    func changedFiles() -> [String] {
        let now = Self.snapshot(of: roots)
        defer { last = now }
        return Set(now.keys).union(last.keys).filter { now[$0] != last[$0] }.sorted()
    }

    private static func snapshot(of roots: [String]) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for root in roots { walk(root, into: &stamps) }
        return stamps
    }

    private static func walk(_ folder: String, into stamps: inout [String: FileStamp]) {
        for (path, info) in FolderWatcher.contentEntries(of: folder) {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &stamps)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                stamps[path] = FileStamp(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec), size: Int(info.st_size))
            }
        }
    }
}
