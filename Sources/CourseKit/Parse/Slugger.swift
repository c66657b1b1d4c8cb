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
}
