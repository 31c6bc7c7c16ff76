import Foundation
import TownsTestSupport
import XCTest

@testable import TownsUI

/// Wave 29: `TextWrap.wrapAtWords` works each line out from a window of the next `2 x width + 8`
/// characters, not from the whole rest (a note of N lines was wrapped whole N times: a fifth of a
/// cold sort at 10,000 towns). Its lines must be those the whole rest gave, for Chinese, English,
/// blanks, clause marks, opening and closing punctuation, wide and narrow characters, at any width.
final class W29NoteWrapWindowTests: XCTestCase {
    /// `wrapAtWords` as it was before wave 29 (each line from the whole rest), to compare with.
    private func wholeRest(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var rest = Substring(TerminalText.sanitize(text))
        var lines: [String] = []
        while DisplayWidth.of(String(rest)) > width {
            var head = TextWrap.headAtWord(String(rest), width: width)
            if head.isEmpty { head = String(rest.prefix(1)) }
            rest = rest.dropFirst(head.count)
            while head.hasSuffix(" ") { head.removeLast() }
            while rest.first == " " { rest = rest.dropFirst() }
            lines.append(head)
        }
        if !rest.isEmpty || lines.isEmpty { lines.append(String(rest)) }
        return lines
    }

    func testTheLinesAreThoseOfTheWholeRest() {
        let pieces = ["落后", "小镇", "完成率", "，", "；", "：", "、", "。", "（", "）", "【", "】", " ", "  ", "the",
                      "behind", "schedule", "≈72.9%", "▼", "—", "Haining", "of", "a", "海宁皮革时尚小镇", "2015年1-9月",
                      "e\u{301}", "x"]
        var draw = SeededDraw(seed: 29)  // a fixed sequence: a failure repeats
        var compared = 0
        for _ in 0..<120 {
            let text = (0..<(5 + draw(120))).map { _ in pieces[draw(pieces.count)] }.joined()
            for width in [1, 2, 3, 5, 8, 13, 20, 31, 40, 58, 76, 98] {
                let whole = wholeRest(text, width: width)
                XCTAssertEqual(TextWrap.wrapAtWords(text, width: width), whole, "width \(width): \(text)")
                // The first lines alone, as `notesReserved` counts them.
                XCTAssertEqual(TextWrap.wrapAtWords(text, width: width, maxLines: 2), Array(whole.prefix(2)))
                compared += 1
            }
        }
        XCTAssertEqual(compared, 1_440)
        // The notes as the views write them, at the widths of the screens.
        let notes = [
            "计划、完成和完成率只计同时有年度计划和完成额的小镇（两者皆有=这些小镇/全部）；落后=完成率低于本年已过时间比例的小镇（没有完成率的小镇不计）",
            "Plan, Done and Rate count only towns with both the year's plan and the completed amount (Both = those towns / all)",
        ]
        for note in notes {
            for width in 10...120 { XCTAssertEqual(TextWrap.wrapAtWords(note, width: width), wholeRest(note, width: width)) }
        }
    }
}
