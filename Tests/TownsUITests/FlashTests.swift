import TownsCore
import TownsUI
import XCTest

/// A message on the status line stands until the user's next action, not until the next poll
/// of the data files (a tester saw "records gone" vanish after a second, unread).
final class FlashTests: XCTestCase {
    func testAMessageOutlivesThePollsThatFindNothingNew() throws {
        var s = try bundledState(period: "2015-09")
        s.session.flash = Flash("数据已更新，但有记录消失 reloaded, records gone: figures.toml: 12 record(s)", level: .warning)
        for _ in 0..<5 { s = update(s, .dataUnchanged) }
        XCTAssertEqual(s.session.flash?.level, .warning)
        XCTAssertEqual(s.message?.hasSuffix("12 record(s)"), true)
        s = update(s, .moveDown)
        XCTAssertNil(s.message, "a key clears it")
    }

    func testAFailedReloadStillReplacesAnEarlierMessage() throws {
        var s = try bundledState(period: "2015-09")
        s.session.flash = Flash("数据已更新 data reloaded")
        s = update(s, .reloadFailed("figures.toml:3: completed: not a number", more: 0))
        XCTAssertNil(s.message)
        XCTAssertNotNil(s.reloadProblem)
    }
}
