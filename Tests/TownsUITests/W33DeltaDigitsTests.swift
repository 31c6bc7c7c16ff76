import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Session 26's fresh user, F1 (digits): Nanhu's Δ rate at Jan-Oct 2015, its ≈83% (83.31 over a
/// derived plan, 82.98-83.65) less Jan-Sep's reported 23.5, read `≈+59.8` with the formula
/// `≈83 − 23.5 = 59.8`, which does not add up as printed and claims more than the range
/// 59.43-60.20 supports. It is `≈+60`, the formula naming the unrounded 83.31 and 59.81.
final class W33DeltaDigitsTests: XCTestCase {
    func testADeltaOverADerivedRateAddsUpAndKeepsTheDigitsItsRangeSupports() throws {
        for language in [Language.en, .zh] {
            let s = try editedBundledState("w33delta", monthly: ["2015-10.toml": W33RankTests.october],
                                           period: "2015-10", width: 200, height: 60, language: language) { $0 }
            let lines = screen(s)
            let nanhu = try XCTUnwrap(lines.first { $0.contains(language == .en ? "Nanhu" : "南湖") }, lines.joined(separator: "\n"))
            XCTAssertTrue(nanhu.contains(" ≈+60 "), nanhu)
            XCTAssertFalse(nanhu.contains("59.8"), nanhu)
            let csv = Export.render(try XCTUnwrap(s.content(for: s.screen)), format: .csv, title: "t", legend: "l")
            let row = try XCTUnwrap(csv.split(separator: "\r\n").first { $0.contains(language == .en ? "Nanhu" : "南湖") })
            XCTAssertFalse(row.contains("59.8"), String(row))
            var page = s
            page.stack = [Screen(.townPage("nanhu"))]
            let text = screen(page).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            XCTAssertTrue(text.contains(language == .en ? "≈83 (83.31 unrounded) − 2015 Jan-Sep 23.5 = 59.81 ≈ 60"
                                        : "≈83（未取整 83.31） − 2015年1-9月 23.5 = 59.81 ≈ 60"), text)
            // A Δ of reported rates keeps its digits (Haining's 83.3 − 72.9).
            let haining = try XCTUnwrap(lines.first { $0.contains(language == .en ? "Haining" : "海宁") })
            XCTAssertTrue(haining.contains("≈+10.4"), haining)
        }
    }
}
