import Foundation

/// Watches folders and everything under them with Linux's inotify, and hands back the files
/// that changed one save at a time. The only file that talks to inotify.
///
/// Every folder gets a watch, and so does every folder that appears later. Editors save by
/// writing a temporary file and renaming it over the old one, so one save is several events:
/// `nextChange` waits until the folders have been quiet for a moment, then reports the files
/// that exist and changed, or existed and are gone. A file that came and went in between (an
/// editor's probe) is not reported; nor are hidden files and `~` backups, as they are not content.
///
/// Not Sendable: the preview session owns it and uses it only on its own queue.
final class FolderWatcher {
    /// Why the folders cannot be watched, or can no longer be: the caller looks at them instead.
    struct Failure: Error, CustomStringConvertible, Sendable {
        var description: String
    }

    /// What changed.
    enum Change: Equatable, Sendable {
        /// These files (absolute paths, sorted) were written, added or removed.
        case files([String])
        /// Events were lost (the kernel's queue overflowed): anything may have changed.
        case everything
    }

    /// Whether a name is content at all: hidden files and folders, `~` backups and Emacs's
    /// `#name#` autosaves are not.
    static func isContent(_ name: String) -> Bool {
        !name.hasPrefix(".") && !name.hasSuffix("~") && !(name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#"))
    }

    /// What is directly in `folder` and is content, each with its `stat`; nothing when the
    /// folder cannot be read (it may be gone already).
    static func contentEntries(of folder: String) -> [(path: String, info: stat)] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var entries: [(path: String, info: stat)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard isContent(name) else { continue }
            let path = folder + "/" + name
            var info = stat()
            if stat(path, &info) == 0 { entries.append((path, info)) }
        }
        return entries
    }

    #if canImport(Glibc)
    private let descriptor: Int32
    private let roots: [String]
    /// Watch descriptor → the folder it watches.
    private var folders: [Int32: String] = [:]
    /// Every file under the roots as last seen, to tell a removed file from a passing one.
    private var known: Set<String> = []

    private static let events = UInt32(bitPattern: IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// Starts watching `roots` (absolute folder paths) and every folder under them.
    init(roots: [String]) throws(Failure) {
        self.roots = roots
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw Failure(description: "inotify is not available: \(Self.lastError())") }
        // A throw from here on runs deinit, which closes the descriptor.
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                throw Failure(description: "\(root) is not a folder")
            }
            try watch(root)
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Blocks until files changed and the folders then stayed quiet for `settle`, and says
    /// what changed; nil once `stopped()` returns true (looked at four times a second).
    func nextChange(settle: Duration, stopped: () -> Bool) throws(Failure) -> Change? {
        let quiet = Int32((settle / .milliseconds(1)).rounded())
        while !stopped() {
            guard try isReadable(waiting: 250) else { continue }
            var touched = Set<String>()
            var overflowed = try readEvents(into: &touched)
            // A steady stream of events still ends after a second, so the site does not fall behind.
            let deadline = ContinuousClock.now + .seconds(1)
            while try isReadable(waiting: quiet), ContinuousClock.now < deadline {
                overflowed = try readEvents(into: &touched) || overflowed
            }
            if overflowed {
                try rescan()
                return .everything
            }
            let changed = settled(touched)
            if !changed.isEmpty { return .files(changed) }
        }
        return nil
    }

    /// Adds a watch for `folder` and every folder under it, and returns the files found: for
    /// a folder that just appeared, they may have been written before its watch existed.
    @discardableResult
    private func watch(_ folder: String) throws(Failure) -> [String] {
        let id = inotify_add_watch(descriptor, folder, Self.events)
        guard id >= 0 else {
            // A folder already gone again is no longer anything to watch.
            if errno == ENOENT || errno == ENOTDIR { return [] }
            let limit = errno == ENOSPC ? " (the limit of inotify watches, fs.inotify.max_user_watches, is reached)" : ""
            throw Failure(description: "cannot watch \(folder): \(Self.lastError())\(limit)")
        }
        folders[id] = folder
        var found: [String] = []
        for (path, info) in Self.contentEntries(of: folder) {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                found += try watch(path)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                known.insert(path)
                found.append(path)
            }
        }
        return found
    }

    /// Reads the events waiting, adding the paths they name to `touched`; true when the
    /// kernel's queue overflowed and events were lost.
    private func readEvents(into touched: inout Set<String>) throws(Failure) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = read(descriptor, &buffer, buffer.count)
        guard count > 0 else {
            if count < 0, errno == EINTR || errno == EAGAIN { return false }
            throw Failure(description: "cannot read inotify events: \(Self.lastError())")
        }
        let header = MemoryLayout<inotify_event>.size
        var overflowed = false
        var offset = 0
        while offset + header <= count {
            let (id, mask, length) = buffer.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let name = String(decoding: buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }, as: UTF8.self)
            offset += header + length
            if mask & UInt32(bitPattern: IN_Q_OVERFLOW) != 0 { overflowed = true; continue }
            try handle(id, mask: mask, name: name, touched: &touched)
        }
        return overflowed
    }

    /// One event: a file's path goes into `touched`; a folder that appeared is watched, one
    /// that went away is forgotten, and the files in either count as touched.
    private func handle(_ id: Int32, mask: UInt32, name: String, touched: inout Set<String>) throws(Failure) {
        func has(_ flag: Int32) -> Bool { mask & UInt32(bitPattern: flag) != 0 }
        guard let folder = folders[id] else { return }
        if has(IN_DELETE_SELF) || has(IN_MOVE_SELF) || has(IN_IGNORED) {
            if roots.contains(folder) { throw Failure(description: "\(folder) was removed or moved") }
            if has(IN_IGNORED) { folders[id] = nil }
            return
        }
        guard !name.isEmpty, Self.isContent(name) else { return }
        let path = folder + "/" + name
        guard has(IN_ISDIR) else {
            touched.insert(path)
            return
        }
        if has(IN_DELETE) || has(IN_MOVED_FROM) {
            forget(folder: path, touched: &touched)
        }
        if has(IN_CREATE) || has(IN_MOVED_TO) {
            touched.formUnion(try watch(path))
        }
    }

    /// Stops watching a folder that was removed or moved away, and counts its files as touched.
    private func forget(folder: String, touched: inout Set<String>) {
        let prefix = folder + "/"
        for (id, path) in folders where path == folder || path.hasPrefix(prefix) {
            inotify_rm_watch(descriptor, id)
            folders[id] = nil
        }
        touched.formUnion(known.filter { $0.hasPrefix(prefix) })
    }

    /// After lost events: every folder watched again and every file looked at anew.
    private func rescan() throws(Failure) {
        known = []
        for root in roots { try watch(root) }
    }

    /// The touched paths that are files now (written or added) or were files before (removed).
    private func settled(_ touched: Set<String>) -> [String] {
        touched.filter { path in
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                known.insert(path)
                return true
            }
            return known.remove(path) != nil
        }.sorted()
    }

    /// Waits up to `milliseconds` for events; true when some are waiting.
    private func isReadable(waiting milliseconds: Int32) throws(Failure) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&request, 1, milliseconds)
        if ready < 0 {
            if errno == EINTR { return false }
            throw Failure(description: "cannot wait for inotify events: \(Self.lastError())")
        }
        return ready > 0
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
    #else
    init(roots: [String]) throws(Failure) {
        throw Failure(description: "inotify is Linux's, and this is not Linux")
    }

    func nextChange(settle: Duration, stopped: () -> Bool) throws(Failure) -> Change? { nil }
    #endif
}
