import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 30's fresh user: a verdict rested on a rate's printed point value where its rounding
/// allows either side of the share of the year elapsed. (1) A rate worked out over a derived plan
/// (generated t01147, 2016: 16.95 over `≈17.0` from 3.92 / 23.1, the plan [16.911, 17.028]) read
/// behind by rate and `short ≈0.02`, while the land rule said `?` within the plan's rounding. (2) A
/// reported 83.3% at Jan-Oct (83.33 elapsed; it stands for [83.25, 83.35)) read `0.0` with no ▼
/// while `b` kept it as behind. Both are undecided (`ScheduleReadings.withinRounding`): `?` on the
/// list, the page says why, `b` keeps it as undecided and the overview counts it in `?N`.
final class W31FidRoundingTests: XCTestCase {
    /// Jiashan (no 2015 figures in Data/) given t01147's figures: Jan-Sep 3.92 at 23.1% (its plan
    /// 16.97, [16.911, 17.028]) and 16.95 for the full year (99.88%, [99.51, 100.26]).
    static let jiashanWithinPlanRounding = """

        [[figure]]
        town = "jiashan"
        measure = "completed"
        period = "2015-09"
        value = 3.92
        source = "paper"

        [[figure]]
        town = "jiashan"
        measure = "completion_rate"
        period = "2015-09"
        value = 23.1
        source = "paper"

        [[figure]]
        town = "jiashan"
        measure = "completed"
        period = "2015-12"
        value = 16.95
        source = "paper"

        """

    func derivedState(language: Language = .en) throws -> AppState {
        try editedBundledState("w31round", period: "2015-12", width: 200, height: 60, language: language) {
            $0 + Self.jiashanWithinPlanRounding
        }
    }

    /// Haining's Jan-Oct as W22MineTests gives it: 15.50 at a reported 83.3% (its plan 18.6 agrees).
    static let october = W22MineTests.month("2015-10", through: 10, [
        ("haining", "completed", "\"15.50\""), ("haining", "completion_rate", "83.3"),
    ])

    func reportedState(language: Language = .en) throws -> AppState {
        try editedBundledState("w31round83", monthly: ["2015-10.toml": Self.october], period: "2015-10",
                               width: 200, height: 60, language: language) { $0 }
    }

    /// The list, `b`, the overview's count and the page agree: undecided, `?`, never ▼ or behind.
    func assertUndecidedEverywhere(_ s: AppState, town id: String, name: String, variance: String,
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        let period = try XCTUnwrap(s.period)
        let town = try XCTUnwrap(s.dataset.town(id))
        let readings = s.checker.scheduleReadings(town, period: period)
        XCTAssertNotNil(readings.withinRounding, file: file, line: line)
        XCTAssertTrue(readings.isUndecided, file: file, line: line)
        // The list: the variance with `?`, no ▼.
        let list = screen(s)
        let row = try XCTUnwrap(list.first { $0.contains(name) }, list.joined(separator: "\n"))
        XCTAssertTrue(row.contains("\(variance)?"), row, file: file, line: line)
        XCTAssertFalse(row.contains("▼"), row, file: file, line: line)
        // `b` keeps it, and the overview counts it undecided (`?N`), not behind.
        let b = update(s, .toggleBehindFilter)
        let kept = b.filtered(b.dataset.towns)
        XCTAssertTrue(kept.contains { $0.id == id }, file: file, line: line)
        // Its status line says how many of the towns kept are undecided, not only behind.
        let undecidedKept = kept.filter { s.checker.isVerdictUndecided($0, period: period) }.count
        XCTAssertGreaterThan(undecidedKept, 0, file: file, line: line)
        XCTAssertTrue(b.message?.contains("(?\(undecidedKept) of them undecided)") == true, b.message ?? "nil",
                      file: file, line: line)
        let orders = s.overviewOrders(s.dataset.towns, period: period)
        let i = try XCTUnwrap(s.dataset.towns.firstIndex { $0.id == id })
        XCTAssertTrue(orders.undecided.contains(i), file: file, line: line)
        XCTAssertFalse(orders.behind.contains(i) || orders.behindByRate.contains(i), file: file, line: line)
        XCTAssertEqual(orders.behind.count + orders.behindByRate.count + orders.undecided.count, kept.count,
                       file: file, line: line)
        var overview = s
        overview.stack = [Screen(.overview)]
        let o = screen(overview).joined(separator: "\n")
        XCTAssertTrue(o.contains("?\(orders.undecided.count)"), o, file: file, line: line)
        XCTAssertTrue(o.contains("within the rate's rounding"), o, file: file, line: line)
        // The types' counts on the same screen and in the types view say so too: the `?N` of the
        // types add up to the overview's, the town's type among them (their sums counted it behind
        // or on schedule by the rate's point: generated 2016-12 read `989 behind ?6` above four
        // types of 991 behind and ?1).
        func undecidedInTypes(_ lines: [String]) -> Int {
            lines.reduce(0) { sum, line in
                guard let r = line.range(of: #"\?[0-9]+"#, options: .regularExpression) else { return sum }
                return sum + (Int(line[r].dropFirst()) ?? 0)
            }
        }
        let typeLines = o.split(separator: "\n").map(String.init)
            .filter { $0.range(of: #"^ [1-4] .*, behind"#, options: .regularExpression) != nil }
        XCTAssertEqual(typeLines.count, 4, o, file: file, line: line)
        XCTAssertEqual(undecidedInTypes(typeLines), orders.undecided.count, typeLines.joined(separator: "\n"),
                       file: file, line: line)
        var types = s
        types.stack = [Screen(.typeList)]
        let typeRows = screen(types).filter { $0.range(of: #"^\s+[1-4] "#, options: .regularExpression) != nil }
        XCTAssertEqual(typeRows.count, 4, screen(types).joined(separator: "\n"), file: file, line: line)
        let townType = town.type
        let row4 = try XCTUnwrap(typeRows.first { $0.hasPrefix(String(repeating: " ", count: 4) + "\(townType) ") },
                                 typeRows.joined(separator: "\n"))
        XCTAssertTrue(row4.contains("?1"), row4, file: file, line: line)
        // The page: undecided, and why.
        var page = s
        page.stack = [Screen(.townPage(id))]
        let lines = screen(page).joined(separator: "\n")
        XCTAssertTrue(lines.contains("Behind/ahead ?"), lines, file: file, line: line)
        XCTAssertTrue(lines.contains("the completion rate may be"), lines, file: file, line: line)
        XCTAssertFalse(lines.contains("Shortfall") || lines.contains("Schedule variance"), lines,
                       file: file, line: line)
        // An export's row too.
        let csv = Export.render(try XCTUnwrap(s.content(for: s.screen)), format: .csv, title: "t", legend: "l")
        let csvRow = try XCTUnwrap(csv.split(separator: "\n").first { $0.contains(name) })
        XCTAssertTrue(csvRow.contains("\(variance)?"), String(csvRow), file: file, line: line)
        XCTAssertFalse(csvRow.contains("▼"), String(csvRow), file: file, line: line)
    }

    /// Item 1: 16.95 over a derived plan whose interval allows it met.
    func testARateOverADerivedPlanWithinItsRoundingIsUndecided() throws {
        let s = try derivedState()
        let town = try XCTUnwrap(s.dataset.town("jiashan"))
        let period = try XCTUnwrap(s.period)
        let rate = try XCTUnwrap(s.metrics.figure(town, FigureKey(.completionRate, "2015-12")))
        let possible = try XCTUnwrap(rate.possible)
        XCTAssertLessThan(possible.lower, 100)
        XCTAssertGreaterThan(possible.upper, 100)
        // Behind on the point values, as it read before.
        XCTAssertTrue(s.metrics.progress(town, period: period).isBehind)
        // Its rate, 99.88% with 99.51-100.26% allowed, claims no side of 100% (wave 33, F3,
        // W33RateSideTests): `≈100%`, its variance `≈0?` (was `≈99.88%`, `≈-0.1?`).
        try assertUndecidedEverywhere(s, town: "jiashan", name: "Jiashan Chocolate Sweet Town", variance: "≈0")
        var page = s
        page.stack = [Screen(.townPage("jiashan"))]
        let lines = screen(page).joined(separator: "\n")
        XCTAssertTrue(lines.contains("99.51% to 100.26%"), lines)
        // In Chinese too.
        var zh = page
        zh.language = .zh
        let zhLines = screen(zh).joined(separator: "\n")
        XCTAssertTrue(zhLines.contains("完成率可能为 99.51%～100.26%"), zhLines)
        // The overview's row writes the rate's reading as the list does: `≈`, the rate's digits
        // (wave 31's fresh user: `rate behind 28.5 pts` beside the list's `≈-29?`).
        var overview = s
        overview.stack = [Screen(.overview)]
        let o = screen(overview).joined(separator: "\n")
        // Its rate's range holds 100%: written with the digits that read 100 (`≈100%`, wave 33's
        // `W33RateSideTests`), so its reading is `at ≈0` (was `rate behind ≈0.1 pts`); a range not at 0
        // at its digits is said as a range (`W33FidRateRangeTests`). Session 27 (F7, W34FidRateDigitsTests):
        // a derived rate's range is given at 0 too, as its page gives it (was `rate at ≈0 pts`).
        XCTAssertTrue(o.contains("rate ≈-0.49–+0.26 pts"), o)
    }

    /// Item 2: a reported 83.3% at Jan-Oct, its variance still `0.0` (W22MineTests), now with `?`.
    func testAReportedRateWithinItsRoundingOfTheShareElapsedIsUndecided() throws {
        let s = try reportedState()
        try assertUndecidedEverywhere(s, town: "haining", name: "Haining Leather", variance: "0.0")
        let row = try XCTUnwrap(screen(s).first { $0.contains("Haining Leather") })
        XCTAssertTrue(row.contains(" 0.0?"), row)
        var page = s
        page.stack = [Screen(.townPage("haining"))]
        let lines = screen(page).joined(separator: "\n")
        XCTAssertTrue(lines.contains("83.25% to 83.35%") && lines.contains("83.33% of the year elapsed"), lines)
        XCTAssertTrue(lines.contains("by rate 0.0 points from schedule"), lines)
        XCTAssertFalse(lines.contains("ahead by 0.0"), lines)
        // The overview's row: an amount reading 0 at its digits is neither ahead nor behind.
        var overview = s
        overview.stack = [Screen(.overview)]
        let o = screen(overview).joined(separator: "\n")
        XCTAssertTrue(o.contains("rate at 0.0 pts, amount at ≈0.0"), o)
        overview.language = .zh
        let oz = screen(overview).joined(separator: "\n")
        XCTAssertTrue(oz.contains("金额 差 ≈0.0"), oz)
    }

    /// The city's reported 75.0% at Jan-Sep (its completed 80.10, the plan 106.8: 75.0% of the
    /// year elapsed, within its rounding): the overview's city line says `?`, as the towns view's
    /// city row and the city's page do, and no `behind by` (wave 31's fresh user: `进度差 0.0`
    /// there beside `0.0?` in the towns view).
    func testTheCityLineOnTheOverviewSaysUndecidedAsTheTownsViewDoes() throws {
        var s = try editedBundledState("w31roundcity", file: "totals.toml", period: "2015-09",
                                       width: 200, height: 60, language: .en) { text in
            text.replacingOccurrences(of: "value = 45.06", with: "value = 80.10")
                .replacingOccurrences(of: "value = 42.5", with: "value = 75.0")
        }
        let period = try XCTUnwrap(s.period)
        XCTAssertTrue(s.checker.scheduleReadings(nil, period: period).isUndecided)
        let cityRow = try XCTUnwrap(screen(s).first { $0.contains("Jiaxing") && $0.contains("reported") },
                                    screen(s).joined(separator: "\n"))
        XCTAssertTrue(cityRow.contains("0.0?"), cityRow)
        s.stack = [Screen(.overview)]
        let o = screen(s)
        let line = try XCTUnwrap(o.first { $0.hasPrefix(" Jiaxing") }, o.joined(separator: "\n"))
        XCTAssertTrue(line.contains("Sched. 0.0?"), line)
        XCTAssertFalse(line.contains("▼"), line)
        XCTAssertFalse(o.joined(separator: "\n").contains("behind by"), o.joined(separator: "\n"))
    }

    /// The rule on its own: an upper end at the threshold is below it (a printed figure's rounding
    /// never reaches its upper end), a lower end at it is not; the land reward reads the same.
    func testTheSideOfAnInterval() {
        XCTAssertNil(Interval(Decimal(string: "83.25")!, Decimal(string: "83.35")!).settles(atLeast: Decimal(1000) / 12))
        XCTAssertEqual(Interval(Decimal(string: "99.9")!, 100).settles(atLeast: 100), false)
        XCTAssertEqual(Interval(100, Decimal(string: "100.1")!).settles(atLeast: 100), true)
        XCTAssertNil(Interval(Decimal(string: "99.95")!, Decimal(string: "100.05")!).settles(atLeast: 100))
    }
}
