import Foundation
import TownsCore
import TownsUI
import XCTest

/// Wave 25's fresh user, F1: a follower's meeting messages ("跟随 root 的会议 m3（f 独自浏览）",
/// "重新跟随 root") go at the presenter's first move, so the legend comes back; a presenter who
/// only walks the overview's lines moves too.
final class W25MeetMessageTests: XCTestCase {
    func testTheRejoiningMessageGoesAtThePresentersFirstMove() throws {
        for language in Language.allCases {
            var p = try bundledState(width: 120, height: 35, period: "2015-09")
            var f = try w25Followed(try w25Follower(language), p)
            p = update(p, .moveDown)
            f = try w25Followed(f, p)
            XCTAssertNil(f.message, "\(language): the joining message went")
            let unbroken = f  // a follower that never browsed alone
            f = apply(f, .meeting(.toggleFollow), .meeting(.toggleFollow))
            XCTAssertEqual(f.message, language == .zh ? "重新跟随 root" : "following root again")
            f = try w25Followed(f, p)
            XCTAssertNotNil(f.message, "\(language): the same place sent again is not a move")
            var g = unbroken
            for action: Action in [.moveDown, .showView(.typeList), .moveDown] {
                p = update(p, action)
                f = try w25Followed(f, p)
                g = try w25Followed(g, p)
                XCTAssertNil(f.message, "\(language) \(action): the presenter moved")
                XCTAssertEqual(screen(f), screen(g), "\(language) \(action): as if it had never browsed alone")
            }
            let legend = try XCTUnwrap(screen(f).dropLast().last)
            XCTAssertTrue(legend.contains(language == .zh ? "— 未知" : "— unknown"), legend)
            XCTAssertTrue(screen(f).last!.contains(language == .zh ? "跟随 root" : "following root"), "the chip says it")
        }
    }

    /// The overview's city panel: four lines open the city's totals. The presenter walking them
    /// is a move: the follower's selection goes with it, and the joining message goes.
    func testWalkingTheOverviewsLinesIsAMove() throws {
        for language in Language.allCases {
            var p = try bundledState(width: 120, height: 35, period: "2015-09")
            p = update(p, .showView(.overview))
            var same = try w25Followed(try w25Follower(language, width: 120, height: 35, view: .overview), p)
            var small = try w25Followed(try w25Follower(language, view: .overview), p)
            XCTAssertNotNil(small.message, "said when joining")
            for n in 1...3 {
                p = update(p, .moveDown)
                XCTAssertEqual(p.screen.selected, .cityTotals, "line \(n) of the city's panel")
                same = try w25Followed(same, p)
                small = try w25Followed(small, p)
                XCTAssertEqual(same.selection, p.selection, "\(language) line \(n): the presenter's line")
                XCTAssertEqual(small.screen.selected, .cityTotals)
                XCTAssertNil(small.message, "\(language) line \(n): the presenter moved")
            }
            let legend = try XCTUnwrap(screen(small).dropLast().last)
            XCTAssertTrue(legend.contains(language == .zh ? "未知" : "unknown") && legend.contains("▼"), legend)
        }
    }

    /// The line within a panel is kept by the presenter itself through a period change and back.
    func testTheOverviewLineStaysThroughAPeriodChange() throws {
        var p = try bundledState(width: 120, height: 35, period: "2015-09")
        p = apply(p, .showView(.overview), .moveDown, .moveDown)
        let row = p.selection
        p = apply(p, .nextPeriod, .previousPeriod)
        XCTAssertEqual(p.selection, row)
        XCTAssertEqual(p.screen.selected, .cityTotals)
    }
}
