import Foundation
import TownsCore
import TownsUI
import XCTest

/// Wave 6: the town and city pages set nothing against the plan from a completed figure on another
/// basis (◇), by the overview's rule (`TownProgress.againstPlan`), and say why in one line.
final class PagesAgainstPlanTests: XCTestCase {
    func page(_ kind: Screen.Kind, _ period: String, _ language: Language, width: Int = 80) throws -> [String] {
        var s = try bundledState(width: width, height: 24, period: period)
        s.language = language
        s.stack = [Screen(.townList), Screen(kind)]
        return s.pageLines(kind, width: width).map { $0.text() }
    }

    func testTheCoreRefusesTheFullYearOnAnotherBasis() throws {
        let dataset = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        let metrics = Metrics(dataset: dataset)
        let year = try XCTUnwrap(dataset.period("2015-12"))
        // Haining has a 2015 plan (≈18.6, derived on the paper's basis) beside the notice's ◇>14.
        let p = metrics.progress(try XCTUnwrap(dataset.town("haining")), period: year)
        XCTAssertEqual(p.completed?.basis, "fai-excl-housing")
        XCTAssertNotNil(p.plan)
        XCTAssertFalse(p.comparesWithPlan)
        XCTAssertNotNil(p.expected, "the core works the plan's share out")
        XCTAssertNil(p.againstPlan.expected, "no view shows it beside ◇>14")
        let city = metrics.progress(nil, period: year)
        XCTAssertFalse(city.comparesWithPlan, "◇63.06 beside the paper's 106.8")
        XCTAssertNil(city.projection, "the full year is not projected onto itself (w9: nothing to project in December)")
        XCTAssertNil(city.againstPlan.projection, "no view shows it")
        XCTAssertNil(city.againstPlan.expected)
        // Jan-Sep, both on the paper's basis: everything as before.
        let haining = try XCTUnwrap(dataset.town("haining"))
        let sep = metrics.progress(haining, period: try XCTUnwrap(dataset.period("2015-09")))
        XCTAssertTrue(sep.comparesWithPlan)
        XCTAssertNotNil(sep.againstPlan.expected)
        XCTAssertNotNil(sep.againstPlan.projection)
    }

    func testTheTownPageShowsNoExpectationBesideAnotherBasisAndSaysWhy() throws {
        for (language, expected, why, rate) in [
            (Language.zh, "应完成", "◇ 口径不同，不与计划相比", "未知：完成数与计划口径不同"),
            (.en, "Expected by now", "◇ another basis: no plan comparison", "unknown: not on the plan's basis"),
        ] {
            let lines = try page(.townPage("haining"), "2015-12", language)
            XCTAssertFalse(lines.contains { $0.hasPrefix(expected) }, "\(language):\n" + lines.joined(separator: "\n"))
            XCTAssertEqual(lines.filter { $0.hasPrefix(why) }.count, 1, "\(language): said once, in one line")
            XCTAssertTrue(lines.contains { $0.contains(rate) }, "\(language): the full year's rate says why")
            // Tongxiang and Haiyan have no 2015 plan: nothing to refuse, nothing worked out from ◇>14.
            for id in ["tongxiang", "haiyan"] {
                let other = try page(.townPage(id), "2015-12", language)
                XCTAssertFalse(other.contains { $0.hasPrefix(expected) || $0.hasPrefix(why) }, "\(id) \(language)")
            }
        }
        // Jan-Sep: the expectation is there.
        XCTAssertTrue(try page(.townPage("haining"), "2015-09", .en).contains { $0.hasPrefix("Expected by now") })
        let september = try page(.townPage("haining"), "2015-09", .en)
        XCTAssertFalse(september.contains { $0.contains("another basis: no plan") })
    }

    /// The city's "will it make its plan" on its own page, as a town's (folded away on the overview
    /// at 80x24: a fresh user found no answer on screen): expected, shortfall and projection with
    /// their formulas in Jan-Sep; at the full year, on another basis, the refusal and none of them.
    func testTheCityPageAnswersWhetherTheCityMakesItsPlan() throws {
        let zh = try page(.cityTotals, "2015-09", .zh, width: 100).joined(separator: "\n")
        XCTAssertTrue(zh.contains("进度与预测（2015年1-9月"), zh)
        XCTAssertTrue(zh.contains("全年预测                →60.08 亿元  推算：已完成 45.06 ÷ 9 个月 × 12 = →60.08"), zh)
        XCTAssertTrue(zh.contains("落后差额                ≈35.0 亿元"), zh)
        let en = try page(.cityTotals, "2015-09", .en, width: 100).joined(separator: "\n")
        XCTAssertTrue(en.contains("Progress and projection (2015 Jan-Sep"), en)
        XCTAssertTrue(en.contains("→60.08"), en)
        let year = try page(.cityTotals, "2015-12", .en, width: 100).joined(separator: "\n")
        XCTAssertTrue(year.contains("◇ another basis: no plan comparison, expectation or projection"), year)
        XCTAssertFalse(year.contains("Year's end (pace)"), year)
    }

    func testTheCityPageSaysWhyTheFullYearsRateIsUnknown() throws {
        for (language, rate) in [(Language.zh, "未知：完成数与计划口径不同"), (.en, "unknown: not on the plan's basis")] {
            let lines = try page(.cityTotals, "2015-12", language, width: 100)
            XCTAssertEqual(lines.filter { $0.contains(rate) }.count, 1, 
                           "\(language):\n" + lines.joined(separator: "\n"))
        }
    }
}

/// Wave 6: nothing a reader needs is cut on the town and city pages at 80 or 60 columns: a long
/// label wraps in its column ("2015 year's planned" / "investment"), a wide value pushes its note
/// down, not off the screen.
final class PageLabelsTests: XCTestCase {
    func testNoLabelOrNoteIsCut() throws {
        for language in Language.allCases {
            for width in [60, 80] {
                var s = try bundledState(width: width, height: 24, period: "2015-12")
                s.language = language
                for kind in [Screen.Kind.cityTotals] + s.dataset.towns.map({ .townPage($0.id) }) {
                    s.stack = [Screen(.townList), Screen(kind)]
                    let lines = s.pageLines(kind, width: width).map { $0.text() }
                    for line in lines {
                        XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(kind) \(language) \(width): \(line)")
                        // A finding's gap mark leads its line; a cut (…) anywhere else is a label or note cut short.
                        XCTAssertFalse(line.dropFirst().contains("…"), "\(kind) \(language) \(width): \(line)")
                    }
                    guard kind == .cityTotals else { continue }
                    // Every label whole, as words on the page (a wrapped label's words on consecutive lines).
                    let words = Set(lines.flatMap { $0.split(separator: " ").map(String.init) })
                    let labels = language == .zh
                        ? ["3年计划投资", "2015 年度计划投资", "2015 年度计划占比", "2015 最低投资要求"]
                        : ["3-year planned investment", "projects planned (3 years)", "2015 year's planned investment",
                           "2015 year plan / 3-year plan", "2015 required minimum investment"]
                    for label in labels {
                        for word in label.split(separator: " ") {
                            XCTAssertTrue(words.contains(String(word)), "\(language) \(width): \(word) of \(label)")
                        }
                    }
                }
            }
        }
    }
}
