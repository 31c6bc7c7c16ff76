import TownsCore
@testable import TownsUI
import XCTest

/// Wave 34's fresh user (F8): the first notice's "+7 more: towns config" counted the COLORTERM
/// notice, which `towns config` does not list, and under LANG=C the locale notice came first and no
/// problem of the config was named anywhere in the session. The pointer counts only what its
/// command lists; the notices no command lists, and under LANG=C the config's first problem, are
/// logged on their own (`:messages`).
final class W34UiNoticePointerTests: XCTestCase {
    let problems = ["c.toml:1: view: 'x' is not a view", "c.toml:2: mouse: should be true or false",
                    "c.toml:3: cycle: should be a list of views"]
    let colorterm = Catalogue.colortermButEightColours("truecolor", term: "xterm")

    func testThePointerCountsOnlyWhatTowsConfigListsAndTheColortermNoticeIsLogged() throws {
        var settings = Settings(language: .en, notices: problems)
        settings.wordedNotices = [colorterm]
        settings.allNoticesCommand = "towns config --config c.toml"
        let s = update(try bundledState(width: 80, height: 24), .configure(settings))
        XCTAssertEqual(s.message, "c.toml:1: view: 'x' is not a view (+2 more: towns config --config c.toml)")
        let log = s.messageLog.entries.map(\.text)
        XCTAssertTrue(log.contains(colorterm.en), "\(log)")
        XCTAssertEqual(log.last, s.message)
    }

    func testUnderLangCTheFirstConfigProblemIsNamed() throws {
        var settings = Settings(language: .en, notices: problems)
        settings.localeNotice = "LANG=C is not UTF-8: ASCII and English; for Chinese set LANG=zh_CN.UTF-8"
        settings.allNoticesCommand = "towns config --config c.toml"
        let s = update(try bundledState(width: 80, height: 24), .configure(settings))
        XCTAssertEqual(s.message?.hasPrefix("LANG=C is not UTF-8"), true, s.message ?? "")
        XCTAssertEqual(s.message?.hasSuffix(" (+3 more: towns config --config c.toml)"), true, s.message ?? "")
        let log = s.messageLog.entries.map(\.text)
        XCTAssertEqual(log.first, problems[0], "\(log)")
        XCTAssertEqual(log.last, s.message)
        // Alone, the locale notice has no pointer and nothing else is logged.
        settings.notices = []
        let alone = update(try bundledState(width: 80, height: 24), .configure(settings))
        XCTAssertEqual(alone.message, settings.localeNotice)
        XCTAssertEqual(alone.messageLog.entries.count, 1)
    }
}
