import Foundation

/// Stage 1, `Content/` and `Templates/` → values: each language's course (the default first),
/// its interface texts, checked against the texts the templates use, and the templates with
/// those texts compiled in.
struct LoadStage {
    static let name = "load"
    let options: BuildOptions

    /// One language of the course, with its interface texts, its templates and its folder
    /// inside the site.
    struct Edition: Sendable {
        var course: Course
        var texts: TextCatalogue
        /// The templates with this language's texts compiled in (`TemplateLibrary.localized(with:)`).
        var templates: TemplateLibrary
        /// "" for the default language, `fr-CA/` for a translation.
        var folder: String
    }

    struct Loaded {
        var editions: [Edition]
        /// The warnings found while loading.
        var diagnostics: [Diagnostic]
    }

    func load() throws(BuildFailure) -> Loaded {
        let loaded = ContentLoader(jobs: options.jobs).readEditions(from: options.content, displayPath: options.contentDisplay)
        let templateLibrary = TemplateLibrary.load(from: options.templates, displayPath: options.templatesDisplay)
        let texts = loaded.courses.map { Self.texts(for: $0, templates: templateLibrary, options) }
        let catalogues = texts.compactMap { try? $0.get() }
        guard let base = loaded.courses.first, !loaded.diagnostics.containsErrors, case let .success(templates) = templateLibrary,
              catalogues.count == loaded.courses.count else {
            // Report every problem at once: the content's, the templates', the texts', and those
            // in the Markdown of every module and note that did load.
            let fragments = loaded.courses.enumerated().flatMap { index, course in
                CompileStage(jobs: options.jobs).compile(course, texts: (try? texts[index].get()) ?? .keysOnly).diagnostics
            }
            let textProblems = Set(texts.flatMap { $0.failure?.diagnostics ?? [] })
            throw BuildFailure(loaded.diagnostics + (templateLibrary.failure?.diagnostics ?? []) + textProblems.sorted() + fragments)
        }
        let localized = catalogues.map { templates.localized(with: $0) }
        let libraries = localized.compactMap { try? $0.get() }
        guard libraries.count == catalogues.count else {
            throw BuildFailure(loaded.diagnostics + localized.flatMap { $0.failure?.diagnostics ?? [] })
        }
        let editions = loaded.courses.indices.map { index in
            Edition(course: loaded.courses[index], texts: catalogues[index], templates: libraries[index],
                    folder: LanguageTag.folder(loaded.courses[index].config.language, of: base.config))
        }
        return Loaded(editions: editions, diagnostics: loaded.diagnostics)
    }

    /// The text catalogue of the course's language, checked against the texts the templates use.
    static func texts(for course: Course, templates: Result<TemplateLibrary, BuildFailure>,
                      _ options: BuildOptions) -> Result<TextCatalogue, BuildFailure> {
        TextCatalogue.load(templates: options.templates, displayPath: options.templatesDisplay, language: course.config.language)
            .flatMap { catalogue in
                let problems = (try? templates.get()).map { catalogue.check($0.textUses) } ?? []
                return problems.isEmpty ? .success(catalogue) : .failure(BuildFailure(problems))
            }
    }
}

extension Result {
    var failure: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
