import Foundation
@testable import TownsCore
@testable import TownsUI
import XCTest

/// A search (`/`) or a narrowing (`&`) matches a town by its county's and its operating entities'
/// names too (`ShownFacts.townTerms`); where those, not the town's own names, matched, the status
/// line says so (wave 35's fresh user: `&haiyan` kept 龙泉康养小镇2号, run by 海盐生命健康投资集团,
/// with nothing on the row saying why). Bundled data: `qiantang` is Haining's entity 浙江钱塘江投资开发有限公司.
final class W36MatchReasonTests: XCTestCase {
    func typed(_ s: AppState, _ text: String) -> AppState { text.reduce(s) { update($0, .searchKey(.char($1))) } }

    /// `/qiantang` on the towns view: the match names the entity, in Chinese and in English.
    func testSearchSaysTheEntityMatched() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s = typed(update(s, .startSearch), "qiantang")
        XCTAssertEqual(s.message, "匹配 1/1「qiantang」：按运营主体 浙江钱塘江投资开发有限公司 匹配")
        var e = try bundledState(width: 100, height: 30, period: "2015-09")
        e.language = .en
        e = typed(update(e, .startSearch), "qiantang")
        XCTAssertEqual(e.message, "match 1/1 \"qiantang\": matched by operating entity "
                           + "Zhejiang Qiantang River Investment and Development Co., Ltd.")
        // Drawn on the status line (cut there, whole in :messages, where it does not fit).
        XCTAssertTrue(screen(s).contains { $0.contains("按运营主体") }, screen(s).joined(separator: "\n"))
    }

    /// A town found by its own name says nothing more: `/haining`, `/海宁`.
    func testAMatchByNameSaysNothingMore() throws {
        for query in ["haining", "海宁", "hnpg"] {
            var s = try bundledState(width: 100, height: 30, period: "2015-09")
            s = typed(update(s, .startSearch), query)
            XCTAssertEqual(s.message, "匹配 1/1「\(query)」", query)
        }
    }

    /// `&puyuan` keeps Tongxiang (four entities named 濮院…): the count, then why; on a list narrowed
    /// by `group` (English: Tongxiang's Huaxin Industrial Group, Jiashan's Smile Group, …), moving onto a
    /// row says why it is there.
    func testNarrowingSaysWhyTheRowIsKept() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s = typed(update(s, .startNarrowing), "puyuan")
        XCTAssertEqual(s.message, "只留匹配「puyuan」的 1 行（Esc 全部显示）：按运营主体 濮院旅游公司 匹配")
        var e = try bundledState(width: 100, height: 30, period: "2015-09")
        e.language = .en
        e = update(typed(update(e, .startNarrowing), "group"), .searchKey(.enter))
        XCTAssertGreaterThanOrEqual(e.content(for: e.screen)?.rows.count ?? 0, 2)
        e = update(e, .moveDown)
        let reason = try XCTUnwrap(e.message)
        XCTAssertTrue(reason.hasPrefix("matched by operating entity ") && reason.hasSuffix("Group"), reason)
        // Moving onto a row without a search shows no such message.
        var plain = try bundledState(width: 100, height: 30, period: "2015-09")
        plain = update(plain, .moveDown)
        XCTAssertNil(plain.message)
    }
}
