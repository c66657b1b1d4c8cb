import CourseKit

/// The frame of every HTML report HR and trainers open: one self-contained page (no scripts,
/// no outside files) that reads well offline and prints.
enum ReportPage {
    /// The page, with `style` (the report's own CSS rules) and `body` (what goes in `<main>`).
    static func html(title: String, language: String = "en", maxWidth: String, style: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="\(HTML.escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: \(maxWidth); padding: 0 1rem; color: #1d2430; }
        \(style)
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }
}
