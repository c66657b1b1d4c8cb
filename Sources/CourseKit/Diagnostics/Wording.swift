/// The wording of every problem of the course's files: settings, modules, countries,
/// translations, files and YAML. Messages are one line, without a final period; a did-you-mean
/// comes right after the name it corrects (`Suggestion.hint`).

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
