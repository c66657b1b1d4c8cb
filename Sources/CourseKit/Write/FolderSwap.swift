import Foundation

/// Puts a staged folder in the place of another in one step, so that a build killed at any
/// moment leaves either the old folder or the new one, and clears what killed builds left.
enum FolderSwap {
    /// Makes `staged` the folder at `target`. When `target` exists, the two trade places in one
    /// atomic rename (the old folder is then at `staged`, for the caller to delete).
    static func swap(_ staged: String, into target: String) throws {
        guard FileManager.default.fileExists(atPath: target) else {
            guard rename(staged, target) == 0 else { throw error(errno, staged) }
            return
        }
        guard let exchange else { return try swapInTwoSteps(staged, into: target) }
        guard exchange(AT_FDCWD, staged, AT_FDCWD, target, renameExchange) == 0 else {
            // A file system without the exchange: fall back, as on a kernel without it.
            if errno == EINVAL || errno == ENOSYS { return try swapInTwoSteps(staged, into: target) }
            throw error(errno, target)
        }
    }

    /// Two renames: the old folder aside, the new one in. A kill between them leaves no folder
    /// at `target`; `recover` puts the old one back.
    private static func swapInTwoSteps(_ staged: String, into target: String) throws {
        let aside = staged + ".old"
        guard rename(target, aside) == 0 else { throw error(errno, target) }
        guard rename(staged, target) == 0 else {
            let code = errno
            _ = rename(aside, target)
            throw error(code, target)
        }
        _ = rename(aside, staged)
    }

    /// Deletes the folders that builds no longer running left beside `target` (named
    /// `.<name>.building-<process id>`, or `.<name>.old-<process id>` by earlier versions), and
    /// puts back an old folder that a build killed mid-swap left aside.
    static func clearLeftovers(beside target: URL) {
        let folder = target.deletingLastPathComponent()
        let prefixes = [".\(target.lastPathComponent).building-", ".\(target.lastPathComponent).old-"]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names {
            guard let prefix = prefixes.first(where: name.hasPrefix),
                  let process = Int32(name.dropFirst(prefix.count).prefix { $0.isNumber }),
                  !isRunning(process) else { continue }
            let path = folder.appendingPathComponent(name).path
            let isOldSite = name.hasSuffix(".old") || prefix == prefixes[1]
            if isOldSite, !FileManager.default.fileExists(atPath: target.path) {
                _ = rename(path, target.path)
            } else {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }

    private static func isRunning(_ process: Int32) -> Bool {
        kill(process, 0) == 0 || errno == EPERM
    }

    private static func error(_ code: Int32, _ path: String) -> Error {
        NSError(domain: NSPOSIXErrorDomain, code: Int(code),
                userInfo: [NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(code)))"])
    }

    /// Linux's renameat2 with RENAME_EXCHANGE, looked up at run time: the C library declares it
    /// only for GNU sources, which Swift does not import.
    private static let renameExchange: UInt32 = 2
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let exchange: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
}
