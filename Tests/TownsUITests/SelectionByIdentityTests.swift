import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// A list's selection is held in the session by what the row is (`Screen.selected`), never
/// by where it stands: the position is worked out when drawing or moving.
final class SelectionByIdentityTests: XCTestCase {
    /// The encoded session names the selected town, and holds no row position for it.
    func testTheSessionHoldsTheIdentityOnly() throws {
        var s = try bundledState(period: "2015-09")
        s = apply(s, .moveDown, .moveDown)
        XCTAssertEqual(s.selection, 2)
        XCTAssertEqual(s.screen.selected, .townPage("jiashan"))
        XCTAssertNil(s.screen.plainRow)
        let json = String(decoding: try JSONEncoder().encode(s.session), as: UTF8.self)
        XCTAssertFalse(json.contains("\"selection\""), json)
        XCTAssertTrue(json.contains("jiashan"), json)
        // The same town reached another way is the same session.
        var other = try bundledState(period: "2015-09")
        other = apply(other, .last, .moveUp, .moveUp, .moveUp)
        XCTAssertEqual(other.session.stack, s.session.stack)
    }

    /// Sorted by a figure, a change of period reorders the rows: the selection stays on its
    /// town, wherever the town now stands, and in view.
    func testTheSelectionFollowsItsTownWhenTheRowsMove() throws {
        var s = AppState(dataset: ScaleTests.dataset, width: 100, height: 30)
        s = update(update(s, .showView(.townList)), .runCommand("sort 6 desc"))
        s = apply(s, .pageDown, .pageDown, .moveDown)
        XCTAssertNotNil(s.screen.sortColumn, s.message ?? "")
        let town = try XCTUnwrap(s.screen.selected)
        let row = s.selection
        let next = update(s, .previousPeriod)
        XCTAssertEqual(next.screen.selected, town)
        let content = try XCTUnwrap(next.content(for: next.screen))
        XCTAssertEqual(content.target(at: next.selection), town)
        XCTAssertNotEqual(next.selection, row, "the rows moved (else the test shows nothing)")
        XCTAssertTrue(
            (next.screen.scroll..<(next.screen.scroll + Renderer.visibleRows(next))).contains(next.selection),
            "the selected row in view")
    }

    /// A row that opens nothing is held by its position, and only then; the overview's panel
    /// titles are passed over (`ListContent.skipsRowsOpeningNothing`), so there the selection
    /// is always a row's identity.
    func testARowThatOpensNothingIsHeldByItsPosition() throws {
        var s = try bundledState(width: 80, height: 24, period: "2015-09")
        s = update(s, .showView(.overview))
        s = update(s, .first)
        let content = try XCTUnwrap(s.content(for: s.screen))
        XCTAssertNil(content.target(at: 0))
        XCTAssertNil(s.screen.plainRow)
        XCTAssertEqual(s.screen.selected, .cityTotals)
        var plain = content
        plain.skipsRowsOpeningNothing = false
        XCTAssertEqual(plain.stop(near: 0, step: 1), 0, "a list that stops on every row")
        s = update(s, .moveDown)
        XCTAssertEqual(s.screen.selected, content.target(at: s.selection))
        XCTAssertNil(s.screen.plainRow)
    }
}
