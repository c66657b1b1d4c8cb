import CourseKit
import Foundation
@testable import PreviewServer
import Testing

/// The server-sent events `reload.js` parses: JSON by the same writer as the site's scripts.
@Suite("Live reload messages")
struct LiveReloadMessageTests {
    static let problem = Diagnostic.error("</script><!-- \"quoted\"\u{2028}Québec’s 日本",
                                          at: SourceLocation(file: "Content/modules/01-a.md", line: 3, column: 1))

    @Test(arguments: [
        (LiveReload.Message.reload(generation: 4), "reload", "4"),
        (.problems([problem]), "problems", #"["Content/modules/01-a.md:3:1: error: \u003c/script>\u003c!-- \"quoted\"\u2028Québec’s 日本"]"#),
        (.state(generation: 2, problems: []), "state", #"{"generation":2,"problems":[]}"#),
    ])
    func eventsCarryEscapedJSON(_ message: LiveReload.Message, name: String, data: String) throws {
        #expect(message.event == "event: \(name)\ndata: \(data)\n\n")
        _ = try JSONSerialization.jsonObject(with: Data(data.utf8), options: .fragmentsAllowed)
    }

    @Test func aProblemReadsBackAsItsDescription() throws {
        let event = LiveReload.Message.state(generation: 1, problems: [Self.problem]).event
        let data = try #require(event.split(separator: "\n").first { $0.hasPrefix("data: ") }?.dropFirst(6))
        let state = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        #expect(state["problems"] as? [String] == [Self.problem.description])
        #expect(state["generation"] as? Int == 1)
    }
}
