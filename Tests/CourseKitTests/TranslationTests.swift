@testable import CourseKit
import Foundation
import Testing

/// A course in two languages: the fixture course with a French-Canadian translation in
/// `Content/fr-CA/`, built into `Site/` and `Site/fr-CA/`.
@Suite("Courses in more than one language")
struct TranslationTests {
    private func bilingual(_ change: (FixtureCourse) throws -> Void = { _ in }) throws -> FixtureCourse {
        let course = try FixtureCourse(overlay: "bilingual", from: "translations")
        try change(course)
        return course
    }

    private func edit(_ course: FixtureCourse, _ path: String, _ transform: (String) -> String) throws {
        let url = course.content.appendingPathComponent(path)
        try transform(String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    private func page(_ course: FixtureCourse, _ path: String) throws -> String {
        try String(contentsOf: course.site.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func eachLanguageIsBuiltIntoItsOwnFolderAndLinksToTheOther() throws {
        let course = try bilingual()
        defer { course.remove() }
        #expect(course.messages() == [])
        let english = try page(course, "modules/practice.html"), french = try page(course, "fr-CA/modules/practice.html")
        #expect(english.contains("<html lang=\"en\">"))
        #expect(french.contains("<html lang=\"fr-CA\">"))
        #expect(english.contains("<link rel=\"alternate\" hreflang=\"fr-CA\" href=\"../fr-CA/modules/practice.html\">"))
        #expect(french.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"../../modules/practice.html\">"))
        #expect(english.contains("<a href=\"../fr-CA/modules/practice.html\" hreflang=\"fr-CA\" lang=\"fr-CA\" data-language-link>Français</a>"))
        #expect(french.contains("data-language-link>English</a>"))
        #expect(french.contains("Quelle heure donner dans un suivi\u{202F}?"))
        // The translation's title, its own search index and course data, and the shared image.
        #expect(try page(course, "fr-CA/index.html").contains("Cours d&#39;essai"))
        for file in ["fr-CA/assets/course-data.js", "fr-CA/assets/search-index.js", "fr-CA/images/zones.svg"] {
            #expect(FileManager.default.fileExists(atPath: course.site.appendingPathComponent(file).path), "\(file)")
        }
        #expect(try page(course, "fr-CA/countries/ca.html").contains("Canada (francophone)"))
    }

    @Test func languagesAreNamedInThemselvesWithTheRegionOnlyWhenTwoShareALanguage() {
        #expect(LanguageTag.autonym("fr-CA", among: ["en", "fr-CA"]) == "Français")
        #expect(LanguageTag.autonym("fr-CA", among: ["en", "fr-CA", "fr-FR"]) == "Français (Canada)")
        #expect(LanguageTag.autonym("en", among: ["en", "fr-CA"]) == "English")
    }

    @Test func aCourseInOneLanguageHasNoLanguageLinks() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        _ = try course.build()
        let home = try page(course, "index.html")
        #expect(!home.contains("hreflang"))
        #expect(!home.contains("site-languages"))
    }

    @Test func languageTagsMustBeWellFormedAndHaveContent() throws {
        let course = try bilingual { course in
            try edit(course, "course.yaml") { $0.replacingOccurrences(of: "languages: [en, fr-CA]", with: "languages: [en, fr-CA, french_CA, de, fr-CA]") }
        }
        defer { course.remove() }
        #expect(course.messages() == [
            "Content/course.yaml:4:24: error: 'french_CA' is not a BCP 47 language tag (use a language code and an optional region, such as en, fr-CA or pt-BR)",
            "Content/course.yaml:4:35: error: language 'de' has no content folder: add Content/de/ with its modules/ and countries/",
            "Content/course.yaml:4:39: error: language 'fr-CA' is listed twice",
        ])
    }

    @Test func aPageInOneLanguageOnlyIsAnError() throws {
        let course = try bilingual { course in
            try FileManager.default.removeItem(at: course.content.appendingPathComponent("fr-CA/modules/02-practice.md"))
            try FileManager.default.removeItem(at: course.content.appendingPathComponent("fr-CA/countries/ca-quebec.md"))
            try "---\ntitle: Bonus\n---\nTexte.\n".write(to: course.content.appendingPathComponent("fr-CA/modules/03-bonus.md"), atomically: true, encoding: .utf8)
        }
        defer { course.remove() }
        let messages = course.messages()
        #expect(messages.contains("Content/countries/ca-quebec.md:1:1: error: not translated into fr-CA: add Content/fr-CA/countries/ca-quebec.md"))
        #expect(messages.contains("Content/modules/02-practice.md:1:1: error: not translated into fr-CA: add Content/fr-CA/modules/02-practice.md"))
        #expect(messages.contains("Content/fr-CA/modules/03-bonus.md:1:1: error: no modules/03-bonus.md in the default language (en): a translation keeps the file name of the page it translates"))
    }

    /// A translated page that is there but cannot be read is reported for what is wrong in it,
    /// not also as missing.
    @Test func aTranslatedPageWithAnErrorIsNotAlsoReportedAsMissing() throws {
        let course = try bilingual { course in
            try edit(course, "fr-CA/modules/02-practice.md") { $0.replacingOccurrences(of: "title: Exercices", with: "title: Exercices : heures") }
            try edit(course, "fr-CA/countries/ca-quebec.md") { "---\ntitle: [Québec\n---\nDu texte.\n" + $0 }
        }
        defer { course.remove() }
        let messages = course.messages()
        #expect(messages.contains("Content/fr-CA/modules/02-practice.md:2:18: error: invalid YAML: mapping values are not allowed in this context; put a value that contains ': ' in quotes"))
        #expect(!messages.contains { $0.contains("not translated") }, "\(messages)")
    }

    @Test func aTranslationMustGradeLikeTheOriginal() throws {
        let course = try bilingual { course in
            try edit(course, "fr-CA/modules/02-practice.md") {
                $0.replacingOccurrences(of: "  - text: L'heure de votre fuseau.\n", with: "  - text: L'heure de votre fuseau.\n    correct: true\n")
                    .replacingOccurrences(of: "  - text: L'heure locale de la personne.\n    correct: true\n", with: "  - text: L'heure locale de la personne.\n")
                    .replacingOccurrences(of: "id: fixture-order", with: "id: fixture-ordre")
                    .replacingOccurrences(of: "        points: 2", with: "        points: 1")
            }
        }
        defer { course.remove() }
        #expect(course.messages() == [
            "Content/fr-CA/modules/02-practice.md:1:1: error: question 'fixture-order' is missing in fr-CA (it is at Content/modules/02-practice.md:23:5)",
            "Content/fr-CA/modules/02-practice.md:10:5: error: question 'fixture-single' grades differently in fr-CA than in the default language: choice 1 correct here, choice 1 wrong at Content/modules/02-practice.md:10:5",
            "Content/fr-CA/modules/02-practice.md:23:5: error: question 'fixture-ordre' is not in the default language's module: a translation keeps every id",
            "Content/fr-CA/modules/02-practice.md:51:1: error: scenario 'fixture-callback' grades differently in fr-CA than in the default language: step 'opening' reply 2 → good-end, 1 points here, step 'opening' reply 2 → good-end, 2 points at Content/modules/02-practice.md:51:1",
        ])
    }

    @Test func aTranslationNamesEveryCountryAndSetsOnlyItsWords() throws {
        let course = try bilingual { course in
            try edit(course, "fr-CA/data/country-names.yaml") {
                $0.replacingOccurrences(of: "  jp: Japon\n", with: "").replacingOccurrences(of: "  Oceania: Océanie\n", with: "  Oceanie: Océanie\n")
            }
            try edit(course, "fr-CA/course.yaml") { $0 + "passScore: 0.5\n" }
        }
        defer { course.remove() }
        let messages = course.messages()
        #expect(messages.contains("Content/fr-CA/course.yaml:3:1: error: 'passScore' is a setting of the whole course: set it in the default language's course.yaml; a translation's course.yaml has only 'title' and 'description'"))
        #expect(messages.contains { $0.hasPrefix("Content/fr-CA/data/country-names.yaml:4:1: error: no name for the page 'jp' (Japan)") })
        #expect(messages.contains { $0.hasPrefix("Content/fr-CA/data/country-names.yaml:4:1: error: no name for the region 'Oceania'") })
        #expect(messages.contains { $0.contains("error: 'Oceanie' is not a region of the mapping table (did you mean 'Oceania'?)") })
    }
}

@Suite("French typography")
struct FrenchTypographyTests {
    @Test(arguments: [
        ("Attention : « vraiment » ?", "Attention\u{A0}: «\u{A0}vraiment\u{A0}»\u{202F}?"),
        ("Vraiment?! Oui; non!", "Vraiment\u{202F}?! Oui\u{202F}; non\u{202F}!"),
        ("«mot» et 18,0 % pour 540 $", "«\u{A0}mot\u{A0}» et 18,0\u{A0}% pour 540\u{A0}$"),
        ("https://example.org/a?b=1 et 10:00 et &amp; et &#8217;", "https://example.org/a?b=1 et 10:00 et &amp; et &#8217;"),
    ])
    func textGetsTheOQLFSpaces(_ source: String, _ expected: String) {
        #expect(FrenchTypography.text(source) == expected)
    }

    @Test func onlyTextAndReadableAttributesChange() {
        let page = "<p title=\"Quoi ?\" data-x=\"a ?\">Quoi ?</p><code>x ? y : z</code><script>a ? b : c;</script><pre>! ;</pre>"
        #expect(FrenchTypography.html(page)
            == "<p title=\"Quoi\u{202F}?\" data-x=\"a ?\">Quoi\u{202F}?</p><code>x ? y : z</code><script>a ? b : c;</script><pre>! ;</pre>")
    }

    @Test func onlyFrenchHasTheseRules() {
        #expect(FrenchTypography.applies(to: "fr-CA") && FrenchTypography.applies(to: "fr"))
        #expect(!FrenchTypography.applies(to: "en") && !FrenchTypography.applies(to: "fy"))
    }
}

@Suite("The answer key of a course in several languages")
struct TranslatedAnswerKeyTests {
    @Test func eachLanguageHasItsOwnHashAndTheSameGrading() throws {
        let course = try FixtureCourse(overlay: "bilingual", from: "translations")
        defer { course.remove() }
        let key = try AnswerKey.load(from: course.content, displayPath: "Content", jobs: 2)
        #expect(key.translations.map(\.config.language) == ["fr-CA"])
        #expect(Set(key.contentHashes).count == 2)
        let french = try #require(key.translations.first)
        #expect(french.modules.flatMap { $0.questions.map(\.gradingShape) } == key.modules.flatMap { $0.questions.map(\.gradingShape) })
        #expect(french.config.title == "Cours d'essai")
    }
}

@Suite("The item-writing check reads French")
struct FrenchItemWritingTests {
    @Test func absoluteWordsAreFoundInFrench() {
        #expect(WordList.absolute.firstMatch(in: "Il faut toujours vérifier l'heure.") == "toujours")
        #expect(WordList.absolute.firstMatch(in: "C'est complètement faux.") == "complètement")
        #expect(WordList.absolute.firstMatch(in: "Personne ne répond.") == "personne ne")
        #expect(WordList.absolute.firstMatch(in: "La personne répond vite.") == nil)
    }
}
