import Foundation
import TownsCore
import TownsTestSupport
import XCTest

/// Wave 43 (finding 2): a year's plan derived as completed ÷ completion rate is one figure for the
/// year: the same digits at every period of it, what every period's derivation allows together
/// (Haining's read `≈19` at Jan-Aug, on 9.3 / 50% alone, and `≈18.6` at Jan-Sep).
final class W43YearPlanTests: XCTestCase {
    func formula(_ f: Figure) -> String {
        if case let .derived(text) = f.provenance { return text }
        return ""
    }

    func testHainingsPlanHasTheSameDigitsAtEveryPeriod() throws {
        let d = try loadBundled()
        let m = Metrics(dataset: d)
        let haining = try XCTUnwrap(d.town("haining"))
        let year = try XCTUnwrap(m.figure(haining, FigureKey(.planYear, "2015")))
        // [18.317, 18.889] from Jan-Aug, [18.581, 18.620] from Jan-Sep: together [18.581, 18.620].
        let together = try XCTUnwrap(year.interval)
        XCTAssertEqual(DecimalMath.text(together.lower, scale: 3), "18.581")
        XCTAssertEqual(DecimalMath.text(together.upper, scale: 3), "18.620")
        XCTAssertEqual(ShownFigure(year)?.quantity, .exact(dec("18.6"), decimals: 1))
        for period in d.periods {
            let plan = m.yearPlan(haining, asOf: period)
            XCTAssertEqual(ShownFigure(plan)?.quantity, .exact(dec("18.6"), decimals: 1), period.id)
            XCTAssertEqual(plan?.interval, together, period.id)
        }
        // The explanation names both periods and the range they allow together.
        let e = try XCTUnwrap(year.explanation)
        XCTAssertEqual(e.together, together)
        XCTAssertEqual(e.confirmedBy.count, 1)
        XCTAssertTrue(formula(year).contains("Jan-Aug"), formula(year))
        XCTAssertTrue(formula(year).contains("Jan-Sep"), formula(year))
        XCTAssertTrue(formula(year).contains("together they allow [18.581, 18.620]"), formula(year))
        // A plan from one derivation alone (Nanhu, Jan-Sep only) names no range together.
        let nanhu = try XCTUnwrap(d.town("nanhu"))
        XCTAssertNil(try XCTUnwrap(m.figure(nanhu, FigureKey(.planYear, "2015"))?.explanation).together)
        let august = try XCTUnwrap(d.period("2015-08"))
        XCTAssertEqual(ShownFigure(m.yearPlan(nanhu, asOf: august))?.quantity, .exact(dec("14.98"), decimals: 1))
        XCTAssertEqual(m.planFromLaterPeriod(nanhu, asOf: august), "2015-09", "still marked as from a later period")
    }

    /// Derivations that share no value (a plan revised in the year, or a wrong figure): the plan
    /// rests on the agreeing ones, the disagreeing period is flagged, and the check says it may be
    /// a revised plan.
    func testDisagreeingPeriodsAreSaidNotPicked() throws {
        let dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 13.56", with: "value = 15.56") }
        let d = try DatasetLoader.load(directory: dir).dataset
        let m = Metrics(dataset: d)
        let haining = try XCTUnwrap(d.town("haining"))
        let plan = try XCTUnwrap(m.figure(haining, FigureKey(.planYear, "2015")))
        XCTAssertNil(plan.explanation?.together)
        XCTAssertEqual(plan.explanation?.disagreeing.count, 1)
        XCTAssertTrue(formula(plan).contains("a plan revised in the year, or a wrong figure"), formula(plan))
        let checker = Checker(dataset: d)
        let finding = try XCTUnwrap(checker.run().first {
            if case .planAgreement = $0.detail { return $0.kind == .inconsistency }
            return false
        })
        XCTAssertEqual(finding.townID, "haining")
        XCTAssertTrue(checker.isFlagged(FigureKey(.completed, "2015-09"), town: haining))
        XCTAssertFalse(checker.isFlagged(FigureKey(.completed, "2015-08"), town: haining))
    }
}
