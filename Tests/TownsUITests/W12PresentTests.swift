import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// A fresh user's findings on screens (wave 12): colour is never the only sign of being
/// behind, the overview's words keep their spaces, and its checks line is not all one colour.
final class W12PresentTests: XCTestCase {
    /// The presentation layout leaves 进度差 out at 80x24: a rate behind schedule keeps its `▼`,
    /// before a check's `!`; one on schedule has none.
    func testPresentationLayoutKeepsTheBehindMark() throws {
        let usual = try bundledState(width: 80, height: 24, period: "2015-09")
        let shown = update(usual, .meeting(.togglePresentation))
        let lines = screen(shown)
        XCTAssertFalse(lines.contains { $0.contains("-32.5") }, "进度差 is left out: \(lines.joined(separator: "\n"))")
        let haining = try XCTUnwrap(lines.first { $0.contains("海宁皮革时尚小镇") })
        XCTAssertTrue(haining.contains("72.9%\(Glyphs.unicode.glyph(.behind))"), haining)
        let tongxiang = try XCTUnwrap(lines.first { $0.contains("桐乡毛衫时尚小镇") })
        XCTAssertFalse(tongxiang.contains(Glyphs.unicode.glyph(.behind)), "92.7% is ahead: \(tongxiang)")
        let city = try XCTUnwrap(lines.first { $0.contains("全市报告") })
        XCTAssertTrue(city.contains("42.5%▼!"), city)
        // The legend explains the ▼ it shows.
        let legend = try XCTUnwrap(screen(update(shown, .moveDown)).first { $0.contains("应完成") })
        XCTAssertTrue(legend.contains("▼"), legend)
        // The usual layout keeps 进度差 and adds nothing to the rate.
        XCTAssertTrue(screen(usual).contains { $0.contains("72.9% ") && !$0.contains("72.9%▼") })
    }

    /// At 60x14 the overview's types panel keeps the spaces between the count of towns,
    /// `落后` and the behind count (`1/2镇 落后 1▼`, not `1/2镇落后1▼`).
    func testTypesPanelKeepsItsSpacesAt60Columns() throws {
        var s = try bundledState(width: 60, height: 14, period: "2015-09")
        s.stack = [Screen(.overview)]
        let lines = screen(s)
        let typeLines = lines.filter { $0.contains("创意设计") || $0.contains("产业集聚") }
        XCTAssertFalse(typeLines.isEmpty, lines.joined(separator: "\n"))
        for line in typeLines {
            XCTAssertFalse(line.contains("镇落后"), line)
            XCTAssertTrue(line.contains(" 落后 "), line)
        }
    }

    /// The checks line: `不符 N` in the warning role, `拟合一致 N` (a match) in the row's.
    func testChecksLineColoursEachCount() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s.stack = [Screen(.overview)]
        XCTAssertGreaterThan(s.facts.findingCounts[.inconsistency] ?? 0, 0, "the data has an inconsistency")
        let grid = plainRenderer.render(s)
        let lines = grid.lines()
        let y = try XCTUnwrap(lines.firstIndex { $0.contains("拟合一致") }, lines.joined(separator: "\n"))
        let bad = try XCTUnwrap(column(of: "不符", in: lines[y]))
        let fitted = try XCTUnwrap(column(of: "拟合一致", in: lines[y]))
        let warning = Theme.monochrome.style(.warning)
        XCTAssertEqual(grid[bad, y].style, warning)
        XCTAssertNotEqual(grid[fitted, y].style, warning, "a match is not drawn as a problem")
    }

    /// The unit only where an amount is drawn: not on the entities view nor on the province's
    /// lists by city (`全省 › 杭州`, whose whole legend was `单位 亿元`); the towns view keeps it.
    func testNoUnitWhereNoAmountIsDrawn() throws {
        let base = try bundledState(width: 100, height: 30, period: "2015-09")
        func legend(_ s: AppState) -> String { screen(s)[s.height - 2] }
        XCTAssertTrue(legend(base).contains("单位 亿元"), legend(base))
        for view in [Screen.Kind.entityList, .province] {
            let s = update(base, .showView(view))
            XCTAssertFalse(legend(s).contains("单位"), "\(view): \(legend(s))")
        }
        let city = update(update(base, .showView(.province)), .open)
        XCTAssertEqual(city.screen.kind, .city("杭州"))
        XCTAssertFalse(legend(city).contains("单位"), legend(city))
    }

    /// The overview's legend at its shortest uses whole words: `!不符 │预期`, not `!核对 │应完`
    /// (zh 80x24); `≈calc —n/k ?unclear`, not `≈deriv —unkn ?undec` (en 80x24; at 100x30 the
    /// short words fit since wave 20's shorter verdict words: `≈derived —unknown ?unclear`).
    /// Wave 22: before the shortest words, the blanks between items go: `!核对不符▼落后│应完成`
    /// (zh 80x24) and `—unknown !check▼behind` (en 80x24), the words the rest of the screen uses.
    func testTheShortestLegendCutsNoWord() throws {
        for (language, w, h) in [(Language.zh, 80, 24), (.en, 100, 30), (.zh, 60, 14), (.en, 80, 24)] {
            var s = try bundledState(width: w, height: h, period: "2015-09")
            s.stack = [Screen(.overview)]
            s.language = language
            let legend = screen(s)[h - 2]
            for cut in ["!核对 ", "│应完 ", "deriv ", "unkn ", "undec ", "interp "] {
                XCTAssertFalse(legend.contains(cut), "\(language) \(w)x\(h): \(legend)")
            }
        }
        var s = try bundledState(width: 80, height: 24, period: "2015-09")
        s.stack = [Screen(.overview)]
        XCTAssertTrue(screen(s)[22].contains("│应完成"), screen(s)[22])
        XCTAssertTrue(screen(s)[22].contains("!核对不符"), screen(s)[22])
    }
}
