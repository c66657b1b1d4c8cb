import CourseKit
import Foundation
import Testing

/// Every case of every problem enum has wording: one line, not empty, without a final period.
/// The samples name each case once; a case added to a `Problems*.swift` file without a sample here
/// fails `everyCaseHasASample`, so none is left unworded.
struct ProblemWordingTests {
    static let here = SourceLocation(file: "Content/modules/01-x.md", line: 3, column: 5)

    static let samples: [String: [any Problem]] = [
        "FileProblem": [FileProblem.unreadable, FileProblem.notUTF8, FileProblem.frontMatterNotClosed],
        "CourseConfigProblem": [CourseConfigProblem.missingFile, CourseConfigProblem.passScoreOutOfRange,
                                CourseConfigProblem.unknownPracticeAnswer("lastest", suggestion: "latest", known: ["latest", "first"]),
                                CourseConfigProblem.languageDisagrees(language: "fr", firstOfLanguages: "en"),
                                CourseConfigProblem.notALanguageTag("english"), CourseConfigProblem.languageListedTwice("en"),
                                CourseConfigProblem.noLanguages],
        "ModuleProblem": [ModuleProblem.noModules, ModuleProblem.badFileName, ModuleProblem.noFrontMatter,
                          ModuleProblem.unknownAssessment("exma", suggestion: "exam", known: ["practice", "exam"]),
                          ModuleProblem.drawBelowOne, ModuleProblem.attemptsBelowOne,
                          ModuleProblem.slugTaken("intro", by: "Content/modules/01-intro.md")],
        "CountryProblem": [CountryProblem.incompleteMappingRow, CountryProblem.notInDataset(code: "xx", dataset: "data.csv"),
                           CountryProblem.noParent(part: "ca-qc", parent: "ca"), CountryProblem.missingData(.unreadable),
                           CountryProblem.unknownNotesCode("quebec", suggestion: nil, hasNearest: false),
                           CountryProblem.unknownCode("cz", suggestion: "cs"), CountryProblem.nearestIgnored(code: "fr"),
                           CountryProblem.nearestNotInDataset("frr", suggestion: "fr"),
                           CountryProblem.unknownTimeZone("Europe/Pariss", suggestion: "Europe/Paris"),
                           CountryProblem.aliasCode("uk", iso: "gb", country: "United Kingdom"), CountryProblem.upperCaseCode("FR"),
                           CountryProblem.unknownModuleCode("xx", suggestion: nil), CountryProblem.noNamesFile(file: "names.yaml"),
                           CountryProblem.noPageName(code: "fr", name: "France"), CountryProblem.noRegionName("Europe"),
                           CountryProblem.notAPageCode("frr", suggestion: "fr"), CountryProblem.notARegion("Eurpe", suggestion: "Europe"),
                           CountryProblem.nameNotText(code: "fr"), CountryProblem.bandsOutOfOrder(low: 70, high: 30)],
        "TranslationProblem": [TranslationProblem.noContentFolder(language: "fr", folder: "Content/fr"),
                               TranslationProblem.noDimensionGuide(language: "fr", file: "Content/fr/data/dimension-guide.yaml"),
                               TranslationProblem.settingOfWholeCourse(key: "passScore"),
                               TranslationProblem.notTranslated(language: "fr", add: "Content/fr/modules/01-x.md"),
                               TranslationProblem.notInDefaultLanguage(path: "modules/09-x.md", defaultLanguage: "en"),
                               TranslationProblem.examSettingsDiffer,
                               TranslationProblem.missing(.question, id: "q1", language: "fr", original: here),
                               TranslationProblem.gradesDifferently(.scenario, id: "s1", language: "fr", difference: nil),
                               TranslationProblem.notInDefaultModule(.question, id: "q9")],
        "CatalogueProblem": [CatalogueProblem.notALanguageTag("f r"),
                             CatalogueProblem.noCatalogue(language: "fr", add: "Templates/i18n/fr.yaml", reference: "en"),
                             CatalogueProblem.notUTF8, CatalogueProblem.badKey("a-b"), CatalogueProblem.notTextOrMapping(key: "a"),
                             CatalogueProblem.missingKey("a.b", reference: "en.yaml"),
                             CatalogueProblem.unknownKey("a.c", reference: "en.yaml", suggestion: "a.b"),
                             CatalogueProblem.pluralInTranslation(key: "a", reference: "en.yaml"),
                             CatalogueProblem.needsPluralForms(key: "a", reference: "en.yaml"),
                             CatalogueProblem.extraPlaceholder(key: "a", placeholder: "n", reference: "en.yaml"),
                             CatalogueProblem.lackingPlaceholder(key: "a", placeholder: "n", reference: "en.yaml"),
                             CatalogueProblem.unknownText(key: "nav.hme", suggestion: "nav.home"), CatalogueProblem.unescapedText(key: "a"),
                             CatalogueProblem.textNeedsSection(key: "a", placeholders: ["n"]), CatalogueProblem.textIsNoSection(key: "a")],
        "TemplateProblem": [TemplateProblem.includesItself("a", cycle: ["a", "b", "a"])],
        "SiteProblem": [SiteProblem.brokenAnchor(url: "#x", page: "index.html", fragment: "x", suggestion: nil),
                        SiteProblem.imageWithoutAlt("map.png"), SiteProblem.longModule(words: 7_000, limit: 6_000),
                        SiteProblem.longMinutes(90, limit: 60), SiteProblem.unreachableModule(slug: "x", url: "modules/x.html")],
        "ItemProblem": [ItemProblem.longestCorrect(question: "q", correct: 40, longestWrong: 12),
                        ItemProblem.longestCorrectChoices(question: "q", shortestCorrect: 40, longestWrong: 12),
                        ItemProblem.absoluteInWrongChoice(question: "q", word: "always"),
                        ItemProblem.absoluteInFalseStatement(question: "q", word: "never"),
                        ItemProblem.ofTheAbove(question: "q", phrase: "all of the above"),
                        ItemProblem.tooFewChoices(question: "q", count: 2, minimum: 3), ItemProblem.missingFeedback(question: "q"),
                        ItemProblem.nearDuplicate(question: "q2", of: "q1", at: here, overlap: 0.85), ItemProblem.lintNotAMapping,
                        ItemProblem.unknownRule("longest", suggestion: nil, known: ["longest-correct"])],
        "ItemSummaryNote": [ItemSummaryNote.longest(observed: 9, of: 20, expected: 6.2, probability: 0.04),
                            ItemSummaryNote.position(observed: [5, 5], expected: [4.5, 4.5], of: 10),
                            ItemSummaryNote.trueFalse(trues: 7, of: 10, probability: 0.3)],
    ].merging(parseSamples) { $1 }.merging(practiceSamples) { $1 }.merging(buildSamples) { $1 }
        .merging(["YAMLProblem": yamlSamples]) { $1 }

    static let yamlSamples: [any Problem] = [
        YAMLProblem.anchor("a"), YAMLProblem.alias("a"), YAMLProblem.tooDeep(limit: 32),
        YAMLProblem.longValue(bytes: 70_000, limit: 65_536), YAMLProblem.missingKey("low", in: "'bands'"),
        YAMLProblem.notAMapping(key: "bands"), YAMLProblem.empty(what: "the quiz"),
        YAMLProblem.snippetNotAMapping(what: "the quiz"), YAMLProblem.invalid("found character that cannot start any token"),
        YAMLProblem.invalid("mapping values are not allowed in this context", hint: .quoteColon),
        YAMLProblem.invalid("found character that cannot start any token while scanning for the next token", hint: .quoteStart("@")),
        YAMLProblem.invalid("found a tab character that violates indentation while scanning a plain scalar", hint: .spacesNotTabs),
        YAMLProblem.duplicateKey("title", firstUsedAt: SourceLocation(file: "x.md", line: 2, column: 1)),
        YAMLProblem.duplicateKey(nil, firstUsedAt: SourceLocation(file: "x.md", line: 2, column: 1)), YAMLProblem.secondDocument,
        YAMLProblem.notText(key: "title"), YAMLProblem.blank(key: "title"), YAMLProblem.notAWholeNumber(key: "draw"),
        YAMLProblem.notANumber(key: "passScore"), YAMLProblem.notTrueOrFalse(key: "shuffle"), YAMLProblem.notAList(key: "items"),
        YAMLProblem.entryNotText(key: "items"), YAMLProblem.unknownKey("promt", in: "a single question", suggestion: "prompt"),
    ]

    static let practiceSamples: [String: [any Problem]] = [
        "QuizProblem": [QuizProblem.unknownType("singel", suggestion: "single", known: ["single", "multiple"]),
                        QuizProblem.badID("Q1"), QuizProblem.trueFalseNeedsAnswer, QuizProblem.orderNeedsTwoItems,
                        QuizProblem.needsChoices(.single), QuizProblem.choiceNotAMapping, QuizProblem.tooFewChoices(.multiple),
                        QuizProblem.noCorrectChoice, QuizProblem.singleWithManyCorrect(count: 2), QuizProblem.needsPairs,
                        QuizProblem.pairNotTwoTexts, QuizProblem.leftSideTwice("a"), QuizProblem.rightSideTwice("b"),
                        QuizProblem.tooFewPairs],
        "ScenarioProblem": [ScenarioProblem.missingStart, ScenarioProblem.needsSteps,
                            ScenarioProblem.undefinedStep("opnening", suggestion: "opening"),
                            ScenarioProblem.unreachable(step: "lost", start: "opening"),
                            ScenarioProblem.noWayToAnEnding(step: "loop"), ScenarioProblem.stepNotAMapping,
                            ScenarioProblem.unknownEnding("great"), ScenarioProblem.stepGoesNowhere("dead"),
                            ScenarioProblem.optionNotAMapping, ScenarioProblem.optionMissingNext],
    ]

    static let parseSamples: [String: [any Problem]] = [
        "PageProblem": [PageProblem.unknownDirective("quizz", suggestion: "quiz"), PageProblem.nestedDirective("quiz"),
                        PageProblem.duplicateQuestionID("q1", firstAt: here), PageProblem.duplicateScenarioID("s1", firstAt: here)],
        "ExamProblem": [ExamProblem.onlyForAnExam(key: "draw"), ExamProblem.noQuestions(module: "exam"),
                        ExamProblem.drawsMoreThanItHas(draw: 5, questions: 1),
                        ExamProblem.repeatsQuestions(questions: 4, attempts: 2, draw: 3)],
        "LinkProblem": [LinkProblem.unsafe("javascript:x"), LinkProblem.externalImage("https://x/a.png"),
                        LinkProblem.protocolRelative("//x"), LinkProblem.rooted("/a.md"), LinkProblem.outsideContent("../../x"),
                        LinkProblem.missingPage("02-x.md", suggestion: "02-y.md"), LinkProblem.missingFile("a.pdf"),
                        LinkProblem.folder("images/")],
    ]

    static let buildSamples: [String: [any Problem]] = [
        "TemplateFileProblem": [TemplateFileProblem.unreadable, TemplateFileProblem.notUTF8,
                                TemplateFileProblem.syntax("unfinished tag"),
                                TemplateFileProblem.syntaxWithTexts("unfinished tag", language: "fr-CA"),
                                TemplateFileProblem.missingPartial("headr", template: "page", suggestion: "header"),
                                TemplateFileProblem.missingTemplate("page")],
        "WriteProblem": [WriteProblem.cannotWrite("modules/x.html", reason: "disk full"),
                         WriteProblem.cannotWriteSite(reason: "disk full"), WriteProblem.cannotCreateBuildFolder(reason: "disk full"),
                         WriteProblem.cannotCopyAssets(reason: "disk full"), WriteProblem.cannotCopy("a.pdf", reason: "disk full"),
                         WriteProblem.notABuildFolder("/home"), WriteProblem.newFolderIsAFile("x"),
                         WriteProblem.newFolderNotEmpty("x", items: 1)],
    ]

    @Test(arguments: samples.values.joined().map { Sample($0) })
    func everyProblemIsWordedOnOneLine(_ sample: Sample) {
        let message = sample.problem.message
        #expect(!message.isEmpty, "\(sample)")
        #expect(!message.hasSuffix("."), "\(sample) ends with a period: \(message)")
        #expect(!message.contains("\n"), "\(sample) spans lines: \(message)")
    }

    @Test func everyCaseHasASample() throws {
        let folder = Repository.root.appendingPathComponent("Sources/CourseKit/Diagnostics")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("Problems") }
        #expect(files.count > 1)
        let source = try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        let declared = ProblemCases.declared(in: source)
        #expect(Set(declared.keys) == Set(Self.samples.keys))
        for (name, cases) in declared {
            #expect(Set(Self.samples[name, default: []].map(ProblemCases.name(of:))) == Set(cases), "\(name)")
        }
    }

    @Test func aProblemMakesADiagnosticWithItsWording() {
        let diagnostic = Diagnostic.error(CountryProblem.upperCaseCode("FR"), at: Self.here)
        #expect(diagnostic.description
            == "Content/modules/01-x.md:3:5: error: unknown country code 'FR' (country codes are lower case: 'fr')")
        #expect(Diagnostic.warning(ModuleProblem.noModules, at: Self.here).severity == .warning)
    }
}

/// One sample problem, named for the test's report.
struct Sample: CustomTestStringConvertible, Sendable {
    let problem: any Problem
    init(_ problem: any Problem) { self.problem = problem }
    var testDescription: String { "\(type(of: problem)).\(ProblemCases.name(of: problem))" }
}

/// The cases each problem enum declares, read from its source, and a value's case name.
enum ProblemCases {
    /// Enum name → its own case names (nested enums' cases, indented deeper, are left out).
    static func declared(in source: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var current: String?
        for line in source.split(separator: "\n") {
            if let match = line.firstMatch(of: /^public enum (\w+): Problem/) { current = String(match.1); continue }
            if line.hasPrefix("}") { current = nil }
            // One case a line, as `Problems.swift` writes them.
            guard let current, let match = line.firstMatch(of: /^    case (\w+)/) else { continue }
            result[current, default: []].append(String(match.1))
        }
        return result
    }

    /// `anchor` for `.anchor("x")`, `unreadable` for `.unreadable`.
    static func name(of value: Any) -> String {
        String(String(describing: value).prefix { $0 != "(" })
    }
}
