import CourseKit
import Foundation

/// What a package needs to know of the built course, read from the site's own
/// `assets/course-data.js`, so the package describes exactly what the pages grade with.
struct CourseOutline: Decodable, Sendable {
    struct Component: Decodable, Sendable { var id: String }

    struct Question: Decodable, Sendable {
        var id: String
        var type: String
        var choices: [Component]?
        var source: [Component]?
        var target: [Component]?

        /// How many choices, items or left sides the question has.
        var size: Int { (choices ?? source ?? []).count }
    }

    struct Option: Decodable, Sendable { var next: String }

    struct Step: Decodable, Sendable {
        var options: [Option]?
        var ending: String?
    }

    struct Scenario: Decodable, Sendable {
        var id: String
        var start: String
        var steps: [String: Step]
    }

    /// An exam module's rules: how many questions an attempt draws, how many attempts (nil: no limit).
    struct Exam: Decodable, Sendable {
        var draw: Int
        var attempts: Int?
    }

    struct Module: Decodable, Sendable {
        var slug: String
        var questions: [Question]
        var scenarios: [Scenario]
        var exam: Exam?
    }

    var id: String
    var title: String
    var version: String
    var language: String
    var passScore: Double
    var modules: [Module]

    static let path = "assets/course-data.js"

    /// Reads the outline from a built site's course data script.
    static func read(fromSite site: URL) throws(PackageFailure) -> CourseOutline {
        guard let text = try? String(contentsOf: site.appendingPathComponent(path), encoding: .utf8),
              let json = ScriptAsset.json(of: .course, in: text) else {
            throw .unreadableCourseData(path)
        }
        do {
            return try JSONDecoder().decode(CourseOutline.self, from: Data(json.utf8))
        } catch {
            throw .unreadableCourseData(path)
        }
    }
}
