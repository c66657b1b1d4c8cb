@testable import CourseKit
import Testing

/// The margins, word lists and probabilities behind the item-writing rules.
@Suite("Item-writing rules, one by one")
struct ItemRuleTests {
    @Test(arguments: [
        (long: 20, short: 10, clearly: true),    // +10 characters, +100 %
        (long: 19, short: 10, clearly: false),   // +9 characters: under the 10-character floor
        (long: 50, short: 40, clearly: true),    // exactly +25 % and +10
        (long: 49, short: 40, clearly: false),   // +22.5 %
        (long: 124, short: 100, clearly: false), // +24 characters, but under a quarter
        (long: 125, short: 100, clearly: true),
        (long: 10, short: 10, clearly: false),
    ] as [(long: Int, short: Int, clearly: Bool)])
    func clearlyLongerNeedsBothMargins(_ example: (long: Int, short: Int, clearly: Bool)) {
        #expect(ItemRules.isClearlyLonger(example.long, than: example.short) == example.clearly)
    }

    @Test(arguments: [
        (text: "Canadians always speak English.", word: "always"),
        (text: "ALWAYS, without a doubt.", word: "always"),
        (text: "You can be sure of it.", word: "can be sure"),
        (text: "No one will mind.", word: "no one"),
        (text: "Walk down the hallway; call them.", word: nil),
        (text: "Nonetheless, ask first.", word: nil),
        (text: "All of the above.", word: nil),              // left to its own rule
        (text: "None of the above, only this.", word: "only"),
    ] as [(text: String, word: String?)])
    func absoluteWordsAreWholeWords(_ example: (text: String, word: String?)) {
        #expect(AbsoluteWordsRule.absoluteWord(in: example.text) == example.word)
    }

    @Test(arguments: [
        (text: "All of the above", phrase: "all of the above"),
        (text: "None of these.", phrase: "none of these"),
        (text: "Both of the above are right", phrase: "both of the above"),
        (text: "Above all, listen.", phrase: nil),
    ] as [(text: String, phrase: String?)])
    func ofTheAbovePhrases(_ example: (text: String, phrase: String?)) {
        #expect(WordList.ofTheAbove.firstMatch(in: example.text) == example.phrase)
    }

    @Test(arguments: [
        (a: "Which time should you state in a follow-up?", b: "In a follow-up, which time should you state?", similar: true),
        (a: "Which of these are signs that a chatbot should hand the customer to a person? Choose all that apply.",
         b: "Which signs should make a chatbot hand the customer to a person? Choose all that apply.", similar: true),
        (a: "Put the steps of the listening pattern for a call in the order this module teaches.",
         b: "Put the steps for scheduling a follow-up call in the order this module teaches.", similar: false),
        (a: "Which time should you state in a follow-up?", b: "Which time zone should you state in a follow-up email?", similar: false),
    ] as [(a: String, b: String, similar: Bool)])
    func nearDuplicatePrompts(_ example: (a: String, b: String, similar: Bool)) {
        let found = TokenSets([example.a, example.b]).earliestSimilar()
        #expect((found[1]?.0 == 0) == example.similar)
        #expect(found[0] == nil)
    }

    @Test func aRepeatedPromptIsReportedAgainstTheEarliest() {
        let found = TokenSets(["Match each term to its meaning.", "Something else entirely.",
                               "Match each term to its meaning!", "match EACH term to its meaning"]).earliestSimilar()
        #expect(found.keys.sorted() == [2, 3])
        #expect(found[2]?.0 == 0 && found[3]?.0 == 0)
    }

    @Test(arguments: [
        (count: 0, chances: [0.5, 0.5], probability: 1.0),
        (count: 2, chances: [0.5, 0.5], probability: 0.25),
        (count: 1, chances: [0.25, 1.0 / 3], probability: 0.5),   // 1 − ¾·⅔
        (count: 3, chances: [0.5, 0.5], probability: 0.0),
    ] as [(count: Int, chances: [Double], probability: Double)])
    func chanceOfAtLeast(_ example: (count: Int, chances: [Double], probability: Double)) {
        #expect(abs(Chance.atLeast(example.count, successChances: example.chances) - example.probability) < 1e-12)
    }

    @Test(arguments: [
        (heads: 5, total: 10, probability: 1.0),
        (heads: 10, total: 10, probability: 2.0 / 1024),
        (heads: 0, total: 10, probability: 2.0 / 1024),
        (heads: 2, total: 10, probability: 2.0 * 56 / 1024),   // 0, 1 or 2 heads or tails: 1 + 10 + 45 ways each
    ] as [(heads: Int, total: Int, probability: Double)])
    func chanceOfAnUnevenSplit(_ example: (heads: Int, total: Int, probability: Double)) {
        #expect(abs(Chance.splitAtLeastAsUneven(example.heads, of: example.total) - example.probability) < 1e-12)
    }
}
