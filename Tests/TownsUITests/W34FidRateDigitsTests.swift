import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Session 27's fresh users' findings on rates and their digits (F1, F2, V, F7): a rate worked
/// out from the plan whose rounding holds the share of the year elapsed claims no side of it and
/// no digits its inputs lack; its variance keeps its digits; the overview and the page give the
/// same range; a Δ rate's formula names each derived side's unrounded value as its own period's
/// line gives it.
final class W34FidRateDigitsTests: XCTestCase {
    /// Haining's Jan-Oct 15.50 with no rate: over its plan 18.60 it is 83.333%, the 10/12 of the
    /// year elapsed; its inputs' rounding allows 83.21-83.45%.
    static let october = W22MineTests.month("2015-10", through: 10, [("haining", "completed", "\"15.50\"")])

    func state(_ name: String, _ view: Screen.Kind, language: Language) throws -> AppState {
        try editedBundledState(name, monthly: ["2015-10.toml": Self.october], view: view, period: "2015-10",
                               width: 200, height: 70, language: language) { $0 }
    }

    /// F1: `≈83%` (not `≈83.333%`) on the towns view, its CSV and the page; the formula keeps the
    /// quotient (`= 83.33%`). V: its variance `≈0?` (not `≈0.0?` or `≈-0.03?`).
    func testARateOnTheShareElapsedWithinItsRoundingKeepsTheDigitsItsRangeSupports() throws {
        for language in [Language.en, .zh] {
            let s = try state("w34f1", .townList, language: language)
            let lines = screen(s)
            let haining = try XCTUnwrap(lines.first { $0.contains(language == .en ? "Haining" : "海宁") },
                                        lines.joined(separator: "\n"))
            XCTAssertTrue(haining.contains(" ≈83% "), haining)
            XCTAssertFalse(haining.contains("83.3"), haining)
            XCTAssertTrue(haining.contains(" ≈0? "), haining)
            XCTAssertFalse(haining.contains("0.0"), haining)
            let csv = Export.render(try XCTUnwrap(s.content(for: s.screen)), format: .csv, title: "t", legend: "l")
            let row = try XCTUnwrap(csv.split(separator: "\r\n").first { $0.contains(language == .en ? "Haining" : "海宁") })
            XCTAssertFalse(row.contains("83.333"), String(row))
            var page = s
            page.stack = [Screen(.townPage("haining"))]
            let text = screen(page).joined(separator: "\n")
            XCTAssertTrue(text.contains("= 83.33%"), text)
            XCTAssertFalse(text.contains("83.333"), text)
            XCTAssertFalse(text.contains("≈0.0?"), text)
            // The Δ rate names the quotient beside the rate as shown.
            XCTAssertTrue(text.contains(language == .en ? "≈83 (83.33 unrounded) − 2015 Jan-Sep 72.9 = 10.43 ≈ 10"
                                        : "≈83（未取整 83.33） − 2015年1-9月 72.9 = 10.43 ≈ 10"), text)
        }
        let s = try state("w34f1core", .townList, language: .en)
        let haining = try XCTUnwrap(s.dataset.towns.first { $0.id == "haining" })
        let rate = try XCTUnwrap(s.metrics.figure(haining, FigureKey(.completionRate, "2015-10")))
        XCTAssertEqual(rate.supportedText, "83")
        let period = try XCTUnwrap(s.period)
        XCTAssertTrue(s.checker.scheduleReadings(haining, period: period).isUndecided)
    }

    /// F7: the overview's undecided row gives the rate's range, as the page does, not `at ≈0.0`.
    func testTheOverviewAndThePageGiveTheSameRange() throws {
        for language in [Language.en, .zh] {
            let s = try state("w34f7", .overview, language: language)
            let lines = screen(s)
            let row = try XCTUnwrap(lines.first { $0.contains(language == .en ? "Haining" : "海宁") && $0.contains("?") },
                                    lines.joined(separator: "\n"))
            XCTAssertTrue(row.contains(language == .en ? "rate ≈-0.12–+0.12 pts" : "完成率 ≈-0.12～+0.12 点"), row)
            XCTAssertFalse(row.contains("0.0 "), row)
            var page = s
            page.stack = [Screen(.townPage("haining"))]
            let text = screen(page).joined(separator: "\n")
            XCTAssertTrue(text.contains(language == .en ? "by rate between behind by ≈0.12 and ahead by ≈0.12 points"
                                        : "按完成率 介于落后 ≈0.12 与超前 ≈0.12 个百分点之间"), text)
        }
    }

    /// F2: Nanhu's full year 15.00 over ≈14.98 (100.13%, written `≈100`) less Jan-Nov's 12.45 over
    /// it (83.11%, written `≈83`, kept as 83.1): the formula named `83.10` beside the Jan-Nov line's
    /// `= 83.11%`, and the ≈100 with no unrounded value. Each side is named with its quotient.
    func testADeltaRateNamesEachDerivedSidesQuotientAsItsLineGivesIt() throws {
        let november = W22MineTests.month("2015-11", through: 11, [("nanhu", "completed", "\"12.45\"")])
        for language in [Language.en, .zh] {
            var s = try editedBundledState("w34f2", monthly: ["2015-11.toml": november], period: "2015-12",
                                           width: 200, height: 90, language: language) { $0 + W33RateSideTests.december }
            s.stack = [Screen(.townPage("nanhu"))]
            let text = screen(s).joined(separator: "\n")
            XCTAssertTrue(text.contains("= 83.11%"), text)
            XCTAssertFalse(text.contains("83.10"), text)
            XCTAssertTrue(text.contains(language == .en
                ? "≈100 (100.13 unrounded) − 2015 Jan-Nov ≈83 (83.11 unrounded) = 17.02 ≈ 17"
                : "≈100（未取整 100.13） − 2015年1-11月 ≈83（未取整 83.11） = 17.02 ≈ 17"), text)
        }
    }
}
