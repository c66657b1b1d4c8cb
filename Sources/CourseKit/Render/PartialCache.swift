import Foundation
import Mustache
import Synchronization

/// Partials whose output is the same on many pages (the site header, the footer, the
/// stylesheet links) rendered once per distinct input and reused, like Hugo's `partialCached`
/// but without asking the template's author: a ten-thousand-page build would otherwise look up
/// the same few dozen names ten thousand times.
///
/// A partial qualifies when it includes no other template and has no blocks, transforms
/// (`{{f(x)}}`) or `{{.}}`; and only when no template anywhere includes a partial, a parent or
/// a block from inside a section or indented on its line, or includes by a dynamic name, so
/// that every partial renders against the page's own context and without inherited
/// indentation, as a cached output is rendered.
/// Its output is then a function of the values its tag names have in that context; those
/// values, written out in full, are the cache key. A partial whose key keeps changing (one that
/// prints the page title, say) stops being cached after a few pages.
final class PartialCache: Sendable {
    /// How many different outputs a partial may have before caching it stops paying.
    static let capacity = 16

    /// The partial's name, as `{{> name}}` writes it.
    let name: String
    /// The name the partial's own template is registered under; `name` itself renders `key`.
    let hiddenName: String
    /// The context key the stand-in template prints.
    let key: String
    /// Every name the partial's tags look up, split at dots.
    private let names: [[String]]
    /// The outputs kept, by cache key, and whether caching stopped paying.
    private let kept = Mutex<(outputs: [String: String], gaveUp: Bool)>(([:], false))

    init(name: String, index: Int, names: [String]) {
        self.name = name
        hiddenName = name + "\u{1}"
        key = "meridian-cached-partial-\(index)"
        self.names = Set(names).sorted().map { $0.split(separator: ".").map(String.init) }
    }

    /// False once the partial has had more different outputs than `capacity`.
    var isCaching: Bool {
        kept.withLock { !$0.gaveUp }
    }

    /// How many different outputs are kept.
    var outputCount: Int {
        kept.withLock { $0.outputs.count }
    }

    /// The template registered under `name`: it prints what `output(in:library:)` returns.
    var standIn: String { HTMLContent.pragma + "{{{\(key)}}}" }

    /// The partial rendered against `context`, from the cache when the same values were seen before.
    func output(in context: [String: Any], library: MustacheLibrary) -> String {
        guard let cacheKey = cacheKey(in: context) else { return render(context, library) }
        let (cached, open) = kept.withLock { ($0.outputs[cacheKey], !$0.gaveUp) }
        if let cached { return cached }
        let output = render(context, library)
        guard open else { return output }
        kept.withLock {
            if $0.outputs.count < Self.capacity { $0.outputs[cacheKey] = output } else { $0.gaveUp = true }
        }
        return output
    }

    private func render(_ context: [String: Any], _ library: MustacheLibrary) -> String {
        library.render(context, withTemplate: hiddenName) ?? ""
    }

    /// The values of every looked-up name, written out; nil when one is of a kind this cannot
    /// write out faithfully, or once the partial has stopped being cached.
    private func cacheKey(in context: [String: Any]) -> String? {
        guard isCaching else { return nil }
        var key = ""
        for path in names {
            var value: Any? = context[path[0]]
            for component in path.dropFirst() {
                guard let object = value else { break }
                guard let dictionary = object as? [String: Any] else { return nil }
                value = dictionary[component]
            }
            guard Self.write(value, into: &key) else { return nil }
        }
        return key
    }

    /// Appends an unambiguous spelling of `value`; false for values Mustache might render
    /// through a protocol (custom renderables, lambdas, structures read by reflection).
    private static func write(_ value: Any?, into key: inout String) -> Bool {
        switch value {
        case nil:
            key += "n;"
        case let text as String:
            key += "s\(text.utf8.count):"
            key += text
        case let flag as Bool:
            key += flag ? "t;" : "f;"
        case let number as Int:
            key += "i\(number);"
        case let dictionary as [String: Any]:
            key += "d\(dictionary.count){"
            for name in dictionary.keys.sorted() {
                key += "\(name.utf8.count):\(name)"
                guard write(dictionary[name], into: &key) else { return false }
            }
            key += "}"
        case let list as [Any]:
            key += "a\(list.count)["
            for element in list {
                guard write(element, into: &key) else { return false }
            }
            key += "]"
        default:
            return false
        }
        return true
    }

    /// Plans the partials of `library` that can be cached, given every template's tags, and puts
    /// each one's stand-in in its place: the partials now cached.
    static func register(in library: inout MustacheLibrary, scans: [String: TemplateTags]) -> [PartialCache] {
        plan(scans: scans, renderedDirectly: Set(TemplateLibrary.required + ["search"])).filter { partial in
            guard let template = library.getTemplate(named: partial.name),
                  let standIn = try? MustacheTemplate(string: partial.standIn) else { return false }
            library.register(template, named: partial.hiddenName)
            library.register(standIn, named: partial.name)
            return true
        }
    }

    /// The partials of a template library that can be cached, given every template's tags.
    static func plan(scans: [String: TemplateTags], renderedDirectly: Set<String>) -> [PartialCache] {
        let tags = scans.values.flatMap(\.tags)
        let includes = tags.filter { "><$".contains($0.kind ?? " ") }
        // Anything included from inside a section would render against the section's object;
        // anything included indented passes the indentation on to every partial inside it,
        // which a cached output, rendered once without it, would not have.
        guard !scans.values.contains(where: { $0.changesDelimiters || $0.hasOtherLineBreaks }),
              !includes.contains(where: { $0.sectionDepth > 0 || $0.isIndented || $0.name.hasPrefix("*") }) else { return [] }
        let included = Dictionary(grouping: tags.filter { $0.kind == ">" }, by: \.name)
        let parents = Set(tags.filter { $0.kind == "<" }.map(\.name))
        var caches: [PartialCache] = []
        for name in included.keys.sorted() {
            guard let scan = scans[name], !parents.contains(name), !renderedDirectly.contains(name) else { continue }
            let lookups = scan.tags.filter { $0.kind == nil || "#^&{".contains($0.kind!) }
            let isLeaf = !scan.tags.contains { "><$=".contains($0.kind ?? " ") }
            let isPlain = !lookups.contains { $0.name.hasPrefix(".") || $0.name.contains("(") || $0.name.contains("*") || $0.name.isEmpty }
            guard isLeaf, isPlain else { continue }
            caches.append(PartialCache(name: name, index: caches.count, names: lookups.map(\.name)))
        }
        return caches
    }
}

/// What a stand-in template prints: the cached partial, worked out when the page asks for it.
private struct CachedPartialOutput: MustacheCustomRenderable {
    let produce: () -> String
    var renderText: String { produce() }
    var isNull: Bool { false }
}

extension PartialCache {
    /// `context` with a value for every stand-in, each computed only if the page prints it.
    static func adding(_ caches: [PartialCache], to context: [String: Any], library: MustacheLibrary) -> [String: Any] {
        var extended = context
        for cache in caches {
            extended[cache.key] = CachedPartialOutput { cache.output(in: context, library: library) }
        }
        return extended
    }
}
