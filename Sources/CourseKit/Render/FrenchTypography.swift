/// The spaces French typography puts around punctuation, as the Office québécois de la langue
/// française recommends for Quebec ("Espacement avant et après les signes de ponctuation et les
/// symboles", Vitrine linguistique): a no-break space (U+00A0) before the colon, inside « », and
/// before %, $ and € after a number; a narrow no-break space (U+202F, the "espace fine") before
/// ; ! and ?, where the OQLF advises it when the medium has one, as HTML does.
///
/// Writers type ordinary spaces (or none before ; ! ?); the build sets the right ones, so a line
/// never breaks before a colon or inside guillemets. Applied to the text of a page, never to its
/// markup, its scripts, or code.
enum FrenchTypography {
    static let noBreak: Character = "\u{00A0}"
    static let narrowNoBreak: Character = "\u{202F}"

    /// True for the languages these rules are for: French, in any region.
    static func applies(to language: String) -> Bool {
        let primary = language.split(separator: "-").first.map { $0.lowercased() }
        return primary == "fr"
    }

    /// A page with its text set; tags, attributes other than the readable ones, and the
    /// contents of script, style, pre, code and textarea are left as they are.
    static func html(_ page: String) -> String {
        var output = ""
        output.reserveCapacity(page.utf8.count + page.utf8.count / 50)
        var rest = Substring(page)
        var skipping: Substring?   // the element whose end we wait for
        while let open = rest.firstIndex(of: "<") {
            let text = rest[..<open]
            output += skipping == nil ? self.text(String(text)) : String(text)
            guard let close = rest[open...].firstIndex(of: ">") else {
                output += rest[open...]
                return output
            }
            let tag = rest[open...close]
            let name = tagName(tag)
            if let element = skipping {
                if name == "/" + element { skipping = nil }
                output += tag
            } else {
                if ["script", "style", "pre", "code", "textarea"].contains(name), !tag.hasSuffix("/>") { skipping = name[...] }
                output += name.hasPrefix("/") || name.hasPrefix("!") ? String(tag) : attributes(String(tag))
            }
            rest = rest[rest.index(after: close)...]
        }
        output += skipping == nil ? text(String(rest)) : String(rest)
        return output
    }

    /// One run of text (already HTML-escaped or not: the rules touch only spaces and punctuation).
    static func text(_ text: String) -> String {
        guard text.contains(where: { ":;!?«»%$€".contains($0) }) else { return text }
        let characters = Array(text)
        var result: [Character] = []
        result.reserveCapacity(characters.count + 8)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case " " where next.map { ":»".contains($0) } == true,
                 " " where next.map { "%$€".contains($0) } == true && result.last?.isNumber == true:
                result.append(noBreak)
            case " " where next.map { ";!?".contains($0) } == true:
                result.append(narrowNoBreak)
            case ";", "!", "?":
                if !(character == ";" && endsEntity(result)), let last = result.last,
                   last.isLetter || last.isNumber || "»)\"'’".contains(last),
                   next.map({ $0.isWhitespace || "»)\"'’.,;!?<".contains($0) }) ?? true {
                    result.append(narrowNoBreak)
                }
                result.append(character)
            case "«":
                result.append(character)
                if next == " " { index += 1 }
                result.append(noBreak)
            case "»":
                if let last = result.last, last != noBreak, !last.isWhitespace { result.append(noBreak) }
                result.append(character)
            default:
                result.append(character)
            }
            index += 1
        }
        return String(result)
    }

    /// True when the text so far ends with `&name` or `&#123`: the `;` that follows closes a character reference.
    private static func endsEntity(_ text: [Character]) -> Bool {
        for character in text.reversed().prefix(32) {
            if character == "&" { return true }
            if !(character.isLetter || character.isNumber || character == "#") { return false }
        }
        return false
    }

    private static let readableAttributes = ["alt", "title", "aria-label", "placeholder", "aria-description"]

    /// A start tag with the text of its readable attributes set.
    private static func attributes(_ tag: String) -> String {
        guard tag.contains(where: { ":;!?«»%".contains($0) }) else { return tag }
        var output = tag
        for name in readableAttributes {
            guard let start = output.range(of: " \(name)=\"") else { continue }
            guard let end = output[start.upperBound...].firstIndex(of: "\"") else { continue }
            let value = String(output[start.upperBound..<end])
            output.replaceSubrange(start.upperBound..<end, with: text(value))
        }
        return output
    }

    /// `p`, `/p`, `!--`: the tag's name, lower case.
    private static func tagName(_ tag: Substring) -> String {
        var name = ""
        for (offset, character) in tag.dropFirst().enumerated() {
            if character.isWhitespace || character == ">" || (character == "/" && offset > 0) { break }
            name.append(character)
        }
        return name.lowercased()
    }
}
