import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Issue 14 point 2 on screen: the towns view's Δ and rank columns, and the changes view.
final class ChangesViewTests: XCTestCase {
    /// The row of `town` in the towns view, and the column `title` starts at in its header.
    func cell(_ lines: [String], _ town: String, under title: String) -> String? {
        guard let header = lines.first(where: { $0.contains(title) && $0.contains("完成率") || $0.contains("Done%") }),
              let row = lines.first(where: { $0.contains(town) }),
              let end = column(of: title, in: header).map({ $0 + DisplayWidth.of(title) })
        else { return nil }
        // Right-aligned: the cell ends where the title ends; read back to the gap before it.
        let chars = Array(row)
        var x = 0, i = 0
        while i < chars.count && x < end { x += DisplayWidth.of(String(chars[i])); i += 1 }
        var j = i
        while j > 0 && chars[j - 1] != " " { j -= 1 }
        return String(chars[j..<i])
    }

    func testDeltaAndRankColumnsInTheTownsView() throws {
        let s = try bundledState(width: 140, height: 30, period: "2015-09")
        let lines = screen(s)
        XCTAssertEqual(cell(lines, "海宁皮革时尚小镇", under: "Δ完成"), "≈+4.26", lines.joined(separator: "\n"))
        XCTAssertEqual(cell(lines, "海宁皮革时尚小镇", under: "Δ完成率"), "≈+22.9")
        XCTAssertEqual(cell(lines, "海宁皮革时尚小镇", under: "名次"), "2")
        XCTAssertEqual(cell(lines, "南湖基金小镇", under: "Δ完成"), "✦", "new since Jan-Aug")
        XCTAssertEqual(cell(lines, "南湖基金小镇", under: "名次"), "✦")
        XCTAssertTrue(lines.first { $0.contains("南湖基金小镇") }?.contains("3 ✦") ?? false)
        XCTAssertEqual(cell(lines, "嘉善巧克力甜蜜小镇", under: "Δ完成率"), "—", "unknown stays unknown")
        XCTAssertEqual(cell(lines, "全市报告", under: "Δ完成"), "≈+12.56")
        XCTAssertTrue(lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0.contains("✦") } != nil)
        XCTAssertTrue(screen(s).contains { $0.contains("✦新") || $0.contains("✦ 新") },
                      "the new mark in the legend")

        // Jan-Aug is the year's first period: no Δ, no place move, all unknown.
        let aug = screen(try bundledState(width: 140, height: 30, period: "2015-08"))
        XCTAssertEqual(cell(aug, "海宁皮革时尚小镇", under: "Δ完成"), "—")

        // Sortable: largest Δ completed first puts Haining on top (Nanhu's is new, unknown: last).
        let sorted = update(s, .runCommand("sort Δ完成 desc"))
        XCTAssertEqual(sorted.screen.sortColumn, 10, sorted.message ?? "")
        XCTAssertEqual(sorted.screen.selected, .townPage("haining"))
        let byRank = update(s, .runCommand("sort rank"))
        XCTAssertEqual(byRank.screen.sortColumn, 12, byRank.message ?? "")
        let names = ["桐乡毛衫", "海宁皮革", "南湖基金", "海盐核电", "嘉善巧克"]
        XCTAssertEqual(
            screen(byRank).compactMap { line in names.first { line.hasPrefix(" " + $0) } }, names,
            "by place, the town without a rate (no place) last")
    }

    /// At 80x24 the Δ columns give way before the bar drops below its 15 cells.
    func testDeltaGivesWayBeforeTheBarAt80Columns() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24, period: "2015-09")
            s.language = language
            let content = try XCTUnwrap(s.content(for: s.screen))
            let layout = TableLayout(columns: content.columns, rows: (0..<content.rows.count).map { content.rows[$0] }
                + content.summary, width: 78)
            XCTAssertGreaterThanOrEqual(layout.widths[6] ?? 0, 15, "\(language): the bar")
            if language == .zh { XCTAssertNotNil(layout.widths[10], "Δ completed fits at 80 columns") }
            XCTAssertNil(layout.widths[12], "\(language): the place gives way first")
        }
    }

    func testTheChangesViewListsOpensFiltersAndSearches() throws {
        var s = update(try bundledState(width: 100, height: 30, period: "2015-09"), .showView(.changes))
        let lines = screen(s)
        XCTAssertTrue(lines[2].hasPrefix(" 变化"), lines[2])
        let haining = try XCTUnwrap(lines.first { $0.contains("海宁皮革时尚小镇") && $0.contains("完成投资") })
        for part in ["上升", "9.3", "13.56", "≈+4.26", "三(五)"] { XCTAssertTrue(haining.contains(part), haining) }
        XCTAssertTrue(lines.contains { $0.contains("南湖基金小镇") && $0.contains("✦ 新增") && $0.contains("3.52") })
        XCTAssertTrue(lines.contains { $0.contains("嘉善巧克力甜蜜小镇") && $0.contains("不再报告") && $0.contains("90%") })
        XCTAssertTrue(lines.contains { $0.contains("从 2015年1-8月 到 2015年1-9月") })
        var content = try XCTUnwrap(s.content(for: s.screen))
        XCTAssertEqual(content.rows.count, 11)
        // Enter opens the town's page (the city's rows: its totals).
        let row = try XCTUnwrap(content.targets.firstIndex { $0 == .townPage("haining") })
        s.stack[0] = s.selecting(s.stack[0], row: row)
        XCTAssertEqual(update(s, .open).screen.kind, .townPage("haining"))
        XCTAssertEqual(content.targets[0], .cityTotals)

        // The behind filter: only the towns behind (Haining, Nanhu, Haiyan), no city rows, and a
        // note says so.
        let behind = update(s, .toggleBehindFilter)
        content = try XCTUnwrap(behind.content(for: behind.screen))
        XCTAssertEqual(Set(content.targets.compactMap { $0 }), [.townPage("haining"), .townPage("nanhu"), .townPage("haiyan")])
        XCTAssertTrue(screen(behind).contains { $0.contains("筛选时不列全市合计") })

        // A search finds a town's rows by its name in either language.
        var found = update(s, .startSearch)
        for c in "nanhu" { found = update(found, .searchKey(.char(c))) }
        found = update(found, .searchKey(.enter))
        XCTAssertEqual(found.screen.selected, .townPage("nanhu"))

        // ] moves the pair to Jan-Sep -> full year: the notice's figures are on another basis.
        let later = update(s, .nextPeriod)
        let dec = screen(later)
        XCTAssertTrue(dec.contains { $0.contains("从 2015年1-9月 到 2015年全年") }, dec.joined(separator: "\n"))
        XCTAssertTrue(dec.contains { $0.contains("全市") && $0.contains("口径不同") && $0.contains("63.06") })
        // [ twice: Jan-Aug, the year's first period, has nothing to compare with.
        let first = update(update(s, .previousPeriod), .showView(.changes))
        XCTAssertTrue(screen(first).contains { $0.contains("没有可比的上一期间") })
    }

    /// `:changes FROM` chooses the earlier period; one that does not come before the shown period
    /// in the same year is not used (and a note says so); `:changes prev` goes back.
    func testChoosingThePair() throws {
        let s = try bundledState(width: 100, height: 30, period: "2015-12")
        var chosen = update(s, .runCommand("changes 2015-08"))
        XCTAssertEqual(chosen.screen.kind, .changes)
        XCTAssertEqual(chosen.session.changesFrom, "2015-08")
        var lines = screen(chosen)
        XCTAssertTrue(lines.contains { $0.contains("从 2015年1-8月 到 2015年全年") }, lines.joined(separator: "\n"))
        // Jiashan's start rate of August is not reported for the full year.
        XCTAssertTrue(lines.contains { $0.contains("嘉善巧克力甜蜜小镇") && $0.contains("不再报告") })
        chosen = update(chosen, .previousPeriod)  // Jan-Sep: August still comes before it
        XCTAssertTrue(screen(chosen).contains { $0.contains("从 2015年1-8月 到 2015年1-9月") })
        chosen = update(chosen, .previousPeriod)  // Jan-Aug: not before itself
        lines = screen(chosen)
        XCTAssertTrue(lines.contains { $0.contains("没有可比的上一期间") }, lines.joined(separator: "\n"))
        let back = update(update(s, .runCommand("changes 2015-08")), .runCommand("changes prev"))
        XCTAssertNil(back.session.changesFrom)
        XCTAssertTrue(screen(back).contains { $0.contains("从 2015年1-9月 到 2015年全年") })
        let later = update(try bundledState(width: 100, height: 30, period: "2015-09"), .runCommand("changes 2015-12"))
        XCTAssertTrue(screen(later).contains { $0.contains("从 2015年1-8月 到 2015年1-9月") })
        XCTAssertTrue(screen(later).contains { $0.contains("所选期间 2015-12") }, screen(later).joined(separator: "\n"))
        let bad = update(s, .runCommand("changes 2015-13"))
        XCTAssertEqual(bad.message, "没有期间「2015-13」：2015-08 2015-09 2015-12（或 prev）")
    }

    /// The view is reachable as every view is: key 7, `:view changes`, its tab.
    func testKeyCommandAndTab() throws {
        let s = try bundledState(width: 100, height: 30)
        XCTAssertEqual(KeyMap.standard.action(for: .char("7")), .showView(.changes))
        XCTAssertEqual(update(s, .runCommand("view changes")).screen.kind, .changes)
        XCTAssertEqual(update(s, .runCommand("view 变化")).screen.kind, .changes)
        XCTAssertTrue(screen(s)[1].contains("7 变化"))
        var en = s
        en.language = .en
        en.width = 80
        // A readable short label in English at 80 columns, every tab still named (wave 6).
        XCTAssertTrue(screen(en)[1].contains(" 7 Chg"), screen(en)[1])
        XCTAssertTrue(screen(en)[1].contains("0 Overview"), screen(en)[1])
    }
}

/// The town's page gives the Δ with its formula and the place (issue 14 point 2: derived, formula on the page),
/// signed as the list signs it (`≈+4.26`, wave 20).
final class ChangesOnThePageTests: XCTestCase {
    func testHainingsPageGivesTheChangeWithItsFormula() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 140, height: 30, period: "2015-09")
            s.language = language
            let page = s.pageLines(.townPage("haining"), width: 140).map { $0.runs.map(\.0).joined() }
            XCTAssertTrue(
                page.contains { $0.contains("≈+4.26") && $0.contains(language == .zh
                    ? "2015年1-9月 13.56 − 2015年1-8月 9.3 = 4.26" : "2015 Jan-Sep 13.56 − 2015 Jan-Aug 9.3 = 4.26") },
                page.joined(separator: "\n"))
            XCTAssertTrue(page.contains {
                $0.contains("≈+22.9") && $0.contains(language == .zh ? "= 22.9 个百分点" : "= 22.9 points")
            })
            // Placed among the four towns with a rate in Jan-Sep; Jiashan, without one, is said to be unranked.
            XCTAssertTrue(page.contains {
                $0.contains(language == .zh ? "第 2（上期 2），共 4 镇有完成率" : "2 (before: 2) of 4 with a rate")
                    && $0.contains(language == .zh ? "另 1 镇无完成率，不排名" : "1 without a rate, not ranked")
            }, page.joined(separator: "\n"))
            let aug = update(s, .previousPeriod).pageLines(.townPage("haining"), width: 140)
                .map { $0.runs.map(\.0).joined() }
            XCTAssertFalse(aug.contains { $0.contains("4.26") }, "no earlier period in the year for Jan-Aug")
        }
    }
}
