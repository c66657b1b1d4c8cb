import Foundation

/// `meridian new DIR`: writes a small working course into an empty or new folder.
public enum Scaffold {
    /// Writes `files` (path relative to `folder` → bytes) into `folder`, which must be empty or
    /// not exist yet. Returns the paths written, sorted.
    @discardableResult
    public static func write(_ files: [String: Data], into folder: URL, displayPath: String) throws(ScaffoldError) -> [String] {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw ScaffoldError(message: "'\(displayPath)' is a file; name a new or empty folder")
            }
            let contents = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard contents.isEmpty else {
                throw ScaffoldError(message: "'\(displayPath)' is not empty (it holds \(contents.count) item\(contents.count == 1 ? "" : "s")); name a new or empty folder so nothing is overwritten")
            }
        }
        for path in files.keys.sorted() {
            let url = folder.appendingPathComponent(path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try files[path]!.write(to: url)
            } catch {
                throw ScaffoldError(message: "cannot write \(displayPath)/\(path): \(error.localizedDescription)")
            }
        }
        return files.keys.sorted()
    }
}

/// Why `new` wrote nothing (or stopped).
public struct ScaffoldError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "error: \(message)" }
}
