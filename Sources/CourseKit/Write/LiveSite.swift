import Foundation

/// The site `serve` is serving, updated in place one file at a time: each file is written
/// beside itself and renamed over the old one, so a request never reads half a page.
struct LiveSite: SiteDestination {
    let output: URL

    /// Replaces the file at the site-relative `path` atomically.
    func write(_ text: String, to path: String) throws {
        let url = output.appendingPathComponent(path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try SiteWriter.writeFile(text, at: temporary.path)
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}
