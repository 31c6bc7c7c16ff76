import Foundation
import TownsTestSupport
import XCTest

@testable import TownsUI

/// Wave 31 (issue 17, cold keys): `TextWrap.headAtWord` took the first of the lines `wrapSanitized`
/// made of its window (a note's next `width + 4` characters: two lines of Chinese, the second made
/// for nothing, a part of every cold key that draws a long list's or a page's notes). It now asks
/// for the first line alone (`firstLineOnly`), which leaves the loop once a second line has begun.
/// An equivalence guard: that line is the whole wrap's first, on random Chinese, English, blanks,
/// numbers with units, clause marks and brackets, at widths from 1 to 98.
final class W31FirstLineTests: XCTestCase {
    func testTheFirstLineIsTheWholeWrapsFirst() {
        let pieces = ["落后", "小镇", "完成率", "，", "；", "、", "。", "（", "）", "【", "】", " ", "  ", "   ", "the",
                      "behind", "schedule", "≈72.9%", "▼", "—", "Haining", "a", "海宁皮革时尚小镇", "2015年1-9月",
                      "9.3亿元", "30 个", "12万人次", "3.5平方公里", "二(二)", "～", "e\u{301}", "x", "7"]
        var draw = SeededDraw(seed: 3_101)  // a fixed sequence: a failure repeats
        var compared = 0, wrapped = 0
        for _ in 0..<400 {
            let text = TerminalText.sanitize((0..<(1 + draw(40))).map { _ in pieces[draw(pieces.count)] }.joined())
            for width in [1, 2, 3, 4, 5, 7, 8, 11, 13, 20, 31, 40, 58, 76, 98] {
                let whole = TextWrap.wrapSanitized(text, width: width)
                XCTAssertEqual(TextWrap.wrapSanitized(text, width: width, firstLineOnly: true), Array(whole.prefix(1)),
                               "width \(width): [\(text)]")
                if whole.count > 1 { wrapped += 1 }
                compared += 1
            }
        }
        XCTAssertEqual(compared, 6_000)
        XCTAssertGreaterThan(wrapped, 3_000)  // most texts wrap: the early exit was taken, not only the fit
        // A note's window as `wrapAtWords` cuts it, at a list's width: the same line.
        let note = "计划、完成和完成率只计同时有年度计划和完成额的小镇（两者皆有=这些小镇/全部）；落后=完成率低于本年已过时间比例的小镇"
        for width in 10...120 {
            XCTAssertEqual(TextWrap.wrapSanitized(note, width: width, firstLineOnly: true),
                           Array(TextWrap.wrapSanitized(note, width: width).prefix(1)))
        }
    }
}
