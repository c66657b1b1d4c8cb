/// The files beside the pages that describe the course as a whole to its scripts and to HR's
/// tools. The full build and `serve`'s updates make them with these same functions.
enum CourseFiles {
    /// `assets/search-index.js`, from the entries of `searchEntries`.
    static func searchIndex(_ entries: [SearchIndex.Page]) -> SiteFile {
        SiteFile(path: SearchIndex.path) { SearchIndex.script(entries) }
    }

    /// The search index's entries: the modules in course order, then the country pages.
    static func searchEntries(course: Course, modules: [CompiledPage], notes: [CompiledPage?], jobs: Int) -> [SearchIndex.Page] {
        let moduleEntries = Parallel.map(modules.count, jobs: jobs) { index in
            searchEntry(for: course.modules[index], html: modules[index].html)
        }
        let countryEntries = course.countries.indices.map { index in
            let country = course.countries[index]
            let lead = ((country.notes?.languages ?? []) + country.parts.map(\.name)).joined(separator: ", ")
            return SearchIndex.page(title: country.name, url: country.url, kind: "country", lead: lead,
                                    html: notes[index]?.html ?? "")
        }
        return moduleEntries + countryEntries
    }

    /// A module's entry in the search index, from its compiled HTML.
    static func searchEntry(for module: Module, html: String) -> SearchIndex.Page {
        SearchIndex.page(title: module.meta.title, url: module.url, kind: "module", lead: module.meta.summary, html: html)
    }

    /// `assets/course-data.js`: the answer key and grading rules the progress pages read.
    static func courseData(_ script: CourseDataScript) -> SiteFile {
        SiteFile(path: CourseDataScript.path) { script.javaScript() }
    }

    /// The JSON Schema of the progress record, for HR's tools.
    static let recordSchema = SiteFile(path: ProgressRecordSchema.fileName) { ProgressRecordSchema.json }

    /// `assets/countries-data.js`, the comparison page's data.
    static func countryData(of course: Course, texts: TextCatalogue) -> SiteFile {
        SiteFile(path: "assets/countries-data.js") { CountryData.script(for: course, texts: texts) }
    }

    /// `assets/text.js`, the interface texts the scripts show.
    static func texts(_ catalogue: TextCatalogue) -> SiteFile {
        SiteFile(path: TextScript.path) { TextScript.script(for: catalogue) }
    }
}
