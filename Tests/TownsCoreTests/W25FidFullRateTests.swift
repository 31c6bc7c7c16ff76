import Foundation
@testable import TownsCore
import XCTest

/// Wave 25's fresh user, F5: a group's rate under 100% is never printed as 100% (the plan met).
final class W25FidFullRateTests: XCTestCase {
    /// Type 1 in November (the fresh user's sheets): Haining 17.5 over its plan [18.588, 18.607]
    /// (September 13.56 / 72.9% and November 17.5 / 94.1%), Tongxiang 13.5 over [12.442, 12.558]
    /// (October 12.00 / 96%, November 13.5 / 108%): 31.0 / ≈31.1 = 99.68%, printed `≈100%` before.
    func testARateUnderTheFullPlanIsNeverPrintedAsFull() throws {
        var g = GroupProgress()
        g.add(plan: (.exact(Decimal(string: "18.60")!, decimals: 2), true,
                     Interval(Decimal(string: "18.588")!, Decimal(string: "18.607")!), false),
              completed: (.exact(Decimal(string: "17.5")!, decimals: 1), false, nil, false), comparable: true, variance: nil)
        g.add(plan: (.exact(Decimal(string: "12.50")!, decimals: 2), true,
                     Interval(Decimal(string: "12.442")!, Decimal(string: "12.558")!), false),
              completed: (.exact(Decimal(string: "13.5")!, decimals: 1), false, nil, false), comparable: true, variance: nil)
        let printed = try XCTUnwrap(g.printedRate(atMost: 1))
        XCTAssertEqual(printed.decimals, 1)
        XCTAssertEqual(printed.value, Decimal(string: "99.7")!)
        // At exactly the plan, or over it, 100% stays what it is.
        var full = GroupProgress()
        full.add(plan: (.exact(Decimal(string: "20.0")!, decimals: 1), false, nil, false),
                 completed: (.exact(Decimal(string: "20.0")!, decimals: 1), false, nil, false), comparable: true, variance: nil)
        XCTAssertEqual(try XCTUnwrap(full.printedRate(atMost: 1)).value, 100)
    }
}
