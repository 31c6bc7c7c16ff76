import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Session 26's fresh user, F2: at Jan-Oct 2015 with Haining 15.50 at 83.3% (83.25-83.35) and
/// Nanhu 12.48 with no rate (≈83% over its derived plan, 82.98-83.65), which town is first is not
/// settled by the rates' rounding, yet Haining read `2 ▽1` and Nanhu `≈1 ▲1`. Both places and
/// both moves are `?`; Haiyan's 23.9%, far below, keeps its plain place; the page says why.
final class W33RankTests: XCTestCase {
    static let october = W22MineTests.month("2015-10", through: 10, [
        ("haining", "completed", "\"15.50\""), ("haining", "completion_rate", "83.3"),
        ("nanhu", "completed", "\"12.48\""),
        ("haiyan", "completed", "\"11.30\""), ("haiyan", "completion_rate", "23.9"),
    ])

    func state(language: Language) throws -> AppState {
        try editedBundledState("w33rank", monthly: ["2015-10.toml": Self.october], period: "2015-10",
                               width: 200, height: 60, language: language) { $0 }
    }

    func testPlacesWithinTheRatesRoundingAreUndecidedAndSoAreTheirMoves() throws {
        for language in [Language.en, .zh] {
            let s = try state(language: language)
            let lines = screen(s)
            func row(_ en: String, _ zh: String) throws -> String {
                try XCTUnwrap(lines.first { $0.contains(language == .en ? en : zh) }, lines.joined(separator: "\n"))
            }
            let haining = try row("Haining", "海宁")
            XCTAssertTrue(haining.hasSuffix(" 2? ▽1?"), haining)
            let nanhu = try row("Nanhu", "南湖")
            XCTAssertTrue(nanhu.hasSuffix(" ≈1? ▲1?"), nanhu)
            let haiyan = try row("Haiyan", "海盐")
            XCTAssertTrue(haiyan.hasSuffix(" 3"), haiyan)
            // An export's rows (CSV, as `towns report` and `e` write them).
            let csv = Export.render(try XCTUnwrap(s.content(for: s.screen)), format: .csv, title: "t", legend: "l")
            let hainingCSV = try XCTUnwrap(csv.split(separator: "\r\n").first { $0.contains(language == .en ? "Haining" : "海宁") })
            XCTAssertTrue(hainingCSV.contains("2? ▽1?"), String(hainingCSV))
            // Each page says why, naming the other town.
            for (id, other) in [("haining", ("Nanhu", "南湖")), ("nanhu", ("Haining", "海宁"))] {
                var page = s
                page.stack = [Screen(.townPage(id))]
                let text = screen(page).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: language == .en ? " " : "")
                let said = language == .en ? "within their rounding: the place and its move are" : "名次及其变动不能判定"
                XCTAssertTrue(text.contains(said), text)
                XCTAssertTrue(text.contains(language == .en ? other.0 : other.1), text)
            }
            var page = s
            page.stack = [Screen(.townPage("haiyan"))]
            let haiyanPage = screen(page).joined(separator: "\n")
            XCTAssertFalse(haiyanPage.contains(language == .en ? "within their rounding" : "名次及其变动不能判定"), haiyanPage)
        }
    }

    /// Ranges that only touch (a printed 83.3's upper end is 83.4's lower one) settle the order.
    func testPlacesWhoseRangesOnlyTouchAreSettled() throws {
        let october = W22MineTests.month("2015-10", through: 10, [
            ("haining", "completed", "\"15.50\""), ("haining", "completion_rate", "83.3"),
            ("tongxiang", "completed", "\"10.00\""), ("tongxiang", "completion_rate", "83.4"),
        ])
        let s = try editedBundledState("w33rank2", monthly: ["2015-10.toml": october], period: "2015-10",
                                       width: 200, height: 60, language: .en) { $0 }
        let period = try XCTUnwrap(s.period)
        XCTAssertEqual(s.placesWithinRounding(period), [])
    }
}
