import Foundation

/// A file of the site, made when it is written: a page, or a course-wide file such as
/// `assets/search-index.js`. Made lazily, so that making it overlaps with writing the others.
struct SiteFile: Sendable {
    /// Where it goes, relative to the site (or the language's folder of it).
    var path: String
    var text: @Sendable () -> String
}

/// Where files of the site are written: the staging folder of a build (`SiteWriter`), or the
/// live site that `serve` updates one file at a time (`LiveSite`).
protocol SiteDestination: Sendable {
    /// The site's folder, which failures name.
    var output: URL { get }
    /// Writes `text` at the site-relative `path`.
    func write(_ text: String, to path: String) throws
}

extension SiteDestination {
    /// Makes and writes `file` inside `folder` (a language's folder of the site, or "").
    func write(_ file: SiteFile, in folder: String = "") throws(BuildFailure) {
        do { try write(file.text(), to: folder + file.path) } catch {
            throw BuildFailure([cannotWrite(file.path, error)])
        }
    }

    /// The one wording for a file of the site that could not be made or written.
    func cannotWrite(_ path: String, _ error: any Error) -> Diagnostic {
        .error(WriteProblem.cannotWrite(path, reason: error.localizedDescription), at: SourceLocation(file: output.path))
    }
}

extension SiteWriter: SiteDestination {}
