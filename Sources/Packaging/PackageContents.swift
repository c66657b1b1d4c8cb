import Foundation

/// The files of a built site as a package lists them: paths from the site's root, sorted, each
/// a valid URL path, within the package's limits; hidden files (the build's marker) left out.
struct PackageContents: Sendable {
    private(set) var paths: [String] = []
    private(set) var bytes: Int64 = 0

    private static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_~")

    init(site: URL, limits: SCORM12Packager.Limits) throws(PackageFailure) {
        let root = site.standardizedFileURL.path + "/"
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey]
        let walker = FileManager.default.enumerator(at: site, includingPropertiesForKeys: keys)
        while let url = walker?.nextObject() as? URL {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(root.count))
            if url.lastPathComponent.hasPrefix(".") { continue } // the build's own marker, not the site
            guard Self.isURLPath(path) else { throw .invalidPath(path) }
            paths.append(path)
            bytes += Int64(values.fileSize ?? 0)
        }
        paths.sort()
        if paths.count > limits.files { throw .tooManyFiles(count: paths.count, limit: limits.files) }
        if bytes > limits.bytes { throw .tooLarge(bytes: bytes, limit: limits.bytes) }
    }

    /// True for `folder/file.ext` made of URL-safe characters, with no empty, `.` or `..` part.
    static func isURLPath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part != "." && part != ".." && part.allSatisfy { allowed.contains($0) }
        }
    }
}
