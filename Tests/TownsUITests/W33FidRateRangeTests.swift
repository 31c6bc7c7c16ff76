import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 32's fresh user: inside a `?` whose rate's rounding holds the share of the year elapsed,
/// the page still said a direction for the rate reading (`by rate behind by 0.1 points`) beside
/// the range the rate may be (`99.51% to 100.26%`), as the amount reading did before wave 32
/// (`W32FidAmountRangeTests`). Now the range, no direction; one at 0 at its digits keeps `at`.
final class W33FidRateRangeTests: XCTestCase {
    /// Jiashan given figures whose Jan-Sep rate is worked out over a plan derived from Jan-Aug.
    /// (Wave 33's `w33-rank` writes a year-end rate whose range holds 100% with the digits that read
    /// 100, so that case now reads `at ≈0`; this one is at Jan-Sep, 75% of the year elapsed: Jiashan
    /// 3.00 at 17.7% in Jan-Aug, so a plan ≈16.95, and 12.68 in Jan-Sep, no rate: ≈74.8%, whose range
    /// (by the plan's and the amount's rounding) holds 75%: the variance between -0.56 and +0.18;
    /// -1.66 and +1.33 until wave 43, when the bare float 3.00 was read as 3, not as written.)
    static let jiashanJanSepWithinRounding = """

        [[figure]]
        town = "jiashan"
        measure = "completed"
        period = "2015-08"
        value = 3.00
        source = "paper"

        [[figure]]
        town = "jiashan"
        measure = "completion_rate"
        period = "2015-08"
        value = 17.7
        source = "paper"

        [[figure]]
        town = "jiashan"
        measure = "completed"
        period = "2015-09"
        value = 12.68
        source = "paper"
        """

    func state(_ view: Screen.Kind, language: Language) throws -> AppState {
        var s = try editedBundledState("w33raterange", period: "2015-09", width: 200, height: 60,
                                       language: language) { $0 + Self.jiashanJanSepWithinRounding }
        s.stack = [Screen(view)]
        return s
    }

    /// The readings: the variance's range is the rate's less the share elapsed, both sides of 0.
    func testTheVariancesRangeHoldsBothSidesOfZero() throws {
        let s = try state(.townList, language: .en)
        let r = s.checker.scheduleReadings(try XCTUnwrap(s.dataset.town("jiashan")), period: try XCTUnwrap(s.period))
        let within = try XCTUnwrap(r.withinRounding)
        let range = try XCTUnwrap(r.rateEitherWay)
        XCTAssertEqual(range.lower, within.lower - 75)
        XCTAssertEqual(range.upper, within.upper - 75)
        XCTAssertLessThan(range.lower, 0)
        XCTAssertGreaterThan(range.upper, 0)
        XCTAssertLessThan(try XCTUnwrap(r.byRate), 0, "behind at its point")
    }

    /// The page (the town's and, through the same section, the city's): the range, no direction.
    func testThePageSaysTheRateRangeNotADirection() throws {
        for (language, want, not) in [
            (Language.en, "by rate between behind by ≈0.56 and ahead by ≈0.18 points", "by rate behind by"),
            (.zh, "按完成率 介于落后 ≈0.56 与超前 ≈0.18 个百分点之间", "按完成率 落后"),
        ] {
            let lines = screen(try state(.townPage("jiashan"), language: language)).joined(separator: "\n")
            XCTAssertTrue(lines.contains(want), lines)
            XCTAssertFalse(lines.contains(not), lines)
        }
    }

    /// The overview's undecided row, on screen and in its exports (`towns report` prints the same).
    func testTheOverviewRowSaysTheRateRangeNotADirection() throws {
        for (language, want, not) in [
            (Language.en, "rate ≈-0.56–+0.18 pts", "rate behind ≈0.2"),
            (.zh, "完成率 ≈-0.56～+0.18 点", "完成率 落后 ≈0.2"),
        ] {
            let s = try state(.overview, language: language)
            let lines = screen(s).joined(separator: "\n")
            XCTAssertTrue(lines.contains(want), lines)
            XCTAssertFalse(lines.contains(not), lines)
            let content = try XCTUnwrap(s.content(for: s.screen))
            for format in [ExportRequest.Format.csv, .md, .text] {
                let out = Export.render(content, format: format, title: "t", legend: "l")
                XCTAssertTrue(out.contains(want), out)
                XCTAssertFalse(out.contains(not), out)
            }
        }
    }

    /// The words on their own: a range's ends rounded outward; a rate at 0 at its digits keeps `at`.
    func testTheWords() {
        let range = Interval(Decimal(string: "-0.4875")!, Decimal(string: "0.2541")!)
        XCTAssertEqual(Catalogue.rateEitherWayReading(range, flag: "!").en,
                       "by rate between behind by ≈0.49 and ahead by ≈0.26 points!")
        XCTAssertEqual(Catalogue.rateEitherWayShort(range).zh, "≈-0.49～+0.26")
        let at = Catalogue.undecidedRow(UndecidedRowReadings(
            rate: 0, rateDigits: 1, amount: "≈0.0", amountBehind: true, amountAtZero: true,
            rateRange: range, flagged: false, withinRounding: true))
        XCTAssertTrue(at.en.contains("rate at 0.0 pts"), at.en)
    }
}
