import Foundation
import TownsCore
import TownsUI
import XCTest

/// Wave 25's fresh user, F8: a follower's own resize or language keeps the presenter's place on
/// a page (its content, not its line number), without waiting for the presenter's next key.
final class W25MeetPageAnchorTests: XCTestCase {
    func testAFollowersResizeAndLanguageKeepThePresentersPlace() throws {
        var p = try bundledState(width: 120, height: 35, period: "2015-09")
        p = update(p, .open)  // Haining's page
        for _ in 0..<45 { p = update(p, .moveDown) }
        XCTAssertTrue(p.screen.kind.isPage)
        var f = try w25Followed(try w25Follower(.zh), p)
        // Each size and language as a follower that joined at it sees the presenter's place.
        for change: Action in [.resize(width: 60, height: 14), .resize(width: 100, height: 30), .toggleLanguage] {
            f = update(f, change)
            var fresh = try w25Follower(f.language, width: f.width, height: f.height)
            fresh = try w25Followed(fresh, p)
            XCTAssertEqual(f.screen.scroll, fresh.screen.scroll, "\(change)")
            XCTAssertEqual(Array(screen(f).dropLast(2)), Array(screen(fresh).dropLast(2)), "\(change)")
        }
        // Browsing alone, its own scroll is its own: a resize does not take it back.
        f = apply(f, .meeting(.toggleFollow), .first)
        f = update(f, .resize(width: 80, height: 24))
        XCTAssertEqual(f.screen.scroll, 0)
    }
}
