import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 30's fresh user: a variance beside a derived rate that supports no decimals was rounded to
/// none from a value already rounded, and one point read `1 points`. 22.1 / 30.05 = 73.54% at
/// Jan-Sep is kept as 73.5 and written `≈74%` (its inputs support no decimals): its variance is
/// the rate as written less the share elapsed, 74 - 75 = `≈-1` (the quotient's -1.46 to none), not
/// 73.5 - 75 = -1.5 rounded again to `≈-2`; the page says `behind by 1 point`. And the user's own
/// case, 14.1 / 28.47 = 49.53% at Jan-Jun, reads `≈49.5%` and `≈-0.5` (the rate keeps the digit that
/// holds its side of 50%: wave 30, f400ede), never `≈-1`.
final class W31FidVarianceDigitsTests: XCTestCase {
    static func jiashan(plan: String, _ rest: String) -> String {
        """

        [[figure]]
        town = "jiashan"
        measure = "plan_year"
        period = "2015"
        value = \(plan)
        source = "paper"
        \(rest)
        """
    }

    static let september = jiashan(plan: "30.05", """

        [[figure]]
        town = "jiashan"
        measure = "completed"
        period = "2015-09"
        value = 22.1
        source = "paper"

        """)

    func testAVarianceBesideARateWithNoDecimalsIsTheRateAsWrittenLessTheShareElapsed() throws {
        let s = try editedBundledState("w31digits", period: "2015-09", width: 200, height: 60, language: .en) {
            $0 + Self.september
        }
        let list = screen(s)
        let row = try XCTUnwrap(list.first { $0.contains("Jiashan Chocolate") }, list.joined(separator: "\n"))
        XCTAssertTrue(row.contains("≈74%"), row)
        XCTAssertTrue(row.contains("≈-1▼"), row)
        XCTAssertFalse(row.contains("≈-2"), row)
        var page = s
        page.stack = [Screen(.townPage("jiashan"))]
        let lines = screen(page).joined(separator: "\n")
        XCTAssertTrue(lines.contains("Schedule variance ≈-1: by rate behind by 1 point"), lines)
        XCTAssertFalse(lines.contains("1 points"), lines)
        // The export's row as the list's.
        let csv = Export.render(try XCTUnwrap(s.content(for: s.screen)), format: .csv, title: "t", legend: "l")
        let csvRow = try XCTUnwrap(csv.split(separator: "\n").first { $0.contains("Jiashan Chocolate") })
        XCTAssertTrue(csvRow.contains("≈-1▼"), String(csvRow))
    }

    /// The user's case (generated t02299, 2016 Jan-Jun): a regression test; main already gave it.
    func testTheFreshUsersCaseKeepsItsDigit() throws {
        // The period from a monthly file; the figures, of one source (the paper), in figures.toml.
        let june = W22MineTests.month("2015-06", through: 6, [("haining", "completed", "\"5.00\"")])
        let s = try editedBundledState("w31digits6", monthly: ["2015-06.toml": june], period: "2015-06",
                                       width: 200, height: 60, language: .en) {
            $0 + Self.jiashan(plan: "28.47", """

                [[figure]]
                town = "jiashan"
                measure = "completed"
                period = "2015-06"
                value = 14.1
                source = "paper"

                """)
        }
        let row = try XCTUnwrap(screen(s).first { $0.contains("Jiashan Chocolate") })
        XCTAssertTrue(row.contains("≈49.5%") && row.contains("≈-0.5▼"), row)
        var page = s
        page.stack = [Screen(.townPage("jiashan"))]
        let lines = screen(page).joined(separator: "\n")
        XCTAssertTrue(lines.contains("Schedule variance ≈-0.5: by rate behind by 0.5 points"), lines)
    }

    /// The words on their own: one point, and Chinese (no plural).
    func testOnePoint() {
        XCTAssertEqual(Catalogue.rateReading(-1, flag: "", digits: 0).en, "by rate behind by 1 point")
        XCTAssertEqual(Catalogue.rateReading(2, flag: "", digits: 0).en, "by rate ahead by 2 points")
        XCTAssertEqual(Catalogue.rateReading(-1, flag: "", digits: 0).zh, "按完成率 落后 1 个百分点")
    }
}
