import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Session 26's fresh user, F3: Nanhu's 15.00 at the year's end over its derived plan ≈14.98
/// (100.13%, what the rounding allows 99.75-100.54) read `≈100.1%`, the plan exceeded. It is
/// `≈100%` wherever the rate is shown (list, page, CSV), its formula keeping the quotient, and the
/// schedule verdict on it stays `?`.
final class W33RateSideTests: XCTestCase {
    static let december = """

        [[figure]]
        town = "nanhu"
        measure = "completed"
        period = "2015-12"
        value = "15.00"
        source = "paper"

        """

    func testARateWhoseRoundingHoldsBothSidesOf100ClaimsNeither() throws {
        for language in [Language.en, .zh] {
            let s = try editedBundledState("w33side", period: "2015-12",
                                           width: 200, height: 60, language: language) { $0 + Self.december }
            let lines = screen(s)
            let nanhu = try XCTUnwrap(lines.first { $0.contains(language == .en ? "Nanhu" : "南湖") }, lines.joined(separator: "\n"))
            XCTAssertTrue(nanhu.contains("≈100% "), nanhu)
            XCTAssertFalse(nanhu.contains("100.1"), nanhu)
            XCTAssertTrue(nanhu.contains("?"), nanhu)
            let csv = Export.render(try XCTUnwrap(s.content(for: s.screen)), format: .csv, title: "t", legend: "l")
            let row = try XCTUnwrap(csv.split(separator: "\r\n").first { $0.contains(language == .en ? "Nanhu" : "南湖") })
            XCTAssertFalse(row.contains("100.1"), String(row))
            var page = s
            page.stack = [Screen(.townPage("nanhu"))]
            let text = screen(page).joined(separator: "\n")
            XCTAssertTrue(text.contains("= 100.13%"), text)
            XCTAssertFalse(text.contains("≈100.1%"), text)
            // The Δ rate worked from it adds up as printed, naming the ≈100's quotient (session 27's
            // F2, W34FidRateDigitsTests: was `≈100 − 23.5 = 76.5 ≈ 77`): 100.13 − 23.5 = 76.63, ≈77.
            XCTAssertTrue(text.contains(language == .en ? "≈100 (100.13 unrounded) − 2015 Jan-Sep 23.5 = 76.63 ≈ 77"
                                        : "≈100（未取整 100.13） − 2015年1-9月 23.5 = 76.63 ≈ 77"), text)
        }
        // The figure itself: 100 at no decimals, with the interval kept.
        let s = try editedBundledState("w33side2", period: "2015-12",
                                       width: 200, height: 60, language: .en) { $0 + Self.december }
        let nanhu = try XCTUnwrap(s.dataset.towns.first { $0.id == "nanhu" })
        let rate = try XCTUnwrap(s.metrics.figure(nanhu, FigureKey(.completionRate, "2015-12")))
        XCTAssertEqual(rate.supportedText, "100")
        let range = try XCTUnwrap(rate.interval)
        XCTAssertTrue(range.lower < 100 && 100 < range.upper, "\(range)")
    }
}
