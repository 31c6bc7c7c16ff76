import TownsCore
import TownsTestSupport
@testable import TownsUI
import XCTest

/// Wave 33's fresh user (F6): after `:follow off` the `已离开会议` / `left meeting` chip was missing at
/// 80x24 whenever a filter was on (its `c 清除` would have given way), and at 60x14 always: the only
/// sign, once the status line's message had gone, that the screen is no longer the presenter's.
final class W33LeftChipTests: XCTestCase {
    func testTheLeftChipShowsWithAFilterAt80AndAt60Columns() throws {
        for language in [Language.zh, .en] {
            for (width, height) in [(80, 24), (60, 14)] {
                for (view, filtered) in [(Screen.Kind.townList, true), (.townList, false), (.overview, false)] {
                    var f = try bundledState(width: width, height: height, period: "2015-09")
                    f.stack = [Screen(view)]
                    f.language = language
                    f = update(f, .meeting(.joined(meeting: "weekly", presenter: "alice")))
                    f = update(f, .meeting(.left))
                    if filtered { f = update(f, .toggleBehindFilter) }
                    f = update(f, .moveDown)  // the status line's flash goes; the chip stays
                    let lines = screen(f)
                    let hints = lines[height - 1].trimmingCharacters(in: .whitespaces)
                    let context = "\(language) \(width)x\(height) \(view) filtered \(filtered):\n"
                        + lines.joined(separator: "\n")
                    let chips = language == .zh ? [" 已离开会议", " 已离会"] : [" left meeting", " left"]
                    XCTAssertTrue(chips.contains { hints.hasSuffix($0) }, context)
                    // The arrows and q stay beside it.
                    XCTAssertTrue(hints.hasPrefix("↑↓"), context)
                    XCTAssertTrue(hints.contains("q "), context)
                }
            }
        }
    }
}
