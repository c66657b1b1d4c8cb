import Foundation

/// Reads one page's Markdown through libcmark: heading ids and table of contents, links between
/// source files, raw HTML escaped unless allowed, directive fences read into typed blocks
/// through the registry. Nothing here renders a block: `ParsedPage` keeps each in its place.
struct MarkdownParser: Sendable {
    let links: LinkResolver
    let directives: DirectiveRegistry
    let allowRawHTML: Bool

    /// Parses `source`, which was read from `sourcePath` and becomes the page at `pagePath`.
    func parse(_ source: MarkdownSource, sourcePath: String, pagePath: String, isExam: Bool = false) -> ParsedPage {
        var page = PageCompilation(compileMarkdown: { [self] text, origin, page in
            fragment(text, at: origin, sourcePath: sourcePath, pagePath: pagePath, into: &page)
        })
        page.isExam = isExam
        let document = CommonMarkDocument(markdown: source.text)
        let origin = SnippetOrigin(SourceLocation(file: source.file, line: source.lineOffset + 1))
        let read = read(document, origin: origin, sourcePath: sourcePath, pagePath: pagePath, page: &page)
        return ParsedPage(document: document, blocks: read.blocks, toc: read.toc, compilation: page)
    }

    /// A Markdown value inside a directive: same rules, no table of contents, no nested directives.
    private func fragment(_ text: String, at origin: SnippetOrigin, sourcePath: String, pagePath: String,
                          into page: inout PageCompilation) -> String {
        let document = CommonMarkDocument(markdown: text)
        _ = read(document, origin: origin, sourcePath: sourcePath, pagePath: pagePath, page: &page, directivesAllowed: false)
        return document.html()
    }

    /// Rewrites `document` in place and returns the blocks its directive fences became, in order,
    /// with its table of contents.
    private func read(_ document: CommonMarkDocument, origin: SnippetOrigin, sourcePath: String, pagePath: String,
                      page: inout PageCompilation, directivesAllowed: Bool = true) -> (blocks: [ParsedPage.Slot], toc: [TOCEntry]) {
        var blocks: [ParsedPage.Slot] = []
        var headings: [CommonMarkDocument.Element] = []
        for element in document.elements() {
            var location: SourceLocation {
                let position = document.position(of: element)
                return origin.location(line: position.line, column: position.column)
            }
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
                switch fence(info: info, body: literal, at: location, page: &page, directivesAllowed: directivesAllowed) {
                case .code: break
                case .block(let block): blocks.append(ParsedPage.Slot(element: element, block: block))
                case .failed: document.replace(element, withHTML: "")
                }
            }
        }
        return (blocks, setIDs(of: headings, in: document))
    }

    /// What a fenced block turned out to be.
    private enum Fence {
        /// Code to show as it is, including a fence reported as an unknown or nested directive.
        case code
        case block(Block)
        /// A directive with errors, reported; nothing is shown in its place.
        case failed
    }

    /// Reads a fenced block through the registry.
    private func fence(info: String, body: String, at location: SourceLocation, page: inout PageCompilation,
                       directivesAllowed: Bool) -> Fence {
        switch directives.read(info: info) {
        case .code:
            return .code
        case .unknown(let name):
            page.error(PageProblem.unknownDirective(name, suggestion: Suggestion.closest(to: name, in: directives.names)), at: location)
            return .code
        case .directive(let directive):
            guard directivesAllowed else {
                page.error(PageProblem.nestedDirective(directive.name), at: location)
                return .code
            }
            let fence = DirectiveFence(name: directive.name, body: body,
                                       location: SourceLocation(file: location.file, line: location.line + 1, column: location.column))
            return directive.compile(fence, into: &page).map(Fence.block) ?? .failed
        }
    }

    /// Gives every heading its id, last, so that its HTML has its links already rewritten;
    /// returns the table of contents (levels 2 and 3).
    private func setIDs(of headings: [CommonMarkDocument.Element], in document: CommonMarkDocument) -> [TOCEntry] {
        var slugger = Slugger(reserved: ["main", "top", "quiz-title"])
        var toc: [TOCEntry] = []
        for heading in headings {
            guard case let .heading(level) = heading.kind else { continue }
            let title = document.plainText(of: heading)
            let id = slugger.slug(for: title)
            document.setID(id, of: heading)
            if (2...3).contains(level) { toc.append(TOCEntry(id: id, text: title, level: level)) }
        }
        return toc
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
        case .failure(let problem): page.error(problem, at: location)
        }
    }
}

extension MarkdownParser {
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
