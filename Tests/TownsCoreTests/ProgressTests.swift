import Foundation
import TownsCore
import XCTest

/// Issue 14: the meeting's figures, worked out by the core on the bundled data.
final class ProgressTests: XCTestCase {
    var dataset: Dataset!
    var metrics: Metrics!

    override func setUpWithError() throws {
        dataset = try loadBundled()
        metrics = Metrics(dataset: dataset)
    }

    func value(_ f: Figure?, scale: Int = 2) -> String? {
        f?.quantity.exactValue.map { DecimalMath.text($0, scale: scale) }
    }
    func progress(_ town: String) throws -> TownProgress {
        metrics.progress(try XCTUnwrap(dataset.town(town)), period: try XCTUnwrap(dataset.period("2015-09")))
    }

    /// A town reporting only a completion rate (Tongxiang 92.7%, Haiyan 20.7% by September, the
    /// year's plan unknown as an amount) gets the expected-by-now and the projection in % of the
    /// plan, by the amounts' rules: 100 x 9/12 = 75.0%; 92.7 / 9 x 12 = →123.6%, 20.7 → 27.6%.
    /// A town with none of the figures names what is missing (Jiashan); one with a plan gets none
    /// of these (Haining: its figures are in amounts).
    func testARateAloneGivesExpectedAndProjectionInPercentOfPlan() throws {
        let tongxiang = try progress("tongxiang")
        XCTAssertNil(tongxiang.expected)
        XCTAssertEqual(value(tongxiang.rate, scale: 1), "92.7")
        XCTAssertEqual(value(tongxiang.expectedRate, scale: 1), "75.0")
        XCTAssertEqual(value(tongxiang.rateProjection, scale: 1), "123.6")
        XCTAssertEqual(tongxiang.rateProjection?.isProjection, true)
        XCTAssertEqual(tongxiang.rateProjection?.isDerived, true)
        XCTAssertEqual(tongxiang.expectedRate?.isDerived, true)
        guard case let .derived(formula)? = tongxiang.rateProjection?.provenance else {
            return XCTFail("a projection is worked out")
        }
        XCTAssertTrue(formula.contains("92.7% / 9 months x 12 = →123.6%"), formula)
        XCTAssertEqual(tongxiang.missing, [])
        XCTAssertEqual(value(try progress("haiyan").rateProjection, scale: 1), "27.6")
        // The same rule as the amounts': the city's expected 106.8 x 9/12.
        XCTAssertEqual(Metrics.onSchedule(Decimal(string: "106.8")!, months: 9), Decimal(string: "80.1")!)
        XCTAssertEqual(Metrics.onSchedule(100, months: 9), 75)
        let jiashan = try progress("jiashan")
        XCTAssertNil(jiashan.expectedRate)
        XCTAssertNil(jiashan.rateProjection)
        XCTAssertEqual(jiashan.missing, [.planYear, .completed, .completionRate])
        let haining = try progress("haining")
        XCTAssertNil(haining.expectedRate)
        XCTAssertNil(haining.rateProjection)
        XCTAssertEqual(haining.missing, [])
    }

    func testChangesSinceThePreviousPeriod() throws {
        let haining = try XCTUnwrap(dataset.town("haining"))
        let (aug, sep) = (try XCTUnwrap(dataset.period("2015-08")), try XCTUnwrap(dataset.period("2015-09")))
        XCTAssertEqual(metrics.previousPeriod(sep)?.id, "2015-08")
        XCTAssertNil(metrics.previousPeriod(aug))
        let done = metrics.change(haining, .completed, from: aug, to: sep)
        XCTAssertEqual(value(done.delta), "4.26")
        XCTAssertEqual(done.delta?.supportedText, "4.26")
        let rate = metrics.change(haining, .completionRate, from: aug, to: sep)
        XCTAssertEqual(value(rate.delta, scale: 1), "22.9")
        XCTAssertEqual(rate.delta?.supportedText, "22.9")
        guard case let .derived(formula)? = rate.delta?.provenance else { return XCTFail("derived") }
        XCTAssertTrue(formula.contains("72.9") && formula.contains("50") && formula.contains("points"), formula)
    }

    func testTheCityAgainstALinearSchedule() throws {
        let p = metrics.progress(nil, period: try XCTUnwrap(dataset.period("2015-09")))
        XCTAssertEqual(value(p.expected), "80.10")
        XCTAssertEqual(value(p.completed), "45.06")
        XCTAssertEqual(value(p.shortfall), "35.04")
        XCTAssertTrue(p.isBehind)
        XCTAssertEqual(value(p.projection), "60.08")
        XCTAssertTrue(p.projection?.isProjection == true)
    }

    func testHainingsPaceAgainstItsPlan() throws {
        let p = try progress("haining")
        XCTAssertEqual(value(p.plan), "18.60")
        XCTAssertEqual(value(p.projection), "18.08")
        XCTAssertEqual(p.projection?.supportedText, "18.08")
        XCTAssertTrue(p.projection?.isProjection == true)
        XCTAssertEqual(value(p.projectedGap), "0.52")
        XCTAssertEqual(value(p.neededPerMonth), "1.68")
        XCTAssertEqual(p.neededPerMonth?.supportedText, "1.68")
        // The gap depends on the plan's interval [18.581, 18.620]: one digit is all it supports.
        XCTAssertEqual(p.projectedGap?.supportedText, "0.5")
        XCTAssertFalse(p.neededPerMonth?.isProjection ?? true)
        // Jiaxing's data has no period three months before Jan-Sep: no last-three-months pace.
        XCTAssertNil(p.recentProjection)
    }

    func testNanhusShortfallFromAnInterval() throws {
        let p = try progress("nanhu")
        XCTAssertEqual(p.shortfall?.supportedText, "7.7")
        let interval = try XCTUnwrap(p.shortfall?.interval)
        XCTAssertTrue(interval.lower > 7.6 && interval.upper < 7.8, "\(interval)")
    }

    func testUnknownStaysUnknown() throws {
        // Jiashan: no plan, no completed: nothing is worked out.
        let p = try progress("jiashan")
        XCTAssertNil(p.expected); XCTAssertNil(p.shortfall); XCTAssertNil(p.projection); XCTAssertNil(p.neededPerMonth)
    }
}

/// A fresh user's findings: figures that may not be combined give no shortfall, and a figure
/// worked out from an interpretation is an interpretation.
final class ProgressBasisTests: XCTestCase {
    func testTheFullYearOnAnotherBasisIsNotSetAgainstThePlan() throws {
        let dataset = try loadBundled()
        let metrics = Metrics(dataset: dataset)
        let p = metrics.progress(nil, period: try XCTUnwrap(dataset.period("2015-12")))
        let done = try XCTUnwrap(p.completed, "the notice's full-year figure")
        let plan = try XCTUnwrap(p.plan)
        XCTAssertNotEqual(done.basis, plan.basis, "the 2016 notice's fixed-asset basis, not the paper's")
        XCTAssertNotNil(p.expected, "the plan alone still gives what the schedule expects")
        XCTAssertNil(p.shortfall, "not 106.8 − 63.06: two bases")
        XCTAssertNil(p.projectedGap)
        XCTAssertEqual(p.isBehind, false, "unknown is not behind")
        // Jan-Sep on the paper's basis is set against the plan as before.
        XCTAssertNotNil(metrics.progress(nil, period: try XCTUnwrap(dataset.period("2015-09"))).shortfall)
    }

    func testAStartRateOverAnInterpretedPlanIsAnInterpretation() throws {
        let dataset = try loadBundled()
        let metrics = Metrics(dataset: dataset)
        let nanhu = try XCTUnwrap(dataset.town("nanhu"))
        XCTAssertTrue(metrics.figure(nanhu, FigureKey(.projectsPlanned))?.isInterpreted == true, "the 30 is read")
        // Give Nanhu 12 projects started in Jan-Sep (as the example import does for October).
        var town = nanhu
        town.figures[FigureKey(.projectsStarted, "2015-09")] = Figure(
            quantity: .exact(12, decimals: 0),
            provenance: .reported(source: "test", at: nil, quote: nil, note: nil))
        let rate = try XCTUnwrap(metrics.figure(town, FigureKey(.startRate, "2015-09")))
        XCTAssertEqual(rate.quantity.exactValue, 40)
        XCTAssertTrue(rate.isInterpreted, "marked † like the 30 it rests on, not ≈: \(rate.provenance)")
        guard case let .interpreted(reasoning, readings) = rate.provenance else { return XCTFail("interpreted") }
        XCTAssertTrue(reasoning.contains("started 12 / planned 30") && reasoning.contains("interpretation"), reasoning)
        XCTAssertFalse(readings.isEmpty)
        // A start rate over a reported plan stays derived (Haining has none: an invented one).
        var plain = town
        plain.figures[FigureKey(.projectsPlanned)] = Figure(
            quantity: .exact(30, decimals: 0), provenance: .reported(source: "test", at: nil, quote: nil, note: nil))
        let derived = try XCTUnwrap(metrics.figure(plain, FigureKey(.startRate, "2015-09")))
        XCTAssertTrue(derived.provenance.isDerived && !derived.isInterpreted)
    }
}
