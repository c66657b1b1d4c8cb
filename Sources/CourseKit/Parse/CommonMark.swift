import Foundation
import CCmark

/// The one place that talks to libcmark: parses Markdown with source positions, lets the
/// compiler rewrite the parts it cares about, and renders HTML. Not shared between threads.
final class CommonMarkDocument {
    /// An element's place in the Markdown text: 1-based line, column counted in characters.
    struct Position {
        let line: Int
        let column: Int
    }

    /// A node the compiler looks at, with its place in the Markdown text (1-based line and byte column).
    struct Element {
        enum Kind: Equatable {
            case heading(level: Int)
            case link(url: String)
            case image(url: String)
            case htmlBlock(String)
            case htmlInline(String)
            case codeBlock(info: String, literal: String)
        }

        let kind: Kind
        let line: Int
        let byteColumn: Int
        fileprivate let node: OpaquePointer
    }

    private let root: OpaquePointer
    private let markdown: String
    /// The text's bytes and where each line starts in them, made the first time a column past
    /// a line's first is converted.
    private lazy var bytes: [UInt8] = Array(markdown.utf8)
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
        return starts
    }()

    init(markdown: String) {
        self.markdown = markdown
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        root = markdown.withCString { cmark_parse_document($0, strlen($0), options) }
    }

    deinit { cmark_node_free(root) }

    /// The headings, links, images, raw HTML and fenced code, in document order.
    func elements() -> [Element] {
        var found: [Element] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        var lastLine = 1, lastColumn = 1
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            // Inline nodes may lack a position; they then take the closest one before them.
            let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
            if line > 0 { (lastLine, lastColumn) = (line, max(column, 1)) }
            if let kind = Self.kind(of: node) {
                found.append(Element(kind: kind, line: lastLine, byteColumn: lastColumn, node: node))
            }
        }
        return found
    }

    /// Where `element` starts, its column converted from libcmark's bytes to characters.
    func position(of element: Element) -> Position {
        guard element.byteColumn > 1 else { return Position(line: element.line, column: 1) }
        let start = lineStarts[min(max(element.line - 1, 0), lineStarts.count - 1)]
        let end = min(start + element.byteColumn - 1, bytes.count)
        return Position(line: element.line, column: 1 + String(decoding: bytes[start..<end], as: UTF8.self).count)
    }

    /// The plain text of a heading (what its id and the table of contents are made from).
    func plainText(of element: Element) -> String {
        var text = ""
        let iterator = cmark_iter_new(element.node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += Self.literal(node)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// Renders the heading as `<hN id="…">`, keeping its (already rewritten) inline content.
    func setID(_ id: String, of heading: Element) {
        guard let rendered = cmark_render_html(heading.node, CMARK_OPT_UNSAFE) else { return }
        defer { free(rendered) }
        let html = String(cString: rendered)
        guard html.hasPrefix("<h"), let close = html.firstIndex(of: ">") else { return }
        let block = cmark_node_new(CMARK_NODE_HTML_BLOCK)
        cmark_node_set_literal(block, html[..<close] + " id=\"\(HTML.escape(id))\"" + html[close...])
        cmark_node_replace(heading.node, block)
        cmark_node_free(heading.node)
    }

    func setURL(_ url: String, of element: Element) {
        cmark_node_set_url(element.node, url)
    }

    /// Replaces a block (a directive's fence) with HTML of our own.
    func replace(_ element: Element, withHTML html: String) {
        let block = cmark_node_new(CMARK_NODE_HTML_BLOCK)
        cmark_node_set_literal(block, html)
        cmark_node_replace(element.node, block)
        cmark_node_free(element.node)
    }

    /// Shows raw HTML as text instead of passing it through.
    func escape(_ element: Element) {
        let text = cmark_node_new(CMARK_NODE_TEXT)
        let literal = Self.literal(element.node)
        cmark_node_set_literal(text, literal.hasSuffix("\n") ? String(literal.dropLast()) : literal)
        let replacement: OpaquePointer?
        if case .htmlBlock = element.kind {
            replacement = cmark_node_new(CMARK_NODE_PARAGRAPH)
            cmark_node_append_child(replacement, text)
        } else {
            replacement = text
        }
        cmark_node_replace(element.node, replacement)
        cmark_node_free(element.node)
    }

    /// The HTML of the (rewritten) document. Raw HTML has been escaped by `escape(_:)` where the
    /// course does not allow it, so the renderer may pass the rest through.
    func html() -> String {
        guard let rendered = cmark_render_html(root, CMARK_OPT_UNSAFE) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    private static func kind(of node: OpaquePointer) -> Element.Kind? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING: .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_LINK: .link(url: string(cmark_node_get_url(node)))
        case CMARK_NODE_IMAGE: .image(url: string(cmark_node_get_url(node)))
        case CMARK_NODE_HTML_BLOCK: .htmlBlock(literal(node))
        case CMARK_NODE_HTML_INLINE: .htmlInline(literal(node))
        case CMARK_NODE_CODE_BLOCK:
            cmark_node_get_fence_info(node).map { .codeBlock(info: String(cString: $0), literal: literal(node)) }
        default: nil
        }
    }

    private static func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
