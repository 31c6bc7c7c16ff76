import TownsCore
import XCTest

@testable import TownsUI

/// The first frame's COLORTERM notice (the terminal says truecolor, its TERM has 8 colours) was
/// English only: it is worded in both languages (`Catalogue.colortermButEightColours`), in the
/// language shown, and `L` rewords it while it stands.
final class W33ColortermNoticeTests: XCTestCase {
    let notice = Catalogue.colortermButEightColours("truecolor", term: "xterm")

    func testTheNoticeIsInTheLanguageShownAndLRewordsIt() throws {
        // What to set first since wave 34 (W34UiNoticeAdviceTests).
        let zh = "要用完整的主题，请设 TERM=xterm-256color（COLORTERM=truecolor，但 TERM=xterm 只有 8 色）"
        let en = "set TERM=xterm-256color for the full themes (COLORTERM=truecolor but TERM=xterm has 8 colours)"
        var settings = Settings(language: .zh)
        settings.wordedNotices = [notice]
        var s = update(try bundledState(width: 120, height: 30), .configure(settings))
        XCTAssertEqual(s.message, zh)
        XCTAssertTrue(screen(s)[28].contains(zh), screen(s)[28])
        s = update(s, .toggleLanguage)
        XCTAssertEqual(s.message, en, "L rewords it while it stands")
        XCTAssertTrue(screen(s)[28].contains(en), screen(s)[28])
        settings.language = .en
        s = update(try bundledState(width: 120, height: 30), .configure(settings))
        XCTAssertEqual(s.message, en)
        s = update(s, .toggleLanguage)
        XCTAssertEqual(s.message, zh)
    }

    /// After other notices (one language, as the config's problems are worded) it was counted in
    /// the pointer to the rest; since wave 34 it is not (`towns config` does not list it), and is
    /// logged on its own (W34UiNoticePointerTests).
    func testAfterOtherNoticesItIsCountedInEachLanguage() throws {
        var settings = Settings(language: .zh, notices: ["c.toml:1: view：'x' 不是视图"])
        settings.wordedNotices = [notice]
        var s = update(try bundledState(), .configure(settings))
        XCTAssertEqual(s.message, "c.toml:1: view：'x' 不是视图")
        XCTAssertTrue(s.messageLog.entries.contains { $0.text == notice.zh })
        s = update(s, .toggleLanguage)
        XCTAssertEqual(s.message, "c.toml:1: view：'x' 不是视图")
        // Alone, with no other notice: no pointer.
        settings.notices = []
        XCTAssertEqual(update(try bundledState(), .configure(settings)).message?.hasPrefix("要用完整的主题，请设 TERM=xterm-256color（COLORTERM=truecolor，但"), true)
    }
}
