import Foundation
import XCTest

@testable import TownsCore

/// Wave 26's fresh user, F3: a sum of amounts was written with its most precise input's digits
/// (`≈52.00` from 16.00 + 13.0 + 7.0 + 4.0 + 12.0), claiming a second decimal that four of its
/// five figures do not give. It is written with the fewest digits of its plain figures, and a
/// derived figure's interval may take more off as before.
final class W27SumDigitsTests: XCTestCase {
    func tally(_ figures: [(String, Int)], derived: [(String, Interval)] = []) -> Metrics.Tally {
        var t = Metrics.Tally()
        for (v, d) in figures { t.add(.exact(Decimal(string: v)!, decimals: d), derived: false) }
        for (v, i) in derived { t.add(.exact(Decimal(string: v)!, decimals: 2), derived: true, interval: i) }
        return t
    }

    func testASumHasItsLeastPreciseFiguresDigits() {
        XCTAssertEqual(tally([("16.00", 2), ("13.0", 1), ("7.0", 1), ("4.0", 1), ("12.0", 1)]).supportedDecimals, 1)
        // Every figure with two decimals: two (the city's 49.86, not 49.9).
        XCTAssertEqual(tally([("15.21", 2), ("12.40", 2), ("6.85", 2), ("4.10", 2), ("11.30", 2)]).supportedDecimals, 2)
        XCTAssertEqual(tally([("9.3", 1), ("13.56", 2)]).supportedDecimals, 1)
        XCTAssertEqual(tally([("140", 0), ("13.56", 2)]).supportedDecimals, 0)
        // Derived figures with intervals of their own: their widths decide (≈18.60 + ≈14.98 is ≈33.6).
        let haining = Interval(Decimal(string: "18.581")!, Decimal(string: "18.620")!)
        let nanhu = Interval(Decimal(string: "14.926")!, Decimal(string: "15.032")!)
        XCTAssertEqual(tally([], derived: [("18.60", haining), ("14.98", nanhu)]).supportedDecimals, 1)
        XCTAssertEqual(tally([("13.56", 2)], derived: [("18.60", haining)]).supportedDecimals, 1)
        XCTAssertEqual(Metrics.Tally().supportedDecimals, 0)
    }
}
