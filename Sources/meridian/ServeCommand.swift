import ArgumentParser
import CourseKit
import Foundation
import PreviewServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the course, serve it locally, and rebuild and reload as you edit.",
        discussion: """
        Serves the output folder on http://HOST:PORT/ and watches the content and templates \
        with inotify (or, where inotify cannot be used, looks at them every 250 ms). \
        Open pages reload after each successful rebuild; when a rebuild fails, the errors are \
        printed here and shown over the page, and the last good site keeps being served. \
        The reload script is added only to what the server sends, never to the built files.
        """
    )

    @OptionGroup var source: SourceOptions

    @Option(help: "Where to write the site.")
    var output = "Site"

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8000

    @Flag(help: "Look for changes every 250 ms instead of using inotify (for network or shared folders whose changes inotify does not see).")
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let options = BuildOptions(content: source.content, templates: source.templates, output: output,
                                   jobs: source.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let terminal = Terminal.standardError
        let server = PreviewServer(options: options, host: host, port: port, watchesWithInotify: !poll,
                                   generator: "Meridian \(Meridian.version)")
        do {
            try await server.run(log: { terminal.write($0 + "\n") }, onReady: { [host] port in
                terminal.write("Serving \(output)/ on http://\(host):\(port)/ — watching \(source.content)/ and \(source.templates)/; Ctrl-C stops\n")
            })
        } catch {
            terminal.write("error: cannot serve on \(host):\(port): \(error)\n")
            throw ExitCode(1)
        }
    }
}
