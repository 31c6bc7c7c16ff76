import TownsCore
import XCTest

@testable import TownsUI

/// The start-up warning's "(+N more: …)" names a command that lists them all: with a theme
/// given on the command line, `towns config --theme X` (plain `towns config` would not read it).
final class NoticePointerTests: XCTestCase {
    func testThePointerNamesTheCommandThatListsEveryNotice() throws {
        let s = try bundledState()
        var settings = Settings(language: .en, notices: ["bad.toml:2: roles.header.fg: 'x' is not a colour",
                                                         "bad.toml:3: b", "bad.toml:4: c"])
        XCTAssertTrue(update(s, .configure(settings)).message!.hasSuffix("(+2 more: towns config)"))
        // In Chinese the pointer is Chinese (wave 25's fresh user, F7: `(+3 more: …)` under a Chinese interface).
        var chinese = settings
        chinese.language = .zh
        XCTAssertTrue(update(s, .configure(chinese)).message!.hasSuffix("（另 2 项：towns config）"),
                      update(s, .configure(chinese)).message!)
        settings.allNoticesCommand = "towns config --theme bad.toml"
        let t = update(s, .configure(settings))
        XCTAssertEqual(t.message,
                       "bad.toml:2: roles.header.fg: 'x' is not a colour (+2 more: towns config --theme bad.toml)")
        // A long first notice is cut, never the pointer to the rest: all of it on an 80x24 screen.
        settings.notices = ["t.toml:4: roles.foo: unknown role (ignored); roles: "
                                + Array(repeating: "background, title, tab", count: 12).joined(separator: ", "), "b"]
        var narrow = s
        narrow.width = 80
        narrow.height = 24
        let long = update(narrow, .configure(settings))
        XCTAssertTrue(long.message!.hasSuffix("… (+1 more: towns config --theme bad.toml)"), long.message!)
        XCTAssertTrue(long.message!.hasPrefix("t.toml:4: roles.foo: unknown role"), long.message!)
        // Wave 20: the status line shows one line, ending with where it is whole (`:messages`,
        // whose log holds the pointer to the rest).
        let line = Renderer(theme: .monochrome).render(long).lines()[22]
        XCTAssertTrue(line.hasSuffix(long.tr(Catalogue.wholeInMessages)), line)
        XCTAssertTrue(long.messageLog.entries.last?.text.hasSuffix("(+1 more: towns config --theme bad.toml)") == true)
        settings.notices = ["only one"]
        XCTAssertEqual(update(s, .configure(settings)).message, "only one", "no pointer when nothing more")
    }
}
