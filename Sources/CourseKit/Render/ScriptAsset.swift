/// A script the build generates for the site's own scripts to read: one global assigned one
/// JSON value, written by `JSONWriter` (so no string in it can close the script element),
/// because pages opened from disk cannot fetch a JSON file.
///
/// The globals are named in one scheme: `window.Meridian` and a capitalised noun, the prefix
/// the site's hand-written modules use too (`MeridianStore`, `MeridianGrading`…), so one
/// search finds every global a page has.
public struct ScriptAsset: Sendable {
    /// The globals the generated scripts assign, and the scripts in `Templates/assets/` and
    /// `LMS/scorm12/` that read them.
    public enum Global: String, Sendable, CaseIterable {
        /// `assets/course-data.js`: the modules, questions and grading spec (grading.js, progress.js…).
        case course = "MeridianCourse"
        /// `assets/countries-data.js`: the scores and the dimension guide (compare.js).
        case countries = "MeridianCountries"
        /// `assets/search-index.js`: the pages and their sections (search.js).
        case search = "MeridianSearch"
        /// `assets/text.js`: the interface catalogue (i18n.js).
        case text = "MeridianText"
    }

    public var global: Global
    /// What the file is and where it comes from, for a reader who opens it.
    public var comment: String
    public var value: JSON

    public init(_ global: Global, comment: String, value: JSON) {
        self.global = global
        self.comment = comment
        self.value = value
    }

    /// `// comment`, then `window.MeridianX = value;`.
    public var text: String {
        var out = "// " + comment.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
        out.reserveCapacity(out.utf8.count + value.utf8Count + 32)
        out += "window." + global.rawValue + " = "
        out += value.text
        out += ";\n"
        return out
    }

    /// The JSON text a generated script assigns to `global`, for the tools that read a built
    /// site; nil when `script` is not one.
    public static func json(of global: Global, in script: String) -> Substring? {
        guard let start = script.range(of: "\nwindow." + global.rawValue + " = ")?.upperBound,
              script.hasSuffix(";\n") else { return nil }
        let end = script.index(script.endIndex, offsetBy: -2)
        return start <= end ? script[start..<end] : nil
    }
}
