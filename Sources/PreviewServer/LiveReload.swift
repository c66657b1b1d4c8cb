import CourseKit
import Foundation
import Synchronization

/// What open pages are told: how many times the site was built, the problems of the last build
/// if it failed, and the pages listening for the next event. Read by requests while a build runs.
final class LiveReload: Sendable {
    private struct Shared {
        var generation = 0
        var problems: [Diagnostic] = []
        var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    }

    private let shared = Mutex(Shared())

    var state: (generation: Int, problems: [Diagnostic]) {
        shared.withLock { ($0.generation, $0.problems) }
    }

    /// A build succeeded: the new generation, with no problems. `broadcast` tells open pages.
    func succeeded() -> Int {
        shared.withLock {
            $0.generation += 1
            $0.problems = []
            return $0.generation
        }
    }

    /// A build failed: pages opened from now on show why. `broadcast` tells those already open.
    func failed(_ diagnostics: [Diagnostic]) {
        shared.withLock { $0.problems = diagnostics }
    }

    /// A stream of server-sent events for one open page, starting with the current state.
    func events() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let current = state
        continuation.yield(Self.event("state", data: "{\"generation\":\(current.generation),\"problems\":\(Self.problemsJSON(current.problems))}"))
        continuation.onTermination = { [weak self] _ in
            _ = self?.shared.withLock { $0.listeners.removeValue(forKey: id) }
        }
        shared.withLock { $0.listeners[id] = continuation }
        return stream
    }

    /// Sends an event to every open page.
    func broadcast(event: String, data: String) {
        let message = Self.event(event, data: data)
        let current = shared.withLock { Array($0.listeners.values) }
        for listener in current { listener.yield(message) }
    }

    static func event(_ name: String, data: String) -> String {
        "event: \(name)\ndata: \(data)\n\n"
    }

    static func problemsJSON(_ diagnostics: [Diagnostic]) -> String {
        "[" + diagnostics.map { JSONText.string($0.description) }.joined(separator: ",") + "]"
    }
}
