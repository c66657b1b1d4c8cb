/// A YAML value as the loaders read it: text, a list or a mapping, with the line and column
/// (from 1, in the snippet) where it starts. Tags are not kept: every scalar is read as text
/// and converted by the field that asks for it.
struct YAMLNode {
    enum Value {
        case scalar(String)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    var value: Value
    var line: Int
    var column: Int

    var string: String? {
        if case .scalar(let text) = value { text } else { nil }
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { items } else { nil }
    }

    var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = value { pairs } else { nil }
    }

    /// The snippet's single document, read from libyaml's events: nil when it has none.
    ///
    /// Anchors, aliases, and nesting or values past `YAMLLimits` are refused as soon as they
    /// are met, before anything is built from them. A key written twice in one mapping, or a
    /// second document, is reported once the mapping (or the first document) has been read;
    /// a syntax error met before that is reported instead, and a refusal anywhere before the
    /// first syntax error comes first of all.
    static func compose(_ text: String) throws(YAMLReadError) -> YAMLNode? {
        var reader = EventReader()
        return try LibYAML.reading(text) { parser throws(YAMLReadError) in try reader.stream(parser) } ?? nil
    }

    init(value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }
}

/// Why a snippet cannot be read, and where (line and column from 1, in the snippet).
enum YAMLReadError: Error {
    /// libyaml's own words; no place when the text could not be read at all (a control
    /// character, memory).
    case syntax(String, line: Int?, column: Int?)
    /// Valid YAML that course files may not hold (`YAMLLimits`).
    case refused(YAMLProblem, line: Int, column: Int)
    /// A key written a second time in the same mapping (its text; nil for a list or mapping),
    /// and where it was first.
    case duplicateKey(String?, line: Int, column: Int, firstLine: Int, firstColumn: Int)
    /// A second document after the first.
    case secondDocument(line: Int, column: Int)
}

/// libyaml's events for one snippet (through `LibYAML`), turned into `YAMLNode`s.
private struct EventReader {
    /// A key as YAML compares keys: by kind and content, not by position or quoting; a text
    /// key by its tag too (`!custom a` is not `a`). A list or mapping used as a key, which no
    /// course file has a use for, is compared by its content alone.
    private enum Identity: Hashable {
        case scalar(String, YAMLTag)
        case sequence([Identity])
        case mapping([Identity])

        init(_ node: YAMLNode) {
            switch node.value {
            case .scalar(let text): self = .scalar(text, .plain)
            case .sequence(let items): self = .sequence(items.map(Identity.init))
            case .mapping(let pairs): self = .mapping(pairs.flatMap { [Identity($0.key), Identity($0.value)] })
            }
        }
    }

    /// The first repeated key or second document, reported once the stream is read (unless a
    /// refusal comes first); a syntax error after it is not reported.
    private var found: YAMLReadError?

    /// STREAM-START, the document if there is one, then STREAM-END; any further documents are
    /// read only for what the limits refuse.
    mutating func stream(_ parser: borrowing LibYAML) throws(YAMLReadError) -> YAMLNode? {
        _ = try next(parser)  // STREAM-START
        guard case .documentStart = try next(parser).kind else { return nil }
        let root = try document(parser)
        while true {
            let event = try next(parser)
            guard case .documentStart = event.kind else { break }
            if found == nil { found = .secondDocument(line: event.line, column: event.column) }
            _ = try document(parser)
        }
        if let found { throw found }
        return root
    }

    /// A document's node and its DOCUMENT-END.
    private mutating func document(_ parser: borrowing LibYAML) throws(YAMLReadError) -> YAMLNode {
        let root = try node(startingWith: next(parser), depth: 0, parser)
        _ = try next(parser)  // DOCUMENT-END
        return root
    }

    /// The next event; at a syntax error, what was found before it, if anything.
    private func next(_ parser: borrowing LibYAML) throws(YAMLReadError) -> YAMLEvent {
        do {
            return try parser.next()
        } catch {
            throw found ?? error
        }
    }

    /// The node that starts with `event`, read to its end, inside `depth` collections.
    private mutating func node(startingWith event: YAMLEvent, depth: Int, _ parser: borrowing LibYAML) throws(YAMLReadError) -> YAMLNode {
        if let refusal = YAMLLimits.refusal(of: event, depth: depth) { throw refusal }
        switch event.kind {
        case .scalar(let text, _, _, _):
            return YAMLNode(value: .scalar(text), line: event.line, column: event.column)
        case .sequenceStart:
            var items: [YAMLNode] = []
            while true {
                let item = try next(parser)
                if case .sequenceEnd = item.kind { break }
                items.append(try node(startingWith: item, depth: depth + 1, parser))
            }
            return YAMLNode(value: .sequence(items), line: event.line, column: event.column)
        case .mappingStart:
            return YAMLNode(value: .mapping(try pairs(depth: depth + 1, parser)), line: event.line, column: event.column)
        default:
            // An alias (refused above) or an end out of place, which libyaml does not produce.
            return YAMLNode(value: .scalar(""), line: event.line, column: event.column)
        }
    }

    /// A mapping's pairs up to its MAPPING-END, noting its first repeated key.
    private mutating func pairs(depth: Int, _ parser: borrowing LibYAML) throws(YAMLReadError) -> [(key: YAMLNode, value: YAMLNode)] {
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        // Where each key was first: plain text keys (nearly all) by their text, others by identity.
        var texts: [String: (line: Int, column: Int)] = [:], others: [Identity: (line: Int, column: Int)] = [:]
        var repeated: YAMLReadError?
        while true {
            let keyEvent = try next(parser)
            if case .mappingEnd = keyEvent.kind { break }
            let key = try node(startingWith: keyEvent, depth: depth, parser)
            pairs.append((key, try node(startingWith: next(parser), depth: depth, parser)))
            let first = switch keyEvent.kind {
            case .scalar(let text, _, _, .plain): Self.firstUse(of: text, at: key, in: &texts)
            case .scalar(let text, _, _, let tag): Self.firstUse(of: .scalar(text, tag), at: key, in: &others)
            default: Self.firstUse(of: Identity(key), at: key, in: &others)
            }
            if let first, repeated == nil {
                repeated = .duplicateKey(key.string, line: key.line, column: key.column, firstLine: first.line, firstColumn: first.column)
            }
        }
        if found == nil, let repeated { found = repeated }
        return pairs
    }

    /// Where `key` was first used in the mapping, if it was; else notes it, at `node`.
    private static func firstUse<Key: Hashable>(of key: Key, at node: YAMLNode,
                                                in seen: inout [Key: (line: Int, column: Int)]) -> (line: Int, column: Int)? {
        if let first = seen[key] { return first }
        seen[key] = (node.line, node.column)
        return nil
    }
}
