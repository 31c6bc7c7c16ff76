import Foundation
import TownsCore
import XCTest

/// Issue 14 point 4: a group's plan and completed are summed over the same towns.
final class GroupProgressTests: XCTestCase {
    func testTypesOnTheBundledDataSumTheSameTowns() throws {
        let dataset = try loadBundled()
        let metrics = Metrics(dataset: dataset)
        let sep = try XCTUnwrap(dataset.period("2015-09"))
        func group(_ type: Int) -> GroupProgress {
            metrics.groupProgress(dataset.towns.filter { $0.type == type }, period: sep)
        }
        // Type 1: Haining (plan ≈18.60 derived, 13.56, -2.1 points) and Tongxiang (rate 92.7% only).
        let one = group(1)
        XCTAssertEqual(one.members, 2)
        XCTAssertEqual(one.covered, 1)
        XCTAssertEqual(DecimalMath.text(one.plan.sum, scale: 2), "18.60")
        XCTAssertEqual(one.plan.derived, 1)
        XCTAssertEqual(DecimalMath.text(one.completed.sum, scale: 2), "13.56")
        XCTAssertEqual(DecimalMath.text(try XCTUnwrap(one.rate), scale: 1), "72.9")
        XCTAssertEqual(one.withRate, 2)
        XCTAssertEqual(one.behind, 1)
        // Type 4: Haiyan has a rate (20.7%, behind) but neither plan nor completed: nothing summed.
        let four = group(4)
        XCTAssertEqual(four.members, 1)
        XCTAssertEqual(four.covered, 0)
        XCTAssertNil(four.rate)
        XCTAssertEqual(four.behind, 1)
        // Type 3: Nanhu 3.52 / ≈14.98 = 23.5%.
        XCTAssertEqual(DecimalMath.text(try XCTUnwrap(group(3).rate), scale: 1), "23.5")
    }

    func testATownWithOnlyOneOfTheTwoStaysOutOfBothSums() {
        func reported(_ v: String) -> Figure {
            Figure(quantity: .exact(dec(v), decimals: 2),
                   provenance: .reported(source: "s", at: nil, quote: nil, note: nil))
        }
        var g = GroupProgress()
        g.add(plan: reported("10"), completed: reported("5"), variance: -25)
        g.add(plan: nil, completed: reported("40"), variance: nil)   // completed only: would read as 450%
        g.add(plan: reported("30"), completed: nil, variance: 1)      // plan only
        XCTAssertEqual(g.members, 3)
        XCTAssertEqual(g.covered, 1)
        XCTAssertEqual(g.plan.sum, 10)
        XCTAssertEqual(g.completed.sum, 5)
        XCTAssertEqual(g.rate, 50)
        XCTAssertEqual(g.withRate, 2)
        XCTAssertEqual(g.behind, 1)
        // A lower bound, an interpretation, or another basis is not a figure to sum.
        var bound = reported("20"); bound.quantity = .moreThan(14)
        var other = reported("20"); other.basis = "fai-excl-housing"
        let read = Figure(quantity: .exact(30, decimals: 0), provenance: .interpreted(reasoning: "r", readings: ["a"]))
        g.add(plan: reported("30"), completed: bound, variance: nil)
        g.add(plan: reported("30"), completed: other, variance: nil)
        g.add(plan: reported("30"), completed: read, variance: nil)
        XCTAssertEqual(g.members, 6)
        XCTAssertEqual(g.covered, 1)
        XCTAssertEqual(g.rate, 50)
    }
}
