/// Typed access to the fields of a mapping, reporting a missing or mistyped value at its place.
extension YAMLReader {
    package mutating func string(_ key: String, in map: YAMLMapping, required: Bool = false, what: String) -> String? {
        guard let node = map[key] else {
            if required { report(YAMLProblem.missingKey(key, in: what), at: map.location) }
            return nil
        }
        guard let text = node.string else {
            report(YAMLProblem.notText(key: key), at: location(of: node))
            return nil
        }
        if required, Self.isBlank(text) {
            report(YAMLProblem.blank(key: key), at: location(of: node))
            return nil
        }
        return text
    }

    /// True when `text` holds only spaces and tabs (what `trimmingCharacters(in: .whitespaces)`
    /// would empty), without bridging every value through Foundation.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    package mutating func int(_ key: String, in map: YAMLMapping) -> Int? {
        scalar(key, in: map, as: Int.init, else: .notAWholeNumber(key: key))
    }

    mutating func double(_ key: String, in map: YAMLMapping) -> Double? {
        scalar(key, in: map, as: Double.init, else: .notANumber(key: key))
    }

    /// The value under `key` converted by `convert`, or nil after reporting `problem`.
    private mutating func scalar<T>(_ key: String, in map: YAMLMapping, as convert: (String) -> T?,
                                    else problem: YAMLProblem) -> T? {
        guard let node = map[key] else { return nil }
        guard let value = node.string.flatMap(convert) else {
            report(problem, at: location(of: node))
            return nil
        }
        return value
    }

    mutating func bool(_ key: String, in map: YAMLMapping) -> Bool? {
        guard let node = map[key] else { return nil }
        switch node.string?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(YAMLProblem.notTrueOrFalse(key: key), at: location(of: node))
            return nil
        }
    }

    /// A list of texts; a single text is accepted as a list of one.
    package mutating func strings(_ key: String, in map: YAMLMapping) -> [Located<String>] {
        guard let node = map[key] else { return [] }
        if let text = node.string { return [Located(value: text, location: location(of: node))] }
        guard let sequence = node.sequence else {
            report(YAMLProblem.notAList(key: key), at: location(of: node))
            return []
        }
        return sequence.compactMap { item in
            guard let text = item.string else {
                report(YAMLProblem.entryNotText(key: key), at: location(of: item))
                return nil
            }
            return Located(value: text, location: location(of: item))
        }
    }

    /// Reports every key that is not one of `known`, with a did-you-mean.
    package mutating func checkKeys(of map: YAMLMapping, known: [String], what: String,
                            severity: Diagnostic.Severity = .error) {
        for entry in map.entries where !known.contains(entry.key) {
            let problem = YAMLProblem.unknownKey(entry.key, in: what, suggestion: Suggestion.closest(to: entry.key, in: known))
            report(problem, at: location(of: entry.keyNode), severity: severity)
        }
    }
}
