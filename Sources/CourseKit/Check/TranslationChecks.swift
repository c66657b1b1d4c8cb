import Foundation

/// What must be the same in every language of a course: the same modules and country notes,
/// the same questions and scenarios, and the same answer key, so that a learner's answers
/// (positions, never texts) grade alike whichever language they were given in.
enum TranslationChecks {
    /// Modules and notes present in one language and missing in the other. A translated file
    /// that is there (`isPresent`) but did not load is not reported as missing: its own errors
    /// say what is wrong with it.
    static func files(of translation: Course, against base: Course, isPresent: (String) -> Bool) -> [Diagnostic] {
        let tag = translation.config.language, defaultTag = base.config.language
        let baseModules = Set(base.modules.map(\.sourcePath)), translated = Set(translation.modules.map(\.sourcePath))
        let baseNotes = Set(base.countries.compactMap(\.notes?.sourcePath)), translatedNotes = Set(translation.countries.compactMap(\.notes?.sourcePath))
        var diagnostics: [Diagnostic] = []
        for path in (baseModules.subtracting(translated)).union(baseNotes.subtracting(translatedNotes)).sorted() where !isPresent(path) {
            diagnostics.append(.error(TranslationProblem.notTranslated(language: tag, add: translation.displayFile(path)),
                                      at: SourceLocation(file: base.displayFile(path))))
        }
        for path in (translated.subtracting(baseModules)).union(translatedNotes.subtracting(baseNotes)).sorted() {
            diagnostics.append(.error(TranslationProblem.notInDefaultLanguage(path: path, defaultLanguage: defaultTag),
                                      at: SourceLocation(file: translation.displayFile(path))))
        }
        return diagnostics
    }

    /// Questions and scenarios missing on either side, or graded differently.
    static func grading(of translation: [AnswerKey.ModuleKey], in course: Course, against base: [AnswerKey.ModuleKey]) -> [Diagnostic] {
        let tag = course.config.language
        let baseBySlug = Dictionary(base.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var diagnostics: [Diagnostic] = []
        for (index, module) in translation.enumerated() {
            guard let original = baseBySlug[module.slug] else { continue }
            let file = SourceLocation(file: course.displayFile(course.modules[index].sourcePath))
            if module.exam != original.exam {
                diagnostics.append(.error(TranslationProblem.examSettingsDiffer, at: file))
            }
            diagnostics += compare(module.questions.map { ($0.id, $0.location, $0.gradingShape) },
                                   with: original.questions.map { ($0.id, $0.location, $0.gradingShape) },
                                   what: .question, tag: tag, file: file)
            diagnostics += compare(module.scenarios.map { ($0.id, $0.location, $0.gradingShape) },
                                   with: original.scenarios.map { ($0.id, $0.location, $0.gradingShape) },
                                   what: .scenario, tag: tag, file: file)
        }
        return diagnostics
    }

    private typealias Item = (id: String, location: SourceLocation, shape: [String])

    private static func compare(_ items: [Item], with originals: [Item], what: TranslationProblem.Item, tag: String, file: SourceLocation) -> [Diagnostic] {
        let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let originalIDs = Set(originals.map(\.id))
        var diagnostics: [Diagnostic] = []
        for original in originals {
            guard let item = byID[original.id] else {
                diagnostics.append(.error(TranslationProblem.missing(what, id: original.id, language: tag, original: original.location), at: file))
                continue
            }
            guard item.shape != original.shape else { continue }
            let difference = zip(item.shape, original.shape).first(where: { $0 != $1 })
                .map { TranslationProblem.Difference(here: $0, there: $1, at: original.location) }
            diagnostics.append(.error(TranslationProblem.gradesDifferently(what, id: original.id, language: tag, difference: difference),
                                      at: item.location))
        }
        for item in items where !originalIDs.contains(item.id) {
            diagnostics.append(.error(TranslationProblem.notInDefaultModule(what, id: item.id), at: item.location))
        }
        return diagnostics
    }
}

extension Question {
    /// Everything that grades the question, without its words: its kind, which choices are
    /// correct, the true/false answer, how many items and pairs.
    var gradingShape: [String] {
        ["type \(kind.rawValue)"] + choices.enumerated().map { "choice \($0.offset + 1) \($0.element.correct ? "correct" : "wrong")" }
            + [answer.map { "answer \($0)" } ?? "", "\(items.count) items", "\(pairs.count) pairs"]
    }
}

extension Scenario {
    /// Everything that scores the scenario, without its words: its steps, where each reply
    /// leads and what it is worth, and how each ending is rated.
    var gradingShape: [String] {
        ["start \(start.value)"] + steps.flatMap { step in
            ["step '\(step.name)' ending \(step.ending?.rawValue ?? "none")"]
                + step.options.enumerated().map { "step '\(step.name)' reply \($0.offset + 1) → \($0.element.next.value), \($0.element.points) points" }
        }
    }
}
