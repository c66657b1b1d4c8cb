/// `scorm12.html`, the page an LMS launches: the course's pages in a frame, under a notice line,
/// with the scripts that keep the LMS told (see `LMS/scorm12/scorm12.js`).
struct LaunchPage: Sendable {
    static let path = "scorm12.html"
    /// The scripts the page loads, in order; the last four ship only in a package.
    static let scripts = ["assets/text.js", "assets/i18n.js", "assets/storage.js", "assets/course-data.js", "assets/grading.js",
                          "assets/suspend-data.js", "assets/interactions.js", "assets/lms-api.js", "assets/scorm12.js"]
    /// The package's own scripts: their names in `LMS/scorm12/` and in the package.
    static let adapterFiles = ["suspend-data.js", "interactions.js", "lms-api.js", "scorm12.js"]

    var courseId: String
    var title: String
    var language: String
    var masteryScore: Int

    var html: String {
        let scriptTags = Self.scripts.map { "<script src=\"\($0)\" defer></script>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="\(escaped(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escaped(title))</title>
        <style>
        html, body { height: 100%; margin: 0; }
        body { display: flex; flex-direction: column; font: 1rem/1.4 system-ui, sans-serif; }
        #lms-notice { margin: 0; padding: 0.5rem 1rem; background: #fff4d6; color: #3d2c00; border-bottom: 2px solid #8a6100; }
        #lms-notice:empty { display: none; }
        main { flex: 1; display: flex; flex-direction: column; }
        #course-frame { flex: 1; width: 100%; border: 0; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        </style>
        \(scriptTags)
        </head>
        <body data-course-id="\(escaped(courseId))" data-mastery-score="\(masteryScore)">
        <p id="lms-notice" role="status"></p>
        <main>
        <h1 class="visually-hidden">\(escaped(title))</h1>
        <iframe id="course-frame" title="\(escaped(title))"></iframe>
        </main>
        </body>
        </html>

        """
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
