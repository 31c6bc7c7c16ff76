import XCTest

@testable import TownsUI

/// Wave 12 (a fresh user's findings on search): pinyin matches on syllable boundaries.
final class W12WordsTests: XCTestCase {
    /// Initials match runs of syllables' first letters; full pinyin matches only from a syllable's
    /// start: `nh` finds 南湖 (nan hu), not 海盐核电小镇 through hai-ya(n h)e-dian.
    func testPinyinMatchesOnSyllableBoundaries() {
        let index = SearchIndex()
        XCTAssertTrue(index.matches("nh", ["南湖"]))
        XCTAssertFalse(index.matches("nh", ["海盐核电小镇"]))
        XCTAssertFalse(index.matches("anhe", ["海盐核电小镇"]))
        XCTAssertTrue(index.matches("yanhe", ["海盐核电小镇"]))
        XCTAssertTrue(index.matches("haiyan", ["海盐核电小镇"]))
        XCTAssertTrue(index.matches("hyhd", ["海盐核电小镇"]))
        XCTAssertTrue(index.matches("haiyanhedianxiaozhen", ["海盐核电小镇"]))
        XCTAssertTrue(index.matches("hyhdxz", ["海盐核电小镇"]))
        XCTAssertTrue(index.matches("海盐", ["海盐核电小镇"]))
        XCTAssertTrue(index.matches("haiyanhe", ["hai yan he dian xiao zhen"]))
        XCTAssertFalse(index.matches("nh", ["hai yan he dian xiao zhen"]))
        XCTAssertFalse(index.matches("ny", ["临安云制造", "lin an yun zhi zao"]), "li-n a-n y-un is no match")
        XCTAssertTrue(index.matches("anyun", ["lin an yun zhi zao"]))
        XCTAssertTrue(index.matches("town", ["Nuclear Power Town"]))
    }

    /// `t` with one theme says so in one language (it was 主题 theme: only monochrome (…) on a
    /// Chinese screen).
    func testOneThemeIsSaidInOneLanguage() throws {
        var s = try bundledState()
        s.themeNames = ["monochrome"]
        s.language = .zh
        let zh = apply(s, .cycleTheme).message ?? ""
        XCTAssertTrue(zh.hasPrefix("主题：只有 monochrome"), zh)
        XCTAssertFalse(zh.contains("theme") || zh.contains("colour"), zh)
        s.language = .en
        let en = apply(s, .cycleTheme).message ?? ""
        XCTAssertEqual(en, "theme: only monochrome (no colour on this terminal, or one theme)")
    }

    /// Under a locale that is not UTF-8, `L` and `:lang zh` keep English and say why (the screen
    /// turned to `??` without a word).
    func testChineseIsRefusedWhereTheLocaleIsNotUTF8() throws {
        var s = try bundledState()
        s.language = .en
        s.chineseUnavailable = true
        let toggled = apply(s, .toggleLanguage)
        XCTAssertEqual(toggled.language, .en)
        XCTAssertTrue(toggled.message?.contains("LANG=C.UTF-8") ?? false, toggled.message ?? "no message")
        let typed = runCommand(s, "lang zh")
        XCTAssertEqual(typed.language, .en)
        XCTAssertTrue(typed.message?.contains("UTF-8") ?? false, typed.message ?? "no message")
        s.chineseUnavailable = false
        XCTAssertEqual(apply(s, .toggleLanguage).language, .zh, "a UTF-8 locale switches")
    }

    /// The city's totals row on the towns view is found by the city's name, in Chinese or pinyin.
    func testTheCityRowCanBeSearched() throws {
        var s = try bundledState(width: 120, height: 80, period: "2015-09")
        let rows = try XCTUnwrap(s.content(for: s.screen)).rows.count
        for query in ["嘉兴", "jiaxing"] {
            s.search = SearchState(query: query, editing: false)
            XCTAssertEqual(s.searchMatches().last, rows, "query \(query)")
            let found = jumpToMatch(s, forward: true, includeCurrent: true)
            XCTAssertEqual(found.selection, rows, "query \(query): the city row selected")
        }
    }

    /// `:town` matching only a listed town without figures opens its city's list on it, says what
    /// it matched, and Esc goes back to the view it was typed on.
    func testATownOnTheListOnlyIsSaidAndEscGoesBack() throws {
        let s = try bundledState(period: "2015-09")
        let from = s.screen.kind
        // ny: n+y initials (磐安江南药镇 pa-j-n-y), no longer li-n a-n y-un (临安云制造); said either way.
        let ny = runCommand(s, "town ny")
        XCTAssertFalse(ny.message?.contains("临安") ?? false, ny.message ?? "")
        XCTAssertNotEqual(ny.screen.kind, .city("杭州"), ny.message ?? "")
        let opened = runCommand(s, "town cx")
        XCTAssertEqual(opened.screen.kind, .city("湖州"), "\(opened.stack)")
        XCTAssertTrue(opened.message?.contains("长兴新能源小镇") ?? false, opened.message ?? "no message")
        let back = update(opened, .back)
        XCTAssertEqual(back.screen.kind, from, "\(back.stack)")
    }
}
