import TownsCore
import TownsUI
import XCTest

/// Below the smallest screen (60x14) only "terminal too small" is drawn: keys must not act
/// unseen (a fresh user at 40x12 opened a town's page with `j Enter` and wrote an export with
/// `e`, seen only after resizing back). Only the quit key acts.
final class W19TooSmallTests: XCTestCase {
    func testKeysDoNothingWhileTheTerminalIsTooSmallButQuit() throws {
        let wide = try bundledState()
        let small = update(wide, .resize(width: 40, height: 12))
        XCTAssertTrue(screen(small).joined().contains("terminal too small") || screen(small).joined().contains("终端太小"))
        var s = small
        for key: Key in [.char("j"), .enter, .char("e"), .char("2"), .char(">"), .char("/"), .char(":")] {
            s = handle(s, key)
        }
        XCTAssertEqual(s.stack.map(\.kind), small.stack.map(\.kind), "no page opened, no view changed")
        XCTAssertNil(s.commandLine)
        XCTAssertNil(s.search)
        XCTAssertTrue(step(s, route(.char("e"), in: s)).effects.isEmpty, "no export asked for")
        XCTAssertEqual(route(.char("q"), in: s), .quit, "q quits, as the message says")
        // Back at a usable size the same keys act again.
        let back = update(s, .resize(width: 100, height: 30))
        XCTAssertEqual(route(.char("2"), in: back), .showView(.typeList))
        XCTAssertEqual(screen(back).count, 30)
        XCTAssertFalse(screen(back).joined().contains("too small"))
        // What was said of the key pressed while too small is not "unbound" (a fresh user pressed
        // 2 at 40x12 and read `未绑定的键 2` at 60x14).
        XCTAssertFalse(back.message?.contains("does nothing") ?? false, back.message ?? "")
        XCTAssertFalse(back.message?.contains("未绑定") ?? false, back.message ?? "")
        XCTAssertTrue(back.message?.contains("too small") == true || back.message?.contains("终端太小") == true,
                      back.message ?? "no message")
    }

    /// A reload that fails is logged (`:messages`) as well as shown, once per new problem (the
    /// poll says it again every second).
    func testAFailedReloadIsInTheMessageLogOnce() throws {
        var s = try bundledState()
        let before = s.messageLog.entries.count
        s = update(s, .reloadFailed("figures.toml:3: figure[0].value: not a number", more: 1))
        s = update(s, .reloadFailed("figures.toml:3: figure[0].value: not a number", more: 1))
        XCTAssertEqual(s.messageLog.entries.count, before + 1)
        XCTAssertTrue(s.messageLog.entries.last?.text.contains("figures.toml:3") == true)
        s = update(s, .reloadFailed("towns.toml:9: town[2].id: missing", more: 0))
        XCTAssertEqual(s.messageLog.entries.count, before + 2)
    }

    /// A top view keeps its sort while another is shown (1 2 1, Tab round, :view), as the filter
    /// does; a view never sorted opens in the data's order; the kept sorts survive the session's
    /// JSON (a saved session, a presenter's update) and a session without them still reads.
    func testATopViewKeepsItsSortWhileAnotherIsShown() throws {
        var s = try bundledState(period: "2015-09")
        s = update(s, .sortNextColumn)
        s = update(s, .sortNextColumn)
        s = update(s, .sortReverse)
        let column = try XCTUnwrap(s.screen.sortColumn)
        XCTAssertTrue(s.screen.sortDescending)
        let order = screen(s)
        s = update(s, .showView(.typeList))
        XCTAssertNil(s.screen.sortColumn, "the types view was never sorted")
        s = update(s, .showView(.townList))
        XCTAssertEqual(s.screen.sortColumn, column)
        XCTAssertTrue(s.screen.sortDescending)
        XCTAssertEqual(screen(s).dropFirst(3).prefix(8), order.dropFirst(3).prefix(8), "the same rows in the same order")
        for _ in AppState.topViews { s = update(s, .nextView) }
        XCTAssertEqual(s.screen.kind, .townList)
        XCTAssertEqual(s.screen.sortColumn, column, "a Tab round")
        s = update(s, .runCommand("view types"))
        s = update(s, .runCommand("view towns"))
        XCTAssertEqual(s.screen.sortColumn, column, ":view")
        s = update(s, .showView(.typeList))
        let json = try JSONEncoder().encode(s.session)
        let back = try JSONDecoder().decode(Session.self, from: json)
        XCTAssertEqual(back.viewSorts, s.session.viewSorts)
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? [String: Any])
        object.removeValue(forKey: "viewSorts")
        let old = try JSONDecoder().decode(Session.self, from: JSONSerialization.data(withJSONObject: object))
        XCTAssertNil(old.viewSorts, "a session saved before wave 19 reads")
    }

    /// The filter's county in the session's language, however it was typed (a fresh user saw
    /// `filter: county 海宁市` in English): the breadcrumb's chip and the status message.
    func testTheFilteredCountyIsNamedInTheSessionsLanguage() throws {
        var s = try bundledState(width: 120, height: 30)
        s.language = .en
        let en = try XCTUnwrap(s.dataset.town("haining")?.countyEN)
        XCTAssertFalse(en.isEmpty)
        s = update(s, .runCommand("filter county 海宁市"))
        XCTAssertTrue(s.message?.contains("county \(en)") == true, s.message ?? "no message")
        let text = screen(s).joined(separator: "\n")
        XCTAssertTrue(text.contains("county \(en)"), text)
        XCTAssertFalse(text.contains("海宁市"), text)
        s.language = .zh
        XCTAssertTrue(screen(s).joined().contains("县 海宁市"))
        s.language = .zh
        s = update(s, .runCommand("filter county \(en.lowercased())"))
        XCTAssertTrue(screen(s).joined().contains("县 海宁市"), "typed in English, shown in Chinese")
    }
}
