import Foundation

/// Escaping for text and attribute values we write into HTML ourselves, and for every `{{name}}`
/// the templates print (see `TemplateLibrary`).
public enum HTML {
    /// `& < > " '` as entities; everything else unchanged. Works on the UTF-8 bytes: all five
    /// are ASCII, so no multi-byte character can contain one.
    public static func escape(_ text: String) -> String {
        var text = text
        let escaped: String? = text.withUTF8 { bytes in
            var extra = 0
            for byte in bytes where byte < 0x3F { extra += added(by: byte) }
            guard extra > 0 else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count + extra) { out in
                var index = 0
                func put(_ entity: StaticString) {
                    entity.withUTF8Buffer { for byte in $0 { out[index] = byte; index += 1 } }
                }
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "&"): put("&amp;")
                    case UInt8(ascii: "<"): put("&lt;")
                    case UInt8(ascii: ">"): put("&gt;")
                    case UInt8(ascii: "\""): put("&quot;")
                    case UInt8(ascii: "'"): put("&#39;")
                    default: out[index] = byte; index += 1
                    }
                }
                return index
            }
        }
        return escaped ?? text
    }

    /// Interface text for HTML text and `"`-quoted attribute values: `& < > "` as entities, and an
    /// apostrophe left as it is, as the templates write it.
    public static func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") })
        else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// How many bytes escaping `byte` adds.
    @inline(__always)
    private static func added(by byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "&"): 4
        case UInt8(ascii: "<"), UInt8(ascii: ">"): 3
        case UInt8(ascii: "\""): 5
        case UInt8(ascii: "'"): 4
        default: 0
        }
    }
}
