import Foundation
import Synchronization

/// What a successful build did.
public struct BuildReport: Sendable {
    public var modules: Int
    public var pages: Int
    public var warnings: [Diagnostic]
    public var seconds: Double
    /// How long each stage took, in order (`meridian build --timings`).
    public var timings: [StageTiming] = []
}

/// One stage of a build and its wall-clock time.
public struct StageTiming: Sendable, Equatable {
    public var stage: String
    public var seconds: Double
}

/// Notes the time each stage ends.
struct StageClock {
    private var last = Date()
    private(set) var timings: [StageTiming] = []

    mutating func lap(_ stage: String) {
        let now = Date()
        timings.append(StageTiming(stage: stage, seconds: now.timeIntervalSince(last)))
        last = now
    }

    /// Runs one stage and notes its time.
    mutating func time<T, E: Error>(_ stage: String, _ body: () throws(E) -> T) throws(E) -> T {
        let result = try body()
        lap(stage)
        return result
    }
}

/// Told how far a long build has got (the command line draws a progress line on a terminal).
public protocol BuildProgress: Sendable {
    func advance(stage: String, done: Int, total: Int)
}

/// Counts finished pages across threads and reports every so often.
final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    let stage: String
    let total: Int
    let progress: (any BuildProgress)?

    init(stage: String, total: Int, progress: (any BuildProgress)?) {
        self.stage = stage
        self.total = total
        self.progress = progress
    }

    func tick() {
        guard let progress else { return }
        let current = done.wrappingAdd(1, ordering: .relaxed).newValue
        if current == total || current % 250 == 0 { progress.advance(stage: stage, done: current, total: total) }
    }
}
