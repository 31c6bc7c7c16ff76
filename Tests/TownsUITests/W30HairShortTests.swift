import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 30's fresh user (generated data, t02726 at 2016-12: plan 20.04, completed 20.03): a town a
/// hair short of its plan read `≈100.0%`, variance `≈0.0`, no ▼, not kept by `b`, while the
/// overview counted it behind by its shortfall 0.01. The derived rate keeps the digits that hold it
/// on its quotient's side of 100% and of the share of the year elapsed (`Metrics.rateDecimals`),
/// its variance never rounds to 0, and every screen says behind. And the overview's `?N` counts
/// every undecided town, as `b` keeps them (`DerivedOverview.undecided`).
final class W30HairShortTests: XCTestCase {
    /// Jiashan (no 2015 figures in Data/) given a 2015 plan of 20.04 and completed amounts with no
    /// reported rate: 15.02 by Jan-Sep (74.95% of the plan: 75.0 at one decimal, the share elapsed)
    /// and 20.03 for the full year (99.95%: 100.0 at one decimal).
    static let jiashanHairShort = """

        [[figure]]
        town = "jiashan"
        measure = "plan_year"
        period = "2015"
        value = 20.04
        source = "paper"

        [[figure]]
        town = "jiashan"
        measure = "completed"
        period = "2015-09"
        value = 15.02
        source = "paper"

        [[figure]]
        town = "jiashan"
        measure = "completed"
        period = "2015-12"
        value = 20.03
        source = "paper"

        """

    func state(_ period: String, language: Language = .en, figures: String = jiashanHairShort) throws -> AppState {
        try editedBundledState("w30hair", period: period, width: 200, height: 60, language: language) { $0 + figures }
    }

    /// `(period, rate as printed, variance as printed)`: the year's end and the month case.
    static let cases = [("2015-12", "99.95", "-0.05"), ("2015-09", "74.95", "-0.05")]

    func testTheCoreReadingsAgreeOnAHairShortTown() throws {
        for (id, rateText, varianceText) in Self.cases {
            let s = try state(id)
            let period = try XCTUnwrap(s.period)
            let town = try XCTUnwrap(s.dataset.town("jiashan"))
            let rate = try XCTUnwrap(s.metrics.figure(town, FigureKey(.completionRate, id)))
            XCTAssertTrue(rate.isDerived)
            XCTAssertEqual(rate.supportedText, rateText, id)
            XCTAssertLessThan(try XCTUnwrap(rate.quantity.exactValue), Decimal(period.through) / 12 * 100, id)
            guard case let .derived(formula) = rate.provenance else { return XCTFail("\(rate.provenance)") }
            XCTAssertTrue(formula.hasSuffix("= \(rateText)%"), formula)
            // Behind by the amount (0.01 亿元) and by the rate, never "on schedule".
            let progress = s.metrics.progress(town, period: period)
            XCTAssertTrue(progress.isBehind, id)
            let variance = try XCTUnwrap(s.metrics.scheduleVarianceValue(rate, period: period))
            XCTAssertLessThan(variance, 0, id)
            XCTAssertEqual(DecimalMath.text(variance, scale: Metrics.varianceDigits(of: variance)), varianceText)
            let readings = s.checker.scheduleReadings(town, period: period)
            XCTAssertFalse(readings.isUndecided)
            let shown = try XCTUnwrap(s.metrics.scheduleVariance(rate, period: period))
            XCTAssertLessThan(try XCTUnwrap(shown.quantity.exactValue), 0)
        }
    }

    func testEveryScreenSaysBehindWithARateUnder100() throws {
        for (id, rateText, varianceText) in Self.cases {
            let s = try state(id)
            let period = try XCTUnwrap(s.period)
            let name = "Jiashan Chocolate Sweet Town"
            // The towns list: the rate under the elapsed share, the variance negative with ▼.
            let list = screen(s)
            let row = try XCTUnwrap(list.first { $0.contains(name) }, list.joined(separator: "\n"))
            XCTAssertTrue(row.contains("≈\(rateText)%"), row)
            XCTAssertTrue(row.contains("≈\(varianceText)▼"), row)
            XCTAssertFalse(row.contains("100.0%") || row.contains("75.0%") || row.contains("0.0 "), row)
            // `b` keeps it.
            let b = update(s, .toggleBehindFilter)
            XCTAssertTrue(b.filtered(b.dataset.towns).contains { $0.id == "jiashan" }, id)
            // The overview counts it behind, and behind + undecided is what `b` keeps.
            let orders = s.overviewOrders(s.dataset.towns, period: period)
            let i = try XCTUnwrap(s.dataset.towns.firstIndex { $0.id == "jiashan" })
            XCTAssertTrue(orders.behind.contains(i), id)
            XCTAssertEqual(orders.behind.count + orders.behindByRate.count + orders.undecided.count,
                           b.filtered(b.dataset.towns).count, id)
            // The page: the variance line negative, behind by rate, beside the shortfall.
            var page = s
            page.stack = [Screen(.townPage("jiashan"))]
            let lines = screen(page).joined(separator: "\n")
            XCTAssertTrue(lines.contains("Schedule variance ≈\(varianceText): by rate behind by 0.05 points"), lines)
            XCTAssertFalse(lines.contains("on schedule"), lines)
            XCTAssertTrue(lines.contains("≈\(rateText)%"), lines)
        }
    }

    /// A report's rows (CSV, as `towns report --format csv` writes them) say the same.
    func testTheExportSaysBehind() throws {
        let s = try state("2015-12")
        let csv = Export.render(try XCTUnwrap(s.content(for: s.screen)), format: .csv, title: "t", legend: "l")
        let row = try XCTUnwrap(csv.split(separator: "\n").first { $0.contains("Jiashan Chocolate Sweet Town") })
        XCTAssertTrue(row.contains("≈99.95%"), String(row))
        XCTAssertTrue(row.contains("≈-0.05▼"), String(row))
    }

    /// The digits rules on their own.
    func testRateAndVarianceDigits() {
        XCTAssertEqual(Metrics.rateDecimals(Decimal(string: "99.9501")!, elapsed: 100), 2)
        XCTAssertEqual(Metrics.rateDecimals(Decimal(string: "74.9501")!, elapsed: 75), 2)
        XCTAssertEqual(Metrics.rateDecimals(Decimal(string: "72.93")!, elapsed: 75), 1)
        XCTAssertEqual(Metrics.rateDecimals(100, elapsed: 100), 1)  // on the plan: 100.0
        XCTAssertEqual(Metrics.rateDecimals(Decimal(string: "100.04")!, elapsed: 100), 2)  // above, not on it
        XCTAssertEqual(Metrics.rateDecimals(Decimal(string: "58.334")!, elapsed: Decimal(7) / 12 * 100), 3)
        XCTAssertEqual(Metrics.varianceDecimals(Decimal(string: "-0.04")!, atLeast: 1), 2)
        XCTAssertEqual(Metrics.varianceDecimals(Decimal(string: "-2.14")!, atLeast: 1), 1)
        XCTAssertEqual(Metrics.varianceDecimals(0, atLeast: 1), 1)
        XCTAssertEqual(Metrics.varianceShown(Decimal(string: "-0.05")!, rateDecimals: 2).digits, 2)
        XCTAssertEqual(Metrics.varianceShown(Decimal(string: "-61.7")!, rateDecimals: 0).digits, 0)
        XCTAssertEqual(Metrics.varianceShown(Decimal(string: "-0.04")!, rateDecimals: 0).digits, 2)
        XCTAssertEqual(Metrics.varianceShown(Decimal(string: "-2.1")!, rateDecimals: nil).digits, 1)
    }
}
