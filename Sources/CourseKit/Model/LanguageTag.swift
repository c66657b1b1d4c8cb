import Foundation

/// A BCP 47 language tag as a course names its languages: `en`, `fr-CA`, `zh-Hant-TW`.
public enum LanguageTag {
    /// The well-formed tags of RFC 5646 that a course needs: a language, then optionally a
    /// script, a region and variants. Private-use and grandfathered tags are refused.
    public static func isWellFormed(_ tag: String) -> Bool {
        tag.wholeMatch(of: /[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*/) != nil
    }

    /// The language's name in itself, as a language menu shows it: "Français", or "Français
    /// (Canada)" when another of `tags` is French too.
    public static func autonym(_ tag: String, among tags: [String] = []) -> String {
        let primary = String(tag.split(separator: "-")[0])
        let shared = tags.filter { $0 != tag && $0.split(separator: "-").first.map(String.init)?.lowercased() == primary.lowercased() }
        let named = shared.isEmpty ? primary : tag
        guard let name = Locale(identifier: tag).localizedString(forIdentifier: named), let first = name.first else { return tag }
        return first.uppercased() + name.dropFirst()
    }

    /// The folder of a language's content and pages: none for the default language.
    public static func folder(_ tag: String, of config: CourseConfig) -> String {
        tag == config.defaultLanguage ? "" : tag + "/"
    }
}
