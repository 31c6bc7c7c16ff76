import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 31's fresh user: in a month the city reported nothing (an imported Jan-Oct of the towns
/// alone) the city's totals page was titled `Jiaxing: reported totals` / `全市报告 嘉兴市`, over
/// figures that are its towns' sum (`≈50.15`), while the towns view's city row said `Jiaxing ≈sum
/// (not reported)` (`W32FidCityRowTests`). Its title and breadcrumb say so now, read from the
/// core's one rule (`Metrics.cityIsTownsSum`), as the towns row, the overview's city line and the
/// changes do.
final class W33FidCityTitleTests: XCTestCase {
    func state(_ view: Screen.Kind, period: String = "2015-10", language: Language) throws -> AppState {
        var s = try editedBundledState("w33citytitle", monthly: ["2015-10.toml": W32FidCityRowTests.october],
                                       view: view, period: "2015-10", width: 200, height: 60,
                                       language: language) { $0 }
        s.periodIndex = try XCTUnwrap(s.dataset.periods.firstIndex { $0.id == period })
        return s
    }

    /// The page, its breadcrumb and its export (`towns report --town jiaxing` writes the same page).
    func testTheTitleOfATownsSumMonthSaysSo() throws {
        for (language, title, crumb, not) in [
            (Language.en, "Jiaxing: totals (2015 Jan-Oct not reported: ≈towns' sum)", "Jiaxing totals",
             "reported totals"),
            (.zh, "全市合计 嘉兴市（2015年1-10月全市未报，≈镇合计）", "全市合计 嘉兴市", "全市报告"),
        ] {
            let s = try state(.cityTotals, language: language)
            let lines = screen(s)
            let all = lines.joined(separator: "\n")
            XCTAssertTrue(lines.contains { $0.hasPrefix(" " + title) }, all)
            XCTAssertTrue(lines.contains { $0.hasPrefix(" " + crumb + " ") || $0.contains("› " + crumb + " ") }, all)
            XCTAssertFalse(all.contains(not), all)
            for format in [ExportRequest.Format.text, .md, .json] {
                let out = s.exportPage(format, glyphs: .unicode).text
                XCTAssertTrue(out.contains(title), out)
                XCTAssertFalse(out.contains(not), out)
            }
        }
    }

    /// In a month the city reported (Jan-Sep: 45.06 at 42.5%) the page is its reported totals still.
    func testTheTitleOfAReportedMonthStaysReported() throws {
        for (language, title) in [(Language.en, " Jiaxing: reported totals"), (.zh, " 全市报告 嘉兴市")] {
            let lines = screen(try state(.cityTotals, period: "2015-09", language: language))
            XCTAssertTrue(lines.contains { $0.hasPrefix(title) }, lines.joined(separator: "\n"))
        }
    }

    /// One rule: in every period the towns view's city row, the overview's city line and the page's
    /// title say "towns' sum" exactly where the core's rule does, and the changes give no Δ of the
    /// city's completed amount across such a month and a reported one.
    func testEveryViewReadsTheCoresRule() throws {
        let s = try state(.townList, language: .en)
        var sums: [String] = []
        for (i, p) in s.dataset.periods.enumerated() {
            var t = s
            t.periodIndex = i
            let rule = t.metrics.cityIsTownsSum(p.id)
            if rule { sums.append(p.id) }
            let towns = screen(t).joined(separator: "\n")
            XCTAssertEqual(towns.contains("Jiaxing ≈sum (not reported)"), rule, "\(p.id)\n" + towns)
            t.stack = [Screen(.overview)]
            let overview = screen(t).joined(separator: "\n")
            XCTAssertEqual(overview.contains("Jiaxing ≈sum (not reported)"), rule, "\(p.id)\n" + overview)
            t.stack = [Screen(.townList), Screen(.cityTotals)]
            let page = screen(t).joined(separator: "\n")
            XCTAssertEqual(page.contains("≈towns' sum"), rule, "\(p.id)\n" + page)
            XCTAssertEqual(page.contains("reported totals"), !rule, "\(p.id)\n" + page)
            if i > 0 {
                let c = t.metrics.change(nil, .completed, from: s.dataset.periods[i - 1], to: p)
                let before = t.metrics.cityIsTownsSum(s.dataset.periods[i - 1].id)
                if c.before != nil, c.after != nil, before != rule { XCTAssertTrue(c.acrossSources, p.id) }
            }
        }
        XCTAssertEqual(sums, ["2015-10"])
    }
}
