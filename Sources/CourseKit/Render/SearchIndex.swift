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
        var text: String
    }

    /// Where the build writes it, from the site root.
    static let path = "assets/search-index.js"
    static let textBudget = 1_000_000
    static let maxSectionText = 1_000
    static let minSectionText = 40

    /// The sections of a compiled page's HTML. `lead` is text that belongs at the top of the
    /// page (a module's summary, a country's languages).
    static func page(title: String, url: String, kind: String, lead: String, html: String) -> Page {
        var sections: [Section] = []
        var heading = "", anchor = ""
        var text = lead
        var rest = Substring(withoutExercises(html))
        while let open = nextHeading(in: rest) {
            text += " " + plainText(rest[..<open.start])
            sections.append(Section(heading: heading, anchor: anchor, text: collapse(text)))
            heading = plainText(open.inner)
            anchor = open.id
            text = ""
            rest = rest[open.end...]
        }
        text += " " + plainText(rest)
        sections.append(Section(heading: heading, anchor: anchor, text: collapse(text)))
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
        guard heading.unicodeScalars.allSatisfy(\.isASCII) else { return "" }
        var out = ""
        var dash = false
        for scalar in heading.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if dash, !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        return out
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
        var start: Substring.Index
        var end: Substring.Index
        var id: String
        var inner: Substring
    }

    /// The next `<h2 id="…">…</h2>` or `<h3 …>` (the compiler writes every heading with an id).
    private static func nextHeading(in text: Substring) -> HeadingTag? {
        var search = text[...]
        while let open = search.range(of: "<h") {
            let after = search[open.upperBound...]
            guard let level = after.first, level == "2" || level == "3",
                  after.dropFirst().hasPrefix(" id=\""),
                  let tagEnd = after.firstIndex(of: ">") else {
                search = after
                continue
            }
            let idStart = after.index(after.startIndex, offsetBy: 6)
            let id = after[idStart...].prefix { $0 != "\"" }
            let contentStart = after.index(after: tagEnd)
            guard let close = after[contentStart...].range(of: "</h\(level)>") else { return nil }
            return HeadingTag(start: open.lowerBound, end: close.upperBound, id: decodeEntities(String(id)),
                              inner: after[contentStart..<close.lowerBound])
        }
        return nil
    }

    /// The HTML without question forms and scenarios.
    private static func withoutExercises(_ html: String) -> String {
        var out = ""
        var rest = html[...]
        for (open, close) in [("<form class=\"question\"", "</form>"), ("<section class=\"scenario\"", "</section>")] {
            out = ""
            while let start = rest.range(of: open) {
                out += rest[..<start.lowerBound]
                guard let end = rest[start.upperBound...].range(of: close) else { rest = ""; break }
                rest = rest[end.upperBound...]
            }
            out += rest
            rest = out[...]
        }
        return out
    }

    /// Text with tags removed and entities decoded.
    static func plainText(_ html: Substring) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" { inTag = false }
            } else if character == "<" {
                inTag = true
                out.append(" ")
            } else {
                out.append(character)
            }
        }
        return out.contains("&") ? decodeEntities(out) : out
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(10).firstIndex(of: ";") else {
                out.append("&")
                rest = after
                continue
            }
            let name = after[..<semi]
            let named: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]
            if let value = named[name] {
                out += value
            } else if name.hasPrefix("#"), let code = name.hasPrefix("#x") || name.hasPrefix("#X")
                        ? UInt32(name.dropFirst(2), radix: 16) : UInt32(name.dropFirst()),
                      let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "&" + name + ";"
            }
            rest = after[after.index(after: semi)...]
        }
        return out + rest
    }

    /// Runs of white space as one space, trimmed.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A JSON string literal.
    static func json(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
