/// The tags of a Mustache template's text, in order, with where they stand: enough to report a
/// missing partial at its line and column and to tell which partials can be rendered once and
/// reused (`PartialCache`). swift-mustache parses the templates for rendering; this only looks.
struct TemplateTags {
    struct Tag {
        /// The sigil: `#`, `^`, `/`, `>`, `<`, `$`, `&`, `{`, `!`, `=`, `%`, or nil for `{{name}}`.
        var kind: Character?
        var name: String
        var line: Int
        var column: Int
        /// How many `{{#…}}`/`{{^…}}` sections the tag is inside.
        var sectionDepth: Int
        /// Only spaces or tabs before the tag on its line: a standalone partial there is indented.
        var isIndented: Bool
        /// Where the tag's `{{` starts and where its closing braces end, as UTF-8 offsets.
        var bytes: Range<Int>
    }

    private(set) var tags: [Tag] = []
    /// The text changes its delimiters (`{{=<% %>=}}`): the tags after that are not found.
    private(set) var changesDelimiters = false
    /// The text breaks a line with something other than "\n" or "\r\n" (a lone "\r", a form
    /// feed, NEL, LS or PS), which Mustache also ends lines at: `isIndented` may then be wrong.
    private(set) var hasOtherLineBreaks = false

    init(_ text: String) {
        let bytes = Array(text.utf8)
        hasOtherLineBreaks = Self.hasOtherLineBreaks(bytes)
        var index = 0, line = 1, lineStart = 0
        var sections: [Bool] = []  // per open tag with a closing tag: does it count as a section?
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            let open = index
            let isTriple = index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: "{")
            let bodyStart = open + (isTriple ? 3 : 2)
            guard let close = Self.find(isTriple ? "}}}" : "}}", in: bytes, from: bodyStart) else { break }
            let body = String(decoding: bytes[bodyStart..<close], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let kind: Character? = isTriple ? "{" : body.first.flatMap { "#^/><$&!=%".contains($0) ? $0 : nil }
            let name = (isTriple || kind == nil ? body : String(body.dropFirst())).trimmingCharacters(in: .whitespaces)
            let before = bytes[lineStart..<open]
            let depth = sections.filter { $0 }.count
            let end = close + (isTriple ? 3 : 2)
            tags.append(Tag(kind: kind, name: name, line: line, column: String(decoding: before, as: UTF8.self).count + 1, sectionDepth: depth,
                            isIndented: !before.isEmpty && before.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") },
                            bytes: open..<end))
            switch kind {
            case "#", "^": sections.append(true)
            case "<", "$": sections.append(false)
            case "/": _ = sections.popLast()
            case "=": changesDelimiters = true
            default: break
            }
            if changesDelimiters { break }
            // Lines inside the tag (a comment may span several) still count.
            for byte in bytes[open..<close] where byte == UInt8(ascii: "\n") {
                line += 1
            }
            if let lastNewline = bytes[open..<close].lastIndex(of: UInt8(ascii: "\n")) { lineStart = lastNewline + 1 }
            index = end
        }
    }

    private static func hasOtherLineBreaks(_ bytes: [UInt8]) -> Bool {
        func at(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }
        for index in bytes.indices {
            switch bytes[index] {
            case 0x0B, 0x0C: return true
            case 0x0D where at(index + 1) != 0x0A: return true
            case 0xC2 where at(index + 1) == 0x85: return true
            case 0xE2 where at(index + 1) == 0x80 && (at(index + 2) == 0xA8 || at(index + 2) == 0xA9): return true
            default: continue
            }
        }
        return false
    }

    private static func find(_ needle: StaticString, in bytes: [UInt8], from start: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        let first = needle.utf8Start.pointee
        var index = start
        while index + count <= bytes.count {
            if bytes[index] == first, (0..<count).allSatisfy({ bytes[index + $0] == needle.utf8Start[$0] }) { return index }
            index += 1
        }
        return nil
    }
}
