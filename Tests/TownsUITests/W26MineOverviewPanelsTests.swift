import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 26's fresh user, F7 and F8, on the overview; F6 on the breadcrumb line.
final class W26MineOverviewPanelsTests: XCTestCase {
    /// Data/ with a November giving Jiashan's amount alone (no plan, no rate: no town judged).
    func novemberState(_ language: Language, behindFilter: Bool = false) throws -> AppState {
        let november = W23FidTests.month("2015-11", through: 11, [("jiashan", "completed", "7.6")])
        let dir = try bundledCopy("w26-overview-panels", monthly: ["2015-11.toml": november])
        var s = AppState(dataset: try DatasetLoader.load(directory: dir).dataset, width: 120, height: 40)
        s.language = language
        s.periodIndex = try XCTUnwrap(s.dataset.periods.firstIndex { $0.id == "2015-11" })
        s.stack = [Screen(.overview)]
        if behindFilter { s.filter.behindSchedule = true }
        return s
    }

    /// F7: a month in which no town gave a rate: the heading's count is unknown, as each type's
    /// `落后 —`, and the line under it counts the towns not judged; at Jan-Sep (every town with
    /// a rate or a verdict) the count stays a count.
    func testNoTownJudgedGivesAnUnknownCount() throws {
        for language in Language.allCases {
            for filter in [false, true] {
                let lines = screen(try novemberState(language, behindFilter: filter))
                let all = lines.joined(separator: "\n")
                // In words since wave 38 (`落后 — 镇`, `— behind` where the column is narrower).
                XCTAssertTrue(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(language == .zh ? "落后镇数：不能判断" : "behind: cannot be told") },
                              "\(language) filter \(filter)\n" + all)
                XCTAssertFalse(all.contains(language == .zh ? "落后 0 镇" : "0 behind"), all)
                XCTAssertTrue(all.contains(language == .zh ? "另 5 镇无本期进度，不能判断" : "5 towns: no rate this period, not judged"), all)
            }
            var september = try bundledState(width: 120, height: 40, period: "2015-09")
            september.language = language
            september = update(september, .showView(.overview))
            let text = screen(september).joined(separator: "\n")
            XCTAssertTrue(text.contains(language == .zh ? "落后 3 镇" : "3 behind"), text)
            XCTAssertFalse(text.contains(language == .zh ? "落后镇数：不能判断" : "behind: cannot be told"), text)
        }
    }

    /// F8: a filter that lists no town: the rules with stakes are not called "information only".
    func testNoTownListedIsNotInformationOnly() throws {
        for language in Language.allCases {
            // The full year 2015 under the behind filter: no town known behind, none listed.
            var s = try bundledState(width: 120, height: 40, period: "2015-12")
            s.language = language
            s = apply(s, .showView(.overview), .toggleBehindFilter)
            let text = screen(s).joined(separator: "\n")
            XCTAssertTrue(text.contains(language == .zh ? "所列0镇" : "Checks (0 towns, the city's row)"), text)
            XCTAssertFalse(text.contains(language == .zh ? "仅说明 0" : "info 0"), text)
            XCTAssertTrue(text.contains("✓0 ✗0 ?0"), text)
        }
    }

    /// F6: with a chip on the breadcrumb line the load time keeps the legend's colour; the chip
    /// has the warning's.
    func testTheLoadTimeIsNotDrawnInTheChipsColour() throws {
        let theme = try XCTUnwrap(Theme.builtInDefault)
        var s = try bundledState(width: 120, height: 30, period: "2015-09")
        s.dataChangedAt = "05:03:53"
        s = update(s, .toggleBehindFilter)
        let grid = Renderer(theme: theme).render(s)
        let line = (0..<grid.width).map { grid[$0, 2].text }.joined()
        let time = try XCTUnwrap(line.range(of: "05:03:53"), line)
        let x = DisplayWidth.of(String(line[..<time.lowerBound]))
        XCTAssertEqual(grid[x, 2].style, theme.style(.legend), line)
        XCTAssertNotEqual(theme.style(.legend), theme.style(.warning))
        let chip = try XCTUnwrap(line.range(of: "筛选"), line)
        let cx = DisplayWidth.of(String(line[..<chip.lowerBound]))
        XCTAssertEqual(grid[cx, 2].style, theme.style(.warning), line)
    }
}

/// Wave 26's fresh user, F11: the command line's hint line names what its keys do there.
final class W26MineCommandHintsTests: XCTestCase {
    func testTheCommandLinesHintsAreItsOwn() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 100, height: 30, period: "2015-09")
            s.language = language
            s = apply(s, .startCommand, .commandKey(.char("s")), .commandKey(.char("o")))
            let hints = try XCTUnwrap(screen(s).last)
            let wanted = language == .zh ? ["Enter 执行", "Tab 补全", "↑↓ 历史", "Esc 取消"]
                : ["Enter run", "Tab complete", "↑↓ history", "Esc cancel"]
            for w in wanted { XCTAssertTrue(hints.contains(w), "\(language): \(w) in \(hints)") }
            XCTAssertFalse(hints.contains(language == .zh ? "打开" : "open"), hints)
        }
    }
}
