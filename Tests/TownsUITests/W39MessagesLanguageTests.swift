import TownsCore
import XCTest

@testable import TownsUI

/// Wave 39 (a finding of wave 38): `:messages` kept each message in the language it was first
/// shown in, so after `L` the log mixed languages. A message worded by the catalogue is logged
/// with its words in both languages and shown in the language of the moment; a text in one
/// language (a path, a configuration line) stays as it was written.
final class W39MessagesLanguageTests: XCTestCase {
    /// The `:messages` page's text, its lines joined (wide enough that no message wraps).
    private func log(_ s: AppState) -> String {
        s.messagesPage(width: 1000).map { $0.runs(.unicode).map(\.0).joined() }.joined(separator: "\n")
    }

    func testLRewordsACatalogueMessageInTheLog() throws {
        var s = try bundledState()
        s.language = .zh
        s = update(s, .snapshotDamaged(blocks: 2))
        let words = Catalogue.snapshotBlocksDamaged(2)
        XCTAssertTrue(log(s).contains(words.zh), log(s))
        s = update(s, .toggleLanguage)
        XCTAssertEqual(s.language, .en)
        XCTAssertTrue(log(s).contains(words.en), log(s))
        XCTAssertFalse(log(s).contains(words.zh), "no Chinese left after L:\n\(log(s))")
        // The entry keeps the text as first shown, too.
        XCTAssertTrue(s.messageLog.entries.contains { $0.text == words.zh })
        s = update(s, .toggleLanguage)
        XCTAssertTrue(log(s).contains(words.zh), log(s))
    }

    /// A fresh user's keys (wave 39): an unbound key's answer and `:filter`'s were logged in the
    /// language shown then; they are worded whole by the catalogue, so `L` rewords them in the log.
    /// The sort's answer names a column as drawn (`按「完成」降序`) and stays as it was shown.
    func testKeysAnswersFollowLInTheLog() throws {
        var s = try bundledState()
        s.language = .zh
        s = update(s, route(.char("x"), in: s))
        let unbound = Catalogue.keyDoesNothingForHelp("x", s.keyName(.toggleHelp))
        XCTAssertEqual(s.message, unbound.zh)
        s = update(s, .clearFilter)
        s = update(s, .toggleLanguage)
        XCTAssertEqual(s.language, .en)
        XCTAssertTrue(log(s).contains(unbound.en), log(s))
        XCTAssertFalse(log(s).contains(unbound.zh), log(s))
        // A follower in the other language draws it in its own (the flash carries both).
        s = update(s, route(.char("x"), in: s))
        XCTAssertEqual(s.session.flash?.text(in: .zh), unbound.zh)
        XCTAssertEqual(s.session.flash?.text(in: .en), unbound.en)
    }

    /// The start's notices: a worded one (COLORTERM) follows `L` in the log; a configuration
    /// line's problem, in one language, is shown as written in both.
    func testTheStartsNoticesFollowLInTheLog() throws {
        let notice = Catalogue.colortermButEightColours("truecolor", term: "xterm")
        var settings = Settings(language: .zh, notices: ["c.toml:1: view：'x' 不是视图"])
        settings.wordedNotices = [notice]
        var s = update(try bundledState(), .configure(settings))
        XCTAssertTrue(log(s).contains(notice.zh), log(s))
        XCTAssertTrue(log(s).contains("c.toml:1: view：'x' 不是视图"), log(s))
        s = update(s, .toggleLanguage)
        XCTAssertTrue(log(s).contains(notice.en), log(s))
        XCTAssertFalse(log(s).contains(notice.zh), log(s))
        XCTAssertTrue(log(s).contains("c.toml:1: view：'x' 不是视图"), "a one-language line as written:\n\(log(s))")
    }

    /// Wave 40's fresh user: `L` to English was logged as `界面语言：中文` once the log was read in
    /// Chinese. Each switch is logged as what it did, in either language.
    func testEachLanguageSwitchIsLoggedAsWhatItDid() throws {
        var s = try bundledState()
        s.language = .zh
        s = update(s, .toggleLanguage)
        XCTAssertEqual(s.message, "Language: English")
        s = update(s, .toggleLanguage)
        XCTAssertEqual(s.message, "界面语言：中文")
        let chinese = log(s)
        XCTAssertTrue(chinese.contains("界面语言：英文") && chinese.contains("界面语言：中文"), chinese)
        s = update(s, .toggleLanguage)
        let english = log(s)
        XCTAssertTrue(english.contains("Language: Chinese"), english)
        XCTAssertEqual(english.components(separatedBy: "Language: English").count - 1, 2, english)
    }

    /// Wave 40's fresh user waited 2.5 minutes for a reload at 10,000 x 60 with nothing said: a
    /// reload reading changed files says so, in either language, and is logged.
    func testAReloadReadingChangedFilesSaysSo() throws {
        var s = try bundledState()
        s.language = .zh
        s = update(s, .reloading)
        XCTAssertEqual(s.message, Catalogue.dataReloading.zh)
        s = update(s, .toggleLanguage)
        XCTAssertTrue(log(s).contains("Data files changed: reloading"), log(s))
    }
}
