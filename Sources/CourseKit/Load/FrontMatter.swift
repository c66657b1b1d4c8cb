/// Splits a Markdown file into its YAML front matter and its body.
package struct FrontMatter {
    /// The YAML between the `---` lines, or nil when the file has none.
    package var yaml: String?
    package var body: String
    /// Lines before the body (the front matter and its two fences).
    package var bodyLineOffset: Int

    /// Fails with a diagnostic when a front matter is opened and never closed.
    package static func split(_ text: String, file: String) -> Result<FrontMatter, Diagnostic> {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard text.hasPrefix("---"), text.dropFirst(3).first?.isNewline == true else {
            return .success(FrontMatter(yaml: nil, body: text, bodyLineOffset: 0))
        }
        if let plain = splitAtLineFeeds(text) { return .success(plain) }
        var lineNumber = 0
        var yamlLines: [Substring] = []
        var index = text.startIndex
        while index < text.endIndex {
            let end = text[index...].firstIndex(where: \.isNewline) ?? text.endIndex
            let line = text[index..<end]
            lineNumber += 1
            let next = end < text.endIndex ? text.index(after: end) : end
            if lineNumber > 1, line == "---" || line == "..." {
                return .success(FrontMatter(yaml: yamlLines.joined(separator: "\n"),
                                            body: String(text[next...]), bodyLineOffset: lineNumber))
            }
            if lineNumber > 1 { yamlLines.append(line) }
            index = next
        }
        return .failure(.error(FileProblem.frontMatterNotClosed,
                               at: SourceLocation(file: file, line: 1, column: 1)))
    }

    /// `split` for the usual file, read as UTF-8 bytes: a closing fence found, and no line break
    /// but "\n" before it. nil otherwise, and `split` reads the text `Character` by `Character`.
    private static func splitAtLineFeeds(_ text: String) -> FrontMatter? {
        var text = text
        return text.withUTF8 { bytes -> FrontMatter? in
            let lineFeed = UInt8(ascii: "\n")
            guard bytes.count > 3, bytes[3] == lineFeed else { return nil }
            var lineStart = 4, lineNumber = 1
            while lineStart < bytes.count {
                var end = lineStart
                while end < bytes.count, bytes[end] != lineFeed {
                    if breaksLine(bytes, at: end) { return nil }
                    end += 1
                }
                lineNumber += 1
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                    let yaml = lineStart > 4 ? String(decoding: UnsafeBufferPointer(rebasing: bytes[4..<(lineStart - 1)]), as: UTF8.self) : ""
                    let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[min(bytes.count, end + 1)...]), as: UTF8.self)
                    return FrontMatter(yaml: yaml, body: body, bodyLineOffset: lineNumber)
                }
                lineStart = end + 1
            }
            return nil
        }
    }

    /// A line break other than "\n" starts at `index`: "\r", VT, FF, NEL, LS or PS.
    private static func breaksLine(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch bytes[index] {
        case 0x0B, 0x0C, 0x0D: return true
        case 0xC2: return next(1) == 0x85
        case 0xE2: return next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9)
        default: return false
        }
    }
}
