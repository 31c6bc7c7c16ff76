import Foundation
import TownsCore
import TownsUI
import XCTest

/// Wave 25's fresh user, F3: the changes view's earlier period (`:changes 2015-08`) is followed.
final class W25MeetChangesTests: XCTestCase {
    func testTheFollowerComparesThePresentersPair() throws {
        for language in Language.allCases {
            var p = try bundledState(width: 120, height: 35, period: "2015-12")
            p = apply(p, .runCommand("changes 2015-08"), .moveDown)
            var f = try bundledState(width: 80, height: 24, period: "2015-09")
            f.language = language
            f = update(f, .meeting(.joined(meeting: "m2", presenter: "root")))
            f = try w25Followed(f, p)
            p = update(p, .moveDown)
            f = try w25Followed(f, p)
            XCTAssertEqual(f.session.changesFrom, "2015-08")
            // The same as a dashboard of its own at its size and language that chose the pair.
            var own = try bundledState(width: 80, height: 24, period: "2015-12")
            own.language = language
            own = apply(own, .runCommand("changes 2015-08"), .moveDown, .moveDown, .showView(.changes))
            let shown = screen(f)
            XCTAssertEqual(Array(shown.dropLast()), Array(screen(own).dropLast()), shown.joined(separator: "\n"))
            let pair = language == .zh ? "从 2015年1-8月 到 2015年全年" : "from 2015 Jan-Aug to 2015 full year"
            XCTAssertTrue(shown.contains { $0.contains(pair) }, shown.joined(separator: "\n"))
            // `:changes prev` on the presenter: the follower goes back to the previous period too.
            p = update(p, .runCommand("changes prev"))
            f = try w25Followed(f, p)
            XCTAssertNil(f.session.changesFrom)
        }
    }
}
