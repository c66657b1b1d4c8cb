@testable import CourseKit
import Foundation
import Testing

/// The interface text: each catalogue checked against English, each mistake at its place; every
/// key the templates, the scripts and the renderer use is in the catalogue, and none is unused.
@Suite("Text catalogues")
struct TextCatalogueTests {
    static let english = """
    nav:
      modules: Modules
      search: Search
    quiz:
      score: "{right} of {total} right"
      found:
        one: "{count} result"
        other: "{count} results"

    """

    /// `files` (name → text) in a templates folder of their own, loaded for `language`.
    static func messages(_ files: [String: String], language: String = "fr-CA") throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-texts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("i18n"), withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent("i18n/\(name)"), atomically: true, encoding: .utf8)
        }
        switch TextCatalogue.load(templates: folder, displayPath: "Templates", language: language) {
        case .success: return []
        case .failure(let failure): return failure.diagnostics.map(\.description)
        }
    }

    @Test func aTranslationIsCheckedKeyByKeyAgainstEnglish() throws {
        let french = """
        nav:
          modules: Modules
          serach: Rechercher
        quiz:
          score: "{right} bonnes réponses"
          found: "{count} résultats"

        """
        #expect(try Self.messages(["en.yaml": Self.english, "fr-CA.yaml": french]) == [
            "Templates/i18n/fr-CA.yaml:1:1: error: missing key 'nav.search', which en.yaml has",
            "Templates/i18n/fr-CA.yaml:3:3: error: key 'nav.serach' is not in en.yaml (did you mean 'nav.search'?)",
            "Templates/i18n/fr-CA.yaml:5:10: error: 'quiz.score' lacks {total}, which en.yaml has",
            "Templates/i18n/fr-CA.yaml:6:10: error: 'quiz.found' needs plural forms (one, other), as in en.yaml",
        ])
    }

    @Test func aPlaceholderEnglishDoesNotHaveIsAnError() throws {
        let french = """
        nav:
          modules: Modules
          search: Rechercher {query}
        quiz:
          score: "{right} sur {total}"
          found:
            one: "{count} résultat"
            other: "{count} résultats"

        """
        #expect(try Self.messages(["en.yaml": Self.english, "fr-CA.yaml": french]) == [
            "Templates/i18n/fr-CA.yaml:3:11: error: 'nav.search' uses {query}, which en.yaml does not",
        ])
    }

    @Test func aLanguageWithoutACatalogueIsAnErrorAtTheFileToAdd() throws {
        #expect(try Self.messages(["en.yaml": Self.english], language: "de") == [
            "Templates/i18n/de.yaml:1:1: error: no text catalogue for language 'de': add Templates/i18n/de.yaml, translated from en.yaml",
        ])
    }

    @Test func aCatalogueHoldsOnlyTextsUnderNamedKeys() throws {
        let english = """
        nav:
          modules: [Modules]
          search-page: Search

        """
        #expect(try Self.messages(["en.yaml": english], language: "en") == [
            "Templates/i18n/en.yaml:2:12: error: 'nav.modules' must be a text or a mapping of keys to texts",
            "Templates/i18n/en.yaml:3:3: error: key 'nav.search-page': a key is letters and digits, starting with a letter",
        ])
    }

    @Test func textsFillTheirPlaceholders() throws {
        let texts = try TextCatalogue.load(templates: Repository.templates, displayPath: "Templates", language: "fr-CA").get()
        #expect(texts.text("certificate.missing.module", ["number": "3", "title": "Le temps"]) == "Module 3 : Le temps")
        #expect(texts.text("band.thresholds", ["low": "35", "high": "65"]) == "faible sous 35, moyen de 35 à 65, élevé au-dessus de 65")
        #expect(Repository.englishTexts.text("no.such.key") == "no.such.key")
    }

    /// Every key the templates print, the scripts ask for (the site's and the SCORM package's)
    /// and the Swift code names.
    static func uses() throws -> (templates: [TextUse], scripts: [String], sources: String) {
        let library = try TemplateLibrary.load(from: Repository.templates, displayPath: "Templates").get()
        let folders = [Repository.templates.appendingPathComponent("assets"), Repository.root.appendingPathComponent("LMS/scorm12")]
        let scripts = try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".js") }.sorted()
                .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        }
        let sourceFolder = Repository.root.appendingPathComponent("Sources")
        let swiftFiles = FileManager.default.enumerator(atPath: sourceFolder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        let sources = try swiftFiles.map { try String(contentsOf: sourceFolder.appendingPathComponent($0), encoding: .utf8) }.joined()
        return (library.textUses, scripts, sources)
    }

    /// The keys of every `MeridianI18n.t("key"…)` in the scripts.
    static func scriptKeys(in scripts: [String]) -> Set<String> {
        Set(scripts.flatMap { script in
            script.components(separatedBy: "MeridianI18n.t(\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
        })
    }

    @Test func everyTextTheTemplatesAndScriptsUseIsInTheEnglishCatalogue() throws {
        let (templates, scripts, _) = try Self.uses()
        #expect(Repository.englishTexts.check(templates).map(\.description) == [])
        let missing = Self.scriptKeys(in: scripts).filter { Repository.englishTexts.entries[$0] == nil }
        #expect(missing.sorted() == [])
    }

    @Test func everyTextOfTheCatalogueIsUsed() throws {
        let (templates, scripts, sources) = try Self.uses()
        let used = Set(templates.map(\.key)).union(Self.scriptKeys(in: scripts))
        let unused = Repository.englishTexts.entries.keys.filter { key in
            !used.contains(key) && !scripts.contains { $0.contains("\"\(key)\"") } && !sources.contains("\"\(key)\"")
        }
        #expect(unused.sorted() == [])
    }
}
