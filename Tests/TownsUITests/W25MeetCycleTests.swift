import Foundation
import TownsCore
import TownsUI
import XCTest

/// Wave 25's fresh user, F2: the wall screen's playlist keeps each view's sort, and `:cycle off`
/// gives back the towns filter the presenter had before it.
final class W25MeetCycleTests: XCTestCase {
    func testThePlaylistKeepsTheTownsViewsSort() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s = apply(s, .runCommand("sort 完成率 desc"), .showView(.townList))
        let sorted = screen(s)
        XCTAssertTrue(sorted.contains { $0.contains("完成率↓") }, sorted.joined(separator: "\n"))
        for _ in 0..<4 { s = update(s, .meeting(.cycleStep)) }
        XCTAssertEqual(s.stack[0].kind, .townList)
        XCTAssertFalse(s.filter.behindSchedule)
        XCTAssertEqual(screen(s), sorted, "a whole round: the towns view as it was")
        s = apply(s, .runCommand("cycle off"), .showView(.townList))
        XCTAssertEqual(screen(s), sorted)
    }

    func testCycleOffOnTheBehindStepGivesBackTheFilter() throws {
        for language in Language.allCases {
            var p = try bundledState(width: 120, height: 35, period: "2015-09")
            p.language = language
            p = update(p, .meeting(.presenting(name: "m3", followers: 1)))
            var f = try w25Followed(try w25Follower(language), p)
            p = apply(p, .runCommand(language == .zh ? "sort 进度差 desc" : "sort sched. desc"), .clearFilter,
                      .showView(.townList))
            f = try w25Followed(f, p)
            let before = screen(p), followerBefore = screen(f)
            let sortColumn = try XCTUnwrap(p.screen.sortColumn, "\(language): \(before.joined(separator: "\n"))")
            XCTAssertTrue(before.contains { $0.contains(language == .zh ? "进度差↓" : "Sched.↓") }, before.joined(separator: "\n"))
            p = update(p, .meeting(.cycleStep))
            XCTAssertTrue(p.filter.behindSchedule, "the behind step")
            XCTAssertEqual(p.screen.sortColumn, sortColumn, "the behind step keeps the towns view's sort")
            p = update(p, .runCommand("cycle off"))
            XCTAssertFalse(p.filter.behindSchedule, "\(language): the filter as before the playlist")
            f = try w25Followed(f, p)
            p = update(p, .showView(.townList))  // the message of `:cycle off` goes
            f = try w25Followed(f, p)
            XCTAssertEqual(screen(p), before, "\(language): the presenter's list as it was")
            XCTAssertEqual(screen(f), followerBefore, "\(language): the follower's too")
        }
    }

    func testAFilterSetBeforeOrDuringThePlaylistIsThePresenters() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s = update(s, .toggleBehindFilter)
        s = apply(s, .meeting(.cycleStep), .meeting(.cycleStep), .meeting(.cycleStep))
        XCTAssertEqual(s.stack[0].kind, .townList)
        XCTAssertFalse(s.filter.behindSchedule, "the playlist's towns step: every town")
        s = update(s, .runCommand("cycle off"))
        XCTAssertTrue(s.filter.behindSchedule, "behind before the playlist: behind again")
        for _ in 0..<4 { s = update(s, .meeting(.cycleStep)) }  // types, assessment, towns, behind
        XCTAssertTrue(s.filter.behindSchedule)
        s = apply(s, .toggleBehindFilter, .runCommand("cycle off"))
        XCTAssertEqual(s.stack[0].kind, .townList)
        XCTAssertFalse(s.filter.behindSchedule, "cleared by the presenter during the playlist: stays so")
    }

    /// The addendum: a type filter and an ascending sort set before the playlist, both back.
    func testATypeFilterAndAnAscendingSortComeBack() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s = apply(s, .runCommand("filter type 1"), .runCommand("sort 进度差 asc"), .showView(.townList))
        let before = screen(s)
        XCTAssertTrue(before.contains { $0.contains("进度差↑") }, before.joined(separator: "\n"))
        for _ in 0..<4 { s = update(s, .meeting(.cycleStep)) }
        s = apply(s, .runCommand("cycle off"), .showView(.townList))
        XCTAssertEqual(screen(s), before)
    }
}
