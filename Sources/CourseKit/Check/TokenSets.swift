/// The word sets of a list of texts, each a sorted list of word numbers, rarest word first,
/// for finding near-duplicates without comparing every pair (which a course of thousands of
/// modules could not afford).
struct TokenSets {
    let sets: [[Int]]

    init(_ texts: [String]) {
        let words = texts.map { Set(WordList.words(of: $0)).subtracting(WordList.function) }
        var frequency: [Substring: Int] = [:]
        for set in words { for word in set { frequency[word, default: 0] += 1 } }
        let ranked = frequency.keys.sorted { (frequency[$0]!, $0) < (frequency[$1]!, $1) }
        let rank = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1, $0) })
        sets = words.map { $0.map { rank[$0]! }.sorted() }
    }

    /// For each text that repeats or nearly repeats an earlier one: the earliest such text and
    /// the share of words they have in common.
    func earliestSimilar() -> [Int: (Int, Double)] {
        var firstWithSet: [[Int]: Int] = [:]
        var nearest: [Int: (Int, Double)] = [:]
        var index: [Int: [Int]] = [:]
        var found: [Int: (Int, Double)] = [:]
        for (position, set) in sets.enumerated() where !set.isEmpty {
            if let first = firstWithSet[set] {
                found[position] = nearest[first] ?? (first, 1)  // the earliest text with this set's words
                continue
            }
            firstWithSet[set] = position
            let prefix = set.prefix(NearDuplicateRule.prefixLength(ofSetOfSize: set.count))
            let candidates = Set(prefix.flatMap { index[$0] ?? [] }).sorted()
            if let match = candidates.lazy.compactMap({ self.similarity(of: position, and: $0) }).first {
                nearest[position] = match
                found[position] = match
            }
            for word in prefix { index[word, default: []].append(position) }
        }
        return found
    }

    /// (earlier, overlap) when the texts at `position` and `earlier` are near-duplicates.
    private func similarity(of position: Int, and earlier: Int) -> (Int, Double)? {
        let a = sets[position], b = sets[earlier]
        let shared = Self.sharedCount(a, b)
        guard NearDuplicateRule.isSimilar(shared: shared, sizes: (a.count, b.count)) else { return nil }
        return (earlier, Double(shared) / Double(a.count + b.count - shared))
    }

    /// How many numbers two sorted lists have in common.
    static func sharedCount(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return shared
    }
}
