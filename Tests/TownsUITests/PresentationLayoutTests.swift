import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// The presentation layout (`P`) spaces a list out for a projector: wider gaps between
/// columns, a blank line between rows; the selection and the totals stay on screen.
final class PresentationLayoutTests: XCTestCase {
    func testColumnsAreFartherApartAndRowsSpaced() throws {
        let usual = try bundledState(width: 80, height: 24, period: "2015-09")
        let shown = update(usual, .meeting(.togglePresentation))
        XCTAssertEqual(Renderer.columnGap(usual), 1)
        XCTAssertEqual(Renderer.columnGap(shown), Renderer.presentationColumnGap)
        let lines = screen(shown)
        let haining = try XCTUnwrap(lines.firstIndex { $0.contains("海宁皮革时尚小镇") })
        XCTAssertTrue(lines[haining + 1].trimmingCharacters(in: .whitespaces).isEmpty, "a blank line between rows")
        XCTAssertTrue(lines[haining + 2].contains("桐乡毛衫时尚小镇"), lines.joined(separator: "\n"))
        // Three blanks at least between the figures of two columns (the usual layout: one).
        XCTAssertTrue(lines[haining].contains("13.56    72.9%"), lines[haining])
        XCTAssertTrue(lines.contains { $0.contains("全市报告") }, "the totals stay")
        // Not on the overview, whose panels are laid out to the screen.
        XCTAssertEqual(Renderer.rowPitch(update(shown, .showView(.overview))), 1)
    }

    /// On a long list, moving down keeps the selected row drawn, at every step, with the
    /// totals row below it; a click on a row's line selects that row.
    func testTheSelectionStaysOnScreenOnALongList() throws {
        var s = AppState(dataset: ScaleTests.dataset, width: 80, height: 24)
        s = update(update(s, .showView(.townList)), .meeting(.togglePresentation))
        let visible = Renderer.visibleRows(s)
        XCTAssertEqual(visible, (24 - 5 - 1 - (s.content(for: s.screen)!.summary.count + 1) + 1) / 2)
        for step in 0..<40 {
            let grid = plainRenderer.render(s)
            let selected = (0..<grid.height).filter { grid[2, $0].style == Theme.monochrome.style(.selection) }
            XCTAssertEqual(selected.count, 1, "step \(step): one selected line")
            let y = try XCTUnwrap(selected.first)
            XCTAssertEqual((y - 4) % 2, 0, "step \(step): on a row's line, not a blank one")
            XCTAssertTrue(grid.lines().contains { $0.contains("Σ") || $0.contains("合计") }, "step \(step): totals")
            s = update(s, .moveDown)
        }
        XCTAssertGreaterThan(s.screen.scroll, 0)
        let line = 3 + 1 + 2 * 2  // the third row shown
        s = update(s, .mouse(MouseEvent(kind: .click, x: 5, y: line)))
        XCTAssertEqual(s.selection, s.screen.scroll + 2)
    }
}
