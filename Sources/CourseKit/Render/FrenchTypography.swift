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
    static let noBreak: Unicode.Scalar = "\u{00A0}"
    static let narrowNoBreak: Unicode.Scalar = "\u{202F}"

    /// True for the languages these rules are for: French, in any region.
    static func applies(to language: String) -> Bool {
        let primary = language.split(separator: "-").first.map { $0.lowercased() }
        return primary == "fr"
    }

    /// A page with its text set; tags, attributes other than the readable ones, and the
    /// contents of script, style, pre, code and textarea are left as they are. Scans the
    /// page's bytes: `<` and `>` are ASCII, so they never fall inside a multi-byte character.
    static func html(_ page: String) -> String {
        let bytes = Array(page.utf8)
        var output = ""
        output.reserveCapacity(bytes.count + bytes.count / 50)
        var position = 0
        var skipping: String?   // the element whose end tag we wait for
        func piece(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        while position < bytes.count {
            guard let open = bytes[position...].firstIndex(of: UInt8(ascii: "<")) else { break }
            let between = piece(position..<open)
            output += skipping == nil ? text(between) : between
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: ">")) else {
                position = open
                break
            }
            let tag = piece(open..<close + 1)
            let name = tagName(bytes[(open + 1)...close])
            if let element = skipping {
                if name == "/" + element { skipping = nil }
                output += tag
            } else {
                if ["script", "style", "pre", "code", "textarea"].contains(name), bytes[close - 1] != UInt8(ascii: "/") { skipping = name }
                output += name.hasPrefix("/") || name.hasPrefix("!") ? tag : attributes(tag)
            }
            position = close + 1
        }
        if position < bytes.count {
            let rest = piece(position..<bytes.count)
            output += skipping == nil ? text(rest) : rest
        }
        return output
    }

    /// One run of text (already HTML-escaped or not: the rules touch only spaces and punctuation).
    static func text(_ text: String) -> String {
        guard mayNeedSpaces(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        result.reserveCapacity(scalars.count + 8)
        var last: Unicode.Scalar? { result.last }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar {
            case " " where next == ":" || next == "»",
                 " " where next.map { "%$€".unicodeScalars.contains($0) } == true && last.map(isDigit) == true:
                result.append(noBreak)
            case " " where next.map { ";!?".unicodeScalars.contains($0) } == true:
                result.append(narrowNoBreak)
            case ";", "!", "?":
                if !(scalar == ";" && endsEntity(result)), let last, isWordEnd(last),
                   next.map({ $0.properties.isWhitespace || "»)\"'’.,;!?<".unicodeScalars.contains($0) }) ?? true {
                    result.append(narrowNoBreak)
                }
                result.append(scalar)
            case "«":
                result.append(scalar)
                if next == " " { index += 1 }
                result.append(noBreak)
            case "»":
                if let last, last != noBreak, !last.properties.isWhitespace { result.append(noBreak) }
                result.append(scalar)
            default:
                result.append(scalar)
            }
            index += 1
        }
        return String(result)
    }

    /// A quick look at the bytes: ASCII punctuation the rules handle, or a byte that ends « » or €
    /// (those bytes end other characters too; the full pass then finds nothing to do).
    private static func mayNeedSpaces(_ text: String) -> Bool {
        text.utf8.contains { byte in
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"),
                 UInt8(ascii: "%"), UInt8(ascii: "$"), 0xAB, 0xBB, 0xAC: true
            default: false
            }
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.numericType != nil }

    /// A letter, a digit, or a closing mark: what ; ! ? may follow with a narrow space.
    private static func isWordEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || isDigit(scalar) || "»)\"'’".unicodeScalars.contains(scalar)
    }

    /// True when the text so far ends with `&name` or `&#123`: the `;` that follows closes a character reference.
    private static func endsEntity(_ text: String.UnicodeScalarView) -> Bool {
        for scalar in text.reversed().prefix(32) {
            if scalar == "&" { return true }
            if !(scalar.properties.isAlphabetic || isDigit(scalar) || scalar == "#") { return false }
        }
        return false
    }

    private static let readableAttributes = ["alt", "title", "aria-label", "placeholder", "aria-description"]

    /// A start tag with the text of its readable attributes set.
    private static func attributes(_ tag: String) -> String {
        guard mayNeedSpaces(tag) else { return tag }
        var output = tag
        for name in readableAttributes {
            guard let start = output.firstRange(of: " \(name)=\"") else { continue }
            guard let end = output[start.upperBound...].firstIndex(of: "\"") else { continue }
            let value = String(output[start.upperBound..<end])
            output.replaceSubrange(start.upperBound..<end, with: text(value))
        }
        return output
    }

    /// `p`, `/p`, `!--`: the name of the tag whose bytes after `<` these are, lower case.
    private static func tagName(_ bytes: ArraySlice<UInt8>) -> String {
        var name: [UInt8] = []
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: ">") || (byte == UInt8(ascii: "/") && offset > 0) { break }
            name.append(byte | (byte >= 65 && byte <= 90 ? 0x20 : 0))
        }
        return String(decoding: name, as: UTF8.self)
    }
}
