import Foundation
import TownsCore
import TownsUI
import XCTest

/// What a follower's chrome offers (issue 16, a fresh user's findings): while following, the
/// key-hint line names only keys that act (those that move around are refused), the breadcrumb
/// offers no key the follower may not use, and browsing alone names the meeting and its presenter.
final class FollowerChromeTests: XCTestCase {
    func follower(_ presenter: AppState, language: Language = .zh) throws -> AppState {
        var s = try bundledState(width: 120, height: 30, period: "2015-09")
        if language == .en { s = update(s, .toggleLanguage) }
        s = update(s, .meeting(.joined(meeting: "demo", presenter: "root")))
        let sent = try JSONDecoder().decode(
            Session.self, from: try JSONEncoder().encode(presenter.session.forFollowers))
        return update(s, .meeting(.followed(sent, presenterData: "d", ownData: "d")))
    }

    /// The keys of the key-hint line, in order.
    func hintKeys(_ s: AppState) -> [String] { Renderer.keyHints(s, width: s.width).map(\.0) }

    func testAFollowerIsHintedOnlyTheKeysThatAct() throws {
        var p = try bundledState(width: 120, height: 30, period: "2015-09")
        p = apply(p, .toggleBehindFilter, .startSearch, .searchKey(.char("h")), .searchKey(.enter))
        let f = try follower(p)
        let keys = hintKeys(f)
        XCTAssertEqual(keys.first, "f", "browsing alone first: \(keys)")
        for refused in ["Enter", ">", "<", "/", "b", "c", "s", "S", "Tab", "n", "[ ]", "↑↓"] {
            XCTAssertFalse(keys.contains(refused), "\(refused) is refused while following: \(keys)")
        }
        // Each key hinted acts: pressed, the follower does not answer "the presenter drives".
        for key in keys where !["q", "?", ":"].contains(key) {
            let pressed = handle(f, .char(Character(key)))
            XCTAssertNotEqual(pressed.message, "主持人在操作（f 独自浏览）", "\(key) is refused yet hinted")
        }
        let lines = screen(f)
        XCTAssertTrue(lines.last!.contains("f 独自浏览"), lines.last!)
        XCTAssertFalse(lines.last!.contains("打开"), lines.last!)
        XCTAssertTrue(lines[2].contains("落后"), "the filter is shown: \(lines[2])")
        XCTAssertFalse(lines[2].contains("(c 清除)"), "but not a key the follower may not press: \(lines[2])")
        XCTAssertFalse(lines[2].contains("(n/N)"), lines[2])

        // The presenter's narrowing search (&): shown without the key that clears it.
        p = apply(p, .clearFilter, .startNarrowing, .searchKey(.char("h")), .searchKey(.enter))
        let narrowed = update(f, .meeting(.followed(try JSONDecoder().decode(
            Session.self, from: try JSONEncoder().encode(p.session.forFollowers)), presenterData: "d", ownData: "d")))
        XCTAssertTrue(screen(narrowed)[2].contains("/h"), screen(narrowed)[2])
        XCTAssertFalse(screen(narrowed)[2].contains("Esc"), screen(narrowed)[2])

        // Alone, every key acts again and is hinted again.
        let alone = update(f, .meeting(.toggleFollow))
        XCTAssertTrue(hintKeys(alone).contains("Enter"), "\(hintKeys(alone))")
        XCTAssertTrue(screen(alone)[2].contains("(c 清除)"), screen(alone)[2])
    }

    func testBrowsingAloneNamesTheMeetingAndItsPresenter() throws {
        let p = try bundledState(width: 120, height: 30, period: "2015-09")
        let zh = update(try follower(p), .meeting(.toggleFollow))
        XCTAssertTrue(screen(zh).last!.hasSuffix("独自浏览（会议 demo，主持人 root；f 回到会议）"), screen(zh).last!)
        // In English at 120 columns the full chip would cost the keys' words (since wave 31 it is then
        // short, `W31PrintTests`); at 140 it is whole beside them.
        let en = update(update(try follower(p, language: .en), .meeting(.toggleFollow)), .resize(width: 140, height: 30))
        XCTAssertTrue(screen(en).last!.hasSuffix("browsing alone (meeting demo, presenter root; f rejoins)"), screen(en).last!)
    }

    /// At 80 columns the chip is short and whole (f rejoins), and the hint line keeps `/` and `y` (wave 23).
    func testBrowsingAloneAt80ColumnsHasAShortWholeChipAndTheKeys() throws {
        let p = try bundledState(width: 120, height: 30, period: "2015-09")
        for language in [Language.zh, .en] {
            var s = update(try follower(p, language: language), .meeting(.toggleFollow))
            s = update(s, .resize(width: 80, height: 24))
            let last = screen(s).last!
            let chip = language == .zh ? "独自浏览 · f 回到会议" : "alone · f rejoins"
            XCTAssertTrue(last.trimmingCharacters(in: .whitespaces).hasSuffix(chip), last)
            XCTAssertFalse(last.contains("(meeting") || last.contains("（会议"), last)
            // f is the chip's own (it names the key that rejoins). w23-fid: as presenting, the meeting's
            // keys `/` and `y` stay on the line; since wave 31 the arrows and q stay too (a lone reader's
            // essentials; the sort and `b` give way: `W31PrintTests`).
            for key in [language == .zh ? "/ 搜索" : "/ find", language == .zh ? "y 复制" : "y copy", "↑↓",
                        language == .zh ? "q 退出" : "q quit"] {
                XCTAssertTrue(last.contains(key), last)
            }
        }
    }
}
