/// Reads a question's `lint: {ignore: [rule, ...]}`: the item-writing rules a trainer
/// silenced for that question because the flaw is deliberate.
extension YAMLReader {
    mutating func ignoredItemRules(in map: YAMLMapping) -> Set<ItemRule> {
        guard let node = map["lint"] else { return [] }
        guard let mapping = node.mapping else {
            report(ItemProblem.lintNotAMapping, at: location(of: node))
            return []
        }
        let lint = YAMLMapping(mapping: mapping, location: location(of: node))
        checkKeys(of: lint, known: ["ignore"], what: "'lint'")
        var rules: Set<ItemRule> = []
        for name in strings("ignore", in: lint) {
            if let rule = itemRule(named: name) { rules.insert(rule) }
        }
        return rules
    }

    /// The rule with this name, or nil after reporting the name as unknown, with a did-you-mean.
    private mutating func itemRule(named name: Located<String>) -> ItemRule? {
        if let rule = ItemRule(rawValue: name.value) { return rule }
        let guess = Suggestion.closest(to: name.value, in: ItemRule.names)
        report(ItemProblem.unknownRule(name.value, suggestion: guess, known: ItemRule.names), at: name.location)
        return nil
    }
}
