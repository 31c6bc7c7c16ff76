import Foundation
import TownsCore
import TownsUI
import XCTest

/// Search (Chinese, pinyin, initials, English), sort, filter, command line and export.
final class FindAndOrderTests: XCTestCase {
    let keys = KeyMap.standard

    func type(_ state: AppState, _ text: String) -> AppState {
        text.reduce(state) { handle($0, .char($1)) }
    }

    func selectedTown(_ s: AppState) -> String? {
        guard let c = s.content(for: s.screen), case let .townPage(id)? = c.targets[s.selection] else { return nil }
        return id
    }

    func testSearchMatchesEachOfTheFourForms() throws {
        for (query, town) in [("海盐", "haiyan"), ("haiyan", "haiyan"), ("hyhd", "haiyan"), ("Nuclear", "haiyan"),
                              ("jiashan", "jiashan"), ("nhjj", "nanhu"), ("Fund", "nanhu"), ("桐乡", "tongxiang"),
                              ("皮革城", "haining"), ("pgc", "haining")] {
            var s = try bundledState()
            s = handle(s, .char("/"))
            s = type(s, query)
            XCTAssertEqual(selectedTown(s), town, "query \(query)")
            s = handle(s, .enter)
            XCTAssertEqual(s.search, SearchState(query: query, editing: false))
        }
    }

    func testSearchNextPreviousHighlightAndCancel() throws {
        var s = try bundledState()
        // Every town's name ends in 小镇: typed in Chinese it matches each (its pinyin, wave 8, does not).
        s = type(handle(s, .char("/")), "小镇")
        XCTAssertEqual(s.selection, 0)
        s = handle(s, .enter)
        s = handle(s, .char("n"))
        XCTAssertEqual(s.selection, 1)
        s = handle(s, .char("N"))
        s = handle(s, .char("N"))
        XCTAssertEqual(s.selection, 4, "wraps backwards")
        let grid = Renderer(theme: .monochrome).render(s)
        XCTAssertEqual(grid[1, 5].style, Theme.monochrome.style(.match), "a matching row's name is highlighted")
        // Esc while typing returns to where the search began.
        s = apply(try bundledState(), .moveDown)
        s = type(handle(s, .char("/")), "haiyan")
        XCTAssertEqual(s.selection, 4)
        s = handle(s, .escape)
        XCTAssertNil(s.search)
        XCTAssertEqual(s.selection, 1)
        // Wide input (typed Chinese through get_wch) arrives as .char.
        s = type(handle(try bundledState(), .char("/")), "嘉善")
        XCTAssertEqual(selectedTown(s), "jiashan")
        s = type(handle(try bundledState(), .char("/")), "zzzz")
        XCTAssertEqual(s.message, "没有匹配「zzzz」")
    }

    func testSortIsStableWithUnknownLastInBothDirections() throws {
        var s = try bundledState(period: "2015-09")
        s = runCommandLine(s, "sort 完成率 desc")
        var order = s.content(for: s.screen)!.targets.map { target -> String in
            if case let .townPage(id)? = target { return id }; return "?"
        }
        XCTAssertEqual(order, ["tongxiang", "haining", "nanhu", "haiyan", "jiashan"], "92.7 72.9 23.5 20.7 then unknown")
        s = runCommandLine(s, "sort 完成率 asc")
        order = s.content(for: s.screen)!.targets.map { if case let .townPage(id)? = $0 { return id }; return "?" }
        XCTAssertEqual(order, ["haiyan", "nanhu", "haining", "tongxiang", "jiashan"], "unknown last ascending too")
        // Stable: towns with the same type keep the data's order.
        s = runCommandLine(s, "sort 类型")
        order = s.content(for: s.screen)!.targets.map { if case let .townPage(id)? = $0 { return id }; return "?" }
        XCTAssertEqual(order, ["haining", "tongxiang", "jiashan", "nanhu", "haiyan"])
        // Plans: Haining ≈18.60 and Nanhu ≈14.98 known, the rest unknown, last, in data order.
        s = runCommandLine(s, "sort 年计划 desc")
        order = s.content(for: s.screen)!.targets.map { if case let .townPage(id)? = $0 { return id }; return "?" }
        XCTAssertEqual(order, ["haining", "nanhu", "tongxiang", "jiashan", "haiyan"])
        XCTAssertTrue(screen(s)[3].contains("年计划↓"), "the sorted column is marked: \(screen(s)[3])")
    }

    func testSortKeysCycleAndReverse() throws {
        var s = try bundledState()
        s = handle(s, .char("s"))
        XCTAssertEqual(s.screen.sortColumn, 0)
        XCTAssertTrue(screen(s)[3].contains("小镇↑"))
        s = handle(s, .char("S"))
        XCTAssertTrue(s.screen.sortDescending)
        XCTAssertTrue(screen(s)[3].contains("小镇↓"))
        // Names sort by pinyin: hai-ning, hai-yan, jia-shan, nan-hu, tong-xiang (reversed here).
        let names = s.content(for: s.screen)!.targets.map { if case let .townPage(id)? = $0 { return id }; return "?" }
        XCTAssertEqual(names, ["tongxiang", "nanhu", "jiashan", "haiyan", "haining"])
    }

    func testFiltersAndTheirTotals() throws {
        var s = try bundledState(period: "2015-09")
        s = handle(s, .char("b"))
        var lines = screen(s)
        let names = ["海宁皮革时尚小镇", "桐乡毛衫时尚小镇", "嘉善巧克力甜蜜小镇", "南湖基金小镇", "海盐核电小镇"]
        let rows = lines.filter { l in names.contains { l.contains($0) } }
        XCTAssertEqual(rows.count, 3, "Haining, Nanhu, Haiyan are behind in Jan-Sep: \(rows)")
        XCTAssertFalse(lines.contains { $0.contains("桐乡毛衫") })
        XCTAssertTrue(lines[2].contains("筛选: 落后"), "the filter is on the status line: \(lines[2])")
        XCTAssertFalse(lines.contains { $0.contains("全市报告") }, "the city's reported total is not a filtered total")
        let subtotal = try XCTUnwrap(lines.first { $0.contains("筛选后已知合计") }, lines.joined(separator: "\n"))
        XCTAssertTrue(subtotal.contains("17.08"), "13.56 + 3.52 over the filtered towns: \(subtotal)")
        s = handle(s, .char("c"))
        lines = screen(s)
        XCTAssertTrue(lines.contains { $0.contains("全市报告") })
        XCTAssertEqual(s.filter, TownFilter())
        for (cmd, expected) in [("filter county 海宁市", ["haining"]), ("filter type 1", ["haining", "tongxiang"]),
                                ("filter stage creation", ["haining", "tongxiang", "jiashan", "nanhu", "haiyan"]),
                                ("filter stage named", [])] {
            let f = runCommandLine(try bundledState(), cmd)
            let ids = f.content(for: f.screen)!.targets.map { if case let .townPage(id)? = $0 { return id }; return "?" }
            XCTAssertEqual(ids, expected, cmd)
        }
        let partial = runCommandLine(try bundledState(), "filter county 海宁")
        XCTAssertEqual(partial.filter.county, "海宁市", "a unique start of a county's name is enough")
        XCTAssertEqual(runCommandLine(try bundledState(), "period 2015-8").period?.id, "2015-08")
        XCTAssertEqual(runCommandLine(try bundledState(), "VIEW types").screen.kind, .typeList)
        let p = runCommandLine(try bundledState(), "filter problem uneven-progress")
        XCTAssertEqual(p.content(for: p.screen)!.rows.count, 0, "no source flags a town with a problem")
        XCTAssertEqual(runCommandLine(try bundledState(), "filter county 杭州").message, "没有县「杭州」")
    }

    func testCommandLineCompletionHistoryAndErrors() throws {
        var s = try bundledState()
        s = handle(s, .char(":"))
        s = type(s, "vi")
        s = handle(s, .tab)
        XCTAssertEqual(s.commandLine?.text, "view")
        s = type(s, " ty")
        s = handle(s, .tab)
        XCTAssertEqual(s.commandLine?.text, "view types")
        s = handle(s, .enter)
        XCTAssertEqual(s.screen.kind, .typeList)
        XCTAssertNil(s.commandLine)
        s = handle(s, .char(":"))
        s = handle(s, .up)
        XCTAssertEqual(s.commandLine?.text, "view types", "history")
        s = handle(s, .escape)
        XCTAssertNil(s.commandLine)
        s = runCommandLine(s, "frobnicate")
        XCTAssertTrue(s.message!.hasPrefix("未知命令「frobnicate」"), s.message!)
        s = runCommandLine(s, "town hyhd")
        XCTAssertEqual(s.screen.kind, .townPage("haiyan"))
        XCTAssertEqual(s.stack.count, 2)
        s = runCommandLine(s, "period 2015-08")
        XCTAssertEqual(s.period?.id, "2015-08")
        s = runCommandLine(s, "lang en")
        XCTAssertEqual(s.language, .en)
        let page = runCommandLineEffects(s, "export md minutes.md")
        s = page.state
        XCTAssertEqual(page.effects, [.export(ExportRequest(format: .md, path: "minutes.md"))], "a town's page exports")
        let asked = runCommandLineEffects(apply(s, .back), "export md minutes.md")
        XCTAssertEqual(asked.effects, [.export(ExportRequest(format: .md, path: "minutes.md"))])
    }

    func runCommandLine(_ state: AppState, _ text: String) -> AppState {
        runCommandLineEffects(state, text).state
    }

    /// The state after typing `:` `text` Enter, and the effects Enter asked for.
    func runCommandLineEffects(_ state: AppState, _ text: String) -> (state: AppState, effects: [Effect]) {
        var s = handle(state, .char(":"))
        s = type(s, text)
        return step(s, route(.enter, in: s))
    }

    func testExportFormatsParseBackToTheView() throws {
        var s = try bundledState(period: "2015-09")
        s = runCommandLine(s, "sort 完成率 desc")
        let content = s.content(for: s.screen)!
        let shown = content.rows.map { row in row.cells.compactMap { cell -> String? in
            if case let .text(t, _) = cell { return t.text(.unicode).trimmingCharacters(in: .whitespaces) }; return nil } }
        // CSV: BOM, CRLF, fields as shown, in the view's order.
        let csv = Export.render(content, format: .csv, title: "t", legend: "l", byteOrderMark: true)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}小镇,"))
        // (A field a spreadsheet would take for a formula, like -2.1▼, is guarded with a leading ');
        // reading it back removes the guard.)
        let records = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
            .map { $0.components(separatedBy: ",").map { $0.hasPrefix("'") ? String($0.dropFirst()) : $0 } }
        XCTAssertEqual(records.count, 1 + content.rows.count + content.summary.count)
        XCTAssertEqual(Array(records[1...content.rows.count]), shown)
        XCTAssertEqual(records[1][0], "桐乡毛衫时尚小镇", "sorted as the view")
        // JSON parses and holds the same cells.
        let json = Export.render(content, format: .json, title: "t", legend: "l")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        XCTAssertEqual(object["rows"] as? [[String]], shown)
        XCTAssertEqual((object["columns"] as? [String])?.first, "小镇")
        // Markdown: a header, a rule, one line per row, cells as shown.
        let md = Export.render(content, format: .md, title: "t", legend: "l").components(separatedBy: "\n")
        let tableLines = md.filter { $0.hasPrefix("| ") && !$0.hasPrefix("| ---") && !$0.hasPrefix("| :") }
        XCTAssertEqual(tableLines.count, 1 + content.rows.count + content.summary.count)
        let first = tableLines[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(first, shown[0])
        // Text: aligned by display width.
        let text = Export.render(content, format: .text, title: "t", legend: "l").components(separatedBy: "\n")
        let countyColumns = text.filter { $0.contains("小镇 ") && !$0.hasPrefix("小镇") }.compactMap { line -> Int? in
            guard let r = line.range(of: "市") ?? line.range(of: "县") ?? line.range(of: "区") else { return nil }
            return DisplayWidth.of(String(line[..<r.lowerBound]))
        }
        XCTAssertEqual(Set(countyColumns).count, 1, "\(text)")
    }

    func testEnglishInterfaceAndNames() throws {
        var s = try bundledState(width: 120, height: 40, period: "2015-09")
        s = handle(s, .char("L"))
        XCTAssertEqual(s.language, .en)
        let lines = screen(s)
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(lines[0].contains("Jiaxing's first provincial characteristic towns (2015)") && lines[0].contains("2015 Jan-Sep"), lines[0])
        XCTAssertTrue(lines[1].contains("1 Towns") && lines[1].contains("3 Entities"))
        // (At 120 columns the type, of lowest priority, gives way to the Δ columns; so does the
        // place since the city's ΔRate carries its check's `!`, ≈+12.1!: it is back at 130.)
        for title in ["Town", "County", "Plan", "Done", "Done%", "Sched.", "Projects", "Start%", "ΔDone", "ΔRate"] {
            XCTAssertTrue(lines[3].contains(title), "\(title) in \(lines[3])")
        }
        var wider = s
        wider.width = 130
        XCTAssertTrue(screen(wider)[3].contains("Rank"), screen(wider)[3])
        XCTAssertTrue(text.contains("Haining Leather Fashion Town") && text.contains("Haiyan Nuclear Power Town"))
        XCTAssertTrue(text.contains("Jiaxing reported"))
        // No Chinese in the English interface, except data that has no English form.
        let chinese = lines.filter { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        XCTAssertEqual(chinese, [], "Chinese left in the English interface")
        let detail = screen(apply(s, .open, .resize(width: 120, height: 200))).joined(separator: "\n")
        XCTAssertTrue(detail.contains("Haining Leather Fashion Town  海宁皮革时尚小镇"))
        XCTAssertTrue(detail.contains("derived: completed 2015 Jan-Aug 9.3 / completion 50% = 18.60"))
        XCTAssertFalse(detail.contains("报告："))
        // Search still finds Chinese and pinyin in English mode.
        s = type(handle(s, .char("/")), "海盐")
        XCTAssertEqual(selectedTown(s), "haiyan")
    }

    func testExportRejectsAnUnknownFormatAndDropsSortMarksAndBars() throws {
        let refused = runCommandLineEffects(try bundledState(), "export xlsx")
        var s = refused.state
        XCTAssertEqual(refused.effects, [])
        XCTAssertEqual(s.message, "没有导出格式「xlsx」：text csv md json")
        s = runCommandLine(try bundledState(period: "2015-09"), "sort 完成率 desc")
        let csv = Export.render(s.content(for: s.screen)!, format: .csv, title: "t", legend: "l")
        XCTAssertTrue(csv.hasPrefix("小镇,县市区,类型,年计划（亿元）,完成（亿元）,完成率,进度差（百分点）,"), csv)
        // An empty list exports the same columns (no bar column either).
        let empty = runCommandLine(try bundledState(), "filter stage named")
        let header = Export.render(empty.content(for: empty.screen)!, format: .csv, title: "t", legend: "l").components(separatedBy: "\r\n")[0]
        XCTAssertEqual(header, "小镇,县市区,类型,年计划（亿元）,完成（亿元）,完成率,进度差（百分点）,项目,开工率,Δ完成（亿元）,Δ完成率（百分点）,名次")
    }

    func testCSVQuotingAndFormulaGuard() {
        XCTAssertEqual(Export.csvField("a,b"), "\"a,b\"")
        XCTAssertEqual(Export.csvField("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(Export.csvField("=cmd()"), "'=cmd()")
        // A negative figure with its marks is a number, not a formula (issue w4 point 4).
        XCTAssertEqual(Export.csvField("-2.1▼"), "-2.1▼")
        // A leading tab or CR (a formula to some spreadsheets) and any control character: visible.
        XCTAssertEqual(Export.csvField("\t=1+2"), "^I=1+2")
        XCTAssertEqual(Export.csvField("\r=1"), "^M=1")
        XCTAssertEqual(Export.csvField("a\u{1B}[31mb"), "a^[[31mb")
        XCTAssertEqual(Export.csvField("-2.1"), "-2.1")
    }
}

final class ConfigAndMouseTests: XCTestCase {
    func testRebindingThroughTheConfig() {
        let (map, problems) = KeyMap.standard.applying([
            KeyMap.Rebinding(action: "moveDown", keys: ["Ctrl-N", "Down"], location: "c.toml:3"),
            KeyMap.Rebinding(action: "quit", keys: ["Q"], location: "c.toml:4"),
            KeyMap.Rebinding(action: "frobnicate", keys: ["x"], location: "c.toml:5"),
            KeyMap.Rebinding(action: "help", keys: ["j"], location: "c.toml:6"),        // j is moveUp? no: moveDown lost it
            KeyMap.Rebinding(action: "sort", keys: ["k"], location: "c.toml:7"),        // k is moveUp's: conflict
            KeyMap.Rebinding(action: "export", keys: ["NoSuchKey"], location: "c.toml:8"),
        ])
        XCTAssertEqual(map.action(for: .ctrl("n")), .moveDown)
        XCTAssertEqual(map.action(for: .down), .moveDown)
        XCTAssertEqual(map.action(for: .char("Q")), .quit)
        XCTAssertNil(map.action(for: .char("q")), "q replaced by Q")
        XCTAssertEqual(map.action(for: .char("j")), .toggleHelp, "j was freed when moveDown was rebound")
        XCTAssertEqual(problems.count, 3, problems.joined(separator: "\n"))
        XCTAssertTrue(problems[0].hasPrefix("c.toml:5: keys.frobnicate: unknown action"))
        XCTAssertTrue(problems[1].hasPrefix("c.toml:7: keys.sort: 'k' is already bound to moveUp; keeping the defaults for sort"))
        XCTAssertEqual(map.action(for: .char("s")), .sortNextColumn, "the default stays")
        XCTAssertTrue(problems[2].hasPrefix("c.toml:8: keys.export: unknown key 'NoSuchKey'"))
        XCTAssertEqual(map.action(for: .char("e")), .export)
        // The help lists the new keys.
        XCTAssertEqual(map.bindings.first { $0.action == .moveDown }?.keys, [.ctrl("n"), .down])
    }

    func testKeyHintsFollowTheKeyMap() throws {
        let (map, _) = KeyMap.standard.applying([KeyMap.Rebinding(action: "quit", keys: ["Q"], location: "c:1")])
        var state = try bundledState()
        state.keyMap = map
        let last = Renderer(theme: .monochrome).render(state).lines().last!
        XCTAssertTrue(last.contains("Q 退出") && !last.contains("q 退出"), last)
    }

    func testTerminalKeysCannotBeBound() {
        let (map, problems) = KeyMap.standard.applying([
            KeyMap.Rebinding(action: "moveDown", keys: ["Ctrl-C"], location: "c:2"),
            KeyMap.Rebinding(action: "quit", keys: ["Ctrl-Ç"], location: "c:3"),
        ])
        XCTAssertEqual(map.action(for: .char("j")), .moveDown, "defaults kept")
        XCTAssertTrue(problems[0].contains("'Ctrl-C' belongs to the terminal"), problems[0])
        XCTAssertTrue(problems[1].contains("unknown key 'Ctrl-Ç'"), problems[1])
    }

    func testEveryActionHasAConfigName() {
        for b in KeyMap.standard.bindings {
            XCTAssertNotNil(KeyNames.actions.first { $0.action == b.action }, "\(b.label) cannot be rebound")
        }
    }

    func testMouseClickSelectsDoubleClickOpensWheelScrolls() throws {
        var s = try bundledState(width: 100, height: 30)
        let body = Renderer.bodyRect(width: 100, height: 30)
        s = update(s, .mouse(MouseEvent(kind: .click, x: 5, y: body.y + 1 + 3)))
        XCTAssertEqual(s.selection, 3)
        s = update(s, .mouse(MouseEvent(kind: .wheelUp, x: 5, y: 10)))
        XCTAssertEqual(s.selection, 0)
        s = update(s, .mouse(MouseEvent(kind: .doubleClick, x: 5, y: body.y + 1 + 4)))
        XCTAssertEqual(s.screen.kind, .townPage("haiyan"))
        s = update(s, .back)
        let tab = Renderer.tabs(s)[3].columns  // 0 overview, 1 towns, 2 types, 3 entities
        s = update(s, .mouse(MouseEvent(kind: .click, x: tab.lowerBound + 1, y: 1)))
        XCTAssertEqual(s.screen.kind, .entityList)
        let below = update(s, .mouse(MouseEvent(kind: .click, x: 5, y: 28)))
        XCTAssertEqual(below.selection, s.selection, "a click outside the rows changes nothing")
    }
}
