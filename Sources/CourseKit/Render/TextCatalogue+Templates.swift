import Foundation
import Mustache

/// A language's interface texts compiled into a template's own text, once per build, so that
/// rendering a page looks no text up and parses nothing: `{{t.nav.modules}}` becomes the text
/// itself, and `{{#t.pager.last}}…{{/t.pager.last}}` the template fragment its placeholders make.
///
/// A text is written with `&`, `<`, `>` and `"` escaped (templates quote attributes with `"`,
/// so an apostrophe stays an apostrophe, as it was in the template text it replaced), and `{`
/// as `&#123;`, so that no text can open a Mustache tag. A text with placeholders is written as
/// a section: each `{name}` is the section's part after `{{!name}}`, a piece of template (markup,
/// a link), or, when the section gives none, `{{name}}`, the value of `name` where the tag stands.
struct TemplateTexts: Sendable {
    let catalogue: TextCatalogue

    init(_ catalogue: TextCatalogue) {
        self.catalogue = catalogue
    }

    /// `template` with every `t.…` tag of `tags` (its tags, as `TemplateTags` finds them) replaced
    /// by its text; a key the catalogue has no text for stays as it is written.
    func compile(_ template: String, tags: [TemplateTags.Tag]) -> String {
        let bytes = Array(template.utf8)
        return compile(bytes, tags: tags[...], in: 0..<bytes.count)
    }

    private func compile(_ bytes: [UInt8], tags: ArraySlice<TemplateTags.Tag>, in range: Range<Int>) -> String {
        var compiled = "", position = range.lowerBound, index = tags.startIndex
        while index < tags.endIndex {
            let tag = tags[index]
            index += 1
            guard let key = Self.key(of: tag), let text = text(at: key) else { continue }
            let pieces = TextCatalogue.pieces(of: text)
            guard tag.kind != nil else {
                compiled += String(decoding: bytes[position..<tag.bytes.lowerBound], as: UTF8.self) + Self.template(pieces, parts: [:])
                position = tag.bytes.upperBound
                continue
            }
            guard let close = Self.close(of: tag, in: tags[index...]) else { continue }
            // A section's tag alone on its line takes the line with it, as Mustache has it.
            let open = Self.standaloneLine(of: tag, in: bytes) ?? tag.bytes
            let body = compile(bytes, tags: tags[index..<close], in: open.upperBound..<tags[close].bytes.lowerBound)
            compiled += String(decoding: bytes[position..<open.lowerBound], as: UTF8.self)
            compiled += tag.kind == "#" ? Self.fragment(pieces, body: body) : ""
            position = (Self.standaloneLine(of: tags[close], in: bytes) ?? tags[close].bytes).upperBound
            index = close + 1
        }
        return compiled + String(decoding: bytes[position..<range.upperBound], as: UTF8.self)
    }

    /// The key of a `{{t.key}}`, `{{#t.key}}` or `{{^t.key}}` tag; nil for any other tag.
    private static func key(of tag: TemplateTags.Tag) -> String? {
        guard tag.kind == nil || tag.kind == "#" || tag.kind == "^", tag.name.hasPrefix("t.") else { return nil }
        return String(tag.name.dropFirst(2))
    }

    /// The text at `key`, or one form of a plural text (`items.other`).
    private func text(at key: String) -> String? {
        switch catalogue.entries[key] {
        case .text(let text): return text
        case .plural: return nil
        case nil:
            guard let dot = key.lastIndex(of: "."), case .plural(let forms) = catalogue.entries[String(key[..<dot])] else { return nil }
            return forms[String(key[key.index(after: dot)...])]
        }
    }

    /// The bytes of a tag alone on its line but for spaces and tabs: from the line's start to the
    /// end of its line break, which Mustache leaves out; nil when something else shares the line.
    private static func standaloneLine(of tag: TemplateTags.Tag, in bytes: [UInt8]) -> Range<Int>? {
        func isBlank(_ index: Int) -> Bool { bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") }
        var start = tag.bytes.lowerBound, end = tag.bytes.upperBound
        while start > 0, isBlank(start - 1) { start -= 1 }
        guard start == 0 || bytes[start - 1] == UInt8(ascii: "\n") else { return nil }
        guard end < bytes.count else { return start..<end }
        while end < bytes.count, isBlank(end) { end += 1 }
        if bytes[end...].starts(with: [UInt8(ascii: "\r"), UInt8(ascii: "\n")]) { return start..<(end + 2) }
        return end < bytes.count && bytes[end] == UInt8(ascii: "\n") ? start..<(end + 1) : nil
    }

    /// The index of the tag that closes the section `open` starts, among the tags after it.
    private static func close(of open: TemplateTags.Tag, in tags: ArraySlice<TemplateTags.Tag>) -> Int? {
        var depth = 0
        for index in tags.indices where tags[index].name == open.name {
            switch tags[index].kind {
            case "#", "^": depth += 1
            case "/" where depth == 0: return index
            case "/": depth -= 1
            default: continue
            }
        }
        return nil
    }

    /// What a section makes of its text: the template the pieces and the body's parts make, or
    /// nothing when that is not a template on its own (a part that closes a section it did not
    /// open), as Mustache renders a section whose text it cannot parse.
    private static func fragment(_ pieces: [TextCatalogue.Piece], body: String) -> String {
        let fragment = template(pieces, parts: parts(of: body))
        return (try? MustacheTemplate(string: fragment)) == nil ? "" : fragment
    }

    /// The Mustache text the pieces make, each placeholder given by `parts` or looked up by name.
    static func template(_ pieces: [TextCatalogue.Piece], parts: [String: String]) -> String {
        pieces.map { piece in
            switch piece {
            case .literal(let text): escape(text)
            case .placeholder(let name): parts[name] ?? "{{\(name)}}"
            }
        }.joined()
    }

    /// A section's body split at its `{{!name}}` markers: name → the template text after it.
    static func parts(of body: String) -> [String: String] {
        var parts: [String: String] = [:]
        var rest = body[...]
        guard var marker = rest.range(of: "{{!") else { return [:] }
        while let close = rest[marker.upperBound...].range(of: "}}") {
            let name = rest[marker.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            let next = rest.range(of: "{{!")
            parts[name] = String(rest[..<(next?.lowerBound ?? rest.endIndex)])
            guard let next else { break }
            marker = next
        }
        return parts
    }

    /// Catalogue text as template text: escaped for HTML text and `"`-quoted attributes, and
    /// with `{` written as a reference so that no text can open a Mustache tag.
    static func escape(_ text: String) -> String {
        HTML.escapeText(text).replacingOccurrences(of: "{", with: "&#123;")
    }
}
