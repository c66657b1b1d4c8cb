#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The offline search index, `assets/search-index.js`: a script that assigns a global, so
/// `search.html` can read it from disk where `fetch` is not allowed.
///
/// ```js
/// window.meridianSearch = {"pages": [[title, url, kind], …],
///                          "sections": [[page, heading, anchor, text?], …]};
/// ```
///
/// A page is a module or a country page; a section is the part of a page under one `##` or
/// `###` heading (heading and anchor empty for the text before the first one). `url` is
/// relative to the site root. `anchor` is `0` when it is the heading's plain ASCII slug
/// (`simpleSlug`, which `search.js` computes the same way). `text` is the section's plain
/// text, cut to keep the file small: the whole course shares a budget of characters and no
/// section gets more than `maxSectionText`; when the share would be under `minSectionText`
/// (tens of thousands of sections) sections carry no text and only titles and headings are
/// searched. Questions and scenarios are left out: they are exercises, not reference text.
struct SearchIndex {
    struct Page: Sendable {
        var title: String
        var url: String
        var kind: String
        var sections: [Section]
    }

    struct Section: Sendable {
        var heading: String
        var anchor: String
        /// Text that belongs before the section's own (the page's lead), as UTF-8.
        fileprivate var lead: [UInt8] = []
        /// The section's HTML, made into text only when asked: a course with tens of thousands
        /// of sections leaves the text out of the index, and then it is never worked out.
        fileprivate var html: ArraySlice<UInt8>

        /// The section's plain text, white space collapsed.
        var text: String {
            var text = lead
            text.append(UInt8(ascii: " "))
            SearchIndex.appendPlainText(of: html, to: &text)
            return SearchIndex.collapse(text)
        }
    }

    /// Where the build writes it, from the site root.
    static let path = "assets/search-index.js"
    static let textBudget = 1_000_000
    static let maxSectionText = 1_000
    static let minSectionText = 40

    /// The sections of a compiled page's HTML. `lead` is text that belongs at the top of the
    /// page (a module's summary, a country's languages).
    static func page(title: String, url: String, kind: String, lead: String, html: String) -> Page {
        // Read as UTF-8 bytes: the markup we look for is ASCII, and a multi-byte character
        // never contains an ASCII byte, so this finds what a character-by-character reading
        // would, several times faster (the index is built over every page of every build).
        let bytes = withoutExercises(Array(html.utf8))
        var sections: [Section] = []
        var heading = "", anchor = ""
        var text = Array(lead.utf8)
        var position = 0
        while let open = nextHeading(in: bytes, from: position) {
            sections.append(Section(heading: heading, anchor: anchor, lead: text, html: bytes[position..<open.start]))
            heading = collapse(plainText(bytes[open.inner]))
            anchor = open.id
            text = []
            position = open.end
        }
        sections.append(Section(heading: heading, anchor: anchor, lead: text, html: bytes[position...]))
        return Page(title: title, url: url, kind: kind,
                    sections: sections.filter { !$0.heading.isEmpty || !$0.text.isEmpty })
    }

    /// The script text for `pages`.
    static func script(_ pages: [Page]) -> String {
        let sectionCount = max(1, pages.reduce(0) { $0 + $1.sections.count })
        let share = textBudget / sectionCount
        let limit = share < minSectionText ? 0 : min(maxSectionText, share)
        var out = "window.meridianSearch = {\"pages\": [\n"
        out += pages.map { "[\(json($0.title)),\(json($0.url)),\(json($0.kind))]" }.joined(separator: ",\n")
        out += "],\n\"sections\": [\n"
        var rows: [String] = []
        for (index, page) in pages.enumerated() {
            for section in page.sections {
                let anchor = !section.anchor.isEmpty && section.anchor == simpleSlug(section.heading) ? "0" : json(section.anchor)
                let text = limit == 0 ? "" : "," + json(cut(section.text, to: limit))
                rows.append("[\(index),\(json(section.heading)),\(anchor)\(text)]")
            }
        }
        out += rows.joined(separator: ",\n")
        out += "]};\n"
        return out
    }

    /// Lower case, every run of other characters one `-`, no `-` at the ends; nil-equivalent
    /// ("") for headings with characters outside ASCII, whose ids are always written out.
    static func simpleSlug(_ heading: String) -> String {
        guard heading.utf8.allSatisfy({ $0 < 0x80 }) else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(heading.utf8.count)
        var dash = false
        for byte in heading.utf8 {
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lower) {
                if dash, !out.isEmpty { out.append(UInt8(ascii: "-")) }
                dash = false
                out.append(lower)
            } else {
                dash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` cut at a word boundary to at most `limit` characters.
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(limit)
        guard let space = prefix.lastIndex(of: " ") else { return String(prefix) }
        return String(prefix[..<space])
    }

    // MARK: - Reading our own HTML

    private struct HeadingTag {
        var start: Int
        var end: Int
        var id: String
        var inner: Range<Int>
    }

    private static let h2 = Array("<h2 id=\"".utf8), h3 = Array("<h3 id=\"".utf8)

    /// The next `<h2 id="…">…</h2>` or `<h3 …>` (the compiler writes every heading with an id).
    private static func nextHeading(in bytes: [UInt8], from position: Int) -> HeadingTag? {
        var search = position
        while let open = find(Array("<h".utf8), in: bytes, from: search) {
            let tag = bytes[open..<min(bytes.count, open + h2.count)]
            guard tag.elementsEqual(h2) || tag.elementsEqual(h3),
                  let tagEnd = bytes[open...].firstIndex(of: UInt8(ascii: ">")) else {
                search = open + 2
                continue
            }
            let idStart = open + h2.count
            let idEnd = bytes[idStart...].firstIndex(of: UInt8(ascii: "\"")) ?? bytes.count
            let close = Array("</h".utf8) + [bytes[open + 2], UInt8(ascii: ">")]
            guard let closeStart = find(close, in: bytes, from: tagEnd + 1) else { return nil }
            return HeadingTag(start: open, end: closeStart + close.count,
                              id: decodeEntities(String(decoding: bytes[idStart..<idEnd], as: UTF8.self)),
                              inner: (tagEnd + 1)..<closeStart)
        }
        return nil
    }

    /// Where `needle` next starts in `bytes`, at or after `start`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start <= bytes.count - needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            let base = buffer.baseAddress!
            var index = start
            let last = buffer.count - needle.count
            while index <= last {
                // memchr finds the first byte of each candidate far faster than a loop in Swift.
                guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
                index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + index, needle, needle.count) == 0 { return index }
                index += 1
            }
            return nil
        }
    }

    /// The HTML without question forms and scenarios.
    private static func withoutExercises(_ html: [UInt8]) -> [UInt8] {
        var bytes = html
        for (open, close) in [("<form class=\"question\"", "</form>"), ("<section class=\"scenario\"", "</section>")] {
            let open = Array(open.utf8), close = Array(close.utf8)
            guard find(open, in: bytes, from: 0) != nil else { continue }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var position = 0
            while let start = find(open, in: bytes, from: position) {
                out += bytes[position..<start]
                guard let end = find(close, in: bytes, from: start + open.count) else { position = bytes.count; break }
                position = end + close.count
            }
            out += bytes[position...]
            bytes = out
        }
        return bytes
    }

    /// Text with tags removed and entities decoded.
    static func plainText(_ html: Substring) -> String {
        String(decoding: plainText(Array(html.utf8)[...]), as: UTF8.self)
    }

    private static func plainText(_ html: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        appendPlainText(of: html, to: &out)
        return out
    }

    /// Appends `html`'s text to `out` as UTF-8: a space for each tag (so words in separate
    /// elements stay apart), entities decoded.
    fileprivate static func appendPlainText(of html: ArraySlice<UInt8>, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + html.count)
        var inTag = false
        var index = html.startIndex
        while index < html.endIndex {
            let byte = html[index]
            index += 1
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "&"), let (decoded, end) = entity(in: html, after: index) {
                out.append(contentsOf: decoded)
                index = end
            } else {
                out.append(byte)
            }
        }
    }

    private static let namedEntities: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]

    /// The UTF-8 of the entity whose name starts at `start` (just after its `&`), and where the
    /// text continues after its `;`; nil when it is not one we know, so the `&` stays as it is.
    private static func entity(in bytes: ArraySlice<UInt8>, after start: Int) -> ([UInt8], Int)? {
        guard let semi = bytes[start..<min(bytes.endIndex, start + 10)].firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let name = String(decoding: bytes[start..<semi], as: UTF8.self)
        if let value = namedEntities[name] { return (Array(value.utf8), semi + 1) }
        guard name.hasPrefix("#"),
              let code = name.hasPrefix("#x") || name.hasPrefix("#X") ? UInt32(name.dropFirst(2), radix: 16) : UInt32(name.dropFirst()),
              let scalar = Unicode.Scalar(code) else { return nil }
        return (Array(String(scalar).utf8), semi + 1)
    }

    private static func decodeEntities(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "&")) ? plainText(text[...]) : text
    }

    /// UTF-8 text with every run of white space (Unicode's White_Space characters) as one
    /// space, trimmed. White space outside ASCII is U+0085, U+00A0, U+1680, U+2000–U+200A,
    /// U+2028, U+2029, U+202F, U+205F and U+3000, two or three bytes each.
    fileprivate static func collapse(_ text: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var pendingSpace = false
        var index = 0
        while index < text.count {
            let length = whitespaceLength(text, at: index)
            if length > 0 {
                pendingSpace = !out.isEmpty
                index += length
            } else {
                if pendingSpace { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(text[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// How many bytes the white-space character at `index` takes; 0 when it is something else.
    private static func whitespaceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return (0x09...0x0D).contains(byte) || byte == 0x20 ? 1 : 0 }
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch byte {
        case 0xC2: return next(1) == 0x85 || next(1) == 0xA0 ? 2 : 0
        case 0xE1: return next(1) == 0x9A && next(2) == 0x80 ? 3 : 0
        case 0xE2:
            let (second, third) = (next(1), next(2))
            if second == 0x80 { return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3: return next(1) == 0x80 && next(2) == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// A JSON string literal.
    static func json(_ text: String) -> String { JSONText.string(text) }
}
