import TownsCore
@testable import TownsUI
import XCTest

/// Review finding of wave 33: the note naming the columns left out erased the load clock by
/// reading the breadcrumb line's drawn cells back (`drawColumnsLeftOut`). The line is laid out
/// first (`BreadcrumbLayout`), and the layout decides that the clock gives way; the screens are
/// those of wave 32 (`W32NarrowNotesTests`, the goldens).
final class W33BreadcrumbLayoutTests: XCTestCase {
    let renderer = Renderer(theme: .monochrome)

    /// The layout of `state`'s breadcrumb line with its list's columns left out placed.
    func laidOut(_ s: AppState) throws -> BreadcrumbLayout {
        var crumbs = renderer.breadcrumbLayout(s)
        let list = try XCTUnwrap(s.list(for: s.screen))
        let content = list.content
        let visible = s.screen.scroll..<(s.screen.scroll + Renderer.visibleRows(s))
        let layout = TableLayout(columns: content.columns, naturalWidths: Renderer.naturalWidths(s, list, visible: visible),
                                 width: Renderer.bodyRect(width: s.width, height: s.height).width,
                                 columnGap: Renderer.columnGap(s))
        let countShown = content.rows.count > Renderer.visibleRows(s)
        crumbs.placeColumnsLeftOut(renderer.columnsLeftOutForms(content.columns, layout, s),
                                   end: s.width - (countShown ? renderer.positionReserve(s) : 1))
        return crumbs
    }

    /// English at 60x14, the entities view (its scroll position shown, columns left out): the clock
    /// gives way, decided by the layout, and the line drawn is the layout's: no clock, the note at
    /// the right end before the position.
    func testTheLayoutDecidesThatTheClockGivesWay() throws {
        var s = try bundledState(width: 60, height: 14)
        s.language = .en
        s.dataChangedAt = "03:13:48"
        s = update(s, .showView(.entityList))
        let crumbs = try laidOut(s)
        XCTAssertTrue(crumbs.clockGaveWay, "\(crumbs)")
        XCTAssertNil(crumbs.shownTime)
        let note = try XCTUnwrap(crumbs.columnsNote)
        let line = screen(s)[2]
        XCTAssertFalse(line.contains("data loaded"), line)
        XCTAssertEqual(column(of: note.text, in: line), note.x, line)
        // Wide enough, the clock stays and the note stands elsewhere (or none is needed).
        s = update(s, .resize(width: 120, height: 30))
        let wide = try laidOut(s)
        XCTAssertFalse(wide.clockGaveWay)
        XCTAssertTrue(screen(s)[2].contains("data loaded 03:13:48"), screen(s)[2])
    }

    /// In Chinese at 60x14 the shorter words fit beside the clock: it stays.
    func testWhereTheNoteFitsBesideTheClockItStays() throws {
        var s = try bundledState(width: 60, height: 14)
        s.dataChangedAt = "03:13:48"
        s = update(s, .showView(.entityList))
        let crumbs = try laidOut(s)
        let line = screen(s)[2]
        XCTAssertEqual(crumbs.clockGaveWay, !line.contains("数据载入 03:13:48"), line)
        if let note = crumbs.columnsNote { XCTAssertTrue(line.contains(note.text), line) }
    }

    /// The runs of a text: words parted by one blank are one run, two blanks part runs; wide
    /// characters take two columns; nothing past the limit.
    func testRuns() {
        XCTAssertEqual(BreadcrumbLayout.runs(" 小镇 › 海宁", x: 0, limit: 60), [1..<12])
        XCTAssertEqual(BreadcrumbLayout.runs("a b  cd", x: 10, limit: 60), [10..<13, 15..<17])
        XCTAssertEqual(BreadcrumbLayout.runs("abcdef", x: 0, limit: 3), [0..<3])
        XCTAssertEqual(BreadcrumbLayout.runs("", x: 0, limit: 3), [])
    }
}
