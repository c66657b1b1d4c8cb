/// A page's Markdown parsed and rewritten, with each directive's block kept where its fence
/// was, for Render to fill in. Lives only while its page is compiled: it holds libcmark's tree,
/// which `html(rendering:)` rewrites, so it is used up by it.
struct ParsedPage: ~Copyable {
    /// A directive's block and the fence it replaces.
    struct Slot {
        let element: CommonMarkDocument.Element
        let block: Block
    }

    let document: CommonMarkDocument
    /// The page's blocks in the order their fences appear.
    let blocks: [Slot]
    let toc: [TOCEntry]
    let compilation: PageCompilation

    /// The page's HTML, each block's fence replaced by the HTML `render` makes of it.
    consuming func html(rendering render: (Block) -> String) -> String {
        for slot in blocks { document.replace(slot.element, withHTML: render(slot.block)) }
        return document.html()
    }
}
