import Foundation
import TownsCore
import TownsUI
import XCTest

/// The session (what the user did) is a plain value, and every change, keys or not, is an
/// action of `update`: start-up settings, reloads, the result of an export.
final class SessionTests: XCTestCase {
    func bundled() throws -> Dataset { try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset }

    func roundTrip(_ session: Session) throws -> Session {
        try JSONDecoder().decode(Session.self, from: try JSONEncoder().encode(session))
    }

    func testEverySessionEncodesAndDecodesToAnEqualOne() throws {
        let kinds: [Screen.Kind] = [.townList, .typeList, .townsOfType(3), .entityList, .townsOfEntity("jiaxing-investment"), .townsOfEntity(nil),
                                    .townPage("haining"), .assessment, .province, .city("嘉兴市"), .cityTotals]
        var compared = 0
        for kind in kinds {
            var s = try bundledState(period: "2015-09")
            s = apply(s, .showView(.typeList))
            s.stack.append(Screen(kind, selected: .townPage("nanhu"), scroll: 1, sortColumn: 3, sortDescending: true))
            s = update(s, .moveDown)
            XCTAssertEqual(try roundTrip(s.session), s.session, "\(kind)")
            compared += 1
        }
        // Every part set at once: filter with a stage, a search being typed, the command line
        // with its history and a completion, help scrolled, a warning.
        var s = try bundledState()
        s = update(s, .runCommand("filter stage creation"))
        s = update(s, .runCommand("lang en"))
        s.history = ["view types", "filter behind"]
        s = update(s, .startCommand)
        s = update(s, .commandKey(.char("v")))
        s = update(s, .commandKey(.tab))
        s = update(s, .toggleHelp)
        s.helpScroll = 3
        s.search = SearchState(query: "海宁", editing: true)
        s.session.flash = Flash("careful", level: .warning)
        s.session.themeName = "light"
        XCTAssertNotNil(s.completion)
        XCTAssertEqual(s.filter.stage, .creation)
        XCTAssertEqual(try roundTrip(s.session), s.session)
        XCTAssertNotEqual(try roundTrip(s.session), try bundledState().session, "a decoded session is not just any session")
        XCTAssertEqual(compared, kinds.count)
    }

    func testTheSelectionIsNamedByWhatTheRowOpens() throws {
        var s = try bundledState(period: "2015-09")
        s = apply(s, .moveDown, .moveDown)
        XCTAssertEqual(s.screen.selected, .townPage("jiashan"))
        s = apply(s, .last, .moveDown)
        XCTAssertEqual(s.screen.selected, .cityTotals, "the totals row opens the city's totals")
        s = apply(s, .showView(.typeList), .moveDown)
        XCTAssertEqual(s.screen.selected, .townsOfType(2))
    }

    func testStartUpSettingsAreAnAction() throws {
        var s = try bundledState(period: "2015-09")
        s.themeNames = ["default", "light"]
        var keys = KeyMap.standard
        keys = keys.applying([KeyMap.Rebinding(action: "help", keys: ["F2"], location: "c:1")]).0
        let settings = Settings(language: .en, themeName: "light", view: .entityList, periodID: "2015-08",
                                source: "c.toml", notices: [], keyMap: keys)
        let (r, effects) = step(s, .configure(settings))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(r.language, .en)
        XCTAssertEqual(r.session.themeName, "light")
        XCTAssertEqual(r.themeIndex, 1)
        XCTAssertEqual(r.stack.map(\.kind), [.entityList])
        XCTAssertEqual(r.period?.id, "2015-08")
        XCTAssertEqual(r.keyMap, keys)
        XCTAssertNil(r.session.flash)
        // A period the data lacks and a problem found reading the file: a warning naming the
        // period first, with how many more; an unknown theme leaves the theme as it was.
        var bad = Settings(language: .en, themeName: "neon", periodID: "2031-01", source: "c.toml",
                           notices: ["c.toml:3: mouse: expected true or false"])
        let w = update(s, .configure(bad))
        XCTAssertEqual(w.session.flash?.level, .warning)
        XCTAssertEqual(w.session.flash?.text,
                       "c.toml: period: '2031-01' is not a period of the data (2015-08 2015-09 2015-12) (+1 more: towns config)")
        bad.language = .zh
        XCTAssertEqual(update(s, .configure(bad)).session.flash?.text,
                       "c.toml: period：「2031-01」不是数据中的期间（2015-08 2015-09 2015-12）（另 1 项：towns config）")
        XCTAssertEqual(w.period?.id, "2015-09")
        XCTAssertEqual(w.session.themeName, "default")
    }

    func testQuitAndExportAreEffects() throws {
        let s = try bundledState()
        XCTAssertEqual(step(s, .quit).effects, [.quit])
        XCTAssertEqual(step(s, .export).effects, [.export(ExportRequest(format: .csv, path: nil, byteOrderMark: true))])
        XCTAssertEqual(step(s, .moveDown).effects, [])
        let page = update(s, .open)
        XCTAssertEqual(step(page, .export).effects, [.export(ExportRequest(format: .text))], "a town's page as text")
        XCTAssertEqual(step(s, .runCommand("quit")).effects, [.quit])
        // The effect is not kept in the state: the next action asks for nothing.
        XCTAssertEqual(step(step(s, .export).state, .moveDown).effects, [])
    }

    func testAnExportsResultIsAnAction() throws {
        let s = update(try bundledState(), .first)
        let done = update(s, .exportFinished("exported 5 rows to /tmp/x.csv", failed: false))
        XCTAssertEqual(done.session.flash, Flash("exported 5 rows to /tmp/x.csv", level: .info))
        let failed = update(s, .exportFinished("export failed: /nope/x.csv: No such file or directory", failed: true))
        XCTAssertEqual(failed.session.flash?.level, .warning)
        XCTAssertEqual(failed.session, { var t = s.session; t.flash = failed.session.flash; return t }(), "nothing else changes")
    }

    func testAReloadIsAnActionAndKeepsTheSessionWhole() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s.themeNames = ["default", "light"]
        s = apply(s, .toggleLanguage, .cycleTheme, .toggleBehindFilter, .sortNextColumn, .sortNextColumn, .sortReverse)
        s = update(s, .runCommand("search haiyan"))
        s.history = ["search haiyan"]
        XCTAssertEqual(s.screen.selected, .townPage("haiyan"))
        let before = s.session
        // Another import: a town added in front of every other moves every row down by one.
        var d = try bundled()
        var extra = d.towns[0]
        extra.id = "newtown"; extra.nameZH = "新小镇"; extra.nameEN = "New Town"
        d.towns.insert(extra, at: 0)
        let (r, effects) = step(s, .dataReloaded(Facts(dataset: d), changedAt: "14:02:11", warnings: 2))
        XCTAssertEqual(effects, [])
        XCTAssertEqual(r.dataChangedAt, "14:02:11")
        XCTAssertEqual(r.message, "data reloaded (2 warnings: towns check)")
        XCTAssertEqual(r.language, .en)
        XCTAssertEqual(r.session.themeName, "light")
        XCTAssertEqual(r.filter, before.filter)
        XCTAssertEqual(r.search, before.search)
        XCTAssertEqual(r.history, before.history)
        XCTAssertEqual(r.period?.id, before.periodID)
        XCTAssertEqual(r.screen.sortColumn, before.stack[0].sortColumn)
        XCTAssertEqual(r.screen.sortDescending, true)
        XCTAssertEqual(r.screen.selected, .townPage("haiyan"), "the same town is selected")
        XCTAssertEqual(r.content(for: r.screen)?.target(at: r.selection), .townPage("haiyan"))
        var same = r.session
        same.flash = before.flash
        same.stack[0].scroll = before.stack[0].scroll
        XCTAssertEqual(same, before, "nothing else of the session changed")
        XCTAssertEqual(r.dataset.towns.count, 6)
    }

    func testAReloadThatFailsOrIsUndoneIsAnAction() throws {
        let s = update(try bundledState(), .moveDown)
        let failed = update(update(s, .dataReloaded(Facts(dataset: try bundled()), changedAt: nil, warnings: 0)),
                            .reloadFailed("monthly/2015-10.toml:3: figure[1]: no town 'x'", more: 2))
        // In Chinese the count of further problems is Chinese too (wave 8; the problem is the caller's words).
        XCTAssertEqual(failed.reloadProblem, "数据未更新：monthly/2015-10.toml:3: figure[1]: no town 'x'（另有 2 个：towns check）")
        var en = s
        en.language = .en
        XCTAssertEqual(update(en, .reloadFailed("f.toml:3: x", more: 2)).reloadProblem,
                       "not reloaded: f.toml:3: x (+2 more: towns check)")
        XCTAssertNil(failed.message, "no earlier message stands over the problem")
        XCTAssertEqual(failed.selection, 1)
        XCTAssertNil(update(failed, .dataUnchanged).reloadProblem)
    }

    func testKeysAreNamedAsTheKeyMapBindsThem() throws {
        let (map, problems) = KeyMap.standard.applying([
            KeyMap.Rebinding(action: "help", keys: ["F2"], location: "c:1"),
            KeyMap.Rebinding(action: "search", keys: ["u"], location: "c:2"),
            KeyMap.Rebinding(action: "quit", keys: ["x"], location: "c:3"),
        ])
        XCTAssertEqual(problems, [])
        var s = update(try bundledState(), .first)
        s.keyMap = map
        XCTAssertEqual(update(s, .unboundKey(.char("z"))).message, "未绑定的键 z；F2 查看帮助")
        XCTAssertEqual(handle(s, .char("/")).message, "未绑定的键 /；F2 查看帮助")
        XCTAssertEqual(update(s, .nextMatch).message, "没有搜索；u 开始搜索")
        XCTAssertEqual(update(s, .back).message, "已在顶层 — x 退出")
        XCTAssertEqual(handle(s, .char("x")).session, s.session, "x quits: an effect, no change")
        XCTAssertEqual(step(s, route(.char("x"), in: s)).effects, [.quit])
        let hints = screen(s).last!
        XCTAssertTrue(hints.contains("u 搜索") && hints.contains("F2 帮助") && hints.contains("x 退出"), hints)
        let help = wholeHelp(apply(s, .toggleHelp))
        XCTAssertTrue(help.contains { $0.contains("│ F2 ") && $0.hasSuffix(" 帮助") || $0.contains(" 帮助 ") }, help.joined(separator: "\n"))
        XCTAssertTrue(help.last!.contains("Esc/F2 关闭帮助") && help.last!.contains("x 退出"), help.last!)
    }

    func testConflictsAreFoundWhateverTheOrderOfTheLines() {
        // q moves from quit to search, x to quit: fine in either order.
        let lines = [KeyMap.Rebinding(action: "search", keys: ["q"], location: "c:1"),
                     KeyMap.Rebinding(action: "quit", keys: ["x"], location: "c:2")]
        let (a, pa) = KeyMap.standard.applying(lines)
        let (b, pb) = KeyMap.standard.applying(lines.reversed())
        XCTAssertEqual(pa, [])
        XCTAssertEqual(pb, [])
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.action(for: .char("q")), .startSearch)
        XCTAssertEqual(a.action(for: .char("x")), .quit)
        // A key two lines both take, or one another action keeps: reported in either order.
        let clash = [KeyMap.Rebinding(action: "search", keys: ["z"], location: "c:1"),
                     KeyMap.Rebinding(action: "help", keys: ["z"], location: "c:2"),
                     KeyMap.Rebinding(action: "theme", keys: ["j"], location: "c:3")]
        let (c, pc) = KeyMap.standard.applying(clash)
        let (d, pd) = KeyMap.standard.applying(clash.reversed())
        XCTAssertEqual(c, d)
        XCTAssertEqual(pc.count, 3, pc.joined(separator: "\n"))
        XCTAssertEqual(Set(pc), Set(pd))
        XCTAssertEqual(c.action(for: .char("/")), .startSearch, "defaults kept")
        XCTAssertEqual(c.action(for: .char("j")), .moveDown)
        XCTAssertTrue(pc[2].hasPrefix("c:3: keys.theme: 'j' is already bound to moveDown"), pc[2])
    }

    func testSearchTextIsBoundedAndAPasteCostsNoMoreThanTheLongestQuery() throws {
        var s = update(try bundledState(), .startSearch)
        let paste = String(repeating: "海宁", count: 3_000)
        for c in paste { s = update(s, .searchKey(.char(c))) }
        XCTAssertEqual(s.search?.query.count, SearchState.maximumLength)
        XCTAssertEqual(s.message, "搜索最多 200 个字")
        XCTAssertEqual(s.search?.editing, true)
        // Backspace makes room again.
        s = update(s, .searchKey(.backspace))
        XCTAssertEqual(s.search?.query.count, SearchState.maximumLength - 1)
        s = update(s, .searchKey(.char("x")))
        XCTAssertEqual(s.search?.query.count, SearchState.maximumLength)
    }

    func testTheMatchCountStaysAfterAResize() throws {
        var s = update(try bundledState(period: "2015-09"), .runCommand("search 小镇"))
        XCTAssertEqual(s.message, "匹配 1/5「小镇」")
        s = update(s, .nextMatch)
        XCTAssertEqual(s.message, "匹配 2/5「小镇」")
        s = update(s, .resize(width: 120, height: 40))
        XCTAssertEqual(s.message, "匹配 2/5「小镇」")
        XCTAssertTrue(screen(s)[38].contains("匹配 2/5"), screen(s)[38])
    }
}
