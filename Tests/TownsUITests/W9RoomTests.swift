import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Task w9-room: a fresh user's findings on following a presenter, the command line and sorts.
final class W9RoomTests: XCTestCase {
    /// A command typed at `:` and run with Enter, key by key.
    func typed(_ state: AppState, _ text: String) -> AppState {
        handle(text.reduce(handle(state, .char(":"))) { handle($0, .char($1)) }, .enter)
    }

    /// The presenter's session as it travels: encoded and decoded.
    func sent(_ presenter: AppState) throws -> Session {
        try JSONDecoder().decode(Session.self, from: try JSONEncoder().encode(presenter.sessionForFollowers))
    }

    func follower(following presenter: AppState) throws -> AppState {
        var f = try bundledState(width: 100, height: 30, period: "2015-09")
        f = apply(f, .runCommand("lang en"))
        f = update(f, .meeting(.joined(meeting: "m2", presenter: "root")))
        return update(f, .meeting(.followed(try sent(presenter), presenterData: "d", ownData: "d")))
    }

    /// Finding 1: a follower's commands that move around are refused as its keys are, with the
    /// same message; those of the keys it keeps still run; browsing alone, every command runs.
    func testAFollowersCommandsThatMoveAroundAreRefusedAsItsKeysAre() throws {
        let p = apply(try bundledState(width: 100, height: 30, period: "2015-09"), .showView(.townList))
        let f = try follower(following: p)
        let refusedKey = update(f, .sortNextColumn).message
        XCTAssertEqual(refusedKey, "the presenter drives (f to browse alone)")
        for command in ["sort 2", "period 2015-08", "filter behind", "town nanhu", "view 4", "search hai",
                        "changes prev", "ref", "3"] {
            let t = typed(f, command)
            XCTAssertEqual(t.session.stack, f.session.stack, command)
            XCTAssertEqual(t.session.periodID, f.session.periodID, command)
            XCTAssertEqual(t.filter, f.filter, command)
            XCTAssertNil(t.search, command)
            XCTAssertEqual(t.message, refusedKey, command)
            XCTAssertEqual(update(f, .runCommand(command)).session.stack, f.session.stack, command)
        }
        XCTAssertEqual(typed(f, "lang zh").language, .zh, "the follower's own language")
        XCTAssertNotEqual(typed(f, "columns").message, refusedKey, "a message, as the key M's list is")
        XCTAssertTrue(typed(f, "messages").screen.kind == .messages, "as M")
        // Browsing alone, the commands run.
        let alone = update(f, .meeting(.toggleFollow))
        XCTAssertEqual(typed(alone, "period 2015-08").session.periodID, "2015-08")
        XCTAssertTrue(typed(alone, "filter behind").filter.behindSchedule)
        XCTAssertEqual(typed(alone, "town nanhu").screen.kind, .townPage("nanhu"))
        XCTAssertNotNil(typed(alone, "sort 2").screen.sortColumn)
    }
}

extension W9RoomTests {
    /// Finding 2: a narrowing search still being typed (`&`, or `/` then Ctrl-F) is not sent:
    /// the follower shows every row, no `/nanhu` chip; Enter sends it.
    func testASearchBeingTypedIsNotSentNorTheRowsItNarrowsTo() throws {
        let p0 = apply(try bundledState(width: 100, height: 30, period: "2015-09"), .showView(.townList))
        let everyRow = try XCTUnwrap(p0.content(for: p0.screen)).rows.count
        for start in [[Action.startNarrowing], [.startSearch, .searchKey(.ctrl("f"))], [.startSearch]] {
            var p = p0
            for action in start { p = update(p, action) }
            p = "nanhu".reduce(p) { update($0, .searchKey(.char($1))) }
            XCTAssertEqual(p.search?.editing, true)
            var f = try follower(following: p0)
            f = update(f, .meeting(.followed(try sent(p), presenterData: "d", ownData: "d")))
            XCTAssertNil(f.search, "\(start)")
            XCTAssertNil(f.screen.narrow, "\(start)")
            XCTAssertEqual(f.content(for: f.screen)?.rows.count, everyRow, "every row: \(start)")
            XCTAssertFalse(screen(f).joined().contains("nanhu"), screen(f).joined(separator: "\n"))
            XCTAssertEqual(f.screen.selected, .townPage("nanhu"), "the selection it moved is sent")
            // Confirmed, it is sent.
            p = update(p, .searchKey(.enter))
            f = update(f, .meeting(.followed(try sent(p), presenterData: "d", ownData: "d")))
            XCTAssertEqual(f.search, SearchState(query: "nanhu", editing: false), "\(start)")
            XCTAssertEqual(f.screen.narrow, p.screen.narrow, "\(start)")
        }
    }
}

extension W9RoomTests {
    /// Finding 3: `:town NAME` opens the page over the list shown, as Enter does: Esc returns to
    /// the towns view or the types view with its sort (and narrowing) as it was.
    func testTownKeepsTheSortOfTheListItOpensFrom() throws {
        let base = try bundledState(width: 100, height: 30, period: "2015-09")
        // The towns view, smallest first by its 8th column (`<` `8`).
        var towns = apply(base, .showView(.townList), .chooseSort(descending: false))
        towns = handle(towns, .char("8"))
        let column = try XCTUnwrap(towns.screen.sortColumn)
        let opened = typed(towns, "town tongxiang")
        XCTAssertEqual(opened.screen.kind, .townPage("tongxiang"))
        let back = update(opened, .back)
        XCTAssertEqual(back.stack.count, 1)
        XCTAssertEqual(back.screen.kind, .townList)
        XCTAssertEqual(back.screen.sortColumn, column, "the sort kept")
        XCTAssertFalse(back.screen.sortDescending)
        XCTAssertEqual(back.screen.selected, .townPage("tongxiang"), "on the town's row")
        // As Enter on that row then Esc.
        let row = try XCTUnwrap(towns.content(for: towns.screen)?.targets.firstIndex(of: .townPage("tongxiang")))
        var onRow = towns
        onRow.screen = onRow.selecting(onRow.screen, row: row)
        let entered = update(onRow, .open)
        XCTAssertEqual(opened.session.stack.map(\.kind), entered.session.stack.map(\.kind))
        XCTAssertEqual(update(entered, .back).screen.sortColumn, back.screen.sortColumn)
        // A town's page to another's: the towns view under it stays as it was.
        let other = typed(opened, "town nanhu")
        XCTAssertEqual(other.stack.map(\.kind), [.townList, .townPage("nanhu")])
        XCTAssertEqual(other.stack[0].sortColumn, column)

        // The types view, sorted by its 2nd column largest first: Esc returns to it.
        var types = apply(base, .showView(.typeList), .chooseSort(descending: true))
        types = handle(types, .char("2"))
        let typeColumn = try XCTUnwrap(types.screen.sortColumn)
        let fromTypes = update(typed(types, "town tongxiang"), .back)
        XCTAssertEqual(fromTypes.screen.kind, .typeList)
        XCTAssertEqual(fromTypes.screen.sortColumn, typeColumn)
        XCTAssertTrue(fromTypes.screen.sortDescending)

        // A narrowed towns view keeps its narrowing (and the filter stays).
        var narrowed = apply(base, .showView(.townList), .toggleBehindFilter, .startNarrowing)
        narrowed = apply(narrowed, .searchKey(.char("h")), .searchKey(.enter))
        let keptNarrow = try XCTUnwrap(narrowed.screen.narrow)
        let afterTown = update(typed(narrowed, "town haiyan"), .back)
        XCTAssertEqual(afterTown.screen.narrow, keptNarrow)
        XCTAssertEqual(afterTown.filter, narrowed.filter)

        // From the overview, the page goes over the towns view, as it always did.
        XCTAssertEqual(typed(apply(base, .showView(.overview)), "town haiyan").stack.map(\.kind),
                       [.townList, .townPage("haiyan")])
    }
}

extension W9RoomTests {
    /// Finding 4: the empty `:` prompt's command list is cut at a word, ending with the cut mark
    /// where not every name fits; wide enough, every name shows and no mark.
    func testTheCommandListIsCutAtAWord() throws {
        let ascii = Renderer(theme: .monochrome, glyphs: .ascii)
        for (width, language, renderer, cut) in [(100, Language.zh, plainRenderer, "…"), (80, .en, plainRenderer, "…"),
                                                 (60, .en, ascii, "$"), (200, .zh, plainRenderer, "…")] {
            var s = try bundledState(width: width, height: 30, period: "2015-09")
            s.language = language
            s = update(s, .startCommand)
            let line = renderer.render(s).lines()[s.height - 2]
            let lead = s.tr(Catalogue.commandsTabCompletes)
            let listed = try XCTUnwrap(line.range(of: lead).map { String(line[$0.upperBound...]) }, line)
            var words = listed.split(separator: " ").map(String.init)
            let cutShown = words.last == cut
            if cutShown { words.removeLast() }
            XCTAssertEqual(words, Array(Commands.names.prefix(words.count)), "whole names, in order: \(line)")
            XCTAssertEqual(cutShown, words.count < Commands.names.count, "the mark says more follow: \(line)")
            XCTAssertGreaterThan(words.count, 3, line)
            if width == 200 { XCTAssertEqual(words, Commands.names) }
        }
    }

    /// `:view 9` lists every view `:view` takes, each with its digit; each listed works.
    func testANamelessViewListsEveryViewWithItsDigit() throws {
        let s = try bundledState(width: 100, height: 30, period: "2015-09")
        for language in Language.allCases {
            var t = s
            t.language = language
            let message = try XCTUnwrap(typed(t, "view 9").message)
            let list = try XCTUnwrap(message.split(separator: language == .zh ? "：" : ":").last)
            let words = list.split(separator: " ").map(String.init)
            XCTAssertEqual(words.count, 2 * AppState.topViews.count, message)
            for (i, kind) in AppState.topViews.enumerated() {
                XCTAssertEqual(words[2 * i], "\(i)", message)
                let names = words[2 * i + 1].split(separator: "/").map(String.init)
                for name in names + [words[2 * i]] {
                    XCTAssertEqual(typed(t, "view " + name).stack.map(\.kind), [kind], "\(name) in \(message)")
                }
            }
        }
    }
}
