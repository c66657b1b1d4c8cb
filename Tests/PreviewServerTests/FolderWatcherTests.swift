import Foundation
@testable import PreviewServer
import Testing

/// What `serve`'s inotify watcher reports after the ways editors and tools change files.
@Suite("Watching folders")
struct FolderWatcherTests {
    /// A temporary folder with `Content/modules/01-a.md` in it, watched.
    final class Watched {
        let folder: URL
        let watcher: FolderWatcher
        var content: URL { folder.appendingPathComponent("Content") }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-watch-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("Content/modules"),
                                                    withIntermediateDirectories: true)
            try "# A\n".write(to: folder.appendingPathComponent("Content/modules/01-a.md"), atomically: false, encoding: .utf8)
            watcher = try FolderWatcher(roots: [folder.appendingPathComponent("Content").path])
        }

        func path(_ relative: String) -> String { content.appendingPathComponent(relative).path }

        func write(_ relative: String, _ text: String) throws {
            try text.write(toFile: path(relative), atomically: false, encoding: .utf8)
        }

        /// The next change, waiting at most five seconds.
        func next() throws -> FolderWatcher.Change? {
            let deadline = Date().addingTimeInterval(5)
            return try watcher.nextChange(settle: .milliseconds(20), stopped: { Date() > deadline })
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func aSaveByRenameIsOneChangeOfThatFileAlone() throws {
        let watched = try Watched()
        defer { watched.remove() }
        // What an editor does: a swap file, a backup, an autosave, a probe file made and removed,
        // the new text written beside the file and renamed over it.
        try watched.write("modules/.01-a.md.swp", "swap")
        try watched.write("modules/01-a.md~", "# A\n")
        try watched.write("modules/#01-a.md#", "# A, unsaved\n")
        try watched.write("modules/4913", "")
        try FileManager.default.removeItem(atPath: watched.path("modules/4913"))
        try watched.write("modules/01-a.md.new", "# A, edited\n")
        #expect(rename(watched.path("modules/01-a.md.new"), watched.path("modules/01-a.md")) == 0)
        #expect(try watched.next() == .files([watched.path("modules/01-a.md")]))
    }

    @Test func addedAndRemovedFilesAreChanges() throws {
        let watched = try Watched()
        defer { watched.remove() }
        try watched.write("modules/02-b.md", "# B\n")
        #expect(try watched.next() == .files([watched.path("modules/02-b.md")]))
        try FileManager.default.removeItem(atPath: watched.path("modules/01-a.md"))
        #expect(try watched.next() == .files([watched.path("modules/01-a.md")]))
    }

    @Test func aNewFolderIsWatchedAndItsFilesReported() throws {
        let watched = try Watched()
        defer { watched.remove() }
        try FileManager.default.createDirectory(atPath: watched.path("images/maps"), withIntermediateDirectories: true)
        try watched.write("images/maps/a.svg", "<svg/>")
        #expect(try watched.next() == .files([watched.path("images/maps/a.svg")]))
        try watched.write("images/maps/b.svg", "<svg/>")
        #expect(try watched.next() == .files([watched.path("images/maps/b.svg")]))
    }

    @Test func aFolderMovedAwayTakesItsFilesWith() throws {
        let watched = try Watched()
        defer { watched.remove() }
        let outside = watched.folder.appendingPathComponent("elsewhere").path
        #expect(rename(watched.path("modules"), outside) == 0)
        #expect(try watched.next() == .files([watched.path("modules/01-a.md")]))
        // The moved folder is no longer watched: a change in it is nothing to the content.
        try "# A, edited\n".write(toFile: outside + "/01-a.md", atomically: false, encoding: .utf8)
        try watched.write("course.yaml", "title: T\n")
        #expect(try watched.next() == .files([watched.path("course.yaml")]))
    }

    @Test func aRootThatIsNotAFolderCannotBeWatched() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-none-\(UUID().uuidString)").path
        #expect(throws: FolderWatcher.Failure.self) { try FolderWatcher(roots: [missing]) }
    }
}
