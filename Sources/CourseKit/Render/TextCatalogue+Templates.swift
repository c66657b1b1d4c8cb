import Foundation
import Mustache
import Synchronization

/// The catalogue as the templates read it, `t` in every page's context: `{{t.nav.modules}}`.
///
/// A text is printed with `&`, `<`, `>` and `"` escaped (templates quote attributes with `"`,
/// so an apostrophe stays an apostrophe, as it was in the template text it replaced). A text
/// with placeholders is written as a section, `{{#t.pager.last}}…{{/t.pager.last}}`: each
/// `{name}` is the section's part after `{{!name}}`, a piece of template (markup, a link), or,
/// when the section gives none, the value of `name` where the tag stands.
final class TemplateTexts: @unchecked Sendable {
    /// Nested dictionaries of texts; never changed once made, so pages on every thread share it.
    let context: [String: Any]

    init(_ catalogue: TextCatalogue) {
        var root: [String: Any] = [:]
        for (key, entry) in catalogue.entries {
            Self.insert(Self.value(of: entry), at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        context = root
    }

    private static func insert(_ value: Any, at path: ArraySlice<String>, into map: inout [String: Any]) {
        guard let first = path.first else { return }
        guard path.count > 1 else {
            map[first] = value
            return
        }
        var child = map[first] as? [String: Any] ?? [:]
        insert(value, at: path.dropFirst(), into: &child)
        map[first] = child
    }

    private static func value(of entry: TextCatalogue.Entry) -> Any {
        switch entry {
        case .text(let text): value(of: text)
        case .plural(let forms): forms.mapValues(value(of:))
        }
    }

    /// Plain text as a `String` (Mustache escapes it, and cached partials can key on it); text
    /// with an apostrophe as a template of its escaped text; text with placeholders as a lambda.
    private static func value(of text: String) -> Any {
        let pieces = TextCatalogue.pieces(of: text)
        guard pieces.contains(where: { if case .placeholder = $0 { true } else { false } }) else {
            guard text.contains("'"), let template = try? MustacheTemplate(string: escape(text)) else { return text }
            return template
        }
        // A section's body is the same text wherever the template uses it: work its template
        // out once per body, not on every page.
        let made = MadeTemplates()
        return MustacheLambda { body in
            if let known = made.texts.withLock({ $0[body] }) { return known }
            let text = template(pieces, parts: parts(of: body))
            made.texts.withLock { $0[body] = text }
            return text
        }
    }

    /// The template text a lambda made for each section body it was given.
    private final class MadeTemplates: Sendable {
        let texts = Mutex<[String: String]>([:])
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
