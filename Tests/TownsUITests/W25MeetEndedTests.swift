import Foundation
import TownsCore
import TownsUI
import XCTest

/// Wave 25's fresh user, F4: a follower reading the help when the meeting ends sees it said once
/// the help closes (80 columns, where the hint line's chip gives way to the keys).
final class W25MeetEndedTests: XCTestCase {
    func testTheMeetingsEndIsSaidWhenTheHelpCloses() throws {
        for language in Language.allCases {
            for close: Action in [.back, .toggleHelp] {
                let p = try bundledState(width: 120, height: 35, period: "2015-09")
                var f = try w25Followed(try w25Follower(language), p)
                f = update(f, .toggleHelp)
                let ended = language == .zh ? "会议已结束" : "meeting ended"
                f = update(f, .meeting(.ended(ended)))
                f = update(f, close)
                XCTAssertFalse(f.showHelp)
                XCTAssertEqual(f.session.flash, Flash(ended, level: .warning), "\(language) \(close)")
                let status = try XCTUnwrap(screen(f).dropLast().last)
                XCTAssertTrue(status.contains(ended), "\(language) \(close): \(status)")
                // As a follower that was not reading the help sees it.
                var g = try w25Followed(try w25Follower(language), p)
                g = update(g, .meeting(.ended(ended)))
                XCTAssertEqual(screen(f), screen(g), "\(language) \(close)")
                // The next key is the user's answer: the message goes, as any warning's.
                XCTAssertNil(update(f, .moveDown).message)
            }
        }
    }

    /// The help's own keys are not news: a message they leave is not kept over the legend.
    func testOnlyAWarningStaysWhenTheHelpCloses() throws {
        var s = try bundledState(width: 80, height: 24, period: "2015-09")
        s = apply(s, .toggleHelp, .unboundKey(.char("Z")))
        XCTAssertNotNil(s.message)
        XCTAssertNil(update(s, .back).message)
    }
}
