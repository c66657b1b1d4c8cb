/// Compiles one page's Markdown into an HTML fragment: `MarkdownParser` reads it (links,
/// headings, directive fences into blocks), `BlockRenderer` writes each block's HTML in its
/// fence's place.
public struct MarkdownCompiler: Sendable {
    let parser: MarkdownParser
    let blocks: BlockRenderer

    /// A compiler with the course's link rules and directives, writing blocks with `texts`.
    package init(links: LinkResolver, directives: DirectiveRegistry, texts: TextCatalogue, allowRawHTML: Bool) {
        parser = MarkdownParser(links: links, directives: directives, allowRawHTML: allowRawHTML)
        blocks = BlockRenderer(texts: texts)
    }

    /// Compiles `source`, which was read from `sourcePath` and becomes the page at `pagePath`.
    /// An exam's questions are rendered without their answers.
    package func compile(_ source: MarkdownSource, sourcePath: String, pagePath: String, isExam: Bool = false) -> CompiledPage {
        let parsed = parser.parse(source, sourcePath: sourcePath, pagePath: pagePath, isExam: isExam)
        let toc = parsed.toc, compilation = parsed.compilation
        let html = parsed.html { [blocks] in blocks.html($0, isExam: isExam) }
        return CompiledPage(html: html, toc: toc, compilation: compilation)
    }
}
