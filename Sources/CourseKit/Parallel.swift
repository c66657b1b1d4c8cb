import Dispatch
import Foundation

/// Runs independent work on several cores.
enum Parallel {
    /// `body(0..<count)` on up to `jobs` threads, results in index order. Each thread takes the
    /// next index when it is free, so one long item (the home page of a large course) does
    /// not leave the other cores idle at the end.
    static func map<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Each index is written by exactly one thread, so the buffer needs no lock.
        nonisolated(unsafe) let shared = results
        let threads = max(1, min(jobs, count))
        guard threads > 1 else {
            for index in 0..<count { shared[index] = body(index) }
            return results.map { $0! }
        }
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while case let index = next.take(), index < count {
                shared[index] = body(index)
            }
        }
        return results.map { $0! }
    }

    /// Hands out 0, 1, 2, … to whichever thread asks.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value - 1
        }
    }
}
