import Foundation

/// The interface text of one language, from `Templates/i18n/<language>.yaml`: every word the
/// templates, the scripts and the renderer print, by a dotted key (`nav.modules`), with named
/// placeholders (`{count}`) where a value goes in and `one` / `other` forms where a count is shown
/// (the scripts pick the form, with `Intl.PluralRules`).
public struct TextCatalogue: Sendable {
    /// The folder of the catalogues inside the templates folder.
    public static let folder = "i18n"
    /// The language every other catalogue is checked against.
    public static let reference = "en"

    /// One key's text: a single string, or one string per plural category (`one`, `other`, …).
    public enum Entry: Sendable, Equatable {
        case text(String)
        case plural([String: String])

        /// Every form of the text.
        var forms: [String] {
            switch self {
            case .text(let text): [text]
            case .plural(let forms): forms.keys.sorted().map { forms[$0]! }
            }
        }
    }

    public let language: String
    /// Every key, dotted, with its text.
    public let entries: [String: Entry]

    /// A catalogue without texts, which prints every key as it is: for compiling pages that
    /// no one reads, such as the answer key's.
    public static let keysOnly = TextCatalogue(language: reference, entries: [:])

    public init(language: String, entries: [String: Entry]) {
        self.language = language
        self.entries = entries
    }

    /// The text of `key` with its placeholders filled from `values`; the key itself when the
    /// catalogue lacks it (the build checks every key the code uses).
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        guard case .text(let text) = entries[key] else { return key }
        return Self.fill(text, with: values)
    }

    /// The names between braces in `text`, in order: `{title}` → `title`.
    static func placeholders(in text: String) -> [String] {
        pieces(of: text).compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    /// `text` with each `{name}` replaced by its value; unknown names stay as written.
    static func fill(_ text: String, with values: [String: String]) -> String {
        pieces(of: text).map { piece in
            switch piece {
            case .literal(let literal): literal
            case .placeholder(let name): values[name] ?? "{\(name)}"
            }
        }.joined()
    }

    enum Piece: Equatable {
        case literal(String)
        case placeholder(String)
    }

    /// `text` split into literal text and `{name}` placeholders (a name is letters and digits,
    /// starting with a letter); any other brace is literal text.
    static func pieces(of text: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), isName(after[..<close]) {
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.placeholder(String(after[..<close])))
                rest = after[after.index(after: close)...]
            } else {
                literal += "{"
                rest = after
            }
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }

    /// A key or placeholder name: an ASCII letter, then letters and digits.
    static func isName(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }
}
