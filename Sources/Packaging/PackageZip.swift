import CourseKit
import Foundation
import ZIPFoundation

/// The package's zip, written beside its destination under a temporary name and moved into
/// place only when complete, so a failure never leaves a partial package.
struct PackageZip: Sendable {
    var entries: [String]
    var from: URL

    /// Writes the zip; returns its size in bytes.
    func write(to output: URL, progress: (any BuildProgress)?) throws(PackageFailure) -> Int64 {
        let folder = output.deletingLastPathComponent()
        let partial = folder.appendingPathComponent(".\(output.lastPathComponent).\(UUID().uuidString).partial")
        defer { try? FileManager.default.removeItem(at: partial) }
        do {
            let archive = try Archive(url: partial, accessMode: .create)
            for (index, path) in entries.enumerated() {
                try archive.addEntry(with: path, relativeTo: from, compressionMethod: .deflate)
                progress?.advance(stage: "Packaging", done: index + 1, total: entries.count)
            }
        } catch {
            throw .write(output.path, reason: String(describing: error))
        }
        do {
            if FileManager.default.fileExists(atPath: output.path) {
                _ = try FileManager.default.replaceItemAt(output, withItemAt: partial)
            } else {
                try FileManager.default.moveItem(at: partial, to: output)
            }
            let size = try FileManager.default.attributesOfItem(atPath: output.path)[.size] as? NSNumber
            return size?.int64Value ?? 0
        } catch {
            throw .write(output.path, reason: error.localizedDescription)
        }
    }
}
