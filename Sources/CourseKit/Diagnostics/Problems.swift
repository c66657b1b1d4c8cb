/// The problems of each area of the course as data, one enum per area, one case a line (the
/// wording test reads them from here). Their wording is in `Wording.swift`.

/// A content file that cannot be read as text, or whose front matter is not closed.
public enum FileProblem: Problem, Hashable, Error {
    case unreadable
    case notUTF8
    case frontMatterNotClosed
}

/// A YAML snippet that uses what course files refuse, or a field of the wrong shape.
public enum YAMLProblem: Problem, Hashable {
    case anchor(String)
    case alias(String)
    case tooDeep(limit: Int)
    case longValue(bytes: Int, limit: Int)
    /// `what` is the mapping as messages name it: "the dimension guide", "'bands'".
    case missingKey(String, in: String)
    case notAMapping(key: String)
    /// `what` names the snippet: "the quiz", "front matter".
    case empty(what: String)
    case snippetNotAMapping(what: String)
    /// libyaml's own account of a syntax error, with what to do about it when that is clear.
    case invalid(String, hint: YAMLSyntaxHint? = nil)
    /// The key's text; nil for a list or mapping used as a key.
    case duplicateKey(String?, firstUsedAt: SourceLocation)
    case secondDocument
    case notText(key: String)
    case blank(key: String)
    case notAWholeNumber(key: String)
    case notANumber(key: String)
    case notTrueOrFalse(key: String)
    case notAList(key: String)
    case entryNotText(key: String)
    case unknownKey(String, in: String, suggestion: String?)
}

/// What to do about the syntax errors that trainers meet most, added to libyaml's own words:
/// a value with ": " in it (French typography puts a space before the colon: "Hofstede : …"),
/// a value that starts with a character YAML reserves, a tab where YAML wants spaces.
public enum YAMLSyntaxHint: Hashable, Sendable {
    case quoteColon
    case quoteStart(Character)
    case spacesNotTabs
}

/// A problem of `course.yaml`.
public enum CourseConfigProblem: Problem, Hashable {
    case missingFile
    case passScoreOutOfRange
    case unknownPracticeAnswer(String, suggestion: String?, known: [String])
    case languageDisagrees(language: String, firstOfLanguages: String)
    case notALanguageTag(String)
    case languageListedTwice(String)
    case noLanguages
}

/// A problem of a module's file: its name, its front matter, its slug.
public enum ModuleProblem: Problem, Hashable {
    case noModules
    case badFileName
    case noFrontMatter
    case unknownAssessment(String, suggestion: String?, known: [String])
    case drawBelowOne
    case attemptsBelowOne
    case slugTaken(String, by: String)
}

/// A problem of the country data, the notes in `countries/`, a translation's country names,
/// the dimension guide, or a module's `countries:`.
public enum CountryProblem: Problem, Hashable {
    case incompleteMappingRow
    case notInDataset(code: String, dataset: String)
    case noParent(part: String, parent: String)
    case missingData(FileProblem)
    /// A notes file for a code the dataset lacks; `hasNearest` when only `name:` is missing.
    case unknownNotesCode(String, suggestion: String?, hasNearest: Bool)
    case unknownCode(String, suggestion: String?)
    case nearestIgnored(code: String)
    case nearestNotInDataset(String, suggestion: String?)
    case unknownTimeZone(String, suggestion: String?)
    /// A module's `countries:` entry: a common non-ISO code with the ISO one and its country's name.
    case aliasCode(String, iso: String, country: String)
    case upperCaseCode(String)
    case unknownModuleCode(String, suggestion: String?)
    case noNamesFile(file: String)
    case noPageName(code: String, name: String)
    case noRegionName(String)
    case notAPageCode(String, suggestion: String?)
    case notARegion(String, suggestion: String?)
    case nameNotText(code: String)
    case bandsOutOfOrder(low: Int, high: Int)
}

/// What must match between a course's languages, and what a translation's folder must hold.
public enum TranslationProblem: Problem, Hashable {
    /// The first grading fact that differs: as here, as in the default language, and where that is.
    public struct Difference: Sendable, Hashable {
        public var here: String
        public var there: String
        public var at: SourceLocation
    }

    /// A question or a scenario, as messages name them.
    public enum Item: String, Sendable, Hashable, CaseIterable {
        case question, scenario
    }

    case noContentFolder(language: String, folder: String)
    case noDimensionGuide(language: String, file: String)
    case settingOfWholeCourse(key: String)
    case notTranslated(language: String, add: String)
    case notInDefaultLanguage(path: String, defaultLanguage: String)
    case examSettingsDiffer
    case missing(Item, id: String, language: String, original: SourceLocation)
    /// `difference` is nil when the two differ in how many facts they have.
    case gradesDifferently(Item, id: String, language: String, difference: Difference?)
    case notInDefaultModule(Item, id: String)
}

/// A problem of an interface text catalogue (`i18n/<language>.yaml`) or of a template's use of it.
public enum CatalogueProblem: Problem, Hashable {
    case notALanguageTag(String)
    case noCatalogue(language: String, add: String, reference: String)
    case notUTF8
    case badKey(String)
    case notTextOrMapping(key: String)
    case missingKey(String, reference: String)
    case unknownKey(String, reference: String, suggestion: String?)
    case pluralInTranslation(key: String, reference: String)
    case needsPluralForms(key: String, reference: String)
    case extraPlaceholder(key: String, placeholder: String, reference: String)
    case lackingPlaceholder(key: String, placeholder: String, reference: String)
    case unknownText(key: String, suggestion: String?)
    case unescapedText(key: String)
    case textNeedsSection(key: String, placeholders: [String])
    case textIsNoSection(key: String)
}

/// A problem of the templates as a whole.
public enum TemplateProblem: Problem, Hashable {
    /// `cycle` is the includes from the template back to it, the template first and last.
    case includesItself(String, cycle: [String])
}

/// What `meridian check` finds on the rendered pages.
public enum SiteProblem: Problem, Hashable {
    case brokenAnchor(url: String, page: String, fragment: String, suggestion: String?)
    case imageWithoutAlt(String)
    case longModule(words: Int, limit: Int)
    case longMinutes(Int, limit: Int)
    case unreachableModule(slug: String, url: String)
}

/// A flaw the item-writing check finds in a question, or a problem of its `lint:` setting.
public enum ItemProblem: Problem, Hashable {
    case longestCorrect(question: String, correct: Int, longestWrong: Int)
    case longestCorrectChoices(question: String, shortestCorrect: Int, longestWrong: Int)
    case absoluteInWrongChoice(question: String, word: String)
    case absoluteInFalseStatement(question: String, word: String)
    case ofTheAbove(question: String, phrase: String)
    case tooFewChoices(question: String, count: Int, minimum: Int)
    case missingFeedback(question: String)
    /// `overlap`: the share of content words the prompt has in common with question `of`, at `location`.
    case nearDuplicate(question: String, of: String, at: SourceLocation, overlap: Double)
    case lintNotAMapping
    case unknownRule(String, suggestion: String?, known: [String])
}

/// A line of the item-writing check's course-wide summary, printed as a note.
public enum ItemSummaryNote: Problem, Hashable {
    case longest(observed: Int, of: Int, expected: Double, probability: Double)
    case position(observed: [Int], expected: [Double], of: Int)
    case trueFalse(trues: Int, of: Int, probability: Double)
}
