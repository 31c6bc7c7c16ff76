import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 33's second fresh user (F13): in a month the city reported nothing and one town's completed
/// amount is unknown too (so no towns' sum stands in), the city's totals page was titled `Jiaxing:
/// reported totals` / `全市报告 嘉兴市` as in a month the city reported, over no figure for that
/// month. Its title says the period shown was not reported now (`Metrics.cityReportedNothing`),
/// its breadcrumb as in a towns'-sum month.
final class W34CityTitleTests: XCTestCase {
    /// Jan-Oct of four towns only: Haiyan's completed amount is unknown, so is the towns' sum.
    static let october = W22MineTests.month("2015-10", through: 10, [
        ("haining", "completed", "\"15.50\""), ("nanhu", "completed", "\"4.00\""),
        ("tongxiang", "completed", "\"13.0\""), ("jiashan", "completed", "\"6.0\""),
    ])

    func state(period: String = "2015-10", language: Language) throws -> AppState {
        var s = try editedBundledState("w34citytitle", monthly: ["2015-10.toml": Self.october],
                                       view: .townList, period: "2015-10", width: 200, height: 60,
                                       language: language) { $0 }
        s.stack = [Screen(.townList), Screen(.cityTotals)]
        s.periodIndex = try XCTUnwrap(s.dataset.periods.firstIndex { $0.id == period })
        return s
    }

    func testTheCore() throws {
        let s = try state(language: .en)
        XCTAssertTrue(s.metrics.cityReportedNothing("2015-10"))
        XCTAssertFalse(s.metrics.cityIsTownsSum("2015-10"))
        XCTAssertNil(s.metrics.total(FigureKey(.completed, "2015-10")))
        XCTAssertFalse(s.metrics.cityReportedNothing("2015-09"))
    }

    /// The page, its breadcrumb and its exports say Jan-Oct was not reported.
    func testTheTitleOfAnUnreportedMonthWithoutASumSaysSo() throws {
        for (language, title, crumb, notCrumb) in [
            (Language.en, "Jiaxing: reported totals (2015 Jan-Oct not reported; towns' sum incomplete)",
             "Jiaxing totals", "Jiaxing reported"),
            (.zh, "全市报告 嘉兴市（2015年1-10月全市未报，镇合计不全）", "全市合计 嘉兴市", "› 全市报告"),
        ] {
            let s = try state(language: language)
            let lines = screen(s)
            let all = lines.joined(separator: "\n")
            XCTAssertTrue(lines.contains { $0.hasPrefix(" " + title) }, all)
            XCTAssertTrue(lines.contains { $0.contains("› " + crumb + " ") }, all)
            XCTAssertFalse(all.contains(notCrumb), all)
            for format in [ExportRequest.Format.text, .md, .json] {
                let out = s.exportPage(format, glyphs: .unicode).text
                XCTAssertTrue(out.contains(title), out)
            }
        }
    }

    /// In a month the city reported, the title is the plain one still.
    func testAReportedMonthKeepsItsTitle() throws {
        for (language, title) in [(Language.en, " Jiaxing: reported totals"), (.zh, " 全市报告 嘉兴市")] {
            let lines = screen(try state(period: "2015-09", language: language))
            let line = try XCTUnwrap(lines.first { $0.hasPrefix(title) }, lines.joined(separator: "\n"))
            XCTAssertFalse(line.contains("未报") || line.contains("not reported"), line)
        }
    }
}

/// Wave 33's fresh user: in a month the city reported nothing, the towns view's city row (`Jiaxing
/// ≈sum (not reported)`) carried `≈-36▼` under a note saying the sum row's rate carries no ▼,
/// unexplained. A note says the city's row is every town's sum, judged against the city's plan.
final class W34CityRowNoteTests: XCTestCase {
    func state(_ monthly: String, period: String, language: Language) throws -> AppState {
        try editedBundledState("w34cityrownote", monthly: ["2015-10.toml": monthly], view: .townList,
                               period: period, width: 200, height: 60, language: language) { $0 }
    }

    func testTheCityRowOfATownsSumMonthIsExplained() throws {
        for (language, note) in [
            (Language.en, "Jiaxing ≈sum (not reported): nothing reported by Jiaxing for 2015 Jan-Oct; the row sums "
                + "its 5 towns' completed amounts and is judged against Jiaxing's plan (▼)"),
            (.zh, "全市未报 ≈镇合计：2015年1-10月全市未报，此行为 5 镇完成之和，对照全市计划判定落后（▼）"),
        ] {
            let s = try state(W32FidCityRowTests.october, period: "2015-10", language: language)
            XCTAssertTrue(s.metrics.cityIsTownsSum("2015-10"))
            let all = screen(s).joined(separator: "\n")
            XCTAssertTrue(all.contains(note), all)
            // In print too (`e`, `towns report`).
            let out = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode, width: 200)).text
            XCTAssertTrue(out.contains(note), out)
            // Not in a month the city reported, nor where no towns' sum stands in.
            for (monthly, period) in [(W32FidCityRowTests.october, "2015-09"), (W34CityTitleTests.october, "2015-10")] {
                let other = screen(try state(monthly, period: period, language: language)).joined(separator: "\n")
                XCTAssertFalse(other.contains(language == .en ? "is judged against" : "对照全市计划"), other)
            }
        }
    }
}
