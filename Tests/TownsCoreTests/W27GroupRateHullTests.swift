import Foundation
import XCTest

@testable import TownsCore

/// Wave 26's fresh user, F1: a sum's rate over one town whose plan is derived from its own rate
/// read `≈49%` beside the town's `50%` (Haining at Jan-Aug 2015: 9.3 at 50%, plan ≈19). The sums'
/// rate is a mean of the towns' own rates weighted by plan, so it lies inside their hull
/// (`GroupProgress.memberRates`); `rateInterval` is narrowed to it.
final class W27GroupRateHullTests: XCTestCase {
    /// Haining at Jan-Aug: 9.3 reported, 50% reported, plan 9.3 / 50% derived (what 9.25-9.35 at
    /// 49.5-50.5% allow).
    static func haining(_ g: inout GroupProgress, rate: Interval?) {
        let plan = Interval(Decimal(string: "9.25")! / Decimal(string: "0.505")!, Decimal(string: "9.35")! / Decimal(string: "0.495")!)
        g.add(plan: (.exact(Decimal(string: "18.6")!, decimals: 0), true, plan, false),
              completed: (.exact(Decimal(string: "9.3")!, decimals: 1), false, nil, false),
              rate: rate, comparable: true, variance: Decimal(string: "-16.7"))
    }

    func testOneTownsSumReadsItsOwnRate() throws {
        var g = GroupProgress()
        Self.haining(&g, rate: Interval(printed: 50, decimals: 0))
        XCTAssertEqual(g.memberRates, Interval(Decimal(string: "49.5")!, Decimal(string: "50.5")!))
        XCTAssertEqual(g.rateInterval, g.memberRates)
        let printed = try XCTUnwrap(g.printedRate(atMost: 1))
        XCTAssertEqual(printed.value, 50)
        XCTAssertEqual(printed.decimals, 0)

        // Without the town's rate the sums' intervals alone allow 49% (what was printed).
        var alone = GroupProgress()
        Self.haining(&alone, rate: nil)
        XCTAssertEqual(try XCTUnwrap(alone.printedRate(atMost: 1)).value, 49)
    }

    func testTheHullSpansTheTownsAndIsUnknownWhenOneIsUnbounded() throws {
        var g = GroupProgress()
        Self.haining(&g, rate: Interval(printed: 50, decimals: 0))
        // A second town: 13.56 of 18.60 (72.9%).
        g.add(plan: (.exact(Decimal(string: "18.60")!, decimals: 2), false, nil, false),
              completed: (.exact(Decimal(string: "13.56")!, decimals: 2), false, nil, false),
              rate: Interval(printed: Decimal(string: "72.9")!, decimals: 1), comparable: true, variance: nil)
        let hull = try XCTUnwrap(g.memberRates)
        XCTAssertEqual(hull.lower, Decimal(string: "49.5"))
        // 13.565 / 18.595 = 72.9497…%: the quotient's end, inside the rate's 72.95.
        XCTAssertTrue(hull.upper > Decimal(string: "72.949")! && hull.upper < Decimal(string: "72.95")!, "\(hull)")
        let rate = try XCTUnwrap(g.rate)
        XCTAssertTrue(hull.lower <= rate && rate <= hull.upper, "\(rate) in \(hull)")

        // A town whose rate disagrees with its own amounts (no overlap) keeps its quotient.
        var disagreeing = GroupProgress()
        disagreeing.add(plan: (.exact(20, decimals: 0), false, nil, false), completed: (.exact(10, decimals: 0), false, nil, false),
                        rate: Interval(printed: 80, decimals: 0), comparable: true, variance: nil)
        let own = try XCTUnwrap(disagreeing.memberRates)
        XCTAssertTrue(own.lower < 50 && 50 < own.upper, "\(own)")

        // A covered town whose plan cannot be bounded away from 0 leaves the hull unknown, for good.
        var unbounded = GroupProgress()
        unbounded.add(plan: (.exact(0, decimals: 0), false, nil, false), completed: (.exact(1, decimals: 0), false, nil, false),
                      rate: nil, comparable: true, variance: nil)
        Self.haining(&unbounded, rate: Interval(printed: 50, decimals: 0))
        XCTAssertNil(unbounded.memberRates)
    }

    func testTheHullIsStoredAndReadBack() throws {
        var g = GroupProgress()
        Self.haining(&g, rate: Interval(printed: 50, decimals: 0))
        let written = DerivedOverview(behind: [], behindByRate: [], undecided: [], changes: [],
                                      rules: [DerivedOverview.RuleCounts()], types: [g, GroupProgress()])
        var w = SnapshotWriter()
        w.overviews(["2015-08": written], townCount: 5)
        let read = try w.readBack { r, bytes -> DerivedOverview in
            let range = try XCTUnwrap(try r.overviewRanges()["2015-08"])
            var inner = SnapshotReader(bytes, from: range.lowerBound, to: range.upperBound)
            inner.strings = w.strings
            return try inner.overview(towns: 5)
        }
        XCTAssertEqual(read, written)
        XCTAssertEqual(read.types[0].memberRates, g.memberRates)
        XCTAssertNil(read.types[1].memberRates)
    }
}
