import Dispatch
import XCTest
import Foundation
import TownsCore
import TownsUI

/// A key's work at national scale says it is busy when it takes long (`KeyWork`,
/// `Renderer.keyWorkingFrame`; wave 41's fresh user waited seconds with nothing moving).
final class W43KeyWorkTests: XCTestCase {
    func testSlowWorkDrawsTheBusyLineOnceThenGivesItsResult() {
        var busy = 0
        let result = KeyWork.run(after: .milliseconds(20), {
            usleep(300_000)
            return 42
        }, busy: { busy += 1 })
        XCTAssertEqual(result, 42)
        XCTAssertEqual(busy, 1, "work slower than `after` draws the busy frame once")
    }

    func testQuickWorkDrawsNoBusyLine() {
        var busy = 0
        let result = KeyWork.run(after: .seconds(5), { "done" }, busy: { busy += 1 })
        XCTAssertEqual(result, "done")
        XCTAssertEqual(busy, 0, "a key answered at once never flashes a busy line")
    }

    func testBusyFrameKeepsTheScreenAndSaysWhatIsWorkedOutInEitherLanguage() throws {
        let state = try bundledState(width: 100, height: 30)
        let renderer = plainRenderer
        let plain = renderer.render(state).lines()
        let zh = renderer.keyWorkingFrame(state).lines()
        let count = state.dataset.townCount
        XCTAssertTrue(zh.joined(separator: "\n").contains("正在计算…（\(count) 个小镇；其间按键稍后执行）"),
                      zh.joined(separator: "\n"))
        // The screen as it was above the status line: the busy frame changes only what it says.
        XCTAssertEqual(Array(zh.prefix(5)), Array(plain.prefix(5)))
        var en = state
        en.language = .en
        let english = renderer.keyWorkingFrame(en).lines().joined(separator: "\n")
        XCTAssertTrue(english.contains("working… (\(count) towns; keys wait until it is done)"), english)
    }
}
