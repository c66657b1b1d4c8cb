import CourseKit
import Foundation
@testable import PreviewServer
import Testing

/// `meridian serve` on the loopback interface: a real server on a free port, asked with a raw
/// HTTP client so that paths reach it exactly as written.
@Suite("The preview server")
struct PreviewServerTests {
    /// A served fixture course; `stop()` ends the server.
    final class Served: @unchecked Sendable {
        let course: FixtureCourse
        let task: Task<Void, any Error>
        let port: Int
        let log = Lines()

        init(withInotify: Bool = true) async throws {
            course = try FixtureCourse()
            let options = BuildOptions(content: course.content, contentDisplay: "Content", templates: course.templates,
                                       templatesDisplay: "Templates", output: course.site, jobs: 2)
            let server = PreviewServer(options: options, host: "127.0.0.1", port: 0, watchesWithInotify: withInotify,
                                       pollInterval: .milliseconds(50))
            let (ports, continuation) = AsyncStream<Int>.makeStream()
            let log = self.log
            task = Task { try await server.run(log: { log.append($0) }, onReady: { continuation.yield($0) }) }
            var found: Int?
            for await port in ports { found = port; break }
            port = try #require(found)
        }

        /// The raw client blocks, so it runs on a thread of its own, never on one the server needs.
        func get(_ path: String) async throws -> HTTPReply {
            let port = self.port
            return try await onThread { try HTTPReply.get(path, port: port) }
        }

        /// Asks for `path` until `condition` holds, for at most `seconds`.
        func waitFor(_ path: String, seconds: Double = 20, _ condition: @Sendable (HTTPReply) -> Bool) async throws -> HTTPReply {
            let deadline = Date().addingTimeInterval(seconds)
            var reply = try await get(path)
            while !condition(reply), Date() < deadline {
                try await Task.sleep(for: .milliseconds(50))
                reply = try await get(path)
            }
            return reply
        }

        /// Waits until the terminal shows a line containing `text`, for at most `seconds`.
        func waitForLog(_ text: String, seconds: Double = 20) async throws {
            let deadline = Date().addingTimeInterval(seconds)
            while !log.all.contains(where: { $0.contains(text) }), Date() < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = course.content.appendingPathComponent(path)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }

        func stop() {
            task.cancel()
            course.remove()
        }
    }

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test func servesPagesAndAssetsWithTheirTypesAnd404() async throws {
        let served = try await Served()
        defer { served.stop() }
        for (path, type) in [("/", "text/html; charset=utf-8"), ("/index.html", "text/html; charset=utf-8"),
                             ("/modules/welcome.html", "text/html; charset=utf-8"), ("/countries/", "text/html; charset=utf-8"),
                             ("/assets/site.css", "text/css; charset=utf-8"), ("/assets/search.js", "text/javascript; charset=utf-8"),
                             ("/images/zones.svg", "image/svg+xml"), ("/modules/welcome.html?x=1", "text/html; charset=utf-8")] {
            let reply = try await served.get(path)
            #expect(reply.status == 200, "\(path)")
            #expect(reply.headers["content-type"] == type, "\(path)")
        }
        let missing = try await served.get("/modules/nowhere.html")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<h1>Not found</h1>"))
        #expect(try await served.get("/countries").status == 301)
        #expect(try await served.get("/countries").headers["location"] == "/countries/")
        // A page asked for as a folder would break every relative link on it.
        for (path, location) in [("/index.html/", "/index.html"), ("/modules/welcome.html/?x=1", "/modules/welcome.html?x=1")] {
            let reply = try await served.get(path)
            #expect(reply.status == 301, "\(path)")
            #expect(reply.headers["location"] == location, "\(path)")
        }
    }

    @Test func theReloadScriptIsOnlyInServedPages() async throws {
        let served = try await Served()
        defer { served.stop() }
        #expect(try await served.get("/modules/welcome.html").body.contains("<script src=\"/__meridian/reload.js\""))
        let onDisk = try String(contentsOf: served.course.site.appendingPathComponent("modules/welcome.html"), encoding: .utf8)
        #expect(!onDisk.contains("__meridian"))
        #expect(try await served.get("/__meridian/reload.js").body.contains("EventSource"))
    }

    @Test func neverServesAFileOutsideTheSite() async throws {
        let served = try await Served()
        defer { served.stop() }
        let secret = "secret-\(UUID().uuidString)"
        let outside = served.course.folder.appendingPathComponent("secret.txt")
        try secret.write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: served.course.site.appendingPathComponent("link.txt"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: served.course.site.appendingPathComponent("up"),
                                                   withDestinationURL: served.course.folder)
        let attempts = [
            "/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt",
            "/..%2Fsecret.txt", "/modules/..%2f..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/modules/../../secret.txt",
            "/..\\secret.txt", "/%5c..%5csecret.txt", "/.%2e/secret.txt", "/%252e%252e/secret.txt",
            "//secret.txt", "/\(served.course.folder.path)/secret.txt", "\(served.course.folder.path)/secret.txt",
            "/link.txt", "/up/secret.txt", "/up/Content/course.yaml", "/secret.txt%00.html", "/./../secret.txt",
        ]
        for path in attempts {
            let reply = try await served.get(path)
            #expect(!reply.body.contains(secret), "\(path) served the file outside the site")
            #expect([400, 404].contains(reply.status), "\(path) answered \(reply.status)")
        }
    }

    @Test(arguments: [true, false])
    func anEditedModuleIsServedRebuilt(withInotify: Bool) async throws {
        let served = try await Served(withInotify: withInotify)
        defer { served.stop() }
        #expect(try await served.get("/modules/welcome.html").body.contains("Why it matters"))
        try served.edit("modules/01-welcome.md") { $0.replacingOccurrences(of: "## Why it matters", with: "## Why it really matters") }
        let reply = try await served.waitFor("/modules/welcome.html") { $0.body.contains("Why it really matters") }
        #expect(reply.body.contains("Why it really matters"))
        // Only that page was rewritten: the fast path, not a full build.
        try await served.waitForLog("rebuilt modules/welcome.html in")
        #expect(served.log.all.contains { $0.hasPrefix("01-welcome.md changed: rebuilt modules/welcome.html in") })
        #expect(served.log.all.contains { $0.contains("Cannot watch with inotify") } == false)
    }

    @Test func anOpenPageIsToldToReloadAfterAnEdit() async throws {
        let served = try await Served()
        defer { served.stop() }
        let events = try EventStream(port: served.port)
        #expect(try await onThread { events.read(until: "event: state") })
        try served.edit("modules/02-practice.md") { $0 + "\nA sentence for the open page.\n" }
        #expect(try await onThread { events.read(until: "event: reload") })
    }

    @Test func filesInAFolderMadeWhileServingAreWatched() async throws {
        let served = try await Served()
        defer { served.stop() }
        try served.edit("modules/02-practice.md") { $0 + "\n![A new map](../pictures/map.svg)\n" }
        try await served.waitForLog("build failed")
        // The folder and its file appear together, as a copy or an unpacked archive makes them.
        let folder = served.course.content.appendingPathComponent("pictures")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let picture = folder.appendingPathComponent("map.svg")
        try Self.svg("first").write(to: picture, atomically: true, encoding: .utf8)
        let first = try await served.waitFor("/pictures/map.svg") { $0.body.contains("first") }
        #expect(first.status == 200 && first.body.contains("first"))
        // A later change in the new folder is seen too: the folder got a watch of its own.
        try Self.svg("second").write(to: picture, atomically: true, encoding: .utf8)
        let second = try await served.waitFor("/pictures/map.svg") { $0.body.contains("second") }
        #expect(second.body.contains("second"))
    }

    static func svg(_ title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><title>\(title)</title><rect width=\"10\" height=\"10\"/></svg>\n"
    }

    @Test func theWarningsOfAnEditedModuleArePrinted() async throws {
        let served = try await Served()
        defer { served.stop() }
        try served.edit("modules/02-practice.md") { $0.replacingOccurrences(of: "minutes: 10\n", with: "minutes: 10\nlevel: beginner\n") }
        try await served.waitForLog("rebuilt modules/practice.html")
        #expect(served.log.all.contains {
            $0.contains("Content/modules/02-practice.md:") && $0.contains("warning: unknown key 'level' in the front matter")
        })
    }

    @Test func aWatchedFolderMovedAwayHandsOverToPolling() async throws {
        let served = try await Served()
        defer { served.stop() }
        let aside = served.course.folder.appendingPathComponent("Templates-aside")
        try FileManager.default.moveItem(at: served.course.templates, to: aside)
        try await served.waitForLog("Stopped watching with inotify")
        #expect(served.log.all.contains {
            $0.hasPrefix("Stopped watching with inotify (\(served.course.templates.path) was removed or moved); looking for changes every 50 ms instead")
        })
        try FileManager.default.moveItem(at: aside, to: served.course.templates)
        try served.edit("modules/01-welcome.md") { $0.replacingOccurrences(of: "## Why it matters", with: "## Why it still matters") }
        let reply = try await served.waitFor("/modules/welcome.html") { $0.body.contains("Why it still matters") }
        #expect(reply.body.contains("Why it still matters"))
    }

    @Test func withoutInotifyTheServerSaysSoAndPolls() async throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let options = BuildOptions(content: course.content, contentDisplay: "Content",
                                   templates: course.folder.appendingPathComponent("NoTemplates"),
                                   templatesDisplay: "NoTemplates", output: course.site, jobs: 2)
        let log = Lines()
        let session = PreviewSession(options: options, generator: "Meridian test", log: { log.append($0) })
        guard case .polling = await session.startWatching(withInotify: true, pollInterval: .milliseconds(250)) else {
            Issue.record("a missing folder was watched with inotify")
            return
        }
        #expect(log.all.count == 1)
        #expect(log.all.first?.hasPrefix("Cannot watch with inotify (") == true)
        #expect(log.all.first?.contains("NoTemplates") == true)
        #expect(log.all.first?.hasSuffix("; looking for changes every 250 ms instead") == true)
    }

    @Test func aContentErrorKeepsTheLastGoodSiteAndIsReported() async throws {
        let served = try await Served()
        defer { served.stop() }
        let before = try await served.get("/modules/welcome.html")
        #expect(before.status == 200)
        let module = served.course.content.appendingPathComponent("modules/01-welcome.md")
        let text = try String(contentsOf: module, encoding: .utf8)
        try (text + "\nA [broken link](nowhere.md) and a new sentence.\n").write(to: module, atomically: true, encoding: .utf8)
        try await served.waitForLog("build failed")
        #expect(served.log.all.contains { $0.contains("Content/modules/01-welcome.md") && $0.contains("error: broken link 'nowhere.md'") })
        let after = try await served.get("/modules/welcome.html")
        #expect(after.status == 200)
        #expect(!after.body.contains("a new sentence"))
        // The same page, though a save may have been seen half-way and built once more.
        let withoutGeneration = { (body: String) in body.replacingOccurrences(of: #"data-generation="\d+""#, with: "", options: .regularExpression) }
        #expect(withoutGeneration(after.body) == withoutGeneration(before.body))
        // A page opened now learns of the problem from the event stream, to show it over the page.
        let port = served.port
        let events = try await onThread { try HTTPReply.firstEvent(port: port) }
        #expect(events.contains("event: state"))
        #expect(events.contains("error: broken link 'nowhere.md'"))
    }
}

func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// A reply read from a raw HTTP/1.1 request.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: String

    static func get(_ path: String, port: Int) throws -> HTTPReply {
        let raw = try exchange("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port: port, until: nil)
        let parts = raw.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let lines = head.components(separatedBy: "\r\n")
        let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPReply(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// The start of the server-sent event stream, up to its first event.
    static func firstEvent(port: Int) throws -> String {
        try exchange("GET /__meridian/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", port: port, until: "\n\n")
    }

    /// Sends `request` to 127.0.0.1:port and reads until the connection closes, or until the
    /// text after the headers contains `marker`; every read times out after five seconds.
    private static func exchange(_ request: String, port: Int, until marker: String?) throws -> String {
        let socket = try connected(port: port, sending: request)
        defer { close(socket) }
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received += buffer[..<count]
            if let marker, let text = String(bytes: received, encoding: .utf8),
               let body = text.range(of: "\r\n\r\n"), text[body.upperBound...].contains(marker) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// A socket connected to 127.0.0.1:port that has sent `request`; reads time out after five seconds.
    static func connected(port: Int, sending request: String) throws -> Int32 {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
        _ = request.utf8CString.withUnsafeBufferPointer { send(socket, $0.baseAddress, $0.count - 1, 0) }
        return socket
    }
}

/// The server's event stream as an open page reads it: one connection, read as events arrive.
final class EventStream: @unchecked Sendable {
    private let socket: Int32
    private var received = [UInt8]()

    init(port: Int) throws {
        socket = try HTTPReply.connected(port: port, sending: "GET /__meridian/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    }

    deinit { close(socket) }

    /// Reads until what arrived contains `marker`, for at most `seconds`; true when it does.
    func read(until marker: String, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !String(decoding: received, as: UTF8.self).contains(marker), Date() < deadline {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count > 0 { received += buffer[..<count] } else if count == 0 { return false }
        }
        return String(decoding: received, as: UTF8.self).contains(marker)
    }
}
