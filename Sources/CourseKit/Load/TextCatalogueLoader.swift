import Foundation

extension TextCatalogue {
    /// Reads `i18n/<language>.yaml` from the templates folder and checks it against `en.yaml`:
    /// a key missing from it or not in English, a placeholder one side uses and the other does
    /// not, or plural forms on one side only, is an error at its place. `displayPath` is the
    /// templates folder as messages name it.
    public static func load(templates: URL, displayPath: String, language: String) -> Result<TextCatalogue, BuildFailure> {
        let loader = TextCatalogueLoader(templates: templates, displayPath: displayPath)
        var diagnostics: [Diagnostic] = []
        guard let read = loader.read(language, into: &diagnostics) else { return .failure(BuildFailure(diagnostics)) }
        if language != reference {
            if let english = loader.read(reference, into: &diagnostics) {
                diagnostics += loader.compare(read, with: english)
            }
        }
        guard !diagnostics.containsErrors else { return .failure(BuildFailure(diagnostics)) }
        return .success(TextCatalogue(language: language, entries: read.entries.mapValues(\.entry)))
    }
}

/// One catalogue file read, every key with where it stands.
struct ReadCatalogue {
    struct Located {
        var entry: TextCatalogue.Entry
        var key: SourceLocation
        var value: SourceLocation
    }

    var file: String
    var entries: [String: Located] = [:]
    /// Where the key of each mapping that holds keys stands, by its dotted key.
    var mappings: [String: SourceLocation] = [:]
}

struct TextCatalogueLoader {
    static let pluralCategories: Set = ["zero", "one", "two", "few", "many", "other"]

    let templates: URL
    let displayPath: String

    func file(of language: String) -> String {
        let name = "\(TextCatalogue.folder)/\(language).yaml"
        return displayPath.isEmpty ? name : "\(displayPath)/\(name)"
    }

    /// The catalogue of `language`, or nil after reporting why it cannot be read.
    func read(_ language: String, into diagnostics: inout [Diagnostic]) -> ReadCatalogue? {
        let file = file(of: language)
        guard language.split(separator: "-").allSatisfy({ TextCatalogue.isName($0) }), !language.hasSuffix("-") else {
            diagnostics.append(.error(CatalogueProblem.notALanguageTag(language), at: SourceLocation(file: file)))
            return nil
        }
        let path = templates.appendingPathComponent("\(TextCatalogue.folder)/\(language).yaml").path
        guard let bytes = ContentFiles.contents(of: path) else {
            diagnostics.append(.error(CatalogueProblem.noCatalogue(language: language, add: file, reference: TextCatalogue.reference),
                                      at: SourceLocation(file: file)))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(.error(CatalogueProblem.notUTF8, at: SourceLocation(file: file)))
            return nil
        }
        var reader = YAMLReader(origin: SourceLocation(file: file))
        defer { diagnostics += reader.diagnostics }
        guard let root = reader.parseMapping(text, what: "the text catalogue") else { return nil }
        var catalogue = ReadCatalogue(file: file)
        add(root, prefix: "", to: &catalogue, reader: &reader)
        return catalogue
    }

    /// Adds every key under `map`, dotted after `prefix`.
    private func add(_ map: YAMLMapping, prefix: String, to catalogue: inout ReadCatalogue, reader: inout YAMLReader) {
        for (name, keyNode, value) in map.entries {
            let key = prefix.isEmpty ? name : "\(prefix).\(name)"
            let at = reader.location(of: keyNode)
            guard TextCatalogue.isName(name[...]) else {
                reader.report(CatalogueProblem.badKey(key), at: at)
                continue
            }
            if let text = value.string {
                catalogue.entries[key] = .init(entry: .text(text), key: at, value: reader.location(of: value))
            } else if let pairs = value.mapping {
                let nested = YAMLMapping(mapping: pairs, location: reader.location(of: value))
                if let forms = pluralForms(nested) {
                    catalogue.entries[key] = .init(entry: .plural(forms), key: at, value: nested.location)
                } else {
                    catalogue.mappings[key] = at
                    add(nested, prefix: key, to: &catalogue, reader: &reader)
                }
            } else {
                reader.report(CatalogueProblem.notTextOrMapping(key: key), at: reader.location(of: value))
            }
        }
    }

    /// The forms of a mapping that holds only plural categories, `other` among them, as texts.
    private func pluralForms(_ map: YAMLMapping) -> [String: String]? {
        let names = map.entries.map(\.key)
        guard names.contains("other"), names.allSatisfy(Self.pluralCategories.contains) else { return nil }
        var forms: [String: String] = [:]
        for (name, _, value) in map.entries {
            guard let text = value.string else { return nil }
            forms[name] = text
        }
        return forms
    }

    /// Every difference between a translation and the English catalogue.
    func compare(_ translation: ReadCatalogue, with english: ReadCatalogue) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let reference = "\(TextCatalogue.reference).yaml"
        for key in english.entries.keys.sorted() where translation.entries[key] == nil {
            diagnostics.append(.error(CatalogueProblem.missingKey(key, reference: reference),
                                      at: nearestMapping(of: key, in: translation)))
        }
        for (key, located) in translation.entries.sorted(by: { $0.key < $1.key }) {
            guard let original = english.entries[key] else {
                let guess = Suggestion.closest(to: key, in: english.entries.keys)
                diagnostics.append(.error(CatalogueProblem.unknownKey(key, reference: reference, suggestion: guess), at: located.key))
                continue
            }
            diagnostics += differences(of: key, located, from: original.entry, reference: reference)
        }
        return diagnostics
    }

    /// A translated text's placeholders and plural forms against the English text's.
    private func differences(of key: String, _ located: ReadCatalogue.Located, from original: TextCatalogue.Entry,
                             reference: String) -> [Diagnostic] {
        switch (original, located.entry) {
        case (.text, .plural):
            return [.error(CatalogueProblem.pluralInTranslation(key: key, reference: reference), at: located.value)]
        case (.plural, .text):
            return [.error(CatalogueProblem.needsPluralForms(key: key, reference: reference), at: located.value)]
        default:
            let expected = Set(original.forms.flatMap(TextCatalogue.placeholders))
            let found = Set(located.entry.forms.flatMap(TextCatalogue.placeholders))
            let extra = found.subtracting(expected).sorted().map {
                Diagnostic.error(CatalogueProblem.extraPlaceholder(key: key, placeholder: $0, reference: reference), at: located.value)
            }
            let lacking = expected.subtracting(found).sorted().map {
                Diagnostic.error(CatalogueProblem.lackingPlaceholder(key: key, placeholder: $0, reference: reference), at: located.value)
            }
            return extra + lacking
        }
    }

    /// Where a missing key would go: its closest enclosing mapping that the file has.
    private func nearestMapping(of key: String, in catalogue: ReadCatalogue) -> SourceLocation {
        var parts = key.split(separator: ".").dropLast()
        while !parts.isEmpty {
            if let found = catalogue.mappings[parts.joined(separator: ".")] { return found }
            parts = parts.dropLast()
        }
        return SourceLocation(file: catalogue.file)
    }
}
