import Foundation

/// What `meridian check` looks for beyond what a build validates, on the pages rendered in
/// memory (nothing is written):
///
/// - error: a link to `#fragment` (on the same page or on a page named by its source file)
///   whose page has no element with that id;
/// - error: an image without alt text (`![](map.png)`): a screen reader has nothing to say;
/// - warning: a module no chain of links from `index.html` reaches (templates may leave
///   modules out of the home page);
/// - warning: a module longer than `maxWords` words of text or `maxMinutes` minutes.
///
/// A question id reused for a different question within the course is already a build error
/// (duplicate id); ids retired in earlier versions of a course are not known to the build.
struct SiteChecks {
    static let maxWords = 6_000
    static let maxMinutes = 60

    let course: Course
    let modules: [CompiledPage]
    let notes: [CompiledPage?]
    let rendered: [(path: String, html: String)]

    func run() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let compilations = modules.map(\.compilation) + notes.compactMap { $0?.compilation }
        let ids = Dictionary(rendered.map { ($0.path, Self.attributes("id", in: $0.html)) }, uniquingKeysWith: { a, _ in a })
        for compilation in compilations {
            for link in compilation.anchorLinks {
                guard let known = ids[link.page], !known.contains(link.fragment) else { continue }
                let headings = known.filter { !$0.hasPrefix("q-") && !$0.hasPrefix("scenario-") }
                let guess = Suggestion.closest(to: link.fragment, in: headings)
                diagnostics.append(.error(SiteProblem.brokenAnchor(url: link.url, page: link.page, fragment: link.fragment, suggestion: guess),
                                          at: link.location))
            }
            for image in compilation.imagesWithoutAlt {
                diagnostics.append(.error(SiteProblem.imageWithoutAlt(image.value), at: image.location))
            }
        }
        diagnostics += unreachableModules()
        for module in course.modules {
            let at = SourceLocation(file: module.body.file)
            let words = module.body.proseWordCount
            if words > Self.maxWords {
                diagnostics.append(.warning(SiteProblem.longModule(words: words, limit: Self.maxWords), at: at))
            }
            if let minutes = module.meta.minutes, minutes > Self.maxMinutes {
                diagnostics.append(.warning(SiteProblem.longMinutes(minutes, limit: Self.maxMinutes), at: at))
            }
        }
        return diagnostics
    }

    /// Modules whose page no chain of links from the home page reaches.
    private func unreachableModules() -> [Diagnostic] {
        let pages = Dictionary(rendered.map { ($0.path, $0.html) }, uniquingKeysWith: { a, _ in a })
        var seen: Set<String> = ["index.html"]
        var queue = ["index.html"]
        while let page = queue.popLast() {
            for href in Self.attributes("href", in: pages[page] ?? "") {
                guard let target = Self.resolve(href, from: page), pages[target] != nil, !seen.contains(target) else { continue }
                seen.insert(target)
                queue.append(target)
            }
        }
        return course.modules.filter { !seen.contains($0.url) }.map {
            .warning(SiteProblem.unreachableModule(slug: $0.slug, url: $0.url),
                     at: SourceLocation(file: $0.body.file))
        }
    }

    /// A relative href on the page at `page` as a site path, without its fragment or query.
    static func resolve(_ href: String, from page: String) -> String? {
        let (path, _) = LinkResolver.splitSuffix(href)
        guard !path.isEmpty, LinkResolver.scheme(of: path) == nil, !path.hasPrefix("/") else { return nil }
        return LinkResolver.normalize(path.removingPercentEncodingIfNeeded, relativeTo: LinkResolver.folder(of: page))
    }

    /// Every value of `name="…"` in our own HTML, entities decoded.
    static func attributes(_ name: String, in html: String) -> Set<String> {
        var values: Set<String> = []
        let marker = " \(name)=\""
        var rest = html[...]
        while let start = rest.range(of: marker) {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            values.insert(SearchIndex.plainText(after[..<end]))
            rest = after[end...]
        }
        return values
    }
}

extension String {
    var removingPercentEncodingIfNeeded: String {
        contains("%") ? removingPercentEncoding ?? self : self
    }
}
