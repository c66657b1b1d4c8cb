/// Which syntax errors get a hint, and which one.
extension YAMLSyntaxHint {
    /// The hint for libyaml's `detail` at `line` and `column` (from 1, in code points) of the
    /// snippet `text`; nil when the cause is not that clear.
    init?(detail: String, in text: String, line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let scalars = Array(lines[line - 1].unicodeScalars)
        let before = String(String.UnicodeScalarView(scalars.prefix(max(column - 1, 0))))
        let at = column >= 1 && column <= scalars.count ? Character(scalars[column - 1]) : nil
        let cannotStart = detail.hasPrefix("found character that cannot start any token")
        if detail.hasPrefix("mapping values are not allowed") {
            // A second ": " on the line is inside the first key's value; a first one is more
            // likely a line indented under a value, which quotes would not fix.
            guard before.contains(": ") else { return nil }
            self = .quoteColon
        } else if detail.hasPrefix("found a tab character") || (cannotStart && at == "\t") {
            self = .spacesNotTabs
        } else if cannotStart, let at, at == "@" || at == "`" {
            self = .quoteStart(at)
        } else {
            return nil
        }
    }
}
