@testable import CourseKit
import Testing

/// Snippets are read from libyaml's events when they can be and by Yams otherwise; either way a
/// snippet must come out as Yams alone reads it, positions and errors included.
@Suite("Reading YAML")
struct YAMLNodeTests {
    @Test(arguments: [
        "",
        "---\n",
        "title: Why culture matters\nminutes: 20\ncountries: [us, ca, 'no']\n",
        "id: q1\ntype: single\nchoices:\n  - text: A\n    correct: true\n  - text: B\n    feedback: \"Not quite: \\u00e9\"\n",
        "summary: Québec’s “duties”, 日本\nobjectives:\n  - one\n  -\n  - three\n",
        "text: |\n  line one\n  line two\nfolded: >\n  a\n  b\nempty:\n",
        "flow: {a: 1, b: [x, {c: d}]}\n",
        "pairs:\n  - [left, right]\n  - [\"a b\", 'c''d']\n",
        "tagged: !!str 123\nother: !custom x\n",
        "a: 1\na: 2\n",
        "a: 1\n\"a\": 2\n",
        "? [complex, key]\n: value\n",
        "one: 1\n---\ntwo: 2\n",
        "key: [unclosed\n",
        "key: value\n  bad indent: x\n",
        "- just\n- a list\n",
        "plain scalar\n",
        "\tkey: tab\n",
    ])
    func eventsReadAsYamsReads(_ text: String) {
        #expect(Self.read(text, by: YAMLNode.compose) == Self.read(text, by: YAMLNode.composeWithYams), "\(text.debugDescription)")
    }

    /// The outline of what `compose` makes of `text`, or its error's description.
    private static func read(_ text: String, by compose: (String) throws -> YAMLNode?) -> String {
        do {
            return try compose(text)?.outline ?? "no document"
        } catch {
            return "error: \(error)"
        }
    }
}

extension YAMLNode {
    /// The node written out with its positions, to compare two readings.
    var outline: String {
        switch value {
        case .scalar(let text): "\(line):\(column) \(text.debugDescription)"
        case .sequence(let items): "\(line):\(column) [" + items.map(\.outline).joined(separator: ", ") + "]"
        case .mapping(let pairs): "\(line):\(column) {" + pairs.map { "\($0.key.outline): \($0.value.outline)" }.joined(separator: ", ") + "}"
        }
    }
}
