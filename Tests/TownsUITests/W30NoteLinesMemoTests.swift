import Foundation
@testable import TownsUI
import XCTest

/// Wave 30 (issue 17, cold keys): a long list's notes are counted once per text, width and limit
/// (`ViewCache.noteLineCount`), not wrapped again each time a frame asks how many rows fit
/// (`Renderer.notesReserved`). An equivalence guard: the count remembered is the count of
/// `TextWrap.wrapAtWords`, asked first and again, past the memo's capacity too.
final class W30NoteLinesMemoTests: XCTestCase {
    func testRememberedCountsAreTheWrappedLinesCounts() {
        let texts = [
            "", "short", "4 towns left out of the sums: no figure of 2016-06 (t00001 t00002 t00003 t00004)",
            "未纳入合计的4个镇：无2016年6月数据（嘉兴南湖基金小镇、海宁皮革时尚小镇、桐乡毛衫时尚小镇、海盐核电小镇）",
            String(repeating: "a word ", count: 90), String(repeating: "长句子，", count: 60),
        ]
        let cache = ViewCache()
        for round in 0..<2 {
            for text in texts {
                for width in [1, 2, 10, 37, 78, 118] {
                    for maxLines in 1...3 {
                        XCTAssertEqual(cache.noteLineCount(text, width: width, maxLines: maxLines),
                                       TextWrap.wrapAtWords(text, width: width, maxLines: maxLines).count,
                                       "round \(round) width \(width) max \(maxLines): \(text)")
                    }
                }
            }
        }
        // Past the capacity (all forgotten at once): still the counts.
        for n in 0..<(ViewCache.noteLinesKept + 10) {
            let text = String(repeating: "w\(n) ", count: n % 40)
            XCTAssertEqual(cache.noteLineCount(text, width: 20, maxLines: 3),
                           TextWrap.wrapAtWords(text, width: 20, maxLines: 3).count)
        }
    }
}
