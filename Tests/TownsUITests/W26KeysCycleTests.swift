import Foundation
import TownsCore
import TownsUI
import XCTest

/// Wave 26 (README "Known gaps"): `:cycle off` gives the presenter back the place they had before
/// the wall screen's playlist first stepped: the views open (a town's page over the towns view),
/// the sort, the selection, the period and the towns filter; the followers follow.
final class W26KeysCycleTests: XCTestCase {
    /// The presenter's views, sort, selection and period before the playlist; the follower's screen.
    func testCycleOffGivesBackTheViewsSortSelectionAndPeriod() throws {
        for language in Language.allCases {
            var p = try bundledState(width: 120, height: 35, period: "2015-08")
            p.language = language
            p = update(p, .meeting(.presenting(name: "m3", followers: 1)))
            var f = try w25Followed(try w25Follower(language, width: 120, height: 35), p)
            p = apply(p, .runCommand(language == .zh ? "sort 进度差 desc" : "sort sched. desc"), .showView(.townList),
                      .moveDown, .moveDown, .moveDown)
            let list = p.session.stack, row = p.selection, selected = p.screen.selected
            XCTAssertNotNil(p.screen.sortColumn, "\(language): sorted")
            p = update(p, .open)  // the selected town's page, over the sorted towns view
            p = apply(p, .pageDown)
            f = try w25Followed(f, p)
            let before = p.session.stack, presenterBefore = screen(p).dropLast(), followerBefore = screen(f).dropLast()
            XCTAssertEqual(before.count, 2, "\(language): a page over the towns view")
            for _ in 0..<2 { p = update(p, .meeting(.cycleStep)) }  // behind, types
            XCTAssertEqual(p.stack.map(\.kind), [.typeList], "\(language): the playlist's types step")
            f = try w25Followed(f, p)
            p = update(p, .runCommand("cycle off"))
            XCTAssertEqual(p.session.stack, before, "\(language): the page over the sorted list, as before")
            XCTAssertEqual(p.session.periodID, "2015-08", "\(language): the period as before")
            XCTAssertFalse(p.filter.behindSchedule)
            f = try w25Followed(f, p)
            XCTAssertEqual(Array(screen(p).dropLast()), Array(presenterBefore), "\(language): the presenter's page")
            XCTAssertEqual(Array(screen(f).dropLast()), Array(followerBefore), "\(language): the follower's page")
            p = update(p, .back)
            f = try w25Followed(f, p)
            XCTAssertEqual(p.session.stack, list, "\(language): back: the sorted list")
            XCTAssertEqual(p.selection, row, "\(language): on the row left")
            XCTAssertEqual(p.screen.selected, selected)
            XCTAssertEqual(f.screen.selected, selected, "\(language): the follower's row too")
        }
    }

    /// Stopped on the behind step: the towns view as it was, every town, the row kept.
    func testCycleOffOnTheBehindStepGivesBackTheRow() throws {
        var p = try bundledState(width: 100, height: 30, period: "2015-09")
        p = apply(p, .showView(.overview), .moveDown, .moveDown)
        let before = p.session.stack
        XCTAssertNotNil(before[0].selected, "a line of the overview selected")
        p = apply(p, .meeting(.cycleStep), .meeting(.cycleStep))
        XCTAssertTrue(p.filter.behindSchedule)
        XCTAssertEqual(p.stack.map(\.kind), [.townList])
        p = update(p, .runCommand("cycle off"))
        XCTAssertEqual(p.session.stack, before, "the overview's line, as before the playlist")
        XCTAssertFalse(p.filter.behindSchedule)
    }

    /// A presenter who moves after the playlist's last step keeps where they moved to; a filter they
    /// leave alone still comes back.
    func testWhereThePresenterMovedSinceTheLastStepIsTheirs() throws {
        for language in Language.allCases {
            var p = try bundledState(width: 100, height: 30, period: "2015-09")
            p.language = language
            p = apply(p, .showView(.townList), .moveDown)
            p = apply(p, .meeting(.cycleStep), .meeting(.cycleStep), .meeting(.cycleStep))  // behind, types, assessment
            XCTAssertEqual(p.stack.map(\.kind), [.assessment])
            p = apply(p, .meeting(.cycleStep))  // the towns view again: every town
            p = apply(p, .meeting(.cycleStep))  // behind
            XCTAssertTrue(p.filter.behindSchedule)
            p = update(p, .moveDown)
            let moved = p.session.stack
            p = update(p, .runCommand("cycle off"))
            XCTAssertEqual(p.stack.map(\.kind), [.townList], "\(language)")
            XCTAssertEqual(p.screen.selected, moved[0].selected, "\(language): the row the presenter moved to")
            XCTAssertFalse(p.filter.behindSchedule, "\(language): the filter they left alone comes back")
            p = apply(p, .showView(.typeList), .meeting(.cycleStep), .runCommand("cycle off"))
            XCTAssertEqual(p.stack.map(\.kind), [.typeList], "\(language): a new playlist's origin: the types view")
        }
    }
}
