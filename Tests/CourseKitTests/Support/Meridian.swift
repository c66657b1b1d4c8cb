@testable import CourseKit
import Foundation

/// What a run of the built `meridian` binary printed and how it ended.
struct MeridianRun {
    var status: Int32
    var output: String
    var errors: String
    /// True when the run outlived its time limit and was killed.
    var timedOut: Bool
}

/// Runs the built `meridian` binary as a user would, with output piped. A memory limit (in MiB
/// of address space) and a time limit keep a run that goes wrong from taking the machine with it.
func meridian(_ arguments: [String], in folder: URL, memoryLimit: Int? = nil,
              timeLimit: TimeInterval = 120) throws -> MeridianRun {
    let process = Process()
    let binary = productsDirectory.appendingPathComponent("meridian").path
    if let memoryLimit {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(memoryLimit * 1024) && exec \"$0\" \"$@\"", binary] + arguments
    } else {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
    }
    process.currentDirectoryURL = folder
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let watchdog = Watchdog(process: process, limit: timeLimit)
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return MeridianRun(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                       errors: String(decoding: err, as: UTF8.self), timedOut: watchdog.fired)
}

/// Kills a process that runs longer than its limit.
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var didFire = false
    var fired: Bool { lock.withLock { didFire } }

    init(process: Process, limit: TimeInterval) {
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + limit) { [self] in
            guard process.isRunning else { return }
            lock.withLock { didFire = true }
            kill(pid, SIGKILL)
        }
    }
}

/// The folder holding the test bundle and the products built with it.
var productsDirectory: URL {
    let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }
    return bundle.map { URL(fileURLWithPath: $0.bundlePath).deletingLastPathComponent() }
        ?? Repository.root.appendingPathComponent(".build/debug")
}
