import Foundation
@testable import TownsUI
import XCTest

/// `TextWrap.wrap` breaks between CJK characters where a line is full, not only after spaces:
/// a mark followed by a Chinese sentence stays on its line (the legend's `○  未到期：…` had left
/// `○` alone on a line and moved the whole sentence under it).
final class TextWrapTests: XCTestCase {
    func testAChineseSentenceAfterAMarkIsBrokenWhereTheLineIsFull() {
        let lines = TextWrap.wrap("○  未到期：规则在所示期间之后才判定（创建期末、年底）", width: 20)
        XCTAssertTrue(lines[0].hasPrefix("○  未到期"), "\(lines)")
        for line in lines {
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 20, line)
            XCTAssertFalse(line.hasSuffix(" "), "\(lines)")
        }
        XCTAssertEqual(lines.joined(), "○  未到期：规则在所示期间之后才判定（创建期末、年底）")
    }

    func testEnglishStillBreaksAfterSpaces() {
        XCTAssertEqual(TextWrap.wrap("not yet due: judged later", width: 12), ["not yet due:", "judged later"])
        // A word longer than the line is cut where it must be.
        XCTAssertEqual(TextWrap.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
    }

    func testMixedTextBreaksBeforeAChineseCharacterRatherThanAtAnEarlierSpace() {
        let lines = TextWrap.wrap("3年 期限=创建期年数，不考核", width: 14)
        XCTAssertEqual(lines.first, "3年 期限=创建")
    }

    /// Chinese line breaking: no line starts with closing punctuation nor ends with opening
    /// punctuation; one character more goes over instead.
    func testNoLineStartsWithClosingOrEndsWithOpeningPunctuation() {
        // 4 cells a line: "甲乙" then "，" would start the second line; "乙，" goes over together.
        XCTAssertEqual(TextWrap.wrap("甲乙，丙丁", width: 4), ["甲", "乙，", "丙丁"])
        // "（" would end the first line: it goes to the next with what it opens.
        XCTAssertEqual(TextWrap.wrap("甲乙（丙）丁", width: 6), ["甲乙", "（丙）", "丁"])
        XCTAssertEqual(TextWrap.wrap("数据已更新。记录消失", width: 10), ["数据已更", "新。记录消", "失"])
        // Every closing and opening mark, at every width where a run that may not break fits
        // (`算】、` is 6 cells: narrower, a line must break inside it).
        let text = "不计入已知合计（另附说明）：数字【估算】、「来源」『原文』；完成率！是否？结束。" + String(repeating: "甲，乙。", count: 5)
        for width in 6...30 {
            let lines = TextWrap.wrap(text, width: width)
            XCTAssertEqual(lines.joined(), text, "nothing lost at \(width)")
            for (i, line) in lines.enumerated() {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(width): \(line)")
                if i > 0, let first = line.first {
                    XCTAssertFalse(TextWrap.closing.contains(first), "\(width): \(lines)")
                }
                if i < lines.count - 1, let last = line.last {
                    XCTAssertFalse(TextWrap.opening.contains(last), "\(width): \(lines)")
                }
            }
        }
    }
}
