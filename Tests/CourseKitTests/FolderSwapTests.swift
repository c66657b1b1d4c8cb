@testable import CourseKit
import Foundation
import Testing

/// What a killed build leaves beside the site is cleared by the next one, and a site set aside
/// mid-swap is put back.
@Suite("Swapping the site in")
struct FolderSwapTests {
    /// A process id no process has (above any kernel's limit).
    static let gone = Int32.max

    @Test func aSwapPutsTheNewFolderInPlaceAndTheOldOneWhereTheNewWas() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try make(folder, "Site", holding: "old")
        try make(folder, ".Site.building-1", holding: "new")
        try FolderSwap.swap(folder.appendingPathComponent(".Site.building-1").path, into: folder.appendingPathComponent("Site").path)
        #expect(try marker(folder, "Site") == "new")
        #expect(try marker(folder, ".Site.building-1") == "old")
    }

    @Test func leftoversOfBuildsThatAreGoneAreDeleted() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try make(folder, "Site", holding: "current")
        try make(folder, ".Site.building-\(Self.gone)", holding: "half-written")
        try make(folder, ".Site.old-\(Self.gone)", holding: "older")
        let running = ".Site.building-\(ProcessInfo.processInfo.processIdentifier)"
        try make(folder, running, holding: "in progress")
        FolderSwap.clearLeftovers(beside: folder.appendingPathComponent("Site"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [running, "Site"])
        #expect(try marker(folder, "Site") == "current")
    }

    @Test func aSiteSetAsideMidSwapIsPutBack() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try make(folder, ".Site.building-\(Self.gone).old", holding: "previous")
        try make(folder, ".Site.building-\(Self.gone)", holding: "staged")
        FolderSwap.clearLeftovers(beside: folder.appendingPathComponent("Site"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Site"])
        #expect(try marker(folder, "Site") == "previous")
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meridian-swap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func make(_ folder: URL, _ name: String, holding text: String) throws {
        let path = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: path.appendingPathComponent("marker.txt"))
    }

    private func marker(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name).appendingPathComponent("marker.txt"), encoding: .utf8)
    }
}
