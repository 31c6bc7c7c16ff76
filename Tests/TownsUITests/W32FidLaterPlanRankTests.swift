import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 31's fresh user: ranks moved in an earlier period without `?` when a later month's import
/// gave a town's plan. Jiashan's Jan-Sep 5.00 with its plan first derivable from an imported
/// Jan-Oct (6.00 at 60.0%: ≈10.0) is placed `≈3? ✦` at Jan-Sep (wave 25b); Nanhu and Haiyan,
/// placed below it, read `4 ✦` and `5 ✦` (3 and 4 without Jiashan): their places rest on that plan
/// too, `4? ✦` and `5? ✦`.
final class W32FidLaterPlanRankTests: XCTestCase {
    static let october = W22MineTests.month("2015-10", through: 10, [
        ("jiashan", "completed", "\"6.00\""), ("jiashan", "completion_rate", "60.0"),
    ])
    static let jiashanSep = """

        [[figure]]
        town = "jiashan"
        measure = "completed"
        period = "2015-09"
        value = "5.00"
        source = "paper"

        """

    func state(_ period: String, language: Language = .en) throws -> AppState {
        try editedBundledState("w32rank", monthly: ["2015-10.toml": Self.october], period: period,
                               width: 200, height: 60, language: language) { $0 + Self.jiashanSep }
    }

    func testPlacesBelowATownOnALaterPlanAreUndecided() throws {
        for language in [Language.en, .zh] {
            let s = try state("2015-09", language: language)
            let lines = screen(s)
            func row(_ en: String, _ zh: String) throws -> String {
                try XCTUnwrap(lines.first { $0.contains(language == .en ? en : zh) }, lines.joined(separator: "\n"))
            }
            let jiashan = try row("Jiashan", "嘉善")
            XCTAssertTrue(jiashan.hasSuffix("≈3? ✦"), jiashan)
            let nanhu = try row("Nanhu", "南湖")
            XCTAssertTrue(nanhu.hasSuffix(" 4? ✦"), nanhu)
            let haiyan = try row("Haiyan", "海盐")
            XCTAssertTrue(haiyan.hasSuffix(" 5? ✦"), haiyan)
            // Those above it keep their places as they are.
            let haining = try row("Haining", "海宁")
            XCTAssertTrue(haining.hasSuffix(" 2"), haining)
            let tongxiang = try row("Tongxiang", "桐乡")
            XCTAssertTrue(tongxiang.hasSuffix(" 1"), tongxiang)
            // An export's rows.
            let csv = Export.render(try XCTUnwrap(s.content(for: s.screen)), format: .csv, title: "t", legend: "l")
            let nanhuCSV = try XCTUnwrap(csv.split(separator: "\r\n").first { $0.contains(language == .en ? "Nanhu" : "南湖") })
            XCTAssertTrue(nanhuCSV.contains("4? ✦"), String(nanhuCSV))
            // Nanhu's page says why.
            var page = s
            page.stack = [Screen(.townPage("nanhu"))]
            let text = screen(page).joined(separator: "\n")
            XCTAssertTrue(text.contains(language == .en ? "a town placed above it rests on a plan from a later period"
                                        : "排在其前的小镇有的年计划据以后的期间推出"), text)
        }
        // Where Jiashan's plan is known as of the period (Jan-Oct), no place is `?`.
        let october = screen(try state("2015-10"))
        XCTAssertFalse(october.contains { $0.range(of: #"[0-9]\? ✦$|[0-9]\?$"#, options: .regularExpression) != nil },
                       october.joined(separator: "\n"))
    }
}
