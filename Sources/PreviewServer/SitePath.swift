import Foundation

/// Maps a request's path to a file of the site, refusing anything that could leave it:
/// `..` and `.` segments (also percent-encoded, also behind an encoded slash), backslashes,
/// NUL bytes, and symbolic links that lead outside the site folder.
enum SitePath {
    enum Resolution: Equatable {
        case file(URL)
        /// A folder asked for without its trailing slash, or a page with one: relative links
        /// need the folder's slash and break under the page's.
        case redirect(String)
        case notFound
    }

    static func resolve(_ rawPath: String, in root: URL) -> Resolution {
        let path = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let decoded = path.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return .notFound }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .notFound }
        var url = root
        for segment in segments { url.appendPathComponent(String(segment)) }
        guard let rootReal = realPath(root.path) else { return .notFound }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            guard decoded.isEmpty || decoded.hasSuffix("/") else { return .redirect(path + "/") }
            url.appendPathComponent("index.html")
        } else if decoded.hasSuffix("/") {
            // A page asked for as a folder: its relative links would resolve one level too deep.
            var page = Substring(path)
            while page.hasSuffix("/") { page = page.dropLast() }
            return .redirect(String(page))
        }
        guard let real = realPath(url.path), real.hasPrefix(rootReal + "/") else { return .notFound }
        var isFile: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFile), !isFile.boolValue else { return .notFound }
        return .file(URL(fileURLWithPath: real))
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "json": "application/json",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon", "avif": "image/avif",
        "woff": "font/woff", "woff2": "font/woff2", "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8", "pdf": "application/pdf", "csv": "text/csv; charset=utf-8",
        "xml": "application/xml", "mp4": "video/mp4", "webm": "video/webm", "mp3": "audio/mpeg",
    ]

    static func contentType(for url: URL) -> String {
        contentTypes[url.pathExtension.lowercased()] ?? "application/octet-stream"
    }
}
