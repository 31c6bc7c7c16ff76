import XCTest
import TownsCore
@testable import TownsUI

/// The failed-reload status line is worded when drawn (wave 11): a language switched after the
/// failure rewords it, file, line and field kept.
final class ReloadLanguageTests: XCTestCase {
    func testTheFailedReloadLineFollowsALanguageSwitchedAfterTheFailure() throws {
        var s = try bundledState()
        s.language = .zh
        let issue = LoadIssue(.error, .impossible, file: "monthly/2015-10.toml", line: 3, field: "figure[1].value",
                              .negative("-3"))
        s = update(s, .reloadFailed(issue.description(chinese: false), more: 2,
                                    chinese: issue.description(chinese: true)))
        let zh = try XCTUnwrap(s.reloadProblem)
        XCTAssertTrue(zh.hasPrefix("数据未更新：monthly/2015-10.toml:3: figure[1].value: "), zh)
        XCTAssertTrue(zh.contains(LoadMessage.negative("-3").chinese), zh)
        XCTAssertTrue(zh.hasSuffix("（另有 2 个：towns check）"), zh)
        s = update(s, .toggleLanguage)
        XCTAssertEqual(s.language, .en)
        XCTAssertEqual(s.reloadProblem,
                       "not reloaded: monthly/2015-10.toml:3: figure[1].value: -3 is negative (+2 more: towns check)")
        s = update(s, .toggleLanguage)
        XCTAssertEqual(s.reloadProblem, zh, "back in Chinese, the same Chinese words")
    }

    func testAProblemWithoutChineseWordsIsShownAsGivenInBothLanguages() throws {
        var s = try bundledState()
        s.language = .en
        s = update(s, .reloadFailed("f.toml:3: x", more: 0))
        XCTAssertEqual(s.reloadProblem, "not reloaded: f.toml:3: x")
        s = update(s, .toggleLanguage)
        XCTAssertEqual(s.reloadProblem, "数据未更新：f.toml:3: x")
    }
}
