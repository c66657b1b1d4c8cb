extension JSONWriter {
    /// Appends `text` escaped by the policy (see `JSONWriter`): the runs between escapes are
    /// copied whole.
    static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var run = 0, index = 0
        while index < text.count {
            let byte = text[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<") || byte == 0xE2,
                  let (escape, width) = escape(text, at: index) else {
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<index]))
            bytes.append(contentsOf: escape)
            index += width
            run = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<text.count]))
    }

    /// The escape for the character starting at `index`, and how many bytes it replaces; nil
    /// when it is written as it is (a character from U+2000 to U+2FFF other than U+2028 and U+2029).
    private static func escape(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> ([UInt8], Int)? {
        switch text[index] {
        case UInt8(ascii: "\""): return (Array(#"\""#.utf8), 1)
        case UInt8(ascii: "\\"): return (Array(#"\\"#.utf8), 1)
        case UInt8(ascii: "<"): return (Array(#"\u003c"#.utf8), 1)
        case 0x08: return (Array(#"\b"#.utf8), 1)
        case 0x0C: return (Array(#"\f"#.utf8), 1)
        case 0x0A: return (Array(#"\n"#.utf8), 1)
        case 0x0D: return (Array(#"\r"#.utf8), 1)
        case 0x09: return (Array(#"\t"#.utf8), 1)
        case 0xE2:
            guard index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0xA8 || text[index + 2] == 0xA9 else { return nil }
            return (Array((text[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8), 3)
        case let control:
            let hex = Array("0123456789abcdef".utf8)
            return (Array(#"\u00"#.utf8) + [hex[Int(control >> 4)], hex[Int(control & 0x0F)]], 1)
        }
    }
}
