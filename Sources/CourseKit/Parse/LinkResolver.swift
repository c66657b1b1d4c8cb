import Foundation

/// Turns links written between source files (`07-canada.md#quebec`, `../countries/jp.md`,
/// `../images/map.png`) into relative URLs of the built site, which work from disk.
public struct LinkResolver: Sendable {
    /// Content-relative source path → site path, for every page.
    let pages: [String: String]
    let contentDirectory: URL
    /// For a translation: the default language's folder, where files the translation lacks are found.
    var sharedDirectory: URL?

    enum Target: Equatable {
        /// Leave the URL as written (an external link, a fragment on the same page).
        case unchanged
        /// Write this URL instead.
        case rewritten(String)
        /// Write this URL, and copy the content file at this path into the site.
        case asset(url: String, path: String)
    }

    package init(pages: [String: String], contentDirectory: URL) {
        self.pages = pages
        self.contentDirectory = contentDirectory
    }

    /// Resolves `url` written in the source at `sourcePath` for the page at `pagePath`.
    func resolve(_ url: String, from sourcePath: String, page pagePath: String, isImage: Bool) -> Result<Target, LinkProblem> {
        if url.isEmpty || url.hasPrefix("#") { return .success(.unchanged) }
        if let scheme = Self.scheme(of: url) {
            if ["javascript", "vbscript", "data", "file"].contains(scheme) { return .failure(.unsafe(url)) }
            return isImage ? .failure(.externalImage(url)) : .success(.unchanged)
        }
        if url.hasPrefix("//") { return .failure(.protocolRelative(url)) }
        if url.hasPrefix("/") { return .failure(.rooted(url)) }
        let (pathPart, suffix) = Self.splitSuffix(url)
        let decoded = pathPart.utf8.contains(UInt8(ascii: "%")) ? pathPart.removingPercentEncoding ?? pathPart : pathPart
        guard let target = Self.normalize(decoded, relativeTo: Self.folder(of: sourcePath)) else {
            return .failure(.outsideContent(url))
        }
        if target.hasSuffix(".md") {
            guard let sitePath = pages[target] else {
                return .failure(.missingPage(url, suggestion: suggestion(for: target, from: sourcePath)))
            }
            return .success(.rewritten(Self.relative(sitePath, from: pagePath) + suffix))
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDirectory.appendingPathComponent(target).path, isDirectory: &isFolder)
                || sharedDirectory.map({ FileManager.default.fileExists(atPath: $0.appendingPathComponent(target).path, isDirectory: &isFolder) }) == true
        else {
            return .failure(.missingFile(url))
        }
        if isFolder.boolValue { return .failure(.folder(url)) }
        return .success(.asset(url: Self.relative(target, from: pagePath) + suffix, path: target))
    }

    /// A page in the same folder whose file name is close to the one written, written as the
    /// link should be. Two-letter country codes are all close to each other, so they get none.
    private func suggestion(for target: String, from sourcePath: String) -> String? {
        let folder = target.split(separator: "/").dropLast().joined(separator: "/")
        let name = String(target.split(separator: "/").last ?? "")
        guard name.count > "abc.md".count else { return nil }
        let siblings = pages.keys.filter { $0.split(separator: "/").dropLast().joined(separator: "/") == folder }
            .map { String($0.split(separator: "/").last ?? "") }
        return Suggestion.closest(to: name, in: siblings).map {
            Self.relative(folder.isEmpty ? $0 : "\(folder)/\($0)", from: sourcePath)
        }
    }

    static func scheme(of url: String) -> String? {
        guard let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }) else { return nil }
        return scheme.lowercased()
    }

    /// "a/b.md#x" → ("a/b.md", "#x").
    static func splitSuffix(_ url: String) -> (String, String) {
        guard let index = url.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) else { return (url, "") }
        return (String(url[..<index]), String(url[index...]))
    }

    static func folder(of path: String) -> [Substring] {
        Array(path.split(separator: "/").dropLast())
    }

    /// Applies `.` and `..`; nil when the path climbs out of the content folder.
    static func normalize(_ path: String, relativeTo base: [Substring]) -> String? {
        var parts = base
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The relative URL from the page at `page` to the site path `target`.
    public static func relative(_ target: String, from page: String) -> String {
        // The common case, a page in the same folder, without splitting paths.
        let slash = UInt8(ascii: "/")
        if let pageSlash = page.utf8.lastIndex(of: slash), let targetSlash = target.utf8.lastIndex(of: slash),
           page.utf8[...pageSlash].elementsEqual(target.utf8[...targetSlash]),
           !target.utf8[targetSlash...].contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "%") || $0 >= 0x80 }) {
            return String(target[target.utf8.index(after: targetSlash)...])
        }
        let from = folder(of: page)
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let path = (ups + to[common...].map(String.init)).joined(separator: "/")
        let plain = path.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "%") }
        return plain ? path : path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }
}


