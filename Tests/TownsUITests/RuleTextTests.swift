import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Issue 14 point 7: the rules' evaluations in the reader's language, worded from the core's
/// `RuleFinding`, with file:line on sources lines of their own.
final class RuleTextTests: XCTestCase {
    func page(_ town: String, _ language: Language) throws -> [String] {
        var s = try bundledState(width: 120, height: 40, period: "2015-09")
        s.language = language
        s.stack.append(Screen(.townPage(town)))
        return s.pageLines(s.screen.kind, width: 400).map { $0.text(.unicode) }
    }

    func testTheTownPageWordsTheRulesInEachLanguage() throws {
        let zh = try page("haiyan", .zh).joined(separator: "\n")
        for words in ["规划 140 达到最低额 50；完成情况在2017年底判定", "3年：2015-2017",
                      "3年规划目标未达到则倒扣奖励用地指标的2倍；在2017年底判定", "完成2015年计划的 20.7%（计划金额未知）；全年未过；完成计划则奖励实际使用指标的60%"] {
            XCTAssertTrue(zh.contains(words), "\(words) in\n\(zh)")
        }
        XCTAssertFalse(zh.contains("completion judged") || zh.contains("missing:"), zh)
        let en = try page("haiyan", .en).joined(separator: "\n")
        for words in ["plan 140 meets the minimum 50; completion judged at the end of 2017", "3 years: 2015-2017",
                      "20.7% of the 2015 plan completed (plan amount unknown); the year is not over; "
                        + "reward 60% of the quota used "
                        + "if the plan is completed"] {
            XCTAssertTrue(en.contains(words), "\(words) in\n\(en)")
        }
        XCTAssertFalse(en.contains("完成情况") || en.contains("缺："), en)
    }

    /// Every finding of every town, rule and period, in Chinese, has no English word in it
    /// (names of figures, units and marks aside), and in English no Chinese.
    func testEveryFindingInEachLanguage() throws {
        var s = try bundledState(period: "2015-09")
        let assessment = Assessment(metrics: s.metrics)
        var seen = 0
        for period in s.dataset.periods + [nil] {
            for town in s.dataset.towns {
                for rule in s.dataset.rules {
                    let r = assessment.evaluate(rule, town, asOf: period)
                    s.language = .zh
                    let zh = s.ruleNote(r)
                    XCTAssertNil(zh.range(of: "[A-Za-z]{3,}", options: .regularExpression), zh)
                    s.language = .en
                    let en = s.ruleNote(r)
                    XCTAssertNil(en.range(of: "\\p{Han}", options: .regularExpression), en)
                    seen += 1
                }
            }
        }
        XCTAssertEqual(seen, 4 * 5 * 10)
    }

    /// The figures a result uses are cited by file and line on a line of their own.
    func testTheFiguresUsedOnASourcesLine() throws {
        let lines = try page("haiyan", .zh)
        let haiyan = try XCTUnwrap(try bundledState().dataset.town("haiyan"))
        let plan = try XCTUnwrap(haiyan.figures[FigureKey(.planTotal)]?.origin?.line)
        let at = try XCTUnwrap(lines.firstIndex { $0.contains("规划 140 达到最低额 50") })
        let next = lines[at...].prefix(5).map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertTrue(next.contains("数据出处 figures.toml:\(plan)"), next.joined(separator: "\n"))
    }

    /// The assessment's city line is in the reader's language in each mode: at the year's end
    /// with the year's completed figure and margin, before it (Jan-Sep) without them (wave 5).
    func testTheCityLineInEachLanguage() throws {
        var s = update(try bundledState(width: 120, height: 40, period: "2015-12"), .showView(.assessment))
        let zh = screen(s).joined(separator: "\n")
        XCTAssertTrue(zh.contains("全市 2015 首年最低投资：3 x 10 + 2 x 6 = 42（报告 ◇42）；完成 2015年全年 ◇63.06；超出 21.06"),
                      zh)
        s.language = .en
        let en = screen(s).joined(separator: "\n")
        XCTAssertTrue(en.contains("Jiaxing 2015 first-year minimum: 3 x 10 + 2 x 6 = 42 (reported ◇42); completed "
                                      + "2015 full year ◇63.06; above by 21.06"), en)
        var sep = update(try bundledState(width: 120, height: 40, period: "2015-09"), .showView(.assessment))
        let zhSep = screen(sep).joined(separator: "\n")
        XCTAssertTrue(zhSep.contains("= 42（报告 ◇42）；完成 2015年全年：2015年1-9月尚不可知（2015 年底判定）"), zhSep)
        sep.language = .en
        let enSep = screen(sep).joined(separator: "\n")
        XCTAssertTrue(enSep.contains("(reported ◇42); completed in 2015: not yet known at 2015 Jan-Sep"),
                      enSep)
    }
}
