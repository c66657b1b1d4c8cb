/// A template's use of a catalogue text, `{{t.key}}` or `{{#t.key}}…{{/t.key}}`, with where it stands.
struct TextUse: Sendable {
    var key: String
    var isSection: Bool
    /// `{{{t.key}}}` or `{{&t.key}}`, which would print the text unescaped.
    var isUnescaped: Bool
    var location: SourceLocation

    /// The uses of `t.…` among a template's tags.
    static func uses(in scan: TemplateTags, file: String) -> [TextUse] {
        scan.tags.compactMap { tag in
            guard tag.name.hasPrefix("t."), tag.kind != "/", tag.kind != "!" else { return nil }
            return TextUse(key: String(tag.name.dropFirst(2)), isSection: tag.kind == "#" || tag.kind == "^",
                           isUnescaped: tag.kind == "{" || tag.kind == "&",
                           location: SourceLocation(file: file, line: tag.line, column: tag.column))
        }
    }
}

extension TextCatalogue {
    /// Every template use of a text this catalogue lacks, or written the wrong way for the text:
    /// a text with placeholders as a section, any other as `{{t.key}}`.
    func check(_ uses: [TextUse]) -> [Diagnostic] {
        uses.compactMap { use in
            guard let entry = entry(at: use.key) else {
                let guess = Suggestion.closest(to: use.key, in: entries.keys)
                return .error(CatalogueProblem.unknownText(key: use.key, suggestion: guess), at: use.location)
            }
            let names = entry.forms.flatMap(Self.placeholders)
            if use.isUnescaped {
                return .error(CatalogueProblem.unescapedText(key: use.key), at: use.location)
            }
            if !names.isEmpty, !use.isSection {
                return .error(CatalogueProblem.textNeedsSection(key: use.key, placeholders: Set(names).sorted()), at: use.location)
            }
            if names.isEmpty, use.isSection {
                return .error(CatalogueProblem.textIsNoSection(key: use.key), at: use.location)
            }
            return nil
        }
    }

    /// The text at `key`, or one form of a plural text (`items.other`).
    private func entry(at key: String) -> Entry? {
        if let entry = entries[key] { return entry }
        guard let dot = key.lastIndex(of: "."), case .plural(let forms) = entries[String(key[..<dot])],
              let form = forms[String(key[key.index(after: dot)...])] else { return nil }
        return .text(form)
    }
}
