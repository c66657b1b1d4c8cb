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

        init() async throws {
            course = try FixtureCourse()
            let options = BuildOptions(content: course.content, contentDisplay: "Content", templates: course.templates,
                                       templatesDisplay: "Templates", output: course.site, jobs: 2)
            let server = PreviewServer(options: options, host: "127.0.0.1", port: 0, pollInterval: .milliseconds(50))
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

    @Test func anEditedModuleIsServedRebuilt() async throws {
        let served = try await Served()
        defer { served.stop() }
        #expect(try await served.get("/modules/welcome.html").body.contains("Why it matters"))
        let module = served.course.content.appendingPathComponent("modules/01-welcome.md")
        let text = try String(contentsOf: module, encoding: .utf8)
        try text.replacingOccurrences(of: "## Why it matters", with: "## Why it really matters")
            .write(to: module, atomically: true, encoding: .utf8)
        let reply = try await served.waitFor("/modules/welcome.html") { $0.body.contains("Why it really matters") }
        #expect(reply.body.contains("Why it really matters"))
    }

    @Test func aContentErrorKeepsTheLastGoodSiteAndIsReported() async throws {
        let served = try await Served()
        defer { served.stop() }
        let before = try await served.get("/modules/welcome.html")
        #expect(before.status == 200)
        let module = served.course.content.appendingPathComponent("modules/01-welcome.md")
        let text = try String(contentsOf: module, encoding: .utf8)
        try (text + "\nA [broken link](nowhere.md) and a new sentence.\n").write(to: module, atomically: true, encoding: .utf8)
        let deadline = Date().addingTimeInterval(20)
        while !served.log.all.contains(where: { $0.contains("build failed") }), Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
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
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        _ = request.utf8CString.withUnsafeBufferPointer { send(socket, $0.baseAddress, $0.count - 1, 0) }
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
}
