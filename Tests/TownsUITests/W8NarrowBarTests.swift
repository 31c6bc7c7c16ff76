import TownsCore
@testable import TownsUI
import XCTest

/// Fresh users (w8 point 5): at 60x14 the towns view had no bars. At the smallest size drawn
/// the bar narrows (to `AppState.narrowestBar` cells at least) rather than give way.
final class W8NarrowBarTests: XCTestCase {
    func testTheTownsViewDrawsABarAtTheSmallestSize() throws {
        for language in Language.allCases {
            var s = try bundledState(width: Renderer.minimumWidth, height: Renderer.minimumHeight)
            s.language = language
            let lines = screen(s)
            // The title whole, or in English its short form (`Prog.`, wave 38) where the bar is
            // narrower than `Progress` since the variance column holds a flagged `-32.5▼!` (w9);
            // never cut (`Progre…`).
            let title = s.tr(Catalogue.progress), short = s.tr(Catalogue.progressShort)
            XCTAssertTrue(lines[3].contains(title + " ") || lines[3].contains(short + " "), "\(language): the bar's title: \(lines[3])")
            XCTAssertFalse(lines[3].contains("…"), "\(language): the bar's title: \(lines[3])")
            // Haining's row (72.9%): a fill and the expected-by-now mark, within 5 cells or more.
            let row = try XCTUnwrap(lines.first { $0.contains("72.9%") }, "\(lines)")
            let bar = row.filter { "█▉▊▋▌▍▎▏│·".contains($0) }
            XCTAssertGreaterThanOrEqual(bar.count, AppState.narrowestBar, "\(language): \(row)")
            XCTAssertTrue(bar.contains("│") && bar.contains("█"), "\(language): \(row)")
        }
    }

    /// The rule in the layout: a flexible column with a narrowest width shrinks to it before it
    /// gives way; without one it gives way at its minimum; narrower than that, it gives way too.
    func testABarShrinksToItsNarrowestWidthBeforeItGivesWay() {
        let bar = Column("bar", priority: 60, flexible: true, minWidth: 15)
        let columns = [Column("name", minWidth: 4, maxWidth: 10), bar.narrowest(5), Column("n", .right, priority: 90)]
        let natural = [10, 3, 5]
        // 10 + 1 + 15 + 1 + 5 = 32 wanted; at 24 the bar has 24 - 17 = 7 cells... after the names gave a quarter.
        let narrowed = TableLayout(columns: columns, naturalWidths: natural, width: 24)
        XCTAssertNotNil(narrowed.widths[1])
        XCTAssertGreaterThanOrEqual(narrowed.widths[1]!, 5)
        XCTAssertEqual(narrowed.totalWidth, 24)
        var plain = columns
        plain[1] = bar
        XCTAssertNil(TableLayout(columns: plain, naturalWidths: natural, width: 24).widths[1], "no narrowest: it goes")
        XCTAssertNil(TableLayout(columns: columns, naturalWidths: natural, width: 14).widths[1], "too narrow even so")
    }
}
