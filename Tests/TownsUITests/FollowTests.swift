import Foundation
import TownsCore
import TownsUI
import XCTest

/// Meetings in the session (issue 16): what followers are sent, and what a follower does with
/// it, all through `update` (`Action.meeting`).
final class FollowTests: XCTestCase {
    /// The presenter's session as it travels: encoded and decoded.
    func sent(_ presenter: AppState) throws -> Session {
        try JSONDecoder().decode(Session.self, from: try JSONEncoder().encode(presenter.session.forFollowers))
    }

    func follower(width: Int = 80, height: Int = 24) throws -> AppState {
        var s = try bundledState(width: width, height: height, period: "2015-09")
        s.themeNames = ["default", "light"]
        s = apply(s, .runCommand("lang en"), .runCommand("theme light"))
        return update(s, .meeting(.joined(meeting: "weekly", presenter: "alice")))
    }

    func testForFollowersLeavesOutTheCommandLineHelpAndTyping() throws {
        var p = try bundledState(width: 120, height: 40, period: "2015-09")
        p = apply(p, .moveDown, .startSearch, .searchKey(.char("h")))
        p.history = ["view types"]
        p = apply(p, .toggleHelp, .startCommand, .commandKey(.char("v")))
        let s = p.session.forFollowers
        XCTAssertNotNil(p.commandLine)
        XCTAssertNil(s.commandLine)
        XCTAssertEqual(s.history, [])
        XCTAssertFalse(s.showHelp)
        XCTAssertNil(s.search, "a search being typed is not sent")
        XCTAssertEqual(s.stack, p.stack, "the place is")
        p = apply(p, .commandKey(.escape), .toggleHelp, .startSearch, .searchKey(.char("h")), .searchKey(.enter))
        XCTAssertEqual(p.session.forFollowers.search, SearchState(query: "h", editing: false), "a search done is sent")
    }

    func testAFollowerTakesThePlaceAndKeepsItsOwnSizeLanguageAndTheme() throws {
        var p = try bundledState(width: 120, height: 40, period: "2015-09")
        var f = try follower()
        // Tab, j, Enter, ], b, as in the tmux test; each sent and applied.
        for action: Action in [.nextView, .moveDown, .open, .nextPeriod, .back, .showView(.townList),
                               .toggleBehindFilter, .moveDown, .sortNextColumn] {
            p = update(p, action)
            f = update(f, .meeting(.followed(try sent(p), presenterData: "d1", ownData: "d1")))
            XCTAssertEqual(f.stack.map(\.kind), p.stack.map(\.kind), "\(action)")
            XCTAssertEqual(f.session.periodID, p.session.periodID, "\(action)")
            XCTAssertEqual(f.filter, p.filter, "\(action)")
            XCTAssertEqual(f.screen.selected, p.screen.selected, "\(action)")
            XCTAssertEqual(f.screen.sortColumn, p.screen.sortColumn, "\(action)")
        }
        XCTAssertNotEqual(p.session.periodID, "2015-09", "the period moved")
        XCTAssertTrue(f.filter.behindSchedule)
        XCTAssertEqual(f.language, .en)
        XCTAssertEqual(f.session.themeName, "light")
        XCTAssertEqual(f.width, 80)
        XCTAssertEqual(f.height, 24)
        let lines = screen(f)
        XCTAssertTrue(lines.last!.contains("following alice"), lines.last!)
    }

    func testASelectionBelowTheFollowersScreenIsScrolledIntoView() throws {
        var p = try bundledState(width: 120, height: 40, period: "2015-09")
        p = apply(p, .last)
        var f = try follower(height: 12)
        f = update(f, .meeting(.followed(try sent(p), presenterData: "d", ownData: "d")))
        XCTAssertEqual(f.screen.selected, p.screen.selected)
        XCTAssertGreaterThan(f.screen.scroll, 0, "scrolled on the small screen")
        XCTAssertEqual(p.screen.scroll, 0, "not on the large one")
    }

    func testTheFollowerDoesNotDriveButMayBrowseAloneAndRejoin() throws {
        var p = try bundledState(width: 120, height: 40, period: "2015-09")
        var f = try follower()
        f = update(f, .meeting(.followed(try sent(p), presenterData: "d", ownData: "d")))
        let before = f.session
        f = apply(f, .moveDown, .nextView, .nextPeriod)
        XCTAssertEqual(f.session.stack, before.stack, "keys that move around are refused while following")
        XCTAssertEqual(f.session.periodID, before.periodID)
        XCTAssertEqual(f.message, "the presenter drives (f to browse alone)")
        f = update(f, .toggleLanguage)
        XCTAssertEqual(f.language, .zh, "the language is the follower's own")

        f = update(f, .meeting(.toggleFollow))
        XCTAssertTrue(screen(f).last!.contains("独自浏览"))
        f = apply(f, .showView(.assessment), .nextPeriod)
        XCTAssertEqual(f.stack[0].kind, .assessment, "alone, it drives itself")
        p = apply(p, .moveDown, .moveDown, .open)
        f = update(f, .meeting(.followed(try sent(p), presenterData: "d", ownData: "d")))
        XCTAssertEqual(f.stack[0].kind, .assessment, "alone, the presenter's moves are not applied")
        f = update(f, .meeting(.toggleFollow))
        XCTAssertEqual(f.stack.map(\.kind), p.stack.map(\.kind), "rejoined at the presenter's current place")
        XCTAssertEqual(f.session.periodID, p.session.periodID)
    }

    func testDataThatDiffersIsSaidAndNotMixed() throws {
        var p = try bundledState(width: 120, height: 40, period: "2015-09")
        var f = try follower()
        let own = f.session
        p = apply(p, .nextView, .moveDown)
        f = update(f, .meeting(.followed(try sent(p), presenterData: "theirs", ownData: "mine")))
        XCTAssertEqual(f.session.stack, own.stack, "the follower's own place and data stay")
        XCTAssertEqual(f.session.flash?.level, .warning)
        XCTAssertTrue(f.message!.contains("data differs"), f.message!)
        XCTAssertTrue(screen(f).last!.contains("data differs"))
        f = apply(f, .moveDown)
        XCTAssertEqual(f.selection, 1, "with its own data it browses alone")
        f = update(f, .meeting(.followed(try sent(p), presenterData: "same", ownData: "same")))
        XCTAssertEqual(f.stack.map(\.kind), p.stack.map(\.kind), "the same data again: following again")
    }

    func testTheMeetingEndsAndTheFollowerStaysUsable() throws {
        var f = try follower()
        f = update(f, .meeting(.ended("会议已结束 / meeting ended")))
        XCTAssertEqual(f.meeting, .ended(name: "weekly", reason: "会议已结束 / meeting ended"))
        XCTAssertTrue(screen(f).joined().contains("meeting ended"), "the status line says so")
        let row = f.selection
        f = update(f, .moveDown)
        XCTAssertEqual(f.selection, row + 1, "keys work again")
        f = update(f, .meeting(.followed(Session(), presenterData: "d", ownData: "d")))
        XCTAssertEqual(f.selection, row + 1, "nothing applied after the end")
    }

    func testThePresenterSeesTheCountAndTheCommandsAskTheFrontEnd() throws {
        var p = try bundledState(width: 120, height: 40)
        p = update(p, .meeting(.presenting(name: "weekly", followers: 2)))
        XCTAssertTrue(screen(p).last!.hasSuffix(" 会议 weekly：2 人跟随"), screen(p).last!)
        XCTAssertEqual(step(p, .runCommand("present")).effects, [.meeting(.present(nil))])
        XCTAssertEqual(step(p, .runCommand("present off")).effects, [.meeting(.stopPresenting)])
        XCTAssertEqual(step(p, .runCommand("follow weekly")).effects, [.meeting(.follow("weekly"))])
        XCTAssertEqual(step(p, .runCommand("cycle 2m")).effects, [.meeting(.cycle(seconds: 120))])
        XCTAssertEqual(step(p, .runCommand("cycle off")).effects, [.meeting(.cycle(seconds: nil))])
        XCTAssertEqual(step(p, .runCommand("cycle soon")).effects, [])
        XCTAssertEqual(update(p, .meeting(.toggleFollow)).message, "未跟随会议（:follow 名称，towns meetings 列出会议）")
    }

    func testThePlaylistStepsThroughItsViews() throws {
        var s = try bundledState(period: "2015-09")
        var shown: [String] = []
        for _ in 0..<5 {
            s = update(s, .meeting(.cycleStep))
            shown.append("\(s.stack[0].kind)\(s.filter.behindSchedule ? "+behind" : "")")
        }
        XCTAssertEqual(shown, ["townList+behind", "typeList", "assessment", "townList", "townList+behind"])
        s.cycleStops = [.province, .entities]
        s = update(s, .meeting(.cycleStep))
        XCTAssertEqual(s.stack[0].kind, .province)
        XCTAssertFalse(s.filter.behindSchedule)
    }

    func testThePlaylistComesFromTheConfiguration() throws {
        let config = ConfigText("view = \"towns\"\ncycle = [\"province\", \"entities\"]\n", path: "c.toml")
        XCTAssertEqual(config.problems, [])
        XCTAssertEqual(config.cycle, [.province, .entities])
        var s = try bundledState(period: "2015-09")
        var settings = Settings()
        settings.cycleStops = config.cycle
        s = apply(s, .configure(settings), .meeting(.cycleStep))
        XCTAssertEqual(s.stack[0].kind, .province)
        s = update(s, .meeting(.cycleStep))
        XCTAssertEqual(s.stack[0].kind, .entityList)
        let bad = ConfigText("mouse = true\ncycle = [\"towns\", \"weather\"]\n", path: "c.toml")
        XCTAssertNil(bad.cycle)
        XCTAssertEqual(bad.problems, ["c.toml:2: cycle: expected a list of views "
                                      + "(towns, behind, types, entities, assessment, province)"])
    }

    func testThePresentationLayoutHasFewerColumnsAndWiderBars() throws {
        var s = try bundledState(width: 80, height: 24, period: "2015-09")
        let usual = screen(s)
        s = handle(s, .char("P"))
        XCTAssertTrue(s.session.presentation)
        let shown = screen(s)
        func barCells(_ line: String) -> Int { line.filter { "█▉▊▋▌▍▎▏│·".contains($0) }.count }
        let header = 3, firstTown = 4
        // Fewer columns: the header names fewer titles than the usual layout's at the same size.
        func titles(_ line: String) -> Int { line.split(separator: " ").count }
        XCTAssertLessThan(titles(shown[header]), titles(usual[header]), "columns left out:\n\(usual[header])\n\(shown[header])")
        XCTAssertLessThan(barCells(usual[firstTown]), Session.presentationBarWidth, usual[firstTown])
        XCTAssertGreaterThanOrEqual(barCells(shown[firstTown]), Session.presentationBarWidth, shown[firstTown])
        var f = try follower()
        f = update(f, .meeting(.followed(try sent(s), presenterData: "d", ownData: "d")))
        XCTAssertFalse(f.session.presentation, "the layout is the follower's own")
        XCTAssertFalse(handle(s, .char("P")).session.presentation, "P again: the usual layout")
    }

    func testWhatThePresenterDoesLeavesTheFollowersMessage() throws {
        var p = try bundledState(width: 120, height: 40, period: "2015-09")
        var f = try follower()
        f = update(f, .meeting(.followed(try sent(p), presenterData: "d", ownData: "d")))
        f = update(f, .moveDown)
        XCTAssertEqual(f.message, "the presenter drives (f to browse alone)")
        p = update(p, .moveDown)
        f = update(f, .meeting(.followed(try sent(p), presenterData: "d", ownData: "d")))
        XCTAssertEqual(f.screen.selected, p.screen.selected)
        XCTAssertEqual(f.message, "the presenter drives (f to browse alone)", "stands until the follower's next key")
        p = update(p, .meeting(.presenting(name: "w", followers: 0)))
        p = update(p, .nextPeriod)
        let said = p.message
        p = update(p, .meeting(.presenting(name: "w", followers: 1)))
        XCTAssertEqual(p.message, said, "a follower joining leaves the presenter's message")
    }
}

/// What a fresh user found in meetings (wave 6): the wall screen's steps and a follower's
/// joining message leave the legend's line free.
final class MeetingMessagesTests: XCTestCase {
    func testEachPlaylistStepClearsThePreviousStepsMessage() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s = update(s, .meeting(.cycleStep))
        XCTAssertTrue(s.filter.behindSchedule)
        // The behind step's filter is said by the breadcrumb's chip; its message would take the
        // legend's place for the whole step (wave 24's fresh user, F9).
        XCTAssertNil(s.message, "the behind step shows the legend")
        var warned = s
        warned.session.flash = Flash("reload failed", level: .warning)
        XCTAssertEqual(update(warned, .meeting(.cycleStep)).message, "reload failed", "a warning stays")
        for _ in 0..<3 {
            s = update(s, .meeting(.cycleStep))
            XCTAssertNil(s.message, "\(s.stack[0].kind): the behind step's message is gone")
            XCTAssertFalse(s.filter.behindSchedule)
        }
        XCTAssertEqual(s.stack[0].kind, .townList)
        let last = screen(s)
        XCTAssertFalse(last.joined().contains("筛选"), last.suffix(2).joined(separator: "\n"))
    }

    func testAFollowersJoiningMessageEndsAtThePresentersFirstMove() throws {
        var p = try bundledState(width: 120, height: 40, period: "2015-09")
        var f = try bundledState(width: 80, height: 24, period: "2015-09")
        f = update(f, .meeting(.joined(meeting: "m3", presenter: "root")))
        func sent() throws -> Session {
            try JSONDecoder().decode(Session.self, from: try JSONEncoder().encode(p.session.forFollowers))
        }
        f = update(f, .meeting(.followed(try sent(), presenterData: "d", ownData: "d")))
        XCTAssertEqual(f.message, "跟随 root 的会议 m3（f 独自浏览）", "said when joining")
        f = update(f, .meeting(.followed(try sent(), presenterData: "d", ownData: "d")))
        XCTAssertNotNil(f.message, "the same place sent again is not a move")
        p = update(p, .moveDown)
        f = update(f, .meeting(.followed(try sent(), presenterData: "d", ownData: "d")))
        XCTAssertNil(f.message, "the presenter moved: the legend's line is the legend's again")
        XCTAssertTrue(screen(f).last!.contains("跟随 root"), "the chip still says it")
    }
}
