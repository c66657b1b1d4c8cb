import Foundation

/// Stage 4, pages → files: one language's site written into the staging folder. The assets
/// are copied first (copying a folder replaces it, and course files go into it); then, in one
/// parallel pass, each page is rendered and written, alongside the course-wide files and any
/// checks given, which start first because each takes as long as hundreds of pages.
struct WriteStage {
    static let name = "write"
    let writer: SiteWriter
    /// The language's folder inside the site: "" for the default language, `fr-CA/`.
    let folder: String
    let templatesDirectory: URL
    let jobs: Int
    var progress: (any BuildProgress)? = nil

    /// Writes `site` and copies the content's `assets` (the files its Markdown links to).
    func write(_ site: RenderedSite, copying assets: Set<String>,
               alongside checks: [@Sendable () -> [Diagnostic]] = []) -> [Diagnostic] {
        let copied = copyAssets(assets, of: site.renderer.course)
        let files: [@Sendable () -> [Diagnostic]] = site.courseFiles.map { file in { [self] in put(file) } } + checks
        let writing = ProgressCounter(stage: "Writing pages", total: site.pages.count, progress: progress)
        let problems = Parallel.map(files.count + site.pages.count, jobs: jobs) { [self] index -> [Diagnostic] in
            guard index >= files.count else { return files[index]() }
            defer { writing.tick() }
            let page = site.renderer.render(site.pages[index - files.count])
            return put(page.path, page.html)
        }
        return copied + problems.flatMap { $0 }
    }

    private func put(_ file: SiteFile) -> [Diagnostic] {
        do { try writer.write(file, in: folder) } catch { return error.diagnostics }
        return []
    }

    private func put(_ path: String, _ html: String) -> [Diagnostic] {
        do { try writer.write(html, to: folder + path) } catch { return [writer.cannotWrite(path, error)] }
        return []
    }

    private func copyAssets(_ contentAssets: Set<String>, of course: Course) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let templateAssets = templatesDirectory.appendingPathComponent("assets")
        if FileManager.default.fileExists(atPath: templateAssets.path) {
            do { try writer.copy(templateAssets, to: folder + "assets") } catch {
                diagnostics.append(.error(WriteProblem.cannotCopyAssets(reason: error.localizedDescription), at: SourceLocation(file: templateAssets.path)))
            }
        }
        for path in contentAssets.sorted() {
            do { try writer.copy(course.file(path), to: folder + path) } catch {
                diagnostics.append(.error(WriteProblem.cannotCopy(path, reason: error.localizedDescription), at: SourceLocation(file: path)))
            }
        }
        return diagnostics
    }
}
