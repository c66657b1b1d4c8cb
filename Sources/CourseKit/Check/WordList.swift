/// Words and phrases the item-writing rules look for, matched as whole words, ignoring case
/// and punctuation ("Always," matches "always"; "hallway" does not match "all").
struct WordList: Sendable {
    /// Each entry as its words, filed under its first word so that a text is read once.
    private let phrasesByFirstWord: [Substring: [[Substring]]]
    /// Each entry as its words.
    let phrases: [[Substring]]

    init(_ entries: [String]) {
        phrases = entries.map { Self.words(of: $0) }
        phrasesByFirstWord = Dictionary(grouping: phrases, by: { $0[0] })
    }

    /// Absolute words ("specific determiners"): they make a statement false in most real cases,
    /// so test-wise learners rule out the choice that uses one. English and French: the words of
    /// one language do not occur in the other's prose, so one list serves a course in both.
    static let absolute = WordList([
        "always", "never", "only", "all", "every", "everyone", "everybody", "everything",
        "none", "nobody", "nothing", "no one", "can be sure", "certainly", "definitely",
        "guaranteed", "impossible", "completely", "totally", "absolutely", "entirely", "without exception",
        "toujours", "jamais", "seulement", "uniquement", "tous", "toutes", "chaque", "tout le monde",
        "aucun", "aucune", "rien", "personne ne", "certainement", "assurément", "garanti", "garantie",
        "complètement", "totalement", "absolument", "entièrement", "sans exception",
    ])

    /// Choices that answer by reference to the other choices.
    static let ofTheAbove = WordList([
        "all of the above", "none of the above", "all the above", "both of the above",
        "neither of the above", "all of these", "none of these",
    ])

    /// Small words that carry no topic: near-duplicate prompts are compared without them, so
    /// that "Which of these are signs that…" and "Which signs should…" count as the same wording.
    static let function: Set<Substring> = Set("""
        a an the of to in for on at by with and or but is are was were be been being this that these \
        those what which who whom how why when where you your yours do does did should would could can \
        will may might must it its they them their she he her his we us our i me my from as if than then \
        so not no there here each any some into about over after before up out
        """.split(separator: " "))

    /// The first entry found in `text`, in the text's order, as written in the list.
    func firstMatch(in text: String) -> String? {
        firstMatch(inWords: Self.words(of: text))
    }

    func firstMatch(inWords words: [Substring]) -> String? {
        for start in words.indices {
            if let phrase = phrase(at: start, in: words) { return phrase.joined(separator: " ") }
        }
        return nil
    }

    /// The entry that starts at `start` in `words`, if any.
    func phrase(at start: Int, in words: [Substring]) -> [Substring]? {
        phrasesByFirstWord[words[start]]?.first { words[start...].starts(with: $0) }
    }

    /// `text` lower-cased and cut into words of letters, digits and inner apostrophes.
    static func words(of text: String) -> [Substring] {
        text.lowercased().unicodeScalars.split { !isWordScalar($0) }
            .map { Substring($0).trimmingApostrophes }
            .filter { !$0.isEmpty }
    }

    /// The words of `text` with every entry of `list` taken out.
    static func words(of text: String, without list: WordList) -> [Substring] {
        var words = words(of: text)
        var index = words.startIndex
        while index < words.endIndex {
            if let phrase = list.phrase(at: index, in: words) {
                words.removeSubrange(index..<index + phrase.count)
            } else {
                index += 1
            }
        }
        return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "'"
        }
        return scalar == "’" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

private extension Substring {
    var trimmingApostrophes: Substring {
        var word = self
        while let first = word.first, first == "'" || first == "’" { word = word.dropFirst() }
        while let last = word.last, last == "'" || last == "’" { word = word.dropLast() }
        return word
    }
}
