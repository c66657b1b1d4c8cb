import CourseKit
import Foundation
import Hummingbird
import Logging
import NIOCore

/// `meridian serve`: builds the course, serves the site on a local address, watches the
/// content and templates (with inotify, or by polling where it cannot), rebuilds on change and
/// tells open pages to reload.
public struct PreviewServer: Sendable {
    public var options: BuildOptions
    public var host: String
    public var port: Int
    /// False to look for changes every `pollInterval` even where inotify works (file systems
    /// whose changes inotify does not see, such as network mounts).
    public var watchesWithInotify: Bool
    public var pollInterval: Duration
    public var generator: String

    /// Requests under this path are the server's own (the reload script and its events).
    static let ownPrefix = "/__meridian/"

    public init(options: BuildOptions, host: String = "127.0.0.1", port: Int = 8000,
                watchesWithInotify: Bool = true, pollInterval: Duration = .milliseconds(250),
                generator: String = "Meridian") {
        self.options = options
        self.host = host
        self.port = port
        self.watchesWithInotify = watchesWithInotify
        self.pollInterval = pollInterval
        self.generator = generator
    }

    /// Builds, then serves until the task is cancelled. `onReady` gets the port actually
    /// bound (useful with port 0); `log` gets every line for the terminal.
    public func run(log: @escaping @Sendable (String) -> Void,
                    onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let session = PreviewSession(options: options, generator: generator, log: log)
        await session.startWatching(withInotify: watchesWithInotify, pollInterval: pollInterval)
        await session.rebuild(reason: "Started")
        var logger = Logger(label: "meridian.serve")
        logger.logLevel = .critical
        let app = Application(
            responder: PreviewResponder(root: session.root, live: session.live),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? port) },
            logger: logger
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            group.addTask { await session.watch(pollInterval: pollInterval) }
            try await group.next()
            group.cancelAll()
        }
    }
}

/// Answers every request: the site's files, the reload script and events, a 404 page.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    /// The site folder.
    let root: URL
    let live: LiveReload

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        if path == PreviewServer.ownPrefix + "reload.js" {
            return text(ReloadScript.source, type: "text/javascript; charset=utf-8")
        }
        if path == PreviewServer.ownPrefix + "events" {
            return events()
        }
        switch SitePath.resolve(path, in: root) {
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Response(status: .movedPermanently, headers: [.location: location + query])
        case .notFound:
            return html(notFoundPage(path), status: .notFound)
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return html(notFoundPage(path), status: .notFound)
            }
            let type = SitePath.contentType(for: url)
            if type.hasPrefix("text/html") {
                return html(ReloadScript.inject(into: String(decoding: data, as: UTF8.self), generation: live.state.generation))
            }
            return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    private func events() -> Response {
        let stream = live.events()
        return Response(status: .ok,
                        headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                        body: ResponseBody { writer in
                            // A closed page ends the loop with an error; the writer is finished either way.
                            do {
                                for await message in stream {
                                    try await writer.write(ByteBuffer(string: message))
                                }
                            } catch {}
                            try await writer.finish(nil)
                        })
    }

    private func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        text(page, type: "text/html; charset=utf-8", status: status)
    }

    private func text(_ body: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    private func notFoundPage(_ path: String) -> String {
        let escaped = path.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return ReloadScript.inject(into: """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Not found</title>
            <style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1.25rem}</style></head>
            <body>
            <h1>Not found</h1>
            <p>Nothing in the site is at <code>\(escaped)</code>.</p>
            <p><a href="/index.html">Go to the course home page</a></p>
            </body>
            </html>

            """, generation: live.state.generation)
    }
}
