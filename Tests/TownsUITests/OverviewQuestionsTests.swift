import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// A fresh user's findings on the overview, the changes and the settings that name views
/// (issue 14): a rate that moved alone is a change, an export holds the whole overview,
/// Enter never lands on a panel's heading, the configuration and the help name every view.
final class OverviewQuestionsTests: XCTestCase {
    /// The rows of the overview's changes panel (the rows under its heading), as text, by town
    /// (`city` for the city's reported totals).
    func changeRows(_ s: AppState) throws -> [(String, String)] {
        let content = try XCTUnwrap(s.content(for: s.screen))
        let previous = try XCTUnwrap(s.dataset.periods.first { $0.id == "2015-08" })
        let heading = s.tr(Catalogue.overviewChanges(s.label(previous)))
        let start = try XCTUnwrap(
            content.rows.indices.first { content.rows[$0].cells[0].text(.unicode) == heading },
            "\(heading) in \((0..<content.rows.count).map { content.rows[$0].cells[0].text(.unicode) })")
        var out: [(String, String)] = []
        for i in (start + 1)..<content.rows.count {
            let text = content.rows[i].cells[2].text(.unicode)
            // A line under an entry's (no name, the same target: the other measures gone unknown,
            // wave 34's F14) is read with it.
            if content.rows[i].cells[0].text(.unicode).isEmpty, content.targets[i] != nil, !out.isEmpty,
               content.targets[i] == content.targets[i - 1] {
                out[out.count - 1].1 += "  " + text
                continue
            }
            if case let .townPage(id)? = content.targets[i] {
                out.append((id, text))
            } else if content.targets[i] == .cityTotals {
                out.append(("city", text))
            } else {
                break
            }
        }
        return out
    }

    /// Jan-Aug -> Jan-Sep: Tongxiang's rate rose 72% -> 92.7% with no amount reported either
    /// time, Haiyan's 20.7% is new: Tongxiang's after Haining's amount, the new ones after both. The
    /// city's reported totals come first, as in the changes view.
    func testARateThatMovedAloneIsAChange() throws {
        let s = update(try bundledState(width: 100, height: 200, period: "2015-09"), .showView(.overview))
        let list = try changeRows(s)
        let rows = Dictionary(uniqueKeysWithValues: list)
        XCTAssertEqual(Set(rows.keys), ["city", "haining", "nanhu", "tongxiang", "haiyan", "jiashan"], "\(rows)")
        // The city's projects started and start rate of Jan-Aug, and Jiashan's start rate, are not
        // in September's data (wave 34's F14: listed, on the line under the city's).
        XCTAssertEqual(rows["city"], "完成 ≈+12.56  完成率 ≈+12.1!  开工项目、开工率 不再报告", "\(rows)")
        XCTAssertEqual(rows["jiashan"], "开工率 不再报告", "\(rows)")
        XCTAssertEqual(rows["tongxiang"], "完成率 ≈+20.7", "\(rows)")
        XCTAssertEqual(rows["haiyan"], "完成率 新增 20.7%", "\(rows)")
        XCTAssertEqual(rows["haining"], "完成 ≈+4.26  完成率 ≈+22.9", "\(rows)")
        XCTAssertEqual(rows["nanhu"], "完成 新增 3.52  完成率 新增 23.5%", "\(rows)")
        let order = list.map(\.0)
        // Changes worked out first (Haining's amount +4.26, then Tongxiang's rate alone +20.7),
        // then the figures new since Jan-Aug (Nanhu's amount 3.52, then Haiyan's rate 20.7).
        // A figure gone unknown alone (Jiashan's start rate) after the changes worked out.
        XCTAssertEqual(order, ["city", "haining", "tongxiang", "jiashan", "nanhu", "haiyan"])
    }

    /// `e` on the overview at 80x24 writes the whole overview, every panel in full, as the
    /// report does: the same file as from a tall window, no "… and N more".
    func testAnExportHoldsTheWholeOverviewWhateverTheWindow() throws {
        for language in Language.allCases {
            var small = update(try bundledState(width: 80, height: 24, period: "2015-09"), .showView(.overview))
            small.language = language
            var tall = small
            tall.height = 200
            let more = small.tr(Catalogue.andMore("2")).components(separatedBy: " ").first!
            XCTAssertTrue(screen(small).contains { $0.contains(more + " ") }, "the screen at 80x24 is cut down")
            for format in ExportRequest.Format.allCases {
                let a = try XCTUnwrap(small.exportOutput(format, glyphs: .unicode))
                let b = try XCTUnwrap(tall.exportOutput(format, glyphs: .unicode))
                XCTAssertEqual(a, b, "\(language) \(format)")
                XCTAssertFalse(a.text.contains(small.tr(Catalogue.andMore("2"))), a.text)
                let towns = ["海宁皮革时尚小镇", "南湖基金小镇", "桐乡毛衫时尚小镇", "海盐核电小镇"]
                for town in towns where language == .zh {
                    XCTAssertTrue(a.text.contains(town), "\(format): \(town)\n\(a.text)")
                }
            }
        }
    }

    /// The cursor passes over the panels' headings and notes: every key that moves stops on a
    /// row that opens something, the first selection included, so Enter never says "no figures
    /// for this town".
    func testTheSelectionSkipsThePanelsHeadings() throws {
        for (w, h) in [(80, 24), (100, 30), (200, 60)] {
            let s = update(try bundledState(width: w, height: h, period: "2015-09"), .showView(.overview))
            let content = try XCTUnwrap(s.content(for: s.screen))
            XCTAssertNil(content.target(at: 0), "the first row is the city's heading")
            XCTAssertEqual(content.target(at: s.selection), .cityTotals, "the selection starts on the city's row")
            XCTAssertEqual(update(s, .open).screen.kind, .cityTotals)
            var t = s
            var seen: [Int] = [t.selection]
            for _ in 0..<content.rows.count {
                t = update(t, .moveDown)
                XCTAssertNotNil(content.target(at: t.selection), "\(w)x\(h): row \(t.selection) opens nothing")
                seen.append(t.selection)
            }
            // Down visits every row that opens something, in order, and stops at the last.
            let openable = content.rows.indices.filter { content.target(at: $0) != nil }
            let visited = seen.enumerated().filter { $0.offset == 0 || seen[$0.offset - 1] != $0.element }.map(\.element)
            XCTAssertEqual(visited, openable, "\(w)x\(h)")
            XCTAssertEqual(t.selection, openable.last, "down stops at the last row that opens")
            for _ in 0..<content.rows.count {
                t = update(t, .moveUp)
                XCTAssertNotNil(content.target(at: t.selection), "\(w)x\(h): row \(t.selection) opens nothing")
            }
            XCTAssertEqual(t.selection, openable.first, "up stops at the first row that opens")
            for action: Action in [.last, .first, .pageDown, .pageUp] {
                t = update(t, action)
                XCTAssertNotNil(content.target(at: t.selection), "\(w)x\(h) \(action): row \(t.selection)")
                XCTAssertNotEqual(update(t, .open).screen.kind, .overview, "\(action): Enter opens")
            }
            // Choosing a heading's row (a click) selects the first row of its panel; a heading with
            // rows left out (80x24: "… 另 2 个") opens them all (the towns view, behind filter on).
            let behindHeading = try XCTUnwrap(content.rows.indices.first { i in
                content.rows[i].cells[0].text(.unicode).hasPrefix("落后")
            })
            let picked = s.selectionRow(s.selecting(s.screen, row: behindHeading))
            if content.target(at: behindHeading) == nil {
                XCTAssertEqual(picked, behindHeading + 1)
                XCTAssertEqual(content.target(at: picked), .townPage("nanhu"), "the worst town behind")
            } else {
                XCTAssertEqual(w, 80, "rows left out at 80x24 only")
                XCTAssertEqual(content.target(at: behindHeading), .townList)
                XCTAssertEqual(content.target(at: behindHeading + 1), .townPage("nanhu"), "the worst town behind")
            }
        }
    }

    /// Other lists still stop on every row (the towns view's first row is its first town).
    func testOtherListsStopOnEveryRow() throws {
        let s = try bundledState(width: 100, height: 30, period: "2015-09")
        let towns = update(s, .showView(.townList))
        XCTAssertEqual(towns.selection, 0)
        XCTAssertEqual(update(update(towns, .moveDown), .moveUp).selection, 0)
        let reference = update(s, .showView(.reference))
        XCTAssertEqual(reference.selection, 0)
    }

    /// The configuration's `view` takes every view `--view` takes, overview and changes too;
    /// one that is not a view is named with the list.
    func testTheConfigurationNamesEveryView() {
        for view in ["overview", "towns", "types", "entities", "assessment", "province", "reference", "changes"] {
            let config = ConfigText("view = \"\(view)\"\n", path: "c.toml")
            XCTAssertEqual(config.problems, [], view)
            XCTAssertEqual(config.view, view)
        }
        let bad = ConfigText("view = \"overveiw\"\n", path: "c.toml")
        XCTAssertNil(bad.view)
        XCTAssertEqual(bad.problems, [
            "c.toml:1: view: 'overveiw' is not a view "
                + "(overview, towns, types, entities, assessment, province, reference, changes)",
        ])
    }

    /// The help's `:view` line names 0-7 and every view, in both languages.
    func testTheHelpsViewCommandNamesEveryView() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 120, height: 40)
            s.language = language
            let help = wholeHelp(update(s, .toggleHelp))
            let line = try XCTUnwrap(help.first { $0.contains(":view NAME|0-7") }, help.joined(separator: "\n"))
            let names = language == .zh
                ? ["概览", "小镇", "类型", "运营主体", "考核", "全省", "参考", "变化"]
                : ["overview", "towns", "types", "entities", "assessment", "province", "reference", "changes"]
            for name in names { XCTAssertTrue(line.contains(name), "\(name) in \(line)") }
        }
    }
}
