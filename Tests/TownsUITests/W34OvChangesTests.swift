import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Session 27's fresh user on the overview's changes panel.
final class W34OvChangesTests: XCTestCase {
    /// The changes panel's rows (from its heading to the checks' heading).
    func panel(_ s: AppState, _ language: Language) throws -> [String] {
        let lines = screen(s)
        let start = try XCTUnwrap(lines.firstIndex { $0.contains(language == .zh ? " 较 " : " vs ") },
                                  lines.joined(separator: "\n"))
        return Array(lines[start...].prefix { !$0.hasPrefix(language == .zh ? " 核对" : " Checks") })
    }

    /// F12: a filter that keeps no town made the panel say `无变化` / "no changes", a claim about
    /// towns it does not show; it says the filter keeps none.
    func testAFilterKeepingNoTownSaysSoNotNoChanges() throws {
        for (language, none, said) in [(Language.zh, "无变化", "筛选未留下任何镇"),
                                       (.en, "no changes", "the filter keeps none")] {
            var s = update(try bundledState(width: 120, height: 60, period: "2015-12"), .showView(.overview))
            s.language = language
            s = update(s, .runCommand("filter problem uneven-progress"))
            XCTAssertTrue(s.filtered(Array(s.dataset.towns.indices)).isEmpty)
            let rows = try panel(s, language).joined(separator: "\n")
            XCTAssertFalse(rows.contains(none), rows)
            XCTAssertTrue(rows.contains(said), rows)
        }
    }

    /// F14: figures known before and unknown now were listed for completed and the rate only; a
    /// start rate (Jiashan's 90% at Jan-Aug, none at Jan-Sep) or a count of projects started gone
    /// unknown is listed too, as the changes view lists it.
    func testCountsAndStartRatesGoneUnknownAreListed() throws {
        for (language, gone, jiashan, startRate) in [(Language.zh, "不再报告", "嘉善", "开工率"),
                                                     (.en, "not reported", "Jiashan", "start rate")] {
            var s = update(try bundledState(width: 160, height: 60, period: "2015-09"), .showView(.overview))
            s.language = language
            let rows = try panel(s, language)
            XCTAssertTrue(rows.contains { $0.contains(jiashan) && $0.contains(startRate + " " + gone) },
                          rows.joined(separator: "\n"))
        }
        // The city's projects started and start rate (Jan-Aug's totals, none at Jan-Sep): on a
        // line under its amount and rate, the bars kept at 100x30.
        for (language, city, said) in [(Language.zh, " 全市 嘉兴市", "开工项目、开工率 不再报告"),
                                       (.en, " Jiaxing", "projects started, start rate not reported")] {
            var s = update(try bundledState(width: 100, height: 30, period: "2015-09"), .showView(.overview))
            s.language = language
            let rows = try panel(s, language)
            let at = try XCTUnwrap(rows.firstIndex { $0.hasPrefix(city) }, rows.joined(separator: "\n"))
            XCTAssertFalse(rows[at].contains(said), rows[at])
            XCTAssertTrue(at + 1 < rows.count && rows[at + 1].hasSuffix(said), rows.joined(separator: "\n"))
            XCTAssertTrue(screen(s).contains { $0.contains("█") }, screen(s).joined(separator: "\n"))
        }
        let months = ["2015-10.toml": W22MineTests.month("2015-10", through: 10, [
                          ("haining", "completed", "\"15.50\""), ("haining", "projects_started", "12")]),
                      "2015-11.toml": W22MineTests.month("2015-11", through: 11, [
                          ("haining", "completed", "\"15.50\"")])]
        for (language, gone, haining, started) in [(Language.zh, "不再报告", "海宁", "开工项目"),
                                                   (.en, "not reported", "Haining", "projects started")] {
            var s = try editedBundledState("w34ovgone", monthly: months, view: .overview, period: "2015-11",
                                           width: 160, height: 60, language: language) { $0 }
            s = update(s, .showView(.overview))
            // The count on the town's own line where nothing else of it changed (merged with w34-fid, its
            // rate's Δ within its rounding is not listed), else on the line under its amount and rate.
            let rows = try panel(s, language)
            let at = try XCTUnwrap(rows.firstIndex { $0.contains(haining) }, rows.joined(separator: "\n"))
            XCTAssertTrue(rows[at].hasSuffix(started + " " + gone)
                          || (at + 1 < rows.count && rows[at + 1].hasSuffix(started + " " + gone)),
                          rows.joined(separator: "\n"))
        }
    }
}
