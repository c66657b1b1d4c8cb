@testable import CourseKit
import Foundation
import Testing

@Suite("Country pages")
struct CountryTests {
    /// A fixture course with `files` (content-relative path → text) written over it.
    static func course(with files: [String: String]) throws -> FixtureCourse {
        let course = try FixtureCourse()
        for (path, text) in files {
            let url = course.content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return course
    }

    static func page(_ path: String, of course: FixtureCourse) throws -> String {
        try String(contentsOf: course.site.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func aCountryTheDatasetLacksPointsToItsNearestRowAndBorrowsNoScores() throws {
        let course = try Self.course(with: ["countries/ae.md": """
            ---
            name: United Arab Emirates
            nearest: arab-countries
            timezones: [Asia/Dubai]
            ---
            Notes on the Emirates.
            """])
        defer { course.remove() }
        #expect(course.messages() == [])
        let html = try Self.page("countries/ae.html", of: course)
        #expect(html.contains("Hofstede’s 2015 dataset has no scores for United Arab Emirates"))
        #expect(html.contains("<a href=\"arab-countries.html\">Arab countries</a>"))
        #expect(html.contains("Notes on the Emirates."))
        #expect(!html.contains("<th scope=\"row\">Power distance</th>"))
        #expect(!html.contains("compare.html?c=ae"))
        #expect(html.contains("<a class=\"button\" href=\"../compare.html?c=arab-countries\">Compare Arab countries with your company and team</a>"))
        let index = try Self.page("countries/index.html", of: course)
        #expect(index.contains("<tr data-region=\"Middle East\"><th scope=\"row\"><a href=\"ae.html\">United Arab Emirates</a>"))
    }

    @Test func notesForACodeTheDatasetLacksNeedNearestAndName() throws {
        let course = try Self.course(with: [
            "countries/zz.md": "---\nname: Nowhere\n---\nText.\n",
            "countries/yy.md": "---\nname: Elsewhere\nnearest: arab-contries\n---\nText.\n",
            "countries/xx.md": "---\nnearest: arab-countries\n---\nText.\n",
        ])
        defer { course.remove() }
        #expect(course.messages() == [
            "Content/countries/xx.md:2:10: error: unknown country code 'xx'; a country the dataset lacks needs 'name:' beside 'nearest:'",
            "Content/countries/yy.md:3:10: error: 'nearest: arab-contries' names no country or group of the dataset (did you mean 'arab-countries'?)",
            "Content/countries/zz.md:1:1: error: unknown country code 'zz'; a regional page needs 'parent:' in its front matter; a country the dataset lacks needs 'name:' and 'nearest:' (the dataset row closest to it)",
        ])
    }

    @Test func anUnknownTimeZoneIsAWarningAtItsPlace() throws {
        let course = try Self.course(with: ["countries/jp.md": "---\nname: Japan\ntimezones: [Asia/Tokio]\n---\nText.\n"])
        defer { course.remove() }
        #expect(course.messages() == [
            "Content/countries/jp.md:3:13: warning: unknown time zone 'Asia/Tokio' (did you mean 'Asia/Tokyo'?): use an IANA name such as America/Toronto",
        ])
    }

    @Test func eachScoreIsExplainedByItsBand() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        _ = try course.build()
        var diagnostics: [Diagnostic] = []
        let files = ContentFiles(directory: course.content, displayPath: "Content")
        let guide = try #require(DimensionGuideLoader(files: files).load(into: &diagnostics))
        #expect(diagnostics.isEmpty)
        // Japan's masculinity score (95) is high, its power distance (54) in the middle.
        let html = try Self.page("countries/jp.html", of: course)
        #expect(html.contains("<span class=\"band-tag band-high\">high · 95</span>"))
        #expect(html.contains(HTML.escape(guide.dimensions[.mas]!.high)))
        #expect(html.contains(HTML.escape(guide.dimensions[.pdi]!.middle)))
        #expect(guide.band(of: 34) == .low && guide.band(of: 35) == .middle && guide.band(of: 65) == .middle && guide.band(of: 66) == .high)
    }

    @Test func mistakesInTheDimensionGuidePointAtTheirSource() throws {
        let course = try Self.course(with: ["data/dimension-guide.yaml": """
            bands:
              low: 70
              high: 30
            gap: many
            colour: blue
            dimensions:
              pdi: {about: a, low: b, middle: c, hihg: d, customersHigher: e, customersLower: f}
            """])
        defer { course.remove() }
        #expect(course.messages() == [
            "Content/data/dimension-guide.yaml:2:3: error: 'low' (70) must be below 'high' (30)",
            "Content/data/dimension-guide.yaml:4:6: error: 'gap' must be a whole number",
            "Content/data/dimension-guide.yaml:5:1: error: unknown key 'colour' in the dimension guide",
            "Content/data/dimension-guide.yaml:7:3: error: 'dimensions' is missing 'idv'",
            "Content/data/dimension-guide.yaml:7:3: error: 'dimensions' is missing 'ivr'",
            "Content/data/dimension-guide.yaml:7:3: error: 'dimensions' is missing 'lto'",
            "Content/data/dimension-guide.yaml:7:3: error: 'dimensions' is missing 'mas'",
            "Content/data/dimension-guide.yaml:7:3: error: 'dimensions' is missing 'uai'",
            "Content/data/dimension-guide.yaml:7:8: error: dimension 'pdi' is missing 'high'",
            "Content/data/dimension-guide.yaml:7:38: error: unknown key 'hihg' in dimension 'pdi' (did you mean 'high'?)",
        ])
    }

    @Test func countryPagesLinkTheirRegionsAndAComparison() throws {
        let course = try FixtureCourse()
        defer { course.remove() }
        _ = try course.build()
        let canada = try Self.page("countries/ca.html", of: course)
        #expect(canada.contains("<a href=\"ca-quebec.html\">Quebec</a>"))
        #expect(canada.contains("<a class=\"button\" href=\"../compare.html?c=ca\">"))
        #expect(canada.contains("<svg class=\"score-svg\""))
        #expect(canada.contains("data-timezones=\"America/St_Johns "))
        let quebec = try Self.page("countries/ca-quebec.html", of: course)
        #expect(quebec.contains("<a class=\"button\" href=\"../compare.html?c=ca\">Compare Canada with your company and team</a>"))
        let japan = try Self.page("countries/jp.html", of: course)
        #expect(japan.contains("Not recorded for Japan yet"))
        #expect(!japan.contains("data-timezones"))
    }
}
