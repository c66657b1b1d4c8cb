import Foundation

/// Makes heading ids: lower case, ASCII letters and digits joined by dashes, unique on the page.
struct Slugger {
    private var used: Set<String>

    init(reserved: [String] = []) {
        used = Set(reserved)
    }

    mutating func slug(for text: String) -> String {
        let base = Self.slugify(text)
        var candidate = base
        var counter = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// "Québec's French-language duties" → "quebecs-french-language-duties".
    static func slugify(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? slugifyASCII(text) : slugifyScalars(text)
    }

    /// `slugify` one Unicode scalar at a time, accents taken off.
    static func slugifyScalars(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        let lowered = text.lowercased()
        let decomposed = lowered.utf8.allSatisfy { $0 < 0x80 } ? lowered : lowered.decomposedStringWithCanonicalMapping
        for scalar in decomposed.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else if scalar.properties.isWhitespace || "-_/.:".unicodeScalars.contains(scalar) {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// `slugify` for text that is all ASCII, byte by byte: most headings are.
    static func slugifyASCII(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            let kept: UInt8
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): kept = byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): kept = byte + 32
            case 0x09...0x0D, UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: ":"):
                pendingDash = true
                continue
            default: continue
            }
            if pendingDash, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
            slug.append(kept)
            pendingDash = false
        }
        return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
    }
}
