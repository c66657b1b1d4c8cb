import Foundation

/// Reads `modules/NN-slug.md`: the file name gives order and slug, the front matter the rest.
package struct ModuleLoader {
    let files: ContentFiles
    let jobs: Int
    package static let keys = ["title", "summary", "minutes", "objectives", "countries", "assessment", "draw", "attempts"]

    /// Every module that loads; `unreadPages` gets the page of each one that does not but whose
    /// file name gives its slug, so that links to it are not reported as well.
    func load(into diagnostics: inout [Diagnostic], unreadPages: inout [String: String]) -> [Module] {
        let names = files.list("modules", extension: "md")
        let results = Parallel.map(names.count, jobs: jobs) { [self] index in
            loadModule(named: names[index])
        }
        var modules: [Module] = []
        for (name, result) in zip(names, results) {
            diagnostics += result.diagnostics
            if let module = result.module {
                modules.append(module)
            } else if let (_, slug) = Self.parseFileName(name) {
                unreadPages["modules/\(name)"] = "modules/\(slug).html"
            }
        }
        modules.sort { ($0.number, $0.slug) < ($1.number, $1.slug) }
        diagnostics += duplicateSlugs(in: modules)
        if names.isEmpty {
            diagnostics.append(.warning(ModuleProblem.noModules,
                                        at: SourceLocation(file: files.display("modules"))))
        }
        return modules
    }

    func loadModule(named name: String) -> (module: Module?, diagnostics: [Diagnostic]) {
        let path = "modules/\(name)"
        let file = files.display(path)
        guard let (number, slug) = Self.parseFileName(name) else {
            return (nil, [.error(ModuleProblem.badFileName, at: SourceLocation(file: file))])
        }
        let front: FrontMatter
        switch files.read(path).flatMap({ FrontMatter.split($0, file: file) }) {
        case .success(let split): front = split
        case .failure(let problem): return (nil, [problem])
        }
        var reader = YAMLReader(origin: SourceLocation(file: file, line: 2, column: 1))
        guard let yaml = front.yaml, let map = reader.parseMapping(yaml, what: "the front matter") else {
            if front.yaml == nil {
                reader.report(ModuleProblem.noFrontMatter, at: SourceLocation(file: file))
            }
            return (nil, reader.diagnostics)
        }
        reader.checkKeys(of: map, known: Self.keys, what: "the front matter", severity: .warning)
        let title = reader.string("title", in: map, required: true, what: "the front matter")
        var meta = ModuleMeta(title: title ?? slug,
                              summary: reader.string("summary", in: map, what: "the front matter") ?? "",
                              minutes: reader.int("minutes", in: map),
                              objectives: reader.strings("objectives", in: map).map(\.value),
                              countries: reader.strings("countries", in: map))
        readAssessment(into: &meta, from: map, reader: &reader)
        let body = MarkdownSource(text: front.body, file: file, lineOffset: front.bodyLineOffset)
        return (Module(number: number, slug: slug, sourcePath: path, meta: meta, body: body), reader.diagnostics)
    }

    /// `assessment`, and an exam's `draw` and `attempts`: whole numbers of at least 1.
    private func readAssessment(into meta: inout ModuleMeta, from map: YAMLMapping, reader: inout YAMLReader) {
        if let name = reader.string("assessment", in: map, what: "the front matter"), let node = map["assessment"] {
            if let assessment = Assessment(rawValue: name) {
                meta.assessment = assessment
            } else {
                let names = Assessment.allCases.map(\.rawValue)
                reader.report(ModuleProblem.unknownAssessment(name, suggestion: Suggestion.closest(to: name, in: names), known: names),
                              at: reader.location(of: node))
            }
        }
        for key in ["draw", "attempts"] {
            guard let value = reader.int(key, in: map), let node = map[key] else { continue }
            guard value >= 1 else {
                reader.report(key == "draw" ? ModuleProblem.drawBelowOne : .attemptsBelowOne, at: reader.location(of: node))
                continue
            }
            let located = Located(value: value, location: reader.location(of: node))
            if key == "draw" { meta.draw = located } else { meta.attempts = located }
        }
    }

    /// `03-slug.md` → (3, "slug").
    static func parseFileName(_ name: String) -> (Int, String)? {
        guard name.hasSuffix(".md"), let dash = name.firstIndex(of: "-") else { return nil }
        let digits = name[..<dash]
        let slug = name[name.index(after: dash)..<name.index(name.endIndex, offsetBy: -3)]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = Int(digits),
              let first = slug.first, first.isLetter || first.isNumber,
              slug.allSatisfy({ ($0.isLowercase || $0.isNumber || $0 == "-") && $0.isASCII })
        else { return nil }
        return (number, String(slug))
    }

    private func duplicateSlugs(in modules: [Module]) -> [Diagnostic] {
        var seen: [String: Module] = [:]
        return modules.compactMap { module in
            if let first = seen[module.slug] {
                return .error(ModuleProblem.slugTaken(module.slug, by: files.display(first.sourcePath)),
                              at: SourceLocation(file: module.body.file))
            }
            seen[module.slug] = module
            return nil
        }
    }
}
