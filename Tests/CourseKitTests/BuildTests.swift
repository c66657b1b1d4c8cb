@testable import CourseKit
import Foundation
import Testing

@Suite("Building a site")
struct BuildTests {
    @Test func aFailedBuildLeavesThePreviousSiteByteForByte() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        _ = try course.build()
        let before = snapshotFiles(of: course.site)
        #expect(before["index.html"] != nil)

        let broken = course.content.appendingPathComponent("modules/03-broken.md")
        try "---\ntitle: Broken\n---\n[nowhere](99-nowhere.md)\n".write(to: broken, atomically: true, encoding: .utf8)
        #expect(throws: BuildFailure.self) { try course.build() }

        #expect(snapshotFiles(of: course.site) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: course.folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [])
    }

    @Test func aBuildReplacesTheWholeSite() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        _ = try course.build()
        try FileManager.default.removeItem(at: course.content.appendingPathComponent("modules/01-welcome.md"))
        _ = try course.build()
        let files = snapshotFiles(of: course.site)
        #expect(files["modules/welcome.html"] == nil)
        #expect(files["modules/practice.html"] != nil)
    }

    @Test func aBuildRefusesToReplaceAFolderItDidNotWrite() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        try FileManager.default.createDirectory(at: course.site, withIntermediateDirectories: true)
        try "mine".write(to: course.site.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: BuildFailure.self) { try course.build() }
        #expect(snapshotFiles(of: course.site) == ["notes.txt": Data("mine".utf8)])
    }

    @Test func theCourseDataIsOneDocumentWithTheAnswerKeysHashAndEveryModule() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        _ = try course.build()
        let script = try String(contentsOf: course.site.appendingPathComponent("assets/course-data.js"), encoding: .utf8)
        let assignment = try #require(script.range(of: "window.MeridianCourse = "))
        #expect(script.hasSuffix(";\n"))
        let json = Data(script[assignment.upperBound...].dropLast(2).utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let key = try AnswerKey.load(from: course.content, displayPath: "Content", jobs: 2)
        #expect(document["contentHash"] as? String == key.contentHash)
        let modules = try #require(document["modules"] as? [[String: Any]])
        #expect(modules.map { $0["slug"] as? String } == key.modules.map(\.slug))
        #expect(modules.map { ($0["questions"] as? [Any])?.count } == key.modules.map(\.questions.count))
    }

    @Test func checkWritesNothing() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        let report = try course.build(writes: false)
        #expect(report.modules == 2)
        #expect(!FileManager.default.fileExists(atPath: course.site.path))
    }

    @Test func everyDatasetRowHasACountryPageOrSitsOnItsParentsPage() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        _ = try course.build()
        let mapping = try Repository.countryMapping()
        let files = snapshotFiles(of: course.site)
        for row in mapping.rows {
            let code = row.fields["code"]!, kind = row.fields["kind"]!
            let page = kind == "part" ? row.fields["parent"]! : code
            let html = files["countries/\(page).html"].map { String(decoding: $0, as: UTF8.self) }
            #expect(html != nil, "no page for \(code)")
        }
    }
}

@Suite("The dataset is read, never retyped")
struct DatasetTests {
    /// Every score on every country page equals the published file's value.
    @Test func countryPagesShowTheDatasetScores() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        _ = try course.build()
        let dataset = try Repository.dataset()
        let mapping = try Repository.countryMapping()
        #expect(dataset.rows.count == 111)
        #expect(mapping.rows.map { $0.fields["ctr"] } == dataset.rows.map { $0.fields["ctr"] })
        for (row, map) in zip(dataset.rows, mapping.rows) {
            // A part's table is on its country's page, after its own caption.
            let isPart = map.fields["kind"] == "part"
            let page = isPart ? map.fields["parent"]! : map.fields["code"]!
            let whole = try String(contentsOf: course.site.appendingPathComponent("countries/\(page).html"), encoding: .utf8)
            let caption = "<caption>Hofstede scores for \(map.fields["name"]!)</caption>"
            #expect(!isPart || whole.contains(caption), "countries/\(page).html has no table for \(map.fields["name"]!)")
            let html = isPart ? whole.components(separatedBy: caption).dropFirst().first ?? "" : whole
            for dimension in Dimension.allCases {
                let published = row.fields[dimension.datasetColumn] ?? "#NULL!"
                let expected = published == "#NULL!" ? "—" : published
                let cell = "<th scope=\"row\">\(dimension.name(in: Repository.englishTexts))</th>"
                #expect(html.contains(cell), "countries/\(map.fields["code"]!).html has no row for \(dimension.name(in: Repository.englishTexts))")
                let after = html.components(separatedBy: cell).dropFirst().first ?? ""
                let value = after.components(separatedBy: "<td>").dropFirst().first?.components(separatedBy: "</td>").first
                #expect(value?.trimmingCharacters(in: .whitespacesAndNewlines) == expected,
                        "\(map.fields["code"]!) \(dimension.rawValue): expected \(expected)")
            }
        }
    }

    /// The compare page's data file carries every dataset row's scores, as published.
    @Test func theCompareDataShowsTheDatasetScores() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        _ = try course.build()
        let dataset = try Repository.dataset()
        let mapping = try Repository.countryMapping()
        let script = try String(contentsOf: course.site.appendingPathComponent("assets/countries-data.js"), encoding: .utf8)
        let json = try #require(script.range(of: "window.MeridianCountries = ").map { script[$0.upperBound...].dropLast(2) })
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let countries = try #require(data["countries"] as? [[String: Any]])
        let byCode = Dictionary(uniqueKeysWithValues: countries.map { ($0["code"] as! String, $0["scores"] as! [String: Int]) })
        #expect(byCode.count == dataset.rows.count)
        for (row, map) in zip(dataset.rows, mapping.rows) {
            let code = map.fields["code"]!
            for dimension in Dimension.allCases {
                #expect(byCode[code]?[dimension.rawValue].map(String.init) ?? "#NULL!" == row.fields[dimension.datasetColumn],
                        "\(code) \(dimension.rawValue)")
            }
        }
    }
}
