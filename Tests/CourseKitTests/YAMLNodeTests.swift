@testable import CourseKit
import Testing

/// How snippets of course YAML read: the nodes with their positions, and every message with its
/// place in the file. The readings were recorded from Yams, which read course YAML before
/// libyaml was read directly; they are the behaviour to keep, except where a message was made
/// better on purpose (and then the change is in this table's history).
@Suite("Reading YAML")
struct YAMLNodeTests {
    /// A snippet and how it reads: the outline of its node (or "error", or "no document"),
    /// then each diagnostic of reading it as front matter that starts on line 2 of `x.md`.
    static let readings: [(yaml: String, reading: String)] = [
        ("",
         "no document\nx.md:2:1: error: the front matter is empty"),
        ("---\n",
         "2:1 \"\"\nx.md:3:1: error: the front matter must be a mapping of keys to values"),
        ("title: Why culture matters\nminutes: 20\ncountries: [us, ca, \'no\']\n",
         "1:1 {1:1 \"title\": 1:8 \"Why culture matters\", 2:1 \"minutes\": 2:10 \"20\", 3:1 \"countries\": 3:12 [3:13 \"us\", 3:17 \"ca\", 3:21 \"no\"]}"),
        ("id: q1\ntype: single\nchoices:\n  - text: A\n    correct: true\n  - text: B\n    feedback: \"Not quite: \\u00e9\"\n",
         "1:1 {1:1 \"id\": 1:5 \"q1\", 2:1 \"type\": 2:7 \"single\", 3:1 \"choices\": 4:3 [4:5 {4:5 \"text\": 4:11 \"A\", 5:5 \"correct\": 5:14 \"true\"}, 6:5 {6:5 \"text\": 6:11 \"B\", 7:5 \"feedback\": 7:15 \"Not quite: é\"}]}"),
        ("summary: Québec’s “duties”, 日本\nobjectives:\n  - one\n  -\n  - three\n",
         "1:1 {1:1 \"summary\": 1:10 \"Québec’s “duties”, 日本\", 2:1 \"objectives\": 3:3 [3:5 \"one\", 4:4 \"\", 5:5 \"three\"]}"),
        ("text: |\n  line one\n  line two\nfolded: >\n  a\n  b\nempty:\n",
         "1:1 {1:1 \"text\": 1:7 \"line one\\nline two\\n\", 4:1 \"folded\": 4:9 \"a b\\n\", 7:1 \"empty\": 7:7 \"\"}"),
        ("flow: {a: 1, b: [x, {c: d}]}\n",
         "1:1 {1:1 \"flow\": 1:7 {1:8 \"a\": 1:11 \"1\", 1:14 \"b\": 1:17 [1:18 \"x\", 1:21 {1:22 \"c\": 1:25 \"d\"}]}}"),
        ("pairs:\n  - [left, right]\n  - [\"a b\", \'c\'\'d\']\n",
         "1:1 {1:1 \"pairs\": 2:3 [2:5 [2:6 \"left\", 2:12 \"right\"], 3:5 [3:6 \"a b\", 3:13 \"c\\\'d\"]]}"),
        ("tagged: !!str 123\nother: !custom x\n",
         "1:1 {1:1 \"tagged\": 1:9 \"123\", 2:1 \"other\": 2:8 \"x\"}"),
        ("a: 1\na: 2\n",
         "error\nx.md:3:1: error: duplicate key \'a\' (first used at x.md:2:1)"),
        ("a: 1\n\"a\": 2\n",
         "error\nx.md:3:1: error: duplicate key \'a\' (first used at x.md:2:1)"),
        ("title: x\nsummary: y\ntitle: z\nsummary: w\n",
         "error\nx.md:4:1: error: duplicate key \'title\' (first used at x.md:2:1)"),
        ("q:\n  a: 1\n  b: 2\n  a: 3\n",
         "error\nx.md:5:3: error: duplicate key \'a\' (first used at x.md:3:3)"),
        ("{a: 1, a: 2}\n",
         "error\nx.md:2:8: error: duplicate key \'a\' (first used at x.md:2:2)"),
        ("? [a]\n: 1\n? [a]\n: 2\n",
         "error\nx.md:4:3: error: duplicate key (a list or mapping) (first used at x.md:2:3)"),
        ("!!str a: 1\na: 2\n",
         "error\nx.md:3:1: error: duplicate key \'a\' (first used at x.md:2:1)"),
        ("!custom a: 1\na: 2\n",
         "1:1 {1:1 \"a\": 1:12 \"1\", 2:1 \"a\": 2:4 \"2\"}"),
        ("a: 1\na: 2\nb: [x\n",
         "error\nx.md:5:1: error: invalid YAML: did not find expected \',\' or \']\' while parsing a flow sequence"),
        ("outer:\n  a: 1\n  a: 2\nb: [x\n",
         "error\nx.md:4:3: error: duplicate key \'a\' (first used at x.md:3:3)"),
        ("a: 1\na: 2\nb: &list [x]\n",
         "error\nx.md:4:4: error: anchor \'&list\': anchors and aliases are not supported in course files; write each value out in full"),
        ("? [complex, key]\n: value\n",
         "1:1 {1:3 [1:4 \"complex\", 1:13 \"key\"]: 2:3 \"value\"}"),
        ("one: 1\n---\ntwo: 2\n",
         "error\nx.md:3:1: error: a second YAML document starts here: a line \'---\' or \'...\' has ended the first, and only one is allowed"),
        ("one: 1\n---\ntwo: &x 2\n",
         "error\nx.md:4:6: error: anchor \'&x\': anchors and aliases are not supported in course files; write each value out in full"),
        ("one: 1\n---\nkey: [x\n",
         "error\nx.md:3:1: error: a second YAML document starts here: a line \'---\' or \'...\' has ended the first, and only one is allowed"),
        ("--- a\n--- b\n",
         "error\nx.md:3:1: error: a second YAML document starts here: a line \'---\' or \'...\' has ended the first, and only one is allowed"),
        ("...\n",
         "error\nx.md:2:1: error: invalid YAML: did not find expected node content while parsing a block node"),
        ("---\n...\n---\n",
         "error\nx.md:4:1: error: a second YAML document starts here: a line \'---\' or \'...\' has ended the first, and only one is allowed"),
        ("key: [unclosed\n",
         "error\nx.md:3:1: error: invalid YAML: did not find expected \',\' or \']\' while parsing a flow sequence"),
        ("key: value\n  bad indent: x\n",
         "error\nx.md:3:13: error: invalid YAML: mapping values are not allowed in this context"),
        ("a: b: c\n",
         "error\nx.md:2:5: error: invalid YAML: mapping values are not allowed in this context; put a value that contains \': \' in quotes"),
        ("a: \'unclosed\n",
         "error\nx.md:3:1: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar"),
        ("a: \"bad \\q escape\"\n",
         "error\nx.md:2:9: error: invalid YAML: found unknown escape character while parsing a quoted scalar"),
        ("- a\nb: c\n",
         "error\nx.md:3:1: error: invalid YAML: did not find expected \'-\' indicator while parsing a block collection"),
        ("%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
         "error\nx.md:3:1: error: invalid YAML: found duplicate %YAML directive"),
        ("a: @x\n",
         "error\nx.md:2:4: error: invalid YAML: found character that cannot start any token while scanning for the next token; put a value that starts with \'@\' in quotes"),
        ("a: |\n    x\n  y\n",
         "error\nx.md:4:3: error: invalid YAML: did not find expected key while parsing a block mapping"),
        ("titre: «é»\nbad: [x\n",
         "error\nx.md:4:1: error: invalid YAML: did not find expected \',\' or \']\' while parsing a flow sequence"),
        ("日本: [x, y\n",
         "error\nx.md:3:1: error: invalid YAML: did not find expected \',\' or \']\' while parsing a flow sequence"),
        ("a: \u{01}\n",
         "error\nx.md:2:1: error: invalid YAML: control characters are not allowed"),
        ("a: b\0c\n",
         "error\nx.md:2:1: error: invalid YAML: control characters are not allowed"),
        ("\u{FEFF}a: 1\n",
         "1:2 {1:2 \"a\": 1:5 \"1\"}"),
        ("a: [x\nb: *y\n",
         "error\nx.md:3:2: error: invalid YAML: did not find expected \',\' or \']\' while parsing a flow sequence"),
        ("b: *y\na: [x\n",
         "error\nx.md:2:4: error: alias \'*y\': anchors and aliases are not supported in course files; write each value out in full"),
        ("a: 1\n---\nb: *z\n",
         "error\nx.md:4:4: error: alias \'*z\': anchors and aliases are not supported in course files; write each value out in full"),
        ("base: &b text\ncopy: *b\n",
         "error\nx.md:2:7: error: anchor \'&b\': anchors and aliases are not supported in course files; write each value out in full"),
        ("#comment only\n",
         "no document\nx.md:2:1: error: the front matter is empty"),
        ("   \n",
         "no document\nx.md:2:1: error: the front matter is empty"),
        ("~\n",
         "1:1 \"~\"\nx.md:2:1: error: the front matter must be a mapping of keys to values"),
        ("[]\n",
         "1:1 []\nx.md:2:1: error: the front matter must be a mapping of keys to values"),
        ("{}\n",
         "1:1 {}"),
        ("- just\n- a list\n",
         "1:1 [1:3 \"just\", 2:3 \"a list\"]\nx.md:2:1: error: the front matter must be a mapping of keys to values"),
        ("plain scalar\n",
         "1:1 \"plain scalar\"\nx.md:2:1: error: the front matter must be a mapping of keys to values"),
        ("\tkey: tab\n",
         "error\nx.md:2:1: error: invalid YAML: found character that cannot start any token while scanning for the next token; indent with spaces, not tabs"),
        ("a:\n  - b\n  -\n    c: d\n",
         "1:1 {1:1 \"a\": 2:3 [2:5 \"b\", 4:5 {4:5 \"c\": 4:8 \"d\"}]}"),
        ("a: 1\r\nb: 2\r\n",
         "1:1 {1:1 \"a\": 1:4 \"1\", 2:1 \"b\": 2:4 \"2\"}"),
        ("a: [x\r\n",
         "error\nx.md:3:1: error: invalid YAML: did not find expected \',\' or \']\' while parsing a flow sequence"),
        ("choices:\n  - text: A\n    text: B\n",
         "error\nx.md:4:5: error: duplicate key \'text\' (first used at x.md:3:5)"),
        ("title: Hofstede : power distance\n",
         "error\nx.md:2:17: error: invalid YAML: mapping values are not allowed in this context; put a value that contains \': \' in quotes"),
        ("summary: Québec : « service » en français\n",
         "error\nx.md:2:17: error: invalid YAML: mapping values are not allowed in this context; put a value that contains \': \' in quotes"),
        ("a: `x`\n",
         "error\nx.md:2:4: error: invalid YAML: found character that cannot start any token while scanning for the next token; put a value that starts with \'`\' in quotes"),
        ("text: |\n\tindented with a tab\n",
         "error\nx.md:3:1: error: invalid YAML: found a tab character where an indentation space is expected while scanning a block scalar; indent with spaces, not tabs"),
        ("a:\n  b: 1\n\tc: 2\n",
         "error\nx.md:4:1: error: invalid YAML: found a tab character that violates indentation while scanning a plain scalar; indent with spaces, not tabs"),
    ]

    @Test(arguments: readings.indices)
    func readsAsRecorded(_ index: Int) {
        let (yaml, expected) = Self.readings[index]
        #expect(Self.reading(yaml) == expected, "\(yaml.debugDescription)")
    }

    /// What `YAMLNode.compose` makes of `text`, and what the front-matter reader reports.
    static func reading(_ text: String) -> String {
        let outline: String
        do {
            outline = try YAMLNode.compose(text)?.outline ?? "no document"
        } catch {
            outline = "error"
        }
        var reader = YAMLReader(origin: SourceLocation(file: "x.md", line: 2, column: 1))
        _ = reader.parseMapping(text, what: "the front matter")
        return ([outline] + reader.diagnostics.map(\.description)).joined(separator: "\n")
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
