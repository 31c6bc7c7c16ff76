import TownsCore
import TownsUI
import XCTest

/// How a table's columns are sized: natural widths within their bounds, the lowest priority
/// dropped first when the pane is narrow, the widest text column shrunk last, a flexible bar
/// taking what is left, and the sorted column kept.
final class TableLayoutTests: XCTestCase {
    // The name column is not marked as names (`Column.names`), so these tests see the drops and
    // cuts alone; a name taking the room left is `WholeNamesTests`'.
    let columns = [
        Column("Name", priority: 100, minWidth: 4, maxWidth: 12, names: false),
        Column("County", priority: 60),
        Column("Plan", .right, priority: 80),
        Column("Notes", priority: 40, maxWidth: 10),
        Column("", priority: 70, flexible: true, minWidth: 5),
    ]
    let rows = [
        TableRow([.plain("海宁皮革时尚小镇"), .plain("海宁市"), .plain("≈18.60"), .plain("a long note beyond ten"),
                  .bar(fraction: 0.5, role: .barFill, marker: nil)]),
        TableRow([.plain("Nanhu"), .plain("Nanhu District"), .plain("3.52"), .plain("x"), .bar(fraction: nil, role: .barFill, marker: nil)]),
    ]

    func testNaturalWidthsAreDisplayWidthsOfTitlesAndCells() {
        let natural = TableLayout.naturalWidths(columns: columns, rows: [rows])
        XCTAssertEqual(natural, [16, 14, 6, 22, 0], "海宁皮革时尚小镇 is 8 characters, 16 cells; a bar has no natural width")
        // A sort mark is measured with its title (wave 6: in the gap it was glued to the next title).
        var sorted = columns
        sorted[2].title = "Plan↑"
        XCTAssertEqual(TableLayout.naturalWidths(columns: sorted, rows: [[]])[2], 5)
    }

    func testWideEnoughEveryColumnAtItsBoundedWidthAndTheBarTakesTheRest() {
        let layout = TableLayout(columns: columns, rows: rows, width: 80)
        // Name capped at 12, Notes at 10; 12+14+6+10 = 42, 4 gaps: the bar gets 80-46 = 34.
        XCTAssertEqual(layout.widths, [12, 14, 6, 10, 34])
        XCTAssertEqual(layout.totalWidth, 80)
    }

    func testNarrowPanesDropTheLowestPriorityFirst() {
        // 12+14+6+10+5 + 4 gaps = 51 at the least: at 50, Notes (40) goes first.
        XCTAssertEqual(TableLayout(columns: columns, rows: rows, width: 50).widths, [12, 14, 6, nil, 15])
        // 12+14+6+5 + 3 = 40; at 39 Name gives a cell (it may give up to a quarter of its 12)
        // before County (60) goes; at 36 that is not enough: County goes, not the bar (70) or
        // Plan (80), and Name keeps its width.
        XCTAssertEqual(TableLayout(columns: columns, rows: rows, width: 39).widths, [11, 14, 6, nil, 5])
        XCTAssertEqual(TableLayout(columns: columns, rows: rows, width: 36).widths, [12, nil, 6, nil, 16])
        // 12+6+5 + 2 = 25: at 23 Name gives 2 before the bar goes; at 20 the bar goes, then Plan
        // after Name gave what it could.
        XCTAssertEqual(TableLayout(columns: columns, rows: rows, width: 23).widths, [10, nil, 6, nil, 5])
        XCTAssertEqual(TableLayout(columns: columns, rows: rows, width: 20).widths, [12, nil, 6, nil, nil])
        XCTAssertEqual(TableLayout(columns: columns, rows: rows, width: 18).widths, [11, nil, 6, nil, nil])
        XCTAssertEqual(TableLayout(columns: columns, rows: rows, width: 14).widths, [12, nil, nil, nil, nil])
    }

    func testTooNarrowForTheKeptColumnsShrinksTheWidestTextColumnToNoLessThanFour() {
        XCTAssertEqual(TableLayout(columns: columns, rows: rows, width: 8).widths, [8, nil, nil, nil, nil])
        XCTAssertEqual(TableLayout(columns: columns, rows: rows, width: 2).widths, [4, nil, nil, nil, nil])
    }

    func testTheSortedColumnIsNeverTheOneDropped() throws {
        // The list a screen shows sorted by a low-priority column keeps that column at 80 columns.
        var s = try bundledState(width: 60, height: 24, period: "2015-09")
        let plain = try XCTUnwrap(s.content(for: s.screen))
        let unsortedLayout = TableLayout(columns: plain.columns, rows: plain.rows.all, width: 58)
        let dropped = try XCTUnwrap(unsortedLayout.widths.indices.first { unsortedLayout.widths[$0] == nil && !plain.columns[$0].title.isEmpty },
                                    "at 58 cells some titled column gives way")
        s = update(s, .runCommand("sort \(dropped + 1)"))
        let sorted = try XCTUnwrap(s.content(for: s.screen))
        XCTAssertTrue(sorted.columns[dropped].title.hasSuffix("↑"))
        let layout = TableLayout(columns: sorted.columns, rows: sorted.rows.all, width: 58)
        XCTAssertNotNil(layout.widths[dropped], "the sorted column \(sorted.columns[dropped].title) is kept")
        XCTAssertLessThanOrEqual(layout.totalWidth, 58)
    }
}
