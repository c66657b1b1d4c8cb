/// The wording of every problem, in one place: the course's files (settings, modules,
/// countries, translations, files and YAML), then the templates, their text catalogues, the
/// checked site and the item-writing check. Messages are one line, without a final period; a
/// did-you-mean comes right after the name it corrects (`Suggestion.hint`).

extension FileProblem {
    public var message: String {
        switch self {
        case .unreadable: "cannot read file"
        case .notUTF8: "file is not UTF-8 text"
        case .frontMatterNotClosed: "front matter is not closed: add a line '---' after it"
        }
    }
}

extension YAMLProblem {
    public var message: String {
        let why = "anchors and aliases are not supported in course files; write each value out in full"
        return switch self {
        case .anchor(let name): "anchor '&\(name)': \(why)"
        case .alias(let name): "alias '*\(name)': \(why)"
        case .tooDeep(let limit): "YAML nested more than \(limit) levels deep; a course file needs only a few levels"
        case let .longValue(bytes, limit): "a value of \(bytes) bytes; a single value in a course file may hold at most \(limit)"
        case let .missingKey(key, what): "\(what) is missing '\(key)'"
        case .notAMapping(let key): "'\(key)' must be a mapping of keys to values"
        case .empty(let what): "\(what) is empty"
        case .snippetNotAMapping(let what): "\(what) must be a mapping of keys to values"
        case let .invalid(detail, hint): "invalid YAML: \(detail)" + (hint.map { "; \($0.message)" } ?? "")
        case let .duplicateKey(key, first): "duplicate key \(key.map { "'\($0)'" } ?? "(a list or mapping)") (first used at \(first))"
        case .secondDocument: "a second YAML document starts here: a line '---' or '...' has ended the first, and only one is allowed"
        case .notText(let key): "'\(key)' must be text"
        case .blank(let key): "'\(key)' is empty"
        case .notAWholeNumber(let key): "'\(key)' must be a whole number"
        case .notANumber(let key): "'\(key)' must be a number"
        case .notTrueOrFalse(let key): "'\(key)' must be true or false"
        case .notAList(let key): "'\(key)' must be a list"
        case .entryNotText(let key): "each entry of '\(key)' must be text"
        case let .unknownKey(key, what, suggestion): "unknown key '\(key)' in \(what)\(Suggestion.hint(suggestion))"
        }
    }
}

extension YAMLSyntaxHint {
    public var message: String {
        switch self {
        case .quoteColon: "put a value that contains ': ' in quotes"
        case .quoteStart(let character): "put a value that starts with '\(character)' in quotes"
        case .spacesNotTabs: "indent with spaces, not tabs"
        }
    }
}

extension CourseConfigProblem {
    public var message: String {
        switch self {
        case .missingFile: "the course needs a course.yaml (id, title, version, language, passScore)"
        case .passScoreOutOfRange: "'passScore' must be between 0 and 1 (a fraction of the questions)"
        case let .unknownPracticeAnswer(name, suggestion, known):
            "unknown practiceAnswer '\(name)'\(Suggestion.hint(suggestion)); use \(known.joined(separator: " or "))"
        case let .languageDisagrees(language, first):
            "'language: \(language)' disagrees with 'languages:', whose first entry (\(first)) is the default; keep only 'languages:'"
        case .notALanguageTag(let tag):
            "'\(tag)' is not a BCP 47 language tag (use a language code and an optional region, such as en, fr-CA or pt-BR)"
        case .languageListedTwice(let tag): "language '\(tag)' is listed twice"
        case .noLanguages: "'languages:' needs at least one language, the default first (for example [en, fr-CA])"
        }
    }
}

extension ModuleProblem {
    public var message: String {
        switch self {
        case .noModules: "the course has no modules: add files named like 01-welcome.md"
        case .badFileName:
            "a module's file name must look like 03-slug.md (a number, a dash, then lower-case letters, digits and dashes)"
        case .noFrontMatter: "a module needs front matter with at least a title"
        case let .unknownAssessment(name, suggestion, known):
            "unknown assessment '\(name)'\(Suggestion.hint(suggestion)); use \(known.joined(separator: " or "))"
        case .drawBelowOne: "'draw' must be at least 1 (leave it out to give every question)"
        case .attemptsBelowOne: "'attempts' must be at least 1 (leave it out for unlimited attempts)"
        case let .slugTaken(slug, file): "module slug '\(slug)' is already used by \(file); both would write modules/\(slug).html"
        }
    }
}

extension CountryProblem {
    public var message: String {
        switch self {
        case .incompleteMappingRow: "expected ctr, code, name and a kind of country, part or group"
        case let .notInDataset(code, dataset): "'\(code)' is not a row of \(dataset)"
        case let .noParent(part, parent): "part '\(part)' names no country '\(parent)' as its parent"
        case .missingData(let problem): "missing country data: \(problem.message)"
        case let .unknownNotesCode(code, suggestion, hasNearest):
            "unknown country code '\(code)'\(Suggestion.hint(suggestion)); " + (hasNearest
                ? "a country the dataset lacks needs 'name:' beside 'nearest:'"
                : "a regional page needs 'parent:' in its front matter; a country the dataset lacks needs 'name:' and 'nearest:' (the dataset row closest to it)")
        case let .unknownCode(code, suggestion): "unknown country code '\(code)'\(Suggestion.hint(suggestion))"
        case .nearestIgnored(let code): "'nearest:' is ignored: the dataset has scores for '\(code)'"
        case let .nearestNotInDataset(code, suggestion):
            "'nearest: \(code)' names no country or group of the dataset\(Suggestion.hint(suggestion))"
        case let .unknownTimeZone(zone, suggestion):
            "unknown time zone '\(zone)'\(Suggestion.hint(suggestion)): use an IANA name such as America/Toronto"
        case let .aliasCode(code, iso, country): "unknown country code '\(code)' (did you mean '\(iso)' for \(country)?)"
        case .upperCaseCode(let code): "unknown country code '\(code)' (country codes are lower case: '\(code.lowercased())')"
        case let .unknownModuleCode(code, suggestion):
            "unknown country code '\(code)'\(Suggestion.hint(suggestion)): use a lower-case ISO 3166-1 alpha-2 code, as listed on countries/index.html"
        case .noNamesFile(let file):
            "a translation needs the names of the countries in its language: add \(file) with 'countries:' (page code → name) and 'regions:'"
        case let .noPageName(code, name): "no name for the page '\(code)' (\(name))"
        case .noRegionName(let region): "no name for the region '\(region)'"
        case let .notAPageCode(code, suggestion): "'\(code)' is not a page code of the mapping table\(Suggestion.hint(suggestion))"
        case let .notARegion(region, suggestion): "'\(region)' is not a region of the mapping table\(Suggestion.hint(suggestion))"
        case .nameNotText(let code): "the name of '\(code)' must be text"
        case let .bandsOutOfOrder(low, high): "'low' (\(low)) must be below 'high' (\(high))"
        }
    }
}

extension TranslationProblem {
    public var message: String {
        switch self {
        case let .noContentFolder(language, folder):
            "language '\(language)' has no content folder: add \(folder)/ with its modules/ and countries/"
        case let .noDimensionGuide(language, file): "the country pages need the dimension guide in \(language): add \(file)"
        case .settingOfWholeCourse(let key):
            "'\(key)' is a setting of the whole course: set it in the default language's course.yaml; a translation's course.yaml has only 'title' and 'description'"
        case let .notTranslated(language, file): "not translated into \(language): add \(file)"
        case let .notInDefaultLanguage(path, tag):
            "no \(path) in the default language (\(tag)): a translation keeps the file name of the page it translates"
        case .examSettingsDiffer: "the exam's draw or attempts differ from the default language's"
        case let .missing(item, id, language, original): "\(item.rawValue) '\(id)' is missing in \(language) (it is at \(original))"
        case let .gradesDifferently(item, id, language, difference):
            "\(item.rawValue) '\(id)' grades differently in \(language) than in the default language: "
                + (difference.map { "\($0.here) here, \($0.there) at \($0.at)" } ?? "not the same number of choices, items or steps")
        case let .notInDefaultModule(item, id):
            "\(item.rawValue) '\(id)' is not in the default language's module: a translation keeps every id"
        }
    }
}

extension CatalogueProblem {
    public var message: String {
        switch self {
        case .notALanguageTag(let language): "'\(language)' is not a language tag such as en or fr-CA"
        case let .noCatalogue(language, file, reference):
            "no text catalogue for language '\(language)': add \(file), translated from \(reference).yaml"
        case .notUTF8: "the text catalogue is not UTF-8 text"
        case .badKey(let key): "key '\(key)': a key is letters and digits, starting with a letter"
        case .notTextOrMapping(let key): "'\(key)' must be a text or a mapping of keys to texts"
        case let .missingKey(key, reference): "missing key '\(key)', which \(reference) has"
        case let .unknownKey(key, reference, suggestion): "key '\(key)' is not in \(reference)\(Suggestion.hint(suggestion))"
        case let .pluralInTranslation(key, reference): "'\(key)' is one text in \(reference), not plural forms"
        case let .needsPluralForms(key, reference): "'\(key)' needs plural forms (one, other), as in \(reference)"
        case let .extraPlaceholder(key, name, reference): "'\(key)' uses {\(name)}, which \(reference) does not"
        case let .lackingPlaceholder(key, name, reference): "'\(key)' lacks {\(name)}, which \(reference) has"
        case let .unknownText(key, suggestion):
            "text 't.\(key)' is not in the text catalogue" + (suggestion.map { " (did you mean 't.\($0)'?)" } ?? "")
        case .unescapedText(let key): "write {{t.\(key)}}: texts are printed escaped"
        case let .textNeedsSection(key, names):
            "text 't.\(key)' has placeholders (\(names.map { "{\($0)}" }.joined(separator: ", "))): "
                + "write it as a section, {{#t.\(key)}}…{{/t.\(key)}}"
        case .textIsNoSection(let key): "text 't.\(key)' has no placeholders: write {{t.\(key)}}"
        }
    }
}

extension TemplateProblem {
    public var message: String {
        switch self {
        case let .includesItself(name, cycle):
            "template '\(name)' includes itself through \(cycle.joined(separator: " → ")), so rendering it would never end"
        }
    }
}

extension SiteProblem {
    public var message: String {
        switch self {
        case let .brokenAnchor(url, page, fragment, suggestion):
            "broken anchor '\(url)': \(page) has no heading or element with id '\(fragment)'\(Suggestion.hint(suggestion))"
        case .imageWithoutAlt(let source):
            "image '\(source)' has no alt text: write what it shows between the brackets, ![like this](\(source))"
        case let .longModule(words, limit):
            "module is long (\(words) words of text outside its quizzes and scenarios; keep a module under \(limit)): consider splitting it"
        case let .longMinutes(minutes, limit): "module takes \(minutes) minutes; keep a module under \(limit): consider splitting it"
        case let .unreachableModule(slug, url):
            "module '\(slug)' cannot be reached from the home page: no chain of links from index.html leads to \(url)"
        }
    }
}

extension ItemProblem {
    public var message: String {
        switch self {
        case let .longestCorrect(id, correct, longestWrong):
            "question '\(id)': the correct choice is clearly the longest (\(correct) characters, the longest wrong one \(longestWrong)): "
                + "learners pick it without knowing why; make the choices alike in length"
        case let .longestCorrectChoices(id, shortestCorrect, longestWrong):
            "question '\(id)': every correct choice is clearly longer than every wrong one (shortest correct \(shortestCorrect) characters, "
                + "longest wrong \(longestWrong)): length gives the answer away; make the choices alike in length"
        case let .absoluteInWrongChoice(id, word):
            "question '\(id)': a wrong choice says '\(word)', and in this module only wrong choices use absolute words: "
                + "learners learn to rule them out unread; hedge this one, or let a correct choice be absolute too"
        case let .absoluteInFalseStatement(id, word):
            "question '\(id)': a false statement says '\(word)', and in this module only false statements use absolute words: "
                + "learners learn that 'absolute means false'; reword it, or write a true statement that is absolute too"
        case let .ofTheAbove(id, phrase):
            "question '\(id)': a choice reads '\(phrase)': it rewards ruling choices out (or spotting two right ones) "
                + "rather than knowing; write a choice that stands on its own"
        case let .tooFewChoices(id, count, minimum):
            "question '\(id)': a single-choice question with \(count) choice\(count == 1 ? "" : "s"): a guess is right "
                + "\(count < 2 ? "every time" : "half the time"); add plausible wrong choices (\(minimum) in all)"
        case .missingFeedback(let id):
            "question '\(id)': a wrong choice has no feedback: say why it is wrong, so a learner who picks it learns something"
        case let .nearDuplicate(id, first, location, overlap):
            "question '\(id)': its prompt nearly repeats question '\(first)' at \(location) (\(Self.percent(overlap)) of their content words shared): "
                + "ask something new, or keep one of them"
        case .lintNotAMapping: "'lint' must be a mapping such as {ignore: [longest-correct]}"
        case let .unknownRule(name, suggestion, known):
            "unknown item-writing rule '\(name)'\(Suggestion.hint(suggestion)); use one of \(known.joined(separator: ", "))"
        }
    }

    /// "4%" for 0.04.
    static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }
}

extension ItemSummaryNote {
    public var message: String {
        switch self {
        case let .longest(observed, total, expected, probability):
            "item summary: longest: the correct choice is the longest choice in \(observed) of \(total) single-choice questions "
                + "(\(ItemProblem.percent(Double(observed) / Double(total)))); chance alone would give about \(Self.decimal(expected)) "
                + "(\(ItemProblem.percent(expected / Double(total))))"
                + (Double(observed) > expected ? ", and \(observed) or more \(Self.chanceOf(probability))" : "")
        case let .position(observed, expected, total):
            "item summary: position: the correct choice is written "
                + observed.enumerated().map { "\(Self.ordinal($0.offset + 1)) in \($0.element)" }.joined(separator: ", ")
                + " of \(total) single-choice questions; chance alone would give about \(expected.map(Self.decimal).joined(separator: ", "))"
        case let .trueFalse(trues, total, probability):
            "item summary: true/false: \(trues) of \(total) statements are true and \(total - trues) false; chance alone would give about "
                + "\(Self.decimal(Double(total) / 2)) each"
                + (2 * trues != total ? ", and a split at least this uneven \(Self.chanceOf(probability))" : "")
        }
    }

    /// "with a probability of 4%", "with a probability under 0.1%".
    static func chanceOf(_ probability: Double) -> String {
        if probability < 0.001 { return "with a probability under 0.1%" }
        if probability < 0.01 { return "with a probability under 1%" }
        return "with a probability of \(ItemProblem.percent(probability))"
    }

    /// One decimal at most: "2", "2.5".
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// "1st", "2nd", "11th", "23rd".
    static func ordinal(_ n: Int) -> String {
        let suffix = (n % 100 / 10 == 1) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}
