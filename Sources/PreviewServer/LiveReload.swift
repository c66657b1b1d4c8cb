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
        continuation.yield(Message.state(generation: current.generation, problems: current.problems).event)
        continuation.onTermination = { [weak self] _ in
            _ = self?.shared.withLock { $0.listeners.removeValue(forKey: id) }
        }
        shared.withLock { $0.listeners[id] = continuation }
        return stream
    }

    /// Sends `message` to every open page.
    func broadcast(_ message: Message) {
        let event = message.event
        let current = shared.withLock { Array($0.listeners.values) }
        for listener in current { listener.yield(event) }
    }

    /// What the server tells open pages, as server-sent events whose data `reload.js` parses
    /// as JSON, written by `JSONWriter` like every script the build generates.
    enum Message {
        /// The first event a page gets: the generation it should be showing, and the problems
        /// of the last build if it failed.
        case state(generation: Int, problems: [Diagnostic])
        /// A build succeeded: reload.
        case reload(generation: Int)
        /// A build failed: show why.
        case problems([Diagnostic])

        var event: String {
            "event: \(name)\ndata: \(data.text)\n\n"
        }

        private var name: String {
            switch self {
            case .state: "state"
            case .reload: "reload"
            case .problems: "problems"
            }
        }

        private var data: JSON {
            JSONWriter.encode { out in
                switch self {
                case .state(let generation, let problems):
                    out.object { out in
                        out.key("generation"); out.number(generation)
                        out.key("problems"); out.strings(problems.map(\.description))
                    }
                case .reload(let generation): out.number(generation)
                case .problems(let problems): out.strings(problems.map(\.description))
                }
            }
        }
    }
}
