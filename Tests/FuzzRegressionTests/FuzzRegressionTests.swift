import Foundation
import FuzzTargets
import Testing

/// Every input the fuzzer ever found a failure with, kept in `Fuzz/Regressions/<target>/`, is
/// read again by its target: it must be handled (diagnostics or a refusal), and quickly.
@Suite("Inputs the fuzzer once broke")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/Regressions")

    /// Each kept input, named by target and file.
    struct Input: CustomTestStringConvertible, Sendable {
        var target: FuzzTarget
        var file: URL
        var testDescription: String { "\(target.rawValue)/\(file.lastPathComponent)" }
    }

    static var inputs: [Input] {
        FuzzTarget.allCases.flatMap { target in
            let folder = Self.folder.appendingPathComponent(target.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { Input(target: target, file: folder.appendingPathComponent($0)) }
        }
    }

    @Test(arguments: inputs)
    func aKeptInputIsHandledWithinASecond(_ input: Input) throws {
        let data = try Data(contentsOf: input.file)
        let started = Date()
        input.target.run(data)
        #expect(Date().timeIntervalSince(started) < 1, "took \(Date().timeIntervalSince(started)) s")
    }

    @Test func everyTargetHasAFolderOfKeptInputs() {
        for target in FuzzTarget.allCases {
            var isFolder: ObjCBool = false
            let path = Self.folder.appendingPathComponent(target.rawValue).path
            #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue, "\(path)")
        }
    }
}
