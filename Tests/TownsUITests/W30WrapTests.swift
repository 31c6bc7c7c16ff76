import Foundation
import XCTest

@testable import TownsUI

/// Wave 30: a printed town page (`towns report --town tongxiang --lang en`) broke a reference across
/// lines (`reported: paper 二(` | `二)`) and a number from its unit (`均高于50` | `亿元`), and the text
/// report's notes broke inside Chinese words (`见分` | `晓`): the report now wraps as the lists' notes do
/// (`TextWrap.wrapAtWords`), and no wrap breaks after `(` or between a number and what follows it.
final class W30WrapTests: XCTestCase {
    func testAReferenceStaysWhole() {
        // At every width that must break it, `二(二)` is on one line.
        let text = "reported: paper 二(二)"
        for width in 8..<DisplayWidth.of(text) {
            for lines in [TextWrap.wrap(text, width: width), TextWrap.wrapAtWords(text, width: width)] {
                XCTAssertTrue(lines.contains { $0.contains("二(二)") }, "\(width): \(lines)")
            }
        }
        XCTAssertEqual(TextWrap.wrap("Development Co., Ltd.  reported: paper 二(二)", width: 40),
                       ["Development Co., Ltd.  reported: paper", "二(二)"])
    }

    func testANumberKeepsItsUnit() {
        let quote = "“嘉兴市五个特色小镇计划投资额度均高于50亿元”"
        for width in 10..<DisplayWidth.of(quote) {
            for lines in [TextWrap.wrap(quote, width: width), TextWrap.wrapAtWords(quote, width: width)] {
                XCTAssertTrue(lines.contains { $0.contains("50亿") }, "\(width): \(lines)")
            }
        }
        // Nor inside the unit (`9.3亿` | `元`, the town page at 80 columns once `9.3` | `亿元` was kept).
        let unit = "“已完成投资额最高的是海宁皮革时尚小镇为9.3亿元”"
        for width in 10..<DisplayWidth.of(unit) {
            XCTAssertTrue(TextWrap.wrap(unit, width: width).contains { $0.contains("9.3亿元") }, "\(width)")
        }
        // Nor at the space between a number and its unit (`南湖和海盐合计 30` | `个`, a town page at 200 columns).
        let spaced = "各种读法：各 30 个（南湖 30、海盐 30；其余三镇合计 29）；南湖和海盐合计 30 个（字面读法）"
        for width in 10..<DisplayWidth.of(spaced) {
            for lines in [TextWrap.wrap(spaced, width: width), TextWrap.wrapAtWords(spaced, width: width)] {
                XCTAssertFalse(lines.dropLast().contains { $0.last?.isNumber == true && $0.last?.isASCII == true }, "\(width): \(lines)")
                XCTAssertFalse(lines.contains { $0.hasPrefix(" ") || $0.hasPrefix("个") }, "\(width): \(lines)")
                XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= width + 1 }, "\(width): \(lines)")
            }
        }
        // A range's `～` starts no line: `50%` | `～60%` was printed.
        let range = "省里才将土地按实际使用指标的50%～60%给予配套奖励"
        for width in 10..<DisplayWidth.of(range) {
            XCTAssertFalse(TextWrap.wrap(range, width: width).contains { $0.hasPrefix("～") }, "\(width)")
        }
    }

    /// What `towns report` prints (`--width 120`, its default): `kind` in `language`, as lines.
    private func report(_ kind: Screen.Kind, _ language: Language) throws -> [String] {
        var s = try bundledState(width: 120, height: 200)
        s.language = language
        s.stack = [Screen(kind)]
        return try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode, width: 120)).text.components(separatedBy: "\n")
    }

    /// The printed town page of wave 29's fresh user: `paper 二(二)` whole, `50亿元` whole.
    func testThePrintedTownPageKeepsReferencesAndUnits() throws {
        for language in [Language.en, .zh] {
            let lines = try report(.townPage("tongxiang"), language)
            XCTAssertFalse(lines.contains { $0.hasSuffix("(") }, "\(language): a reference broken: \(lines)")
            for whole in ["二(二)", "均高于50亿元", "不少于10亿元", "50%～60%"] where language == .en || whole != "二(二)" {
                XCTAssertTrue(lines.contains { $0.contains(whole) }, "\(language): \(whole) broken: \(lines)")
            }
        }
    }

    /// The text report's notes break at a clause's mark, not inside a word (the types view's note
    /// broke `完成率` | `未知的不计` at the default width, the assessment's `见分` | `晓`).
    func testTheReportsNotesBreakAtWords() throws {
        let types = try report(.typeList, .zh)
        XCTAssertTrue(types.contains { $0.hasPrefix("完成率未知的不计") }, "\(types)")
        let assessment = try report(.assessment, .zh)
        for words in ["2015年底见分晓", "倒扣奖励用地指标的2倍", "3A级以上景区"] {
            XCTAssertEqual(assessment.filter { $0.contains(words) }.count,
                           assessment.joined().components(separatedBy: words).count - 1, "\(words): \(assessment)")
        }
    }
}
