import Foundation
import XCTest

/// The dashboard in a real terminal (tmux, 100x30, LANG=C.UTF-8, TERM=xterm-256color): what a
/// person sees and what the keys do.
final class DashboardTests: DashboardSessionTestCase {
    static let towns = ["海宁皮革时尚小镇", "桐乡毛衫时尚小镇", "嘉善巧克力甜蜜小镇", "南湖基金小镇", "海盐核电小镇"]
    static let counties = ["海宁市", "桐乡市", "嘉善县", "南湖区", "海盐县"]

    func testOpensWithTitleTownsAndKeyHints() throws {
        let screen = try session.start()
        let show = TmuxSession.show(screen)
        XCTAssertEqual(screen.count, 30, "the pane should be 30 rows:\n\(show)")
        XCTAssertTrue(screen[0].contains("towns · 嘉兴市首批省级特色小镇"), "title row:\n\(show)")
        XCTAssertNotNil(screen[0].range(of: #"期间 \[ .+ \] \d+/\d+"#, options: .regularExpression), "period in the title:\n\(show)")
        // Seven tabs take their short labels at 100 columns.
        XCTAssertTrue(screen[1].contains("0 概览") && screen[1].contains("1 小镇") && screen[1].contains("2 类型")
                      && screen[1].contains("3 运营主体") && screen[1].contains("6 参考"), "tabs row:\n\(show)")
        XCTAssertEqual(crumb(screen[2]), "小镇", "breadcrumb:\n\(show)")
        for town in Self.towns {
            XCTAssertEqual(screen.filter { $0.contains(town) }.count, 1, "\(town) should be on exactly one row:\n\(show)")
        }
        let hints = screen[29]
        // The keys acting on a top list (issue 15): no Esc (nothing to go back to), sort, search, copy.
        for hint in ["↑↓ 移动", "Enter 打开", ">< 排序", "/ 搜索", "y 复制", "[ ] 期间", "? 帮助", "q 退出"] {
            XCTAssertTrue(hints.contains(hint), "key hints on the last row lack '\(hint)':\n\(show)")
        }
        XCTAssertTrue(screen[28].contains("推算") && screen[28].contains("未知"), "legend on row 28:\n\(show)")
        XCTAssertEqual(try tmux.format("#{alternate_on}"), "1", "the dashboard should use the alternate screen")
        try tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("q"), 0, "exit status after q")
    }

    /// `towns` opens on the overview (issue 14 point 1), its tab first; `1` shows the towns view
    /// and `--view towns` opens there.
    func testOpensOnTheOverview() throws {
        var screen = try session.start(towns: false)
        XCTAssertEqual(crumb(screen[2]), "概览", TmuxSession.show(screen))
        XCTAssertTrue(screen[3].contains("面板"), TmuxSession.show(screen))
        XCTAssertTrue(screen.contains { $0.contains("全市 嘉兴市") && $0.contains("45.06 / 106.8") }, TmuxSession.show(screen))
        try tmux.send("1")
        screen = try tmux.waitUntil("the towns view") { $0.count > 2 && crumb($0[2]) == "小镇" }
        try tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("q"), 0)
        let other = try DashboardSession(label: "viewtowns")
        defer { other.kill() }
        screen = try other.start(["--view", "towns"], towns: false)
        XCTAssertEqual(crumb(screen[2]), "小镇", TmuxSession.show(screen))
        try other.tmux.send("q")
        XCTAssertEqual(try other.assertTerminalRestored("q"), 0)
    }

    /// Key 7 shows the changes view (issue 14 point 2); `]` moves the pair of periods; Enter on a
    /// town's row opens its page.
    func testTheChangesView() throws {
        try session.start()
        try tmux.send("7")
        var screen = try tmux.waitUntil("the changes view") { $0.count > 3 && crumb($0[2]) == "变化" }
        XCTAssertTrue(screen.contains { $0.contains("海宁皮革时尚小镇") && $0.contains("≈+4.26") && $0.contains("三(五)") },
                      TmuxSession.show(screen))
        XCTAssertTrue(screen.contains { $0.contains("从 2015年1-8月 到 2015年1-9月") }, TmuxSession.show(screen))
        try tmux.send("]")
        screen = try tmux.waitFor("从 2015年1-9月 到 2015年全年")
        XCTAssertTrue(screen.contains { $0.contains("口径不同") && $0.contains("63.06") }, TmuxSession.show(screen))
        try tmux.send("[")
        _ = try tmux.waitFor("从 2015年1-8月 到 2015年1-9月")
        try tmux.send("j")  // the city's second row, then a town's
        for _ in 0..<3 { try tmux.send("j") }
        try tmux.send("Enter")
        screen = try tmux.waitUntil("Haining's page") { $0.count > 2 && $0[2].contains("变化 › 海宁皮革时尚小镇") }
        try tmux.send("q")
        XCTAssertEqual(try session.assertTerminalRestored("q"), 0)
    }

    /// Columns line up by display width: CJK characters take two cells, so a table aligned by
    /// character count would be ragged here.
    func testColumnsAlignByDisplayWidth() throws {
        var screen = try session.start()
        try assertTownTableAligned(screen, "default period")
        // The default (Jan-Sep) and the previous period have completion rates of different widths (72.9%, 23.5%, 50%, —).
        let title = screen[0]
        try tmux.send("[")
        screen = try tmux.waitUntil("the period to change") { $0.first != title }
        try assertTownTableAligned(screen, "after [")
    }

    func assertTownTableAligned(_ screen: [String], _ context: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let show = "\(context):\n" + TmuxSession.show(screen)
        guard let header = screen.first(where: { $0.contains("县市区") && $0.contains("完成率") }) else {
            return XCTFail("no table header with 县市区 and 完成率:\n\(show)", file: file, line: line)
        }
        let headerWords = DisplayColumns.words(header)
        guard let countyHeader = headerWords.first(where: { $0.text == "县市区" }),
              let rateHeader = headerWords.first(where: { $0.text == "完成率" }) else {
            return XCTFail("header words not found:\n\(show)", file: file, line: line)
        }
        var countyStarts: [String: Int] = [:], rateEnds: [String: Int] = [:], rates: [String: String] = [:]
        for (town, county) in zip(Self.towns, Self.counties) {
            guard let row = screen.first(where: { $0.contains(town) }) else {
                XCTFail("no row for \(town):\n\(show)", file: file, line: line); continue
            }
            let words = DisplayColumns.words(row)
            XCTAssertEqual(words.first?.text, town, "the row starts with the town's name: \(row)", file: file, line: line)
            // The values under the headers: the county (left-aligned text), the completion rate
            // (a right-aligned number, or — when unknown).
            guard let countyWord = DisplayColumns.word(in: row, under: (countyHeader.start, countyHeader.end)),
                  let rateWord = DisplayColumns.word(in: row, under: (rateHeader.start, rateHeader.end)) else {
                XCTFail("row for \(town) has nothing under 县市区 or 完成率: \(row)\n\(show)", file: file, line: line); continue
            }
            XCTAssertEqual(countyWord.text, county, "under 县市区 in the row for \(town)\n\(show)", file: file, line: line)
            XCTAssertEqual(DisplayColumns.column(of: county, in: row), countyWord.start, file: file, line: line)
            countyStarts[county] = countyWord.start
            rateEnds[town] = rateWord.end
            rates[town] = rateWord.text
        }
        XCTAssertEqual(Set(countyStarts.values).count, 1, "county column starts at different display columns: \(countyStarts)\n\(show)", file: file, line: line)
        XCTAssertEqual(countyStarts.values.first, countyHeader.start, "county values do not start under the 县市区 header\n\(show)", file: file, line: line)
        // Right-aligned by the units digit (issue 15: 50% under the city's 30.4% in Jan-Aug): the
        // numbers' units digits in one column, unknown at the header's right edge.
        var units: [String: Int] = [:]
        for (town, text) in rates {
            if let r = text.range(of: "[0-9]+(?=(\\.[0-9]+)?%)", options: .regularExpression) {
                units[town] = rateEnds[town]! - DisplayColumns.width(String(text[r.upperBound...]))
            } else {
                XCTAssertEqual(rateEnds[town], rateHeader.end, "\(town)'s \(text) at the edge\n\(show)",
                               file: file, line: line)
            }
        }
        XCTAssertEqual(Set(units.values).count, 1, "完成率 values \(rates) with units digits apart: \(units)\n\(show)",
                       file: file, line: line)
        XCTAssertLessThanOrEqual(rateEnds.values.max() ?? 0, rateHeader.end, "完成率 values past the edge\n\(show)",
                                 file: file, line: line)
        // The town name column is as wide as its widest name (嘉善巧克力甜蜜小镇, 18 cells) plus a gap.
        XCTAssertGreaterThanOrEqual(countyStarts.values.first ?? 0, 1 + DisplayColumns.width("嘉善巧克力甜蜜小镇") + 1, show, file: file, line: line)
    }

    func testDrillIntoTypeThenTownThenBack() throws {
        try session.start()
        try tmux.send("Tab")
        var screen = try tmux.waitUntil("the types view") { $0.count > 2 && crumb($0[2]) == "类型" }
        XCTAssertTrue(screen.contains { $0.contains("1 创意设计—商务休闲—时尚游娱") }, TmuxSession.show(screen))

        try tmux.send("Enter")
        screen = try tmux.waitUntil("the first type opened") { $0.count > 2 && $0[2].contains("类型 › 1 ") }
        var show = TmuxSession.show(screen)
        XCTAssertEqual(crumb(screen[2]), "类型 › 1 创意设计—商务休闲—时尚游娱", show)
        let shown = Self.towns.filter { town in screen.contains { $0.contains(town) } }
        XCTAssertEqual(shown, ["海宁皮革时尚小镇", "桐乡毛衫时尚小镇"], "type 1 should list exactly its two towns:\n\(show)")

        try tmux.send("Enter")
        screen = try tmux.waitUntil("a town's page") { $0.count > 2 && $0[2].contains("› 海宁皮革时尚小镇") }
        show = TmuxSession.show(screen)
        XCTAssertTrue(screen[2].contains("类型 › 1 创意设计—商务休闲—时尚游娱 › 海宁皮革时尚小镇"), show)
        XCTAssertTrue(screen.contains { $0.contains("海宁皮革时尚小镇") && $0.contains("Haining Leather Fashion Town") }, show)
        XCTAssertTrue(screen.contains { $0.contains("报告：") }, "a reported figure's provenance:\n\(show)")
        XCTAssertTrue(screen.contains { $0.contains("推算：") }, "a derived figure's formula:\n\(show)")
        XCTAssertTrue(screen.last?.contains("↑↓ 滚动") ?? false, "a page's hints: scroll:\n\(show)")

        try tmux.send("Escape")
        screen = try tmux.waitUntil("back to the type") { $0.count > 2 && !$0[2].contains("海宁皮革时尚小镇") }
        XCTAssertEqual(crumb(screen[2]), "类型 › 1 创意设计—商务休闲—时尚游娱", TmuxSession.show(screen))
        try tmux.send("Escape")
        screen = try tmux.waitUntil("back to the types list") { $0.count > 2 && !$0[2].contains("›") }
        show = TmuxSession.show(screen)
        XCTAssertEqual(crumb(screen[2]), "类型", show)
        for type in ["1 创意设计—商务休闲—时尚游娱", "2 乡村休闲—文创体验—工业旅游", "3 产业集聚—商务休闲—生活驿站", "4 设计研发—装备制造—工业旅游"] {
            XCTAssertTrue(screen.contains { $0.contains(type) }, "types list lacks \(type):\n\(show)")
        }
        // Esc at the top of a view stays there (it does not quit). The pause lets the lone Esc
        // be read as Esc (ncurses waits 25 ms for more), not as Alt with the next key.
        try tmux.send("Escape")
        usleep(150_000)
        screen = try tmux.capture()
        XCTAssertEqual(crumb(screen[2]), "类型", TmuxSession.show(screen))
        try tmux.send("3")
        screen = try tmux.waitUntil("the entities view") { $0.count > 2 && crumb($0[2]) == "运营主体" }
        try tmux.send("1")
        screen = try tmux.waitUntil("the towns view") { $0.count > 2 && crumb($0[2]) == "小镇" }
        XCTAssertTrue(Self.towns.allSatisfy { town in screen.contains { $0.contains(town) } }, TmuxSession.show(screen))
        try tmux.send("q")
        try session.assertTerminalRestored("q after drilling")
    }

    func testPeriodKeysChangeTheTitle() throws {
        var screen = try session.start()
        let pattern = #"期间 \[ (.+) \] (\d+)/(\d+)"#
        func period(_ title: String) -> (label: String, index: Int, count: Int)? {
            guard let r = title.range(of: pattern, options: .regularExpression) else { return nil }
            let parts = title[r].dropFirst("期间 [ ".count).components(separatedBy: " ] ")
            let numbers = parts[1].split(separator: "/").compactMap { Int($0) }
            return (parts[0], numbers[0], numbers[1])
        }
        guard let first = period(screen[0]) else { return XCTFail("no period in the title: \(screen[0])") }
        // Opens on the latest period with towns' own progress figures (Jan-Sep; the full year
        // has only lower bounds).
        XCTAssertEqual(first.label, "2015年1-9月", screen[0])
        XCTAssertEqual(first.index, 2)
        XCTAssertEqual(first.count, 3)
        // The table shows that period: 2015 Jan-Sep figures, as `towns report --period 2015-09`.
        var show = TmuxSession.show(screen)
        for value in ["13.56", "72.9%", "45.06", "42.5%!"] {
            XCTAssertTrue(screen.contains { $0.contains(value) }, "\(value) not on screen for 2015年1-9月:\n\(show)")
        }
        XCTAssertTrue(screen.contains { $0.contains("海宁皮革时尚小镇") && $0.contains("13.56") && $0.contains("72.9%") }, show)

        let title = screen[0]
        try tmux.send("[")
        screen = try tmux.waitUntil("the title to change after [") { $0.first != title }
        guard let previous = period(screen[0]) else { return XCTFail("no period in the title: \(screen[0])") }
        XCTAssertEqual(previous.label, "2015年1-8月")
        XCTAssertEqual(previous.index, first.index - 1)
        show = TmuxSession.show(screen)
        XCTAssertTrue(screen.contains { $0.contains("全市报告") && $0.contains("32.5") && $0.contains("39/89") }, show)

        try tmux.send("]")
        screen = try tmux.waitUntil("the title to change back after ]") { $0.first?.contains("期间 [ 2015年1-9月 ]") ?? false }
        try tmux.send("]")
        screen = try tmux.waitUntil("the full year after ]") { $0.first?.contains("期间 [ 2015年全年 ] 3/3") ?? false }
        try tmux.send("q")
        try session.assertTerminalRestored("q after period keys")
    }

    func testHelpListsBindingsAndEscCloses() throws {
        try session.start()
        try tmux.send("?")
        var screen = try tmux.waitFor("帮助：按键")
        let show = TmuxSession.show(screen)
        func row(_ words: String...) -> Bool { screen.contains { line in words.allSatisfy { line.contains($0) } } }
        XCTAssertTrue(row("Esc", "返回"), "help lacks Esc → back:\n\(show)")
        XCTAssertTrue(row("Tab", "下一视图"), "help lacks Tab → next view:\n\(show)")
        XCTAssertTrue(row("Enter", "打开（下钻）"), show)
        XCTAssertTrue(row("[", "上一期"), show)
        // How to quit is on screen: in the box, or on the key-hint row, which shows the keys
        // that work while help is open.
        XCTAssertTrue(screen.contains { $0.range(of: #"(^|[│ ])q\b.*退出"#, options: .regularExpression) != nil },
                      "help lacks q → quit:\n\(show)")
        XCTAssertTrue(screen[29].contains("Esc/? 关闭帮助  q 退出"), "key hints while help is open:\n\(show)")
        // The box stays inside the screen, and its edges are whole (no half of a wide character).
        XCTAssertTrue(screen.allSatisfy { DisplayColumns.width($0) <= 100 }, show)
        assertBoxIntact(screen, "help over the towns view")

        try tmux.send("Escape")
        screen = try tmux.waitForAbsence("帮助：按键")
        XCTAssertTrue(screen[29].contains("? 帮助"), "key hints after closing help:\n\(TmuxSession.show(screen))")
        XCTAssertTrue(Self.towns.allSatisfy { town in screen.contains { $0.contains(town) } }, "the table is back:\n\(TmuxSession.show(screen))")
        // ? toggles it too, and the dashboard is still running after Esc closed help.
        try tmux.send("?")
        try tmux.waitFor("帮助：按键")
        try tmux.send("?")
        try tmux.waitForAbsence("帮助：按键")
        // Over the types view too, where a wide character sits under the box's left edge.
        try tmux.send("2")
        try tmux.waitFor("类型")
        try tmux.send("?")
        assertBoxIntact(try tmux.waitFor("帮助：按键"), "help over the types view")
        try tmux.send("Escape")
        try tmux.waitForAbsence("帮助：按键")
        try tmux.send("q")
        try session.assertTerminalRestored("q after help")
    }

    /// The help box: a top and bottom rule and, on every row between, a `│` at the same
    /// display column on the left and on the right.
    ///
    /// A regression test for wide characters under the box's left edge: `Grid.fill` must blank
    /// the other half of a wide character it cuts, or the border cell is lost and the row shifts.
    func assertBoxIntact(_ screen: [String], _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let show = "\(context):\n" + TmuxSession.show(screen)
        guard let top = screen.firstIndex(where: { $0.contains("帮助：按键") }),
              let left = DisplayColumns.column(of: "─", in: screen[top]) else {
            return XCTFail("no help box", file: file, line: line)
        }
        func character(atColumn column: Int, in text: String) -> Character? {
            var x = 0
            for ch in text {
                if x == column { return ch }
                x += DisplayColumns.width(String(ch))
                if x > column { return nil }
            }
            return nil
        }
        guard let bottom = screen.indices.first(where: { $0 > top && character(atColumn: left, in: screen[$0]) == "─" }) else {
            return XCTFail("help box has no bottom rule:\n\(show)", file: file, line: line)
        }
        XCTAssertEqual(DisplayColumns.column(of: "─", in: screen[bottom]), left, "bottom rule starts elsewhere:\n\(show)", file: file, line: line)
        var right: Int?
        for y in (top + 1)..<bottom {
            let bars = screen[y].indices.filter { screen[y][$0] == "│" }.map { DisplayColumns.width(screen[y][..<$0]) }
            XCTAssertTrue(bars.contains(left), "row \(y): no │ at column \(left) (left border):\n\(show)", file: file, line: line)
            if let r = bars.last(where: { $0 > left }) {
                if right == nil { right = r }
                XCTAssertEqual(r, right, "row \(y): right border at another column:\n\(show)", file: file, line: line)
            } else {
                XCTFail("row \(y): no right border:\n\(show)", file: file, line: line)
            }
        }
    }
}
