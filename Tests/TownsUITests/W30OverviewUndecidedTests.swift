import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 30's fresh user: at 2016-06 of 3,000 generated towns `b` kept 720 towns while the overview
/// said 626 behind ?67. The 27 more were undecided (`ScheduleReadings.laterPlan`: their readings
/// rest on a plan first derivable from a later period) and ahead by every reading they have: the
/// list marked them `?` and `b` kept them, the types panel counted them in its `?N`, the overview
/// asked only the towns a reading says behind. It now counts every undecided town
/// (`DerivedOverview.undecided`), so its behind + undecided are the towns `b` keeps.
final class W30OverviewUndecidedTests: XCTestCase {
    func state(_ period: String, figures: String) throws -> AppState {
        try editedBundledState("w30undecided", period: period, width: 200, height: 60, language: .en) { $0 + figures }
    }

    /// Nanhu given a completed 12.00 for Jan-Aug and no rate: its plan (≈15.0) is first derivable
    /// from Jan-Sep's 3.52 / 23.5%, so at Jan-Aug it is undecided (`ScheduleReadings.laterPlan`),
    /// though ahead by both readings over that plan (80%).
    static let nanhuAheadOnALaterPlan = """

        [[figure]]
        town = "nanhu"
        measure = "completed"
        period = "2015-08"
        value = 12.00
        source = "paper"

        """

    func testTheOverviewCountsEveryUndecidedTownTheFilterKeeps() throws {
        let s = try state("2015-08", figures: Self.nanhuAheadOnALaterPlan)
        let period = try XCTUnwrap(s.period)
        let town = try XCTUnwrap(s.dataset.town("nanhu"))
        let readings = s.checker.scheduleReadings(town, period: period)
        XCTAssertNotNil(readings.laterPlan)
        XCTAssertTrue(readings.isUndecided)
        XCTAssertGreaterThan(try XCTUnwrap(readings.byRate), 0)  // ahead by its rate
        XCTAssertLessThan(try XCTUnwrap(readings.byAmount), 0)  // and by the amount
        let i = try XCTUnwrap(s.dataset.towns.firstIndex { $0.id == "nanhu" })
        let orders = s.overviewOrders(s.dataset.towns, period: period)
        XCTAssertTrue(orders.undecided.contains(i))
        let b = update(s, .toggleBehindFilter)
        let kept = b.filtered(b.dataset.towns)
        XCTAssertTrue(kept.contains { $0.id == "nanhu" })
        XCTAssertEqual(orders.behind.count + orders.behindByRate.count + orders.undecided.count, kept.count)
        // The overview's header says `?1` for it.
        var overview = s
        overview.stack = [Screen(.overview)]
        let lines = screen(overview).joined(separator: "\n")
        XCTAssertTrue(lines.contains("?\(orders.undecided.count)"), lines)
        XCTAssertTrue(lines.contains("Nanhu"), lines)
    }
}
