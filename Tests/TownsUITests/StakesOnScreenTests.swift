import Foundation
import TownsCore
import TownsUI
import XCTest

/// Issue 14 point 6: the assessment view explains its columns and what is at stake; Enter on a
/// town opens its page at its rules, each ✗ or ? with what follows.
final class StakesOnScreenTests: XCTestCase {
    func assessment(_ language: Language, width: Int = 100, height: Int = 50) throws -> AppState {
        var s = try bundledState(width: width, height: height, period: "2015-09")
        s.language = language
        return apply(s, .showView(.assessment))
    }

    func testTheAssessmentViewExplainsItsColumnsAndTheStakes() throws {
        // The notes as the table holds them (a screen breaks Chinese where its line is full).
        let zhState = try assessment(.zh)
        let zh = try XCTUnwrap(zhState.content(for: zhState.screen)).notes.map { $0.text(.unicode) }
            .joined(separator: "\n")
        for words in ["各列：首年 首年投资不少于10亿元", "倒扣 3年未达标，加倍倒扣奖励用地指标",
                      "若未完成2015年度计划（2015年底见分晓）：不获实际使用指标50%的用地奖励",
                      "用地奖 ○ 1 镇 海盐核电小镇", "不获实际使用指标60%的用地奖励",
                      "若3年规划目标未达到（至2017年底，期限依拟合值）：倒扣奖励用地指标的2倍",
                      "（至2017或2019年底）", "数据中没有各镇的这一数字", "后果来源：用地奖 jinhua-2019 [rules.toml:"] {
            XCTAssertTrue(zh.contains(words), "\(words) in\n\(zh)")
        }
        // The notes as the table holds them (a screen wraps them at its width).
        let state = try assessment(.en)
        let en = try XCTUnwrap(state.content(for: state.screen)).notes.map { $0.text(.unicode) }.joined(separator: "\n")
        for words in ["Columns: Yr1 First-year investment at least 10",
                      "if the 2015 annual plan is missed (known at the end of 2015): no land-quota reward of 50%",
                      "state no consequence of their own"] {
            XCTAssertTrue(en.contains(words), "\(words) in\n\(en)")
        }
        XCTAssertFalse(en.contains("若"), "no Chinese sentence in English mode")
    }

    func testEnterOpensTheTownsPageAtItsRulesWithWhatFollows() throws {
        var s = try assessment(.zh, width: 100, height: 30)
        s = apply(s, .open)
        XCTAssertEqual(s.screen.kind, .townPage("haining"))
        XCTAssertGreaterThan(s.screen.scroll, 0)
        let lines = screen(s)
        XCTAssertTrue(lines[3].contains("省级规则考核"), "the rules' header on the page's first line: \(lines[3])")
        let page = s.pageLines(s.screen.kind, width: 100).map { $0.text() }
        XCTAssertTrue(page.contains { $0.contains("后果：若未完成2015年度计划") }, page.joined(separator: "\n"))
        // From the towns view a page still opens at its top.
        let top = apply(try bundledState(period: "2015-09"), .open)
        XCTAssertEqual(top.screen.scroll, 0)
        // English titles in English mode.
        var en = apply(try assessment(.en), .open)
        // (On the page, not necessarily on its first screen: the value column is as wide as an
        // English amount with its unit, w9-screens, so the rules' notes take more lines.)
        let enPage = en.pageLines(en.screen.kind, width: Renderer.bodyRect(width: en.width, height: en.height).width)
        XCTAssertTrue(enPage.contains { $0.text().contains("Land reward: annual plan completed") },
                      enPage.map { $0.text() }.joined(separator: "\n"))
    }
}
