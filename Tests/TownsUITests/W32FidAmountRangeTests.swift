import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 31's fresh user: inside a `?` the amount reading kept its point value's sign where the
/// plan's interval allows either (Nanhu at 2015-12 after an imported December: `ahead by ≈0.02`
/// where the shortfall may be -0.05 to +0.01).
final class W32FidAmountRangeTests: XCTestCase {
    /// Nanhu's December: 15.00 completed, no rate; its plan ≈15.0 from Jan-Sep's 3.52 / 23.5%
    /// ([14.947, 15.011]): the rate ≈100.1% holds 100 within its rounding, the shortfall is
    /// 14.979 - 15.00 = -0.02 at its point and [-0.053, +0.011] over the plan's interval.
    static let december = """

        [[figure]]
        town = "nanhu"
        measure = "completed"
        period = "2015-12"
        value = "15.00"
        source = "paper"

        """

    func state(_ view: Screen.Kind = .townList, language: Language = .en) throws -> AppState {
        try editedBundledState("w32range", view: view, period: "2015-12", width: 200, height: 60,
                               language: language) { $0 + Self.december }
    }

    /// The readings: undecided within the rate's rounding, the shortfall's range both sides of 0.
    func testTheShortfallsRangeHoldsBothSidesOfZero() throws {
        let s = try state()
        let nanhu = try XCTUnwrap(s.dataset.town("nanhu"))
        let r = s.checker.scheduleReadings(nanhu, period: try XCTUnwrap(s.period))
        XCTAssertTrue(r.isUndecided)
        XCTAssertLessThan(try XCTUnwrap(r.byAmount), 0, "ahead at its point")
        let range = try XCTUnwrap(r.amountEitherWay)
        XCTAssertLessThan(range.lower, 0)
        XCTAssertGreaterThan(range.upper, 0)
    }

    /// The page: no direction, the range, in both languages.
    func testThePageSaysTheRangeNotAhead() throws {
        for (language, want, not) in [(Language.en, "by amount between ahead by ≈0.08 and behind by ≈0.04 100M yuan",
                                       "by amount ahead"),
                                      (.zh, "按金额 介于超前 ≈0.08 与落后 ≈0.04 亿元之间", "按金额 超前")] {
            let lines = screen(try state(.townPage("nanhu"), language: language)).joined(separator: "\n")
            XCTAssertTrue(lines.contains(want), lines)
            XCTAssertFalse(lines.contains(not), lines)
        }
    }

    /// The overview's undecided row, on screen and in its export (the report prints the same).
    func testTheOverviewRowSaysTheRangeNotAhead() throws {
        for (language, want, not) in [(Language.en, "amount ahead ≈0.08–behind ≈0.04, within the rate's rounding", "amount ahead ≈0.02"),
                                      (.zh, "金额 超前 ≈0.08～落后 ≈0.04，在完成率取整之内", "金额 超前 ≈0.02")] {
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
}
