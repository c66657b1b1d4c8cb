/// Templates that include themselves, directly or through others (`{{> partial}}`,
/// `{{< parent}}`): rendering one never ends, and Mustache would recurse until the build
/// crashed, so each such cycle is an error at the include that closes it.
enum TemplateCycles {
    /// Each cycle once, reported in its alphabetically first template, at the include that
    /// leads on round the cycle.
    static func errors(in scans: [String: TemplateTags], files: [String: String]) -> [Diagnostic] {
        var reported: Set<[String]> = []
        var diagnostics: [Diagnostic] = []
        for start in scans.keys.sorted() {
            guard let cycle = cycle(from: start, in: scans), reported.insert(normalised(cycle)).inserted,
                  cycle.min() == start,
                  let tag = include(from: start, to: cycle.count > 1 ? cycle[1] : start, in: scans) else { continue }
            diagnostics.append(.error(TemplateProblem.includesItself(start, cycle: cycle + [start]),
                                      at: SourceLocation(file: files[start] ?? start, line: tag.line, column: tag.column)))
        }
        return diagnostics
    }

    /// A shortest path of includes from `start` back to it (`[start, …]`), or nil.
    static func cycle(from start: String, in scans: [String: TemplateTags]) -> [String]? {
        var queue: [[String]] = [[start]]
        var seen: Set<String> = []
        while !queue.isEmpty {
            let path = queue.removeFirst()
            for next in included(by: path.last!, in: scans) {
                if next == start { return path }
                if scans[next] != nil, seen.insert(next).inserted { queue.append(path + [next]) }
            }
        }
        return nil
    }

    private static func included(by name: String, in scans: [String: TemplateTags]) -> [String] {
        scans[name]?.tags.filter { $0.kind == ">" || $0.kind == "<" }.map(\.name) ?? []
    }

    private static func include(from name: String, to target: String, in scans: [String: TemplateTags]) -> TemplateTags.Tag? {
        scans[name]?.tags.first { ($0.kind == ">" || $0.kind == "<") && $0.name == target }
    }

    /// The same cycle whichever template it is read from.
    private static func normalised(_ cycle: [String]) -> [String] {
        guard let first = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) else { return cycle }
        return Array(cycle[first...] + cycle[..<first])
    }
}
