import TownsCore
import XCTest

@testable import TownsUI

/// The start-up warning's "(+N more: …)" names a command that lists them all: with a theme
/// given on the command line, `towns config --theme X` (plain `towns config` would not read it).
final class NoticePointerTests: XCTestCase {
    func testThePointerNamesTheCommandThatListsEveryNotice() throws {
        let s = try bundledState()
        var settings = Settings(notices: ["bad.toml:2: roles.header.fg: 'x' is not a colour", "bad.toml:3: b",
                                          "bad.toml:4: c"])
        XCTAssertTrue(update(s, .configure(settings)).message!.hasSuffix("(+2 more: towns config)"))
        settings.allNoticesCommand = "towns config --theme bad.toml"
        let t = update(s, .configure(settings))
        XCTAssertEqual(t.message, "bad.toml:2: roles.header.fg: 'x' is not a colour (+2 more: towns config --theme bad.toml)")
        settings.notices = ["only one"]
        XCTAssertEqual(update(s, .configure(settings)).message, "only one", "no pointer when nothing more")
    }
}
