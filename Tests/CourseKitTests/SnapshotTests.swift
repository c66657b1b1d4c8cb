import CourseKit
import Foundation
import Testing

/// The whole built fixture site, pinned: every page in full, every other generated file by size
/// and hash, and the files copied from the templates by name, with their bytes checked against
/// the templates' own (so that a change to a style sheet or a script does not re-record this).
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter Snapshot` (the run then fails on purpose).
@Suite("Whole-site snapshot")
struct SnapshotTests {
    static let snapshot = Repository.root.appendingPathComponent("Tests/CourseKitTests/__Snapshots__/fixture-site.txt")

    @Test func theFixtureSiteMatchesItsSnapshot() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        _ = try course.build()
        let actual = Self.describe(snapshotFiles(of: course.site), temporaryFolder: course.folder.path,
                                   templates: snapshotFiles(of: course.templates.appendingPathComponent("assets")))
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try actual.write(to: Self.snapshot, atomically: true, encoding: .utf8)
            Issue.record("recorded \(Self.snapshot.lastPathComponent); unset RECORD_SNAPSHOTS and run again")
            return
        }
        let expected = try String(contentsOf: Self.snapshot, encoding: .utf8)
        if actual != expected {
            let difference = zip(actual.split(separator: "\n", omittingEmptySubsequences: false),
                                 expected.split(separator: "\n", omittingEmptySubsequences: false))
                .enumerated().first { $0.element.0 != $0.element.1 }
            let detail = difference.map { "line \($0.offset + 1):\n  built:    \($0.element.0)\n  snapshot: \($0.element.1)" } ?? "lengths differ"
            Issue.record("the built site differs from \(Self.snapshot.lastPathComponent) at \(detail)")
        }
    }

    /// The pages the fixture's own content shapes; the other hundred country pages only differ
    /// in their scores, which `DatasetTests` checks, so they are pinned by hash.
    static let pagesInFull: Set<String> = [
        "index.html", "modules/welcome.html", "modules/practice.html", "countries/index.html",
        "countries/ca.html", "countries/ca-quebec.html", "countries/jp.html", "compare.html", "progress.html", "certificate.html",
    ]

    /// Pages in full (with the temporary folder's path replaced), a file that is a template
    /// asset's exact copy by name, other files by size and hash.
    static func describe(_ files: [String: Data], temporaryFolder: String, templates: [String: Data]) -> String {
        files.keys.sorted().map { path in
            let data = files[path]!
            if path.hasPrefix("assets/"), templates[String(path.dropFirst("assets/".count))] == data {
                return "=== \(path) (copied from the templates)\n"
            }
            if pagesInFull.contains(path) {
                let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: temporaryFolder, with: "$TMP")
                return "=== \(path)\n\(text)"
            }
            return "=== \(path) (\(data.count) bytes, fnv1a \(String(fnv1a(data), radix: 16)))\n"
        }.joined()
    }

    static func fnv1a(_ data: Data) -> UInt64 {
        data.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
