import CourseKit
import Foundation
import Testing
@testable import Records

/// The item analysis on generated learners whose answers are known: 50 learners of the fixture
/// course, the stronger half right on the order and match questions, everyone right on the
/// true-or-false statement, and only the weaker half right on the single-choice question.
@Suite("Item analysis for trainers")
struct ItemAnalysisTests {
    let fixture: RecordsFixture
    init() throws { fixture = try RecordsFixture() }

    func learners(_ count: Int = 50) -> [ProgressRecord] {
        (0..<count).map { index in
            let strong = index >= count / 2
            var record = fixture.record(name: "Learner \(index)", employeeId: "E-\(index)", answers: [
                "fixture-single": strong ? "1" : "2",
                "fixture-order": strong ? "1[,]2[,]3" : "3[,]2[,]1",
                "fixture-match": strong ? "1[.]1[,]2[.]2" : "1[.]2[,]2[.]1",
                "fixture-truefalse": "false",
            ])
            // Everyone first said "true", then corrected it.
            record.modules[1].firstAnswers = record.modules[1].answers.merging(["fixture-truefalse": "true"]) { $1 }
            return record
        }
    }

    func item(_ id: String, _ analysis: ItemAnalysis) -> ItemAnalysis.Item {
        analysis.items.first { $0.id == id }!
    }

    @Test func aQuestionEveryoneGetsRightHasFacilityOne() {
        defer { fixture.remove() }
        let latest = ItemAnalysis(key: fixture.key, records: learners(), basis: .latest)
        #expect(item("fixture-truefalse", latest).facility == 1)
        #expect(item("fixture-truefalse", latest).discrimination == nil, "no spread, no correlation")
        #expect(item("fixture-truefalse", latest).flags.contains("easy: more than 90 % of learners answer it right"))
    }

    @Test func theFirstAnswerCountsByDefault() {
        defer { fixture.remove() }
        let first = ItemAnalysis(key: fixture.key, records: learners())
        #expect(item("fixture-truefalse", first).facility == 0)
        #expect(item("fixture-truefalse", first).options.map(\.chosen) == [50, 0])
    }

    /// Learner `i` of 50 is right on the order question from i = 10, on the match from 25, on
    /// the statement from 40, and on the single choice only below 25: the strongest miss it.
    func graded() -> [ProgressRecord] {
        (0..<50).map { i in
            fixture.record(name: "Learner \(i)", employeeId: "E-\(i)", answers: [
                "fixture-order": i >= 10 ? "1[,]2[,]3" : "3[,]2[,]1",
                "fixture-match": i >= 25 ? "1[.]1[,]2[.]2" : "1[.]2[,]2[.]1",
                "fixture-truefalse": i >= 40 ? "false" : "true",
                "fixture-single": i < 25 ? "2" : "1",
            ])
        }
    }

    @Test func aQuestionTheStrongestMissHasNegativeDiscrimination() throws {
        defer { fixture.remove() }
        let analysis = ItemAnalysis(key: fixture.key, records: graded(), basis: .latest)
        let single = item("fixture-single", analysis)
        #expect(try #require(single.discrimination) < -0.5)
        #expect(single.flags.contains { $0.hasPrefix("negative discrimination") })
        #expect(single.options.map(\.chosen) == [25, 25])
        for id in ["fixture-order", "fixture-truefalse"] {
            #expect(try #require(item(id, analysis).discrimination) > 0, "\(id)")
        }
        #expect(item("fixture-order", analysis).facility == 0.8)
    }

    @Test func aDistractorNobodyChoosesIsFlagged() {
        defer { fixture.remove() }
        let everyoneRight = learners().map { record in
            var record = record
            record.modules[1].answers["fixture-single"] = "2"
            record.modules[1].firstAnswers?["fixture-single"] = "2"
            return record
        }
        let single = item("fixture-single", ItemAnalysis(key: fixture.key, records: everyoneRight))
        #expect(single.flags.contains("option 1 is never chosen: it distracts nobody"))
    }

    @Test func recordsWithoutFirstAnswersFallBackToTheLatestAndSaySo() {
        defer { fixture.remove() }
        var records = learners(10)
        records[0].modules[1].firstAnswers = nil
        let item = item("fixture-truefalse", ItemAnalysis(key: fixture.key, records: records))
        #expect(item.latestInsteadOfFirst == 1)
        #expect(item.facility == 0.1)
    }

    @Test func anotherEditionOfTheQuestionsIsNamed() {
        defer { fixture.remove() }
        var records = learners(4)
        records[0].course.contentHash = "sha256:" + String(repeating: "0", count: 64)
        #expect(ItemAnalysis(key: fixture.key, records: records).editionWarning?.hasPrefix("1 of 4 records were made with another edition") == true)
    }

    @Test func everyFormatRenders() throws {
        defer { fixture.remove() }
        let analysis = ItemAnalysis(key: fixture.key, records: learners())
        let csv = try analysis.render(.csv)
        #expect(csv.hasPrefix("module,question,kind,learners,facility,discrimination,options_chosen,flags\r\n"))
        #expect(csv.contains("practice,fixture-truefalse,truefalse,50,0.00,,true=50 false*=0,hard: fewer than 30 % of learners answer it right"))
        let json = try JSONSerialization.jsonObject(with: Data(analysis.render(.json).utf8)) as? [String: Any]
        #expect((json?["items"] as? [Any])?.count == 4)
        let html = try analysis.render(.html)
        #expect(html.contains("<h1>Item analysis</h1>") && html.contains("(fixture-single, single)"))
    }
}
