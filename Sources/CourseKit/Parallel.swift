import Dispatch

/// Runs independent work on several cores.
enum Parallel {
    /// `body(0..<count)` on up to `jobs` threads, results in index order.
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
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in stride(from: thread, to: count, by: threads) {
                shared[index] = body(index)
            }
        }
        return results.map { $0! }
    }
}
