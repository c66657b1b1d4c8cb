/// A small delimited-text table (the dataset is `;`-separated with CRLF; ours is `,` with LF).
/// Fields hold no quotes or separators, which the loader's tests check for both files.
struct DelimitedTable {
    struct Row {
        /// 1-based line in the file.
        var line: Int
        var fields: [String: String]
    }

    var header: [String]
    var rows: [Row]

    init(_ text: String, separator: Character) {
        // "\r\n" is one Character in Swift, so split on newlines rather than on "\n".
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        header = lines.first.map { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) } ?? []
        rows = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let values = line.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            let pairs = zip(header, values).filter { !$0.1.isEmpty }
            rows.append(Row(line: offset + 1, fields: Dictionary(pairs, uniquingKeysWith: { a, _ in a })))
        }
    }
}
