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
                throw ScaffoldError(problem: .newFolderIsAFile(displayPath))
            }
            let contents = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard contents.isEmpty else {
                throw ScaffoldError(problem: .newFolderNotEmpty(displayPath, items: contents.count))
            }
        }
        for path in files.keys.sorted() {
            let url = folder.appendingPathComponent(path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try files[path]!.write(to: url)
            } catch {
                throw ScaffoldError(problem: .cannotWrite("\(displayPath)/\(path)", reason: error.localizedDescription))
            }
        }
        return files.keys.sorted()
    }
}

/// Why `new` wrote nothing (or stopped).
public struct ScaffoldError: Error, CustomStringConvertible {
    public var problem: WriteProblem
    /// The one line printed after `error:`, worded by the catalogue.
    public var message: String { problem.message }
    public var description: String { "error: \(message)" }
}
