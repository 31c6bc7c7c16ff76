import Foundation
import TownsCore
import TownsUI
import XCTest

/// Issue 15 at the keyboard: the sort chooser and `:sort`'s titles, the narrowing search,
/// the key-hint line, the command list.
final class KeyboardTests: XCTestCase {
    func ids(_ s: AppState) -> [String] {
        s.content(for: s.screen)!.targets.map { if case let .townPage(id)? = $0 { return id }; return "?" }
    }

    func typed(_ state: AppState, _ text: String) -> AppState {
        text.reduce(state) { handle($0, .char($1)) }
    }

    func command(_ state: AppState, _ text: String) -> AppState {
        handle(typed(handle(state, .char(":")), text), .enter)
    }

    func testAnyColumnSortsInTwoKeys() throws {
        var s = try bundledState(period: "2015-09")
        // Sched. is the 8th titled column of the towns view: `>` then `8`.
        s = handle(s, .char(">"))
        XCTAssertNotNil(s.session.sortChooser)
        let lines = screen(s)
        XCTAssertTrue(
            lines[28].contains("8 进度差") || lines[28].contains("8进度差"), "the chooser numbers the columns: \(lines[28])")
        // At 80 columns every column's key still shows (over the lines above: W8SortChooserTests),
        // 0 and Esc on the hint line too.
        var narrow = handle(try bundledState(width: 80, height: 24, period: "2015-09"), .char(">"))
        let chooser = screen(narrow)[20...22].joined(separator: "\n")
        XCTAssertTrue(chooser.contains("8 进度差  9 项目  a 开工率"), chooser)
        XCTAssertTrue(screen(narrow)[23].contains("0 原顺序  Esc 取消"), screen(narrow)[23])
        narrow.language = .en
        let english = screen(narrow)[20...22].joined(separator: "\n")
        XCTAssertTrue(english.contains("Sched.") && english.contains("Start%") && english.contains("d Rank"), english)
        s = handle(s, .char("8"))
        XCTAssertNil(s.session.sortChooser)
        XCTAssertEqual(s.screen.sortColumn, 7)
        XCTAssertTrue(s.screen.sortDescending)
        XCTAssertEqual(ids(s), ["tongxiang", "haining", "nanhu", "haiyan", "jiashan"], "+17.7 -2.1 -51.5 -54.3, unknown")
        XCTAssertTrue(screen(s)[3].contains("进度差↓"))
        // `<` sorts smallest first; `S` reverses in one key.
        s = handle(handle(s, .char("<")), .char("8"))
        XCTAssertEqual(ids(s), ["haiyan", "nanhu", "haining", "tongxiang", "jiashan"])
        s = handle(s, .char("S"))
        XCTAssertEqual(ids(s), ["tongxiang", "haining", "nanhu", "haiyan", "jiashan"])
        // `0` is the data's order; Esc closes the chooser with nothing changed; a key naming no column says which do.
        XCTAssertNil(handle(handle(s, .char(">")), .char("0")).screen.sortColumn)
        let closed = handle(handle(s, .char(">")), .escape)
        XCTAssertNil(closed.session.sortChooser)
        XCTAssertEqual(closed.screen.sortColumn, 7)
        let miss = handle(handle(s, .char(">")), .char("z"))
        XCTAssertTrue(miss.message!.contains("1 小镇"), miss.message!)
        // On a page there is nothing to sort.
        let page = handle(handle(try bundledState(), .enter), .char(">"))
        XCTAssertNil(page.session.sortChooser)
        XCTAssertEqual(page.message, "此页不能排序")
    }

    func testSortCommandTakesATitleInEitherLanguageAnyCaseAnyUniqueStart() throws {
        let s = try bundledState(period: "2015-09")
        for word in ["进度差", "sched", "SCHED.", "Sch", "sc", "8"] {
            let t = command(s, "sort \(word) desc")
            XCTAssertEqual(t.screen.sortColumn, 7, word)
            XCTAssertTrue(t.screen.sortDescending, word)
        }
        var en = s
        en.language = .en
        XCTAssertEqual(command(en, "sort 完成率").screen.sortColumn, 5, "Chinese titles in the English interface")
        XCTAssertEqual(command(en, "sort done%").screen.sortColumn, 5)
        // "Done" is a title itself (exact beats a start); "p" starts Plan, Progress and Projects.
        XCTAssertEqual(command(en, "sort done").screen.sortColumn, 4)
        let ambiguous = command(en, "sort pr")
        XCTAssertNil(ambiguous.screen.sortColumn)
        XCTAssertTrue(ambiguous.message!.contains("Progress") && ambiguous.message!.contains("Projects"),
                      ambiguous.message!)
        let miss = command(en, "sort zzz")
        XCTAssertNil(miss.screen.sortColumn)
        XCTAssertTrue(miss.message!.hasPrefix("no column \"zzz\""), miss.message!)
        XCTAssertTrue(miss.message!.contains("8 Sched."), "a miss lists the columns: \(miss.message!)")
    }

    func testHelpAndAnEmptyPromptListTheCommands() throws {
        let s = try bundledState()
        let help = Renderer.helpLines(s, glyphs: .unicode).map(\.0)
        for name in Commands.names {
            XCTAssertTrue(help.contains { $0.hasPrefix(":" + name) }, "help lists :\(name)")
        }
        let prompt = screen(handle(s, .char(":")))[28]
        XCTAssertTrue(prompt.contains("view town period"), "an empty : lists the commands: \(prompt)")
        XCTAssertFalse(screen(typed(handle(s, .char(":")), "so"))[28].contains("view town"))
    }

    /// `/` or `:` typed in the help opens its prompt over the view, the help closed: a fresh user
    /// typed `/期` in the help, saw nothing, and Down, PgDn and Esc seemed dead.
    func testAPromptTypedInTheHelpClosesTheHelp() throws {
        let s = handle(handle(try bundledState(), .char("1")), .char("?"))
        XCTAssertTrue(s.showHelp)
        let search = typed(handle(s, .char("/")), "hai")
        XCTAssertFalse(search.showHelp, "the help closed for the search")
        XCTAssertTrue(screen(search).contains { $0.contains("/hai") }, screen(search).joined(separator: "\n"))
        let command = handle(s, .char(":"))
        XCTAssertFalse(command.showHelp, "the help closed for the command line")
        XCTAssertTrue(screen(command)[28].contains("view town period"), screen(command)[28])
    }

    func testNarrowingKeepsOnlyMatchingRowsWithAChipAndEscClears() throws {
        var s = try bundledState(period: "2015-09")
        s = handle(s, .down)
        s = typed(handle(s, .char("&")), "hai")
        XCTAssertEqual(ids(s), ["haining", "haiyan"], "海宁 and 海盐 only")
        XCTAssertEqual(s.message, "只留匹配「hai」的 2 行（Esc 全部显示）")
        s = handle(s, .enter)
        XCTAssertEqual(s.screen.narrow, "hai")
        var lines = screen(s)
        XCTAssertTrue(lines[2].contains("/hai 2 行 (Esc 清除)"), "the chip: \(lines[2])")
        XCTAssertFalse(lines.contains { $0.contains("桐乡") || $0.contains("全市报告") }, "others and totals gone")
        // Opening a row and coming back keeps the narrowing; Esc then shows every row, the selection kept.
        s = handle(s, .down)
        s = handle(handle(s, .enter), .escape)
        XCTAssertEqual(ids(s), ["haining", "haiyan"])
        s = handle(s, .escape)
        XCTAssertNil(s.screen.narrow)
        XCTAssertEqual(ids(s).count, 5)
        XCTAssertEqual(ids(s)[s.selection], "haiyan")
        lines = screen(s)
        XCTAssertTrue(lines.contains { $0.contains("全市报告") })
        // Ctrl-F switches a `/` search to narrowing and back; Esc while typing restores all.
        var t = typed(handle(try bundledState(), .char("/")), "nanhu")
        XCTAssertEqual(ids(t).count, 5)
        t = handle(t, .ctrl("f"))
        XCTAssertEqual(ids(t), ["nanhu"])
        t = handle(t, .ctrl("f"))
        XCTAssertEqual(ids(t).count, 5)
        XCTAssertEqual(ids(t)[t.selection], "nanhu")
        t = handle(handle(t, .ctrl("f")), .escape)
        XCTAssertNil(t.screen.narrow)
        XCTAssertEqual(ids(t).count, 5)
        // `c` clears it too.
        let kept = handle(typed(handle(try bundledState(), .char("&")), "hai"), .enter)
        XCTAssertNil(handle(kept, .char("c")).screen.narrow)
    }

    func testSearchFromATownPageSearchesTheListItCameFrom() throws {
        var s = try bundledState()
        s = handle(s, .enter)
        XCTAssertTrue(s.screen.kind.isPage)
        s = typed(handle(s, .char("/")), "haiyan")
        XCTAssertEqual(s.stack.count, 1, "back on the list")
        XCTAssertEqual(ids(s)[s.selection], "haiyan", "letters went to the search, not to keys (h = back)")
        s = handle(s, .enter)
        XCTAssertEqual(s.search, SearchState(query: "haiyan", editing: false))
    }

    func testKeyHintsActInTheViewShownAndWidenWithTheTerminal() throws {
        func hints(_ s: AppState) -> [String] { Renderer.keyHints(s, width: s.width).map { $0.0 + " " + $0.1 } }
        let list = try bundledState(width: 80, height: 24)
        let narrow = hints(list)
        for h in ["↑↓ 移动", "Enter 打开", ">< 排序", "/ 搜索", "? 帮助", "q 退出"] {
            XCTAssertTrue(narrow.contains(h), "\(h) in \(narrow)")
        }
        var wide = list
        wide.width = 160
        XCTAssertGreaterThan(hints(wide).count, narrow.count, "more on a wider terminal")
        for h in ["b 落后", "e 导出", "S 反序"] {
            XCTAssertTrue(hints(wide).contains(h), "\(h) in \(hints(wide))")
        }
        // Every hint fits in its line.
        for width in [40, 60, 80, 100, 160] {
            var s = list
            s.width = width
            let line = Renderer.keyHintLine(s, width: width)
            let used = Renderer.lineWidth(line.hints, gap: line.gap, compact: line.compact)
            XCTAssertLessThanOrEqual(used, max(width, 20), "width \(width)")
        }
        // A page: scroll and back, no open or sort.
        let page = hints(handle(list, .enter))
        XCTAssertTrue(page.contains("↑↓ 滚动") && page.contains("Esc 返回"), "\(page)")
        XCTAssertFalse(page.contains { $0.contains("排序") || $0.contains("打开") }, "\(page)")
        // The configured keys: a rebound search shows its new key.
        var rebound = list
        rebound.keyMap.bindings[rebound.keyMap.bindings.firstIndex { $0.action == .startSearch }!].keys = [.char("f")]
        XCTAssertTrue(hints(rebound).contains("f 搜索"), "\(hints(rebound))")
    }

    func testEndReachesTheTotalsRowAsDownDoes() throws {
        let s = try bundledState()
        var down = s
        for _ in 0..<10 { down = handle(down, .down) }
        XCTAssertEqual(handle(s, .end).selection, down.selection)
        XCTAssertEqual(handle(s, .char("G")).selection, 5, "five towns, then the city's totals")
    }
}

/// Issue 15 point 7: the towns bar on a projector.
final class ProjectorTests: XCTestCase {
    /// Cells of Haining's bar (filled, the expected-by-now mark and the track) on the towns view.
    func barCells(width: Int, height: Int, _ language: Language) throws -> Int {
        var s = try bundledState(width: width, height: height, period: "2015-09")
        s.language = language
        let row = screen(s).first { $0.contains(language == .zh ? "海宁皮革" : "Haining") }!
        return row.filter { "█▉▊▋▌▍▎▏│·".contains($0) }.count
    }

    func testTheTownsBarHasFifteenCellsAt80x24AndWidensWithTheTerminal() throws {
        for language in [Language.zh, .en] {
            let at80 = try barCells(width: 80, height: 24, language)
            XCTAssertGreaterThanOrEqual(at80, 15, "\(language)")
            // (Between 80 and 120 columns in English the Δ columns of issue 14 take the room first.)
            XCTAssertGreaterThan(try barCells(width: 140, height: 30, language), at80, "\(language)")
            XCTAssertGreaterThan(
                try barCells(width: 160, height: 30, language), try barCells(width: 140, height: 30, language))
        }
        // What gave way at 80 columns in English: the names (cut with …), not the schedule column.
        var s = try bundledState(width: 80, height: 24, period: "2015-09")
        s.language = .en
        let lines = screen(s)
        XCTAssertTrue(lines[3].contains("Sched.") && lines[3].contains("Progress"), lines[3])
        XCTAssertTrue(lines.contains { $0.contains("Tongxiang Sweater Fashion") && $0.contains("…") }, lines.joined(separator: "\n"))
    }
}

/// Issue 15 point 5: `y` asks the front end to copy; the front end says how it went.
final class CopyTests: XCTestCase {
    func testCopyIsAnEffectWithTheViewAsTabSeparatedText() throws {
        let s = update(try bundledState(period: "2015-09"), .first)
        let (after, effects) = step(s, route(.char("y"), in: s))
        XCTAssertEqual(after.session, s.session, "nothing changes until the copy reports")
        guard case let .copy(clip)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(clip.rows, 5)
        let all = clip.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The export's heading first (title and period, dataset, period, unit, filter, sort),
        // the sources, a blank line, then the table.
        let heading = s.exportFrame(for: try XCTUnwrap(s.content(for: s.screen)), glyphs: .unicode).heading
        XCTAssertEqual(Array(all.prefix(6)), heading, clip.text)
        XCTAssertTrue(all[0].hasPrefix("小镇 — 2015年1-9月"), all[0])
        XCTAssertTrue(all[6].hasPrefix("来源：paper: "), all[6])
        XCTAssertEqual(all[7], "")
        let lines = Array(all.dropFirst(8))
        XCTAssertEqual(
            lines[0], "小镇\t县市区\t类型\t年计划（亿元）\t完成（亿元）\t完成率\t进度差（百分点）\t项目\t开工率\tΔ完成（亿元）"
                + "\tΔ完成率（百分点）\t名次", "bars left out; the units named (wave 25)")
        XCTAssertTrue(lines[1].hasPrefix("海宁皮革时尚小镇\t海宁市\t1\t≈18.6\t13.56\t72.9%\t-2.1▼"), lines[1])
        XCTAssertTrue(lines.contains { $0.hasPrefix("全市报告") }, "the totals follow")
        // Narrowed and sorted: what is shown, in its order.
        let narrowed = handle(handle(handle(s, .char("&")), .char("h")), .enter)
        guard case let .copy(few)? = step(narrowed, .copy).effects.first else { return XCTFail() }
        XCTAssertEqual(few.rows, narrowed.content(for: narrowed.screen)!.rows.count)
        // A page: its lines.
        guard case let .copy(page)? = step(handle(s, .enter), .copy).effects.first else { return XCTFail() }
        XCTAssertTrue(page.text.hasPrefix("海宁皮革时尚小镇 — 2015年1-9月\n数据集："), page.text)
        XCTAssertTrue(page.text.contains("\n\n海宁皮革时尚小镇  Haining"), page.text)
        XCTAssertGreaterThan(page.rows, 10)
        // What the front end reports.
        XCTAssertEqual(
            update(s, .copied(rows: 5, refusal: nil)).message, "已把 5 行发送到终端剪贴板（OSC 52）")
        let refused = update(s, .copied(rows: 5, refusal: "TERM=linux"))
        XCTAssertEqual(refused.session.flash?.level, .warning)
        XCTAssertEqual(refused.message, "此终端无法接收复制（TERM=linux）；按 e 导出为文件")
        // The front end also wrote the text to a file: the status says sent (not copied) and where.
        var en = s
        en.language = .en
        XCTAssertEqual(update(en, .copied(rows: 5, refusal: nil, saved: "/st/towns/copied.txt")).message,
                       "sent 5 rows to the clipboard (OSC 52); also in /st/towns/copied.txt")
        XCTAssertEqual(update(s, .copied(rows: 5, refusal: "TERM=linux", saved: "/st/c.txt")).message,
                       "此终端无法接收复制（TERM=linux）：表格已存入 /st/c.txt；按 e 导出为文件")
        // Wave 7: refused, the file holds the table; no "if nothing arrives" (nothing was sent).
        XCTAssertEqual(update(en, .copied(rows: 5, refusal: "TERM=vt100", saved: "/st/c.txt")).message,
                       "this terminal cannot take a copy (TERM=vt100): the table is in /st/c.txt; e exports a file")
        XCTAssertEqual(update(en, .copied(rows: 5, refusal: nil, notSaved: "/st: Permission denied")).message,
                       "sent 5 rows to the clipboard (OSC 52); not saved to a file: /st: Permission denied")
    }
}

/// Issue 15 point 4: open where you mean.
final class OpeningTests: XCTestCase {
    func testViewPeriodTownAndFiltersFromTheCommandLine() throws {
        let s = try bundledState()
        var settings = Settings(view: .typeList, periodID: "2015-08", source: "command line")
        settings.filters = ["county 海宁"]
        var t = update(s, .configure(settings))
        XCTAssertEqual(t.screen.kind, .typeList)
        XCTAssertEqual(t.period?.id, "2015-08")
        XCTAssertEqual(t.filter.county, "海宁市")
        XCTAssertNil(t.session.flash)
        settings.town = "nanhu"
        t = update(s, .configure(settings))
        XCTAssertEqual(t.screen.kind, .townPage("nanhu"))
        // A bad one is a notice, not a failure: the rest applies.
        settings.town = "nowhere"
        settings.filters = ["county 杭州", "behind"]
        t = update(s, .configure(settings))
        XCTAssertTrue(t.filter.behindSchedule)
        XCTAssertEqual(t.session.flash?.level, .warning)
        XCTAssertTrue(t.message!.hasPrefix("--filter county 杭州: "), t.message!)
        // The pointer to the rest in the interface's language, as the notice (wave 25's fresh user, F7).
        XCTAssertTrue(t.message!.hasSuffix("（另 1 项：towns config）"), t.message!)
    }

    func testAResumedSessionIsReopenedWithWhatIsGoneLeft() throws {
        var saved = try bundledState()
        saved = handle(handle(handle(saved, .char("2")), .enter), .char("L"))
        var session = saved.session
        XCTAssertEqual(session.stack.map(\.kind), [.typeList, .townsOfType(1)])
        var settings = Settings()
        settings.resume = session
        var t = update(try bundledState(), .configure(settings))
        XCTAssertEqual(t.session.stack.map(\.kind), [.typeList, .townsOfType(1)])
        XCTAssertEqual(t.language, .en)
        // A town the data no longer has: its page is left, the list under it shown.
        session.stack = [Screen(.townList), Screen(.townPage("gone"))]
        settings.resume = session
        t = update(try bundledState(), .configure(settings))
        XCTAssertEqual(t.session.stack.map(\.kind), [.townList])
        // The command line's view applies over the resumed session.
        settings.view = .province
        XCTAssertEqual(update(try bundledState(), .configure(settings)).screen.kind, .province)
    }
}

final class PollKeepsTheMessageTests: XCTestCase {
    func testAPollThatFoundNothingLeavesTheMessage() throws {
        let s = update(try bundledState(), .configure(Settings(periodID: "2099-01", source: "command line")))
        XCTAssertEqual(s.session.flash?.level, .warning)
        XCTAssertEqual(
            update(s, .dataUnchanged).session.flash, s.session.flash, "a start-up notice outlives the first poll")
    }
}

/// Issue 15 point 8: layout in both languages.
final class LayoutTests: XCTestCase {
    func testTheEnglishLegendKeepsItsUnitAt80Columns() throws {
        let legend = Renderer.legend(width: 79, glyphs: .unicode, unit: "亿元", language: .en)
        XCTAssertLessThanOrEqual(DisplayWidth.of(legend), 79, legend)
        XCTAssertTrue(legend.hasSuffix("unit 100M yuan"), legend)
        let wide = Renderer.legend(width: 200, glyphs: .unicode, unit: "亿元", language: .en)
        XCTAssertTrue(wide.contains("expected by now"), wide)
        var s = try bundledState(width: 80, height: 24)
        s.language = .en
        XCTAssertTrue(screen(s)[22].contains("unit 100M yuan"), screen(s)[22])
    }
}

extension LayoutTests {
    func testTheEnglishTypesViewAt100ShowsItsTownsAndAOneTownCellNamesTheTown() throws {
        var s = apply(try bundledState(width: 100, height: 30), .showView(.typeList))
        s.language = .en
        let lines = screen(s)
        XCTAssertTrue(lines[3].contains("Town list"), "the towns column is not dropped with room left: \(lines[3])")
        let nanhu = try XCTUnwrap(lines.first { $0.contains("Industry cluster") })
        XCTAssertTrue(nanhu.contains("Nanhu Fund Town"), nanhu)
        // A one-town type's cell is its town, never `… and 1 more` (wave 20: a two-towns cell where
        // no whole name fits shows the first cut, `Hainin… and 1 more`).
        XCTAssertFalse(nanhu.contains("and 1 more"), nanhu)
    }
}

final class ExportNameTests: XCTestCase {
    func testTheFilterAsAFileNamePartAndUnknownNeverADash() throws {
        let dataset = try bundledState().dataset
        var f = TownFilter()
        XCTAssertEqual(f.fileNamePart(dataset), "")
        f.county = "海宁市"
        f.behindSchedule = true
        f.type = 1
        XCTAssertEqual(f.fileNamePart(dataset), "county-haining_type-1_behind")
        XCTAssertEqual(Glyphs.ascii.forExport.unknown, "NA")
        XCTAssertEqual(Glyphs.unicode.forExport.unknown, "—")
    }
}

/// A fresh user's findings on the command line's answers.
final class CommandAnswerTests: XCTestCase {
    func typed(_ state: AppState, _ text: String) -> AppState {
        text.reduce(state) { handle($0, .char($1)) }
    }

    func command(_ state: AppState, _ text: String) -> AppState {
        handle(typed(handle(state, .char(":")), text), .enter)
    }

    func testAFuzzyTownSaysWhichOthersItMatchedAndAMissingTopicListsTheTopics() throws {
        let s = try bundledState(width: 100, height: 30, period: "2015-09")
        let t = command(s, "town 海")
        XCTAssertEqual(t.screen.kind, .townPage("haining"))
        XCTAssertTrue(t.message?.contains("海盐核电小镇") == true, t.message ?? "no message")
        XCTAssertNil(command(s, "town haining").message, "an exact id is no surprise")
        let r = command(s, "ref bogus")
        let topics = try XCTUnwrap(s.dataset.reference?.topics)
        XCTAssertFalse(topics.isEmpty)
        XCTAssertTrue(topics.allSatisfy { r.message?.contains($0) == true }, r.message ?? "no message")
    }
}
