import Dispatch
import Synchronization

/// Runs independent work on several cores.
enum Parallel {
    /// `body(0..<count)` on up to `jobs` threads, results in index order. Each thread takes the
    /// next index when it is free, so one long item (the home page of a large course) does
    /// not leave the other cores idle at the end.
    static func map<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let threads = max(1, min(jobs, count))
        guard threads > 1 else { return (0..<count).map(body) }
        let next = Atomic<Int>(0)
        // Each thread keeps what it made and hands it over once, at the end.
        let finished = Mutex<[[(index: Int, value: T)]]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            var made: [(index: Int, value: T)] = []
            while case let index = next.wrappingAdd(1, ordering: .relaxed).oldValue, index < count {
                made.append((index, body(index)))
            }
            finished.withLock { $0.append(made) }
        }
        var results = [T?](repeating: nil, count: count)
        for part in finished.withLock({ $0 }) {
            for (index, value) in part { results[index] = value }
        }
        return results.map { $0! }
    }
}
