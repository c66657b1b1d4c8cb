import Foundation

/// Compiles one page's Markdown: heading ids and table of contents, links between source files,
/// raw HTML escaped unless allowed, directive fences through the registry.
public struct MarkdownCompiler: Sendable {
    let links: LinkResolver
    let directives: DirectiveRegistry
    let allowRawHTML: Bool

    /// Compiles `source`, which was read from `sourcePath` and becomes the page at `pagePath`.
    /// An exam's questions are rendered without their answers.
    func compile(_ source: MarkdownSource, sourcePath: String, pagePath: String, isExam: Bool = false) -> CompiledPage {
        var page = PageCompilation(renderMarkdown: { [self] text, location, page in
            fragment(text, at: location, sourcePath: sourcePath, pagePath: pagePath, into: &page)
        })
        page.isExam = isExam
        var toc: [TOCEntry] = []
        let html = render(source.text, origin: SourceLocation(file: source.file, line: source.lineOffset + 1),
                          sourcePath: sourcePath, pagePath: pagePath, page: &page, toc: &toc)
        return CompiledPage(html: html, toc: toc, compilation: page)
    }

    /// A snippet inside a directive: same rules, no table of contents, no nested directives.
    private func fragment(_ text: String, at origin: SourceLocation, sourcePath: String, pagePath: String,
                          into page: inout PageCompilation) -> String {
        var ignored: [TOCEntry] = []
        return render(text, origin: origin, sourcePath: sourcePath, pagePath: pagePath, page: &page,
                      toc: &ignored, directivesAllowed: false)
    }

    private func render(_ text: String, origin: SourceLocation, sourcePath: String, pagePath: String,
                        page: inout PageCompilation, toc: inout [TOCEntry], directivesAllowed: Bool = true) -> String {
        let document = CommonMarkDocument(markdown: text)
        let positions = SourcePositions(text: text, origin: origin)
        var slugger = Slugger(reserved: ["main", "top", "quiz-title"])
        var headings: [CommonMarkDocument.Element] = []
        for element in document.elements() {
            var location: SourceLocation { positions.location(line: element.line, byteColumn: element.byteColumn) }
            switch element.kind {
            case .heading:
                headings.append(element)
            case .link(let url):
                resolve(url, of: element, in: document, isImage: false, sourcePath: sourcePath, pagePath: pagePath,
                        at: location, page: &page)
            case .image(let url):
                if document.plainText(of: element).trimmingCharacters(in: .whitespaces).isEmpty {
                    page.imagesWithoutAlt.append(Located(value: url, location: location))
                }
                resolve(url, of: element, in: document, isImage: true, sourcePath: sourcePath, pagePath: pagePath,
                        at: location, page: &page)
            case .htmlBlock, .htmlInline:
                if !allowRawHTML { document.escape(element) }
            case .codeBlock(let info, let literal):
                switch directives.read(info: info) {
                case .code: break
                case .unknown(let name):
                    page.error("unknown directive '\(name)'\(Suggestion.hint(for: name, in: directives.names))", at: location)
                case .directive(let directive):
                    guard directivesAllowed else {
                        page.error("a '\(directive.name)' cannot be nested inside another directive", at: location)
                        continue
                    }
                    let fence = DirectiveFence(name: directive.name, body: literal,
                                               location: SourceLocation(file: location.file, line: location.line + 1,
                                                                        column: location.column))
                    document.replace(element, withHTML: directive.compile(fence, into: &page))
                }
            }
        }
        // Headings last: their HTML is rendered with their links already rewritten.
        for heading in headings {
            guard case let .heading(level) = heading.kind else { continue }
            let title = document.plainText(of: heading)
            let id = slugger.slug(for: title)
            document.setID(id, of: heading)
            if (2...3).contains(level) { toc.append(TOCEntry(id: id, text: title, level: level)) }
        }
        return document.html()
    }

    private func resolve(_ url: String, of element: CommonMarkDocument.Element, in document: CommonMarkDocument,
                         isImage: Bool, sourcePath: String, pagePath: String, at location: SourceLocation,
                         page: inout PageCompilation) {
        if !isImage, let anchor = anchorTarget(url, sourcePath: sourcePath, pagePath: pagePath) {
            page.anchorLinks.append(AnchorLink(url: url, page: anchor.page, fragment: anchor.fragment, location: location))
        }
        switch links.resolve(url, from: sourcePath, page: pagePath, isImage: isImage) {
        case .success(.unchanged): break
        case .success(.rewritten(let written)): document.setURL(written, of: element)
        case .success(.asset(let written, let path)):
            document.setURL(written, of: element)
            page.assets.insert(path)
        case .failure(let problem): page.error(problem.message, at: location)
        }
    }
}

extension MarkdownCompiler {
    /// The site page and fragment a link with a `#fragment` names: `#x` on this page, or a page
    /// of the course by its source file. Nil for other links and for pages that do not exist
    /// (those are broken links already).
    func anchorTarget(_ url: String, sourcePath: String, pagePath: String) -> (page: String, fragment: String)? {
        guard let hash = url.firstIndex(of: "#") else { return nil }
        let fragment = String(url[url.index(after: hash)...])
        let raw = String(url[..<hash])
        let fragmentDecoded = fragment.removingPercentEncoding ?? fragment
        guard !fragment.isEmpty else { return nil }
        if raw.isEmpty { return (pagePath, fragmentDecoded) }
        guard LinkResolver.scheme(of: raw) == nil, !raw.contains("?") else { return nil }
        let decoded = raw.contains("%") ? raw.removingPercentEncoding ?? raw : raw
        guard decoded.hasSuffix(".md"),
              let target = LinkResolver.normalize(decoded, relativeTo: LinkResolver.folder(of: sourcePath)),
              let page = links.pages[target] else { return nil }
        return (page, fragmentDecoded)
    }
}

/// Maps cmark's positions (line in the snippet, byte column) to the file's line and character
/// column. The text is indexed only when a column past the first is asked for.
final class SourcePositions {
    let text: String
    let origin: SourceLocation
    private lazy var bytes: [UInt8] = Array(text.utf8)
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
        return starts
    }()

    init(text: String, origin: SourceLocation) {
        self.text = text
        self.origin = origin
    }

    func location(line: Int, byteColumn: Int) -> SourceLocation {
        let fileLine = origin.line + line - 1
        let firstColumn = line == 1 ? origin.column : 1
        guard byteColumn > 1 else { return SourceLocation(file: origin.file, line: fileLine, column: firstColumn) }
        let start = lineStarts[min(max(line - 1, 0), lineStarts.count - 1)]
        let end = min(start + byteColumn - 1, bytes.count)
        let characters = String(decoding: bytes[start..<end], as: UTF8.self).count
        return SourceLocation(file: origin.file, line: fileLine, column: firstColumn + characters)
    }
}
