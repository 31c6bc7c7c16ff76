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
}
