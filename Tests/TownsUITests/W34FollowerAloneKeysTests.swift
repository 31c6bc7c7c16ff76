import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Wave 34's fresh user: a follower whose data differs from the presenter's browses alone, yet at
/// 60x14 its key line read `Enter 打开 / 搜索 e 导出 : 命令 ? 帮助  独自浏览：数据不同`, the arrows and `q`
/// given to the meeting's keys and its chip, as a follower's are while following. Browsing alone
/// for that reason, as after `f`, the arrows and `q` stay.
final class W34FollowerAloneKeysTests: XCTestCase {
    func testAFollowerOnOtherDataKeepsTheArrowsAndQ() throws {
        for language in [Language.zh, .en] {
            for (width, height) in [(60, 14), (80, 24), (100, 30)] {
                var p = try bundledState(width: 120, height: 40, period: "2015-09")
                p = apply(p, .nextView, .moveDown)
                let sent = try JSONDecoder().decode(Session.self, from: try JSONEncoder().encode(p.session.forFollowers))
                var f = try bundledState(width: width, height: height, period: "2015-09")
                f.language = language
                f = update(f, .meeting(.joined(meeting: "lc", presenter: "alice")))
                f = update(f, .meeting(.followed(sent, presenterData: "theirs", ownData: "mine")))
                f.message = nil
                let hints = screen(f)[height - 1].trimmingCharacters(in: .whitespaces)
                let at = "\(language) \(width)x\(height): [\(hints)]"
                XCTAssertTrue(hints.hasPrefix("↑↓"), at)
                XCTAssertTrue(hints.contains(language == .zh ? "q 退出" : "q quit"), at)
                XCTAssertTrue(hints.contains(language == .zh ? "数据不同" : "data differs"), at)
            }
        }
    }
}
