import TownsCore
@testable import TownsUI
import XCTest

/// Every mark a screen shows is explained somewhere the reader can find (wave 5, w5-marks).
final class MarksExplainedTests: XCTestCase {
    /// The overview's rule lines say "仅说明 3" / "info 3" in words (no legend listed `·`), and the
    /// help's markers table lists every mark left on them (✓ ✗ ? ○).
    func testOverviewRuleLinesUseOnlyMarksTheHelpLists() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState(width: 80, height: 24)
            s.language = language
            s = apply(s, .showView(.overview))
            let lines = screen(s)
            let term = try XCTUnwrap(lines.first { $0.contains(language == .zh ? "期限 " : "Term ") })
            XCTAssertFalse(term.contains("·"), term)
            XCTAssertTrue(term.contains(language == .zh ? "期限 ?2 仅说明 3" : "Term ?2 info 3"), term)
            XCTAssertTrue(lines.contains { $0.contains(language == .zh ? "倒扣 " : "Land- ") }, "every rule on screen")
            XCTAssertFalse(lines[2].contains("/"), "the overview fits 80x24 without scrolling: \(lines[2])")
            let helpKeys = Set(Renderer.helpLines(s, glyphs: .unicode).map(\.0))
            let heading = language == .zh ? "考核" : "Assessment"
            let rules = lines.drop { $0.trimmingCharacters(in: .whitespaces) != heading }.dropFirst()
            XCTAssertFalse(rules.isEmpty)
            for mark in ["✓", "✗", "?", "○", "·"] where rules.contains(where: { $0.contains(mark) }) {
                XCTAssertTrue(helpKeys.contains(mark), "\(mark) on the overview, not in the help (\(language))")
            }
            for mark in ["✓", "✗", "?", "○"] { XCTAssertTrue(helpKeys.contains(mark), mark) }
        }
    }
}

extension MarksExplainedTests {
    /// The notes page shows what the table's notes show under the active filter, also when the
    /// page was opened before the filter was set (it was cached without the filter).
    func testNotesPageFollowsTheFilter() throws {
        var s = try bundledState(width: 80, height: 24)
        s = apply(s, .showView(.assessment), .last, .open)
        XCTAssertEqual(s.screen.kind, .assessmentNotes)
        XCTAssertTrue(screen(s).joined().contains("南湖基金小镇"))
        s = apply(s, .back, .runCommand("filter county 海宁市"), .last, .open)
        XCTAssertEqual(s.screen.kind, .assessmentNotes)
        let page = s.pageLines(.assessmentNotes, width: 78).map { $0.text() }.joined(separator: "\n")
        let table = s.assessmentTable().notes.map { $0.text(.unicode) }.joined()
        XCTAssertTrue(page.contains("海宁皮革时尚小镇"), page)
        for name in ["南湖基金小镇", "海盐核电小镇", "桐乡毛衫时尚小镇"] {
            XCTAssertFalse(table.contains(name), name)
            XCTAssertFalse(page.contains(name), "\(name) on the notes page with the filter on")
        }
    }
}

extension MarksExplainedTests {
    /// README says what the ASCII screen (`LANG=C`, `--ascii`) draws for unknown: `_`, and a
    /// lone `-` nowhere stands for it (README said "—" as "-").
    func testReadmeNamesTheASCIIUnknownTheScreenDraws() throws {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        XCTAssertTrue(readme.contains("`—` (unknown; `_` in ASCII, under `LANG=C`"))
        XCTAssertTrue(readme.contains("`_` unknown"))
        XCTAssertFalse(readme.contains("  \"—\" as \"-\", a cut"), "README: unknown read as -")
        var s = try bundledState(width: 100, height: 30)
        s.language = .en
        let unicode = screen(s), ascii = asciiScreen(s)
        let row = try XCTUnwrap(unicode.firstIndex { $0.contains("Tongxiang") && $0.contains("—") })
        XCTAssertTrue(ascii[row].contains(" _ ") || ascii[row].contains("_/"), ascii[row])
        XCTAssertFalse(ascii[row].contains(" - "), ascii[row])
    }
}

extension MarksExplainedTests {
    /// The assessment's notes at 80x24 do not all fit: the last line drawn says how many are left
    /// and that Enter on the last row opens them, instead of a sentence cut with no mark; the
    /// lines drawn before it are the notes' first lines, and the count is what the page holds more.
    func testNotesThatDoNotFitSayWhatIsLeft() throws {
        for language in [Language.en, .zh] {
            var s = try bundledState(width: 80, height: 24)
            s.language = language
            s = apply(s, .showView(.assessment))
            let lines = screen(s)
            let last = lines[lines.count - 3].trimmingCharacters(in: .whitespaces)
            let wrapped = s.assessmentTable().notes.flatMap { TextWrap.wrapAtWords($0.text(.unicode), width: 78) }
            let firstNote = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(" " + wrapped[0]) })
            let drawn = lines.count - 3 - firstNote  // note lines before the "more" line
            let left = wrapped.count - drawn
            XCTAssertGreaterThan(left, 1)
            XCTAssertEqual(last, language == .zh
                ? "… 说明另有 \(left) 行：最后一行按 Enter 看全文"
                : "… \(left) more note lines: Enter on the last row opens them", language.rawValue)
            for i in 0..<drawn { XCTAssertEqual(lines[firstNote + i], " " + wrapped[i]) }
        }
    }
}

extension MarksExplainedTests {
    /// The overview at 80x22 names one town behind of three ("… 另 2 个"; at 80x24 all three
    /// show, `W8OverviewBehindTests`): Enter on the heading opens the towns view with the behind
    /// filter, listing all three; the changes heading (rows left out) opens the changes view. A
    /// heading with nothing left out opens nothing.
    func testOverviewHeadingsWithRowsLeftOutOpenTheFullList() throws {
        var s = try bundledState(width: 80, height: 22)
        s = apply(s, .showView(.overview))
        let content = try XCTUnwrap(s.content(for: s.screen))
        func row(_ prefix: String) throws -> Int {
            try XCTUnwrap((0..<content.rows.count).first {
                content.rows[$0].cells.first?.text(.unicode).hasPrefix(prefix) == true
            }, prefix)
        }
        let behind = try row("落后 3 镇")
        XCTAssertTrue(screen(s).contains { $0.hasPrefix(" 落后 3 镇") && $0.contains("另 2 个") })
        func selecting(_ row: Int) -> AppState {
            var m = apply(s, .first)
            for _ in 0..<content.rows.count where m.selection != row { m = apply(m, .moveDown) }
            XCTAssertEqual(m.selection, row, "the selection stops on the heading")
            return m
        }
        let t = apply(selecting(behind), .open)
        XCTAssertEqual(t.screen.kind, .townList)
        XCTAssertTrue(t.filter.behindSchedule)
        let listed = screen(t).joined(separator: "\n")
        for name in ["南湖基金小镇", "海宁皮革时尚小镇", "海盐核电小镇"] { XCTAssertTrue(listed.contains(name), name) }
        XCTAssertFalse(listed.contains("桐乡毛衫时尚小镇"))
        let c = apply(selecting(try row("较 2015年1-8月")), .open)
        XCTAssertEqual(c.screen.kind, .changes)
        XCTAssertTrue(c.filter.isEmpty)
        XCTAssertNil(content.target(at: try row("类型")))  // every type is listed
    }
}

extension MarksExplainedTests {
    /// The assessment at 60x14: the columns left out for width (the other rules': the stakes'
    /// 用地奖 and 倒扣 stay, W11FixbTests) are named on the breadcrumb line; every verdict mark the
    /// table shows is in the legend; the notes (which explain `3年`) say where they are, on the one line left.
    func testNarrowAssessmentSaysWhatItLeavesOut() throws {
        var s = try bundledState(width: 60, height: 14)
        s = apply(s, .showView(.assessment))
        let lines = screen(s)
        XCTAssertTrue(lines[2].contains("未显示列: 景区 游客"), lines[2])
        XCTAssertTrue(lines[3].contains("用地奖"), "the stakes' column stays at 60 columns: \(lines[3])")
        XCTAssertFalse(lines[3].contains("景区"), "another rule's gives way: \(lines[3])")
        let legend = lines[lines.count - 2]
        for mark in ["?", "○"] {
            XCTAssertTrue(lines[4..<(lines.count - 2)].contains { $0.contains(mark) })
            XCTAssertTrue(legend.contains(mark), "\(mark) shown, not in the legend: \(legend)")
        }
        // w23-fid: no rule is met at Jan-Sep (Haining's first year rests on a plain amount, `?`):
        // no ✓ drawn, none listed.
        XCTAssertFalse(lines[4..<(lines.count - 2)].contains { $0.contains("✓") })
        XCTAssertFalse(legend.contains("✓"), legend)
        XCTAssertTrue(lines[lines.count - 3].contains("最后一行按 Enter 看全文"), lines[lines.count - 3])
        s.language = .en
        let en = screen(s)
        XCTAssertTrue(en[2].contains("columns left out:") && en[2].hasSuffix("Scenic Visit"), en[2])
        XCTAssertTrue(en[3].contains("Land+ Land-"), en[3])
    }
}
