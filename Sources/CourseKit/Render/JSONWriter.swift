/// JSON for the browser, written byte by byte with one escaping policy, so that any value can
/// go inside a `<script>` element and into every JavaScript engine's string literals.
///
/// Every string — keys included — has `"` and `\` escaped, control characters as `\b`, `\f`,
/// `\n`, `\r`, `\t` or `\u00xx`, `<` as `\u003c` (no value can close the script element or
/// open a comment in it), and U+2028 and U+2029 as `\u2028` and `\u2029` (line breaks inside
/// a string literal to engines older than ES2019); everything else, non-ASCII included, is
/// written as it is. Megabytes of search index and course data go through here, so strings
/// are copied a run at a time between the few bytes that need escaping.
///
/// Commas are the writer's: write `key(_:)` then a value inside `object`, values inside `array`.
public struct JSONWriter: Sendable {
    private var bytes: [UInt8] = []
    /// Whether the next key or value follows another in the same object or list.
    private var follows = false

    public init() {}

    /// The value `write` writes, once, as JSON.
    public static func encode(_ write: (inout JSONWriter) -> Void) -> JSON {
        var writer = JSONWriter()
        write(&writer)
        return JSON(bytes: writer.bytes)
    }

    /// A string literal, escaped by the policy above.
    public mutating func string(_ text: String) {
        separate()
        appendLiteral(text)
        follows = true
    }

    public mutating func number(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        follows = true
    }

    /// A number as JavaScript reads it back: whole numbers without a fraction, others in the
    /// shortest form that round-trips; `null` for infinities and NaN, which JSON cannot write.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        separate()
        let whole = value == value.rounded() && abs(value) < 1e15
        bytes.append(contentsOf: (whole ? String(Int(value)) : String(value)).utf8)
        follows = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        follows = true
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        follows = true
    }

    /// A value this writer wrote earlier (a module's entry kept between builds).
    public mutating func json(_ value: JSON) {
        separate()
        bytes.append(contentsOf: value.bytes)
        follows = true
    }

    /// `{…}`: `members` writes each `key(_:)` and its value.
    public mutating func object(_ members: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        members(&self)
        close(UInt8(ascii: "}"))
    }

    /// `{…}` with `members`' keys in sorted order, so the text is the same from build to build.
    public mutating func object<Value>(sorting members: [String: Value], _ write: (inout JSONWriter, Value) -> Void) {
        object { writer in
            for name in members.keys.sorted() {
                writer.key(name)
                write(&writer, members[name]!)
            }
        }
    }

    /// `[…]`: `elements` writes each value.
    public mutating func array(_ elements: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        elements(&self)
        close(UInt8(ascii: "]"))
    }

    /// `[…]`, one value for each of `items`.
    public mutating func list<Items: Sequence>(_ items: Items, _ write: (inout JSONWriter, Items.Element) -> Void) {
        array { writer in
            for item in items { write(&writer, item) }
        }
    }

    public mutating func strings(_ texts: [String]) {
        list(texts) { $0.string($1) }
    }

    /// A member's name, inside `object`; its value comes next.
    public mutating func key(_ name: String) {
        separate()
        appendLiteral(name)
        bytes.append(UInt8(ascii: ":"))
        follows = false
    }

    /// A line break before the next key or value (after the comma that separates them): white
    /// space, for files read in a diff. Something must follow it.
    public mutating func lineBreak() {
        separate()
        bytes.append(UInt8(ascii: "\n"))
        follows = false
    }

    private mutating func separate() {
        if follows { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        follows = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        follows = true
    }

    private mutating func appendLiteral(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { JSONWriter.appendEscaped($0, to: &bytes) }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// JSON text that a `JSONWriter` wrote, and so escaped by its policy.
public struct JSON: Equatable, Sendable {
    fileprivate let bytes: [UInt8]

    public var text: String { String(decoding: bytes, as: UTF8.self) }
    public var utf8Count: Int { bytes.count }
}
