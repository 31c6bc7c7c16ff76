import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Session 27's fresh user, F3: at Jan-Oct 2015 Haining's 83.3% and Nanhu's ≈83% leave their
/// order undecided (W33RankTests). At Jan-Nov Haining has no rate, so it is not placed: Nanhu's
/// page said its place and move undecided for Haining's sake while the list showed a plain `≈1`.
/// A town not placed in the period shown makes neither another's place nor its move undecided
/// (a move counts among the towns placed in both periods); a town placed in both still makes the
/// move, alone, undecided, and the page says so in those words.
final class W34OvPlaceTests: XCTestCase {
    func state(_ november: [(String, String, String)], language: Language) throws -> AppState {
        let months = ["2015-10.toml": W33RankTests.october,
                      "2015-11.toml": W22MineTests.month("2015-11", through: 11, november)]
        return try editedBundledState("w34ovplace", monthly: months, period: "2015-11",
                                      width: 200, height: 60, language: language) { $0 }
    }

    func pageText(_ s: AppState, _ id: String, _ language: Language) -> String {
        var page = s
        page.stack = [Screen(.townPage(id))]
        return screen(page).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: language == .en ? " " : "")
    }

    func testATownWithNoRateMakesNoOtherPlaceUndecided() throws {
        for language in [Language.en, .zh] {
            let s = try state([("nanhu", "completed", "\"14.00\""),
                               ("haiyan", "completed", "\"12.00\""), ("haiyan", "completion_rate", "30.0")],
                              language: language)
            let lines = screen(s)
            let nanhu = try XCTUnwrap(lines.first { $0.contains(language == .en ? "Nanhu" : "南湖") }, lines.joined(separator: "\n"))
            XCTAssertTrue(nanhu.hasSuffix(" ≈1"), nanhu)
            let text = pageText(s, "nanhu", language)
            XCTAssertFalse(text.contains(language == .en ? "within their rounding" : "按取整可能相同"), text)
            XCTAssertFalse(text.contains(language == .en ? "Haining" : "海宁"), text)
        }
    }

    func testAMoveUndecidedBeforeIsSaidAsTheMoveAlone() throws {
        for language in [Language.en, .zh] {
            let s = try state([("haining", "completed", "\"17.70\""), ("haining", "completion_rate", "95.0"),
                               ("nanhu", "completed", "\"13.00\""),
                               ("haiyan", "completed", "\"12.00\""), ("haiyan", "completion_rate", "30.0")],
                              language: language)
            let lines = screen(s)
            let nanhu = try XCTUnwrap(lines.first { $0.contains(language == .en ? "Nanhu" : "南湖") }, lines.joined(separator: "\n"))
            XCTAssertTrue(nanhu.hasSuffix(" ≈2 ▽1?"), nanhu)
            let text = pageText(s, "nanhu", language)
            XCTAssertFalse(text.contains(language == .en ? "the place and its move are" : "名次及其变动不能判定"), text)
            XCTAssertTrue(text.contains(language == .en ? "the move is undecided" : "名次变动不能判定"), text)
            XCTAssertTrue(text.contains(language == .en ? "Haining" : "海宁"), text)
        }
    }
}
