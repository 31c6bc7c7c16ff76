import Foundation
import TownsCore
import TownsSynthetic
import TownsTestSupport
import XCTest

/// Wave 40's fresh user: a completed amount worked out from the rate and the plan was rounded
/// twice, to two decimals when derived and again to the digits its inputs support when written
/// (`完成 ≈28.1 … 推算：完成率 99.5% × 2019年计划 28.19 = 28.049`, which should read `≈28.0`).
/// The product is kept whole and rounded once, to whatever digits it is written with.
final class W42DerivedCompletedRoundingTests: XCTestCase {
    /// `body` for every town and period of a generated 300 x 60 (seed 1), with its metrics.
    func eachTownPeriod(_ body: (Town, Period, Metrics) throws -> Void) throws {
        let dir = try TemporaryFiles.folder("w42-rounding")
        try SyntheticDataset(towns: 300, months: 60, seed: 1).write(to: dir, rules: nil)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        let m = Metrics(dataset: dataset)
        for town in dataset.towns {
            for p in dataset.periods { try body(town, p, m) }
        }
    }

    /// Every derived completed amount of a generated dataset (where reports give a rate and a
    /// plan but no amount) is written as its rate x plan rounded once; at two decimals it
    /// reads as before. Some are written with fewer digits than two, and some of those are
    /// ones the double rounding got wrong, or the test would not try the case.
    func testADerivedCompletedAmountIsTheProductRoundedOnce() throws {
        var derived = 0, fewerDigits = 0, twiceWouldDiffer = 0
        try eachTownPeriod { town, p, m in
            guard town.figures[FigureKey(.completed, p.id)] == nil,
                  let f = m.figure(town, FigureKey(.completed, p.id)), f.isDerived,
                  case let .exact(value, decimals) = f.quantity,
                  let rate = town.figures[FigureKey(.completionRate, p.id)]?.quantity.exactValue,
                  let plan = town.figures[FigureKey(.planYear, String(p.id.prefix(4)))]?.quantity.exactValue
            else { return }
            derived += 1
            let product = rate / 100 * plan
            XCTAssertEqual(value, product, "\(town.id) \(p.id): the product kept whole")
            XCTAssertEqual(decimals, 2)
            XCTAssertEqual(DecimalMath.text(value, scale: 2), DecimalMath.text(product, scale: 2))
            let s = try XCTUnwrap(f.supportedDecimals)
            XCTAssertEqual(f.supportedText, DecimalMath.text(product, scale: s), "\(town.id) \(p.id)")
            if s < 2 {
                fewerDigits += 1
                if DecimalMath.text(DecimalMath.rounded(product, scale: 2), scale: s) != DecimalMath.text(product, scale: s) {
                    twiceWouldDiffer += 1
                }
            }
        }
        XCTAssertGreaterThan(derived, 100, "the generated data derives completed amounts")
        XCTAssertGreaterThan(fewerDigits, 10, "some are written with fewer than two decimals")
        XCTAssertGreaterThan(twiceWouldDiffer, 0, "some were written wrong when rounded twice")
    }

    /// The same for a completion rate worked out from the completed amount and the plan: kept
    /// to `Metrics.keptRateDecimals` digits, written with the digits its range supports rounded
    /// once from the quotient (39.47% was kept as 39.5 and written `≈40%`). A rate whose range
    /// holds 100 on both sides is written `100` on purpose (no side claimed) and left out here.
    func testADerivedCompletionRateIsTheQuotientRoundedOnce() throws {
        var derived = 0, fewerDigits = 0, twiceWouldDiffer = 0
        try eachTownPeriod { town, p, m in
            guard town.figures[FigureKey(.completionRate, p.id)] == nil,
                  let f = m.figure(town, FigureKey(.completionRate, p.id)), f.isDerived,
                  case let .exact(value, decimals) = f.quantity, value != 100,
                  let done = m.figure(town, FigureKey(.completed, p.id))?.quantity.exactValue,
                  let plan = m.yearPlan(town, asOf: p)?.quantity.exactValue, plan > 0
            else { return }
            derived += 1
            let quotient = done / plan * 100
            XCTAssertEqual(value, DecimalMath.rounded(quotient, scale: max(decimals, Metrics.keptRateDecimals)),
                           "\(town.id) \(p.id)")
            let s = try XCTUnwrap(f.supportedDecimals)
            XCTAssertEqual(f.supportedText, DecimalMath.text(quotient, scale: s), "\(town.id) \(p.id)")
            if s < decimals {
                fewerDigits += 1
                let twice = DecimalMath.text(DecimalMath.rounded(quotient, scale: decimals), scale: s)
                if twice != DecimalMath.text(quotient, scale: s) { twiceWouldDiffer += 1 }
            }
        }
        XCTAssertGreaterThan(derived, 500, "the generated data derives completion rates")
        XCTAssertGreaterThan(fewerDigits, 50, "some are written with fewer digits than kept")
        XCTAssertGreaterThan(twiceWouldDiffer, 0, "some were written wrong when rounded twice")
    }
}
