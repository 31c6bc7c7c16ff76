import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 31's fresh user: the towns view's city row labelled `Jiaxing reported` held `≈50.15`, the
/// sum of the towns' imported Jan-Oct amounts, in a month the city reported nothing, while the
/// changes view said the city's completed was `not reported`. The label says so there: derived,
/// not reported.
final class W32FidCityRowTests: XCTestCase {
    static let october = W22MineTests.month("2015-10", through: 10, [
        ("haining", "completed", "\"15.50\""), ("nanhu", "completed", "\"4.00\""),
        ("tongxiang", "completed", "\"13.0\""), ("jiashan", "completed", "\"6.0\""), ("haiyan", "completed", "\"11.65\""),
    ])

    func state(_ view: Screen.Kind = .townList, language: Language = .en) throws -> AppState {
        try editedBundledState("w32city", monthly: ["2015-10.toml": Self.october], view: view, period: "2015-10",
                               width: 200, height: 60, language: language) { $0 }
    }

    func cityRow(_ lines: [String], _ language: Language) throws -> String {
        try XCTUnwrap(lines.first { $0.contains("≈50.15") && !$0.contains("Sum of known") && !$0.contains("已知") },
                      lines.joined(separator: "\n"))
    }

    func testTheCityRowOfATownsSumSaysNotReported() throws {
        for (language, want, not) in [(Language.en, "Jiaxing ≈sum (not reported)", "Jiaxing reported"),
                                      (.zh, "全市未报 ≈镇合计", "全市报告")] {
            let s = try state(language: language)
            let row = try cityRow(screen(s), language)
            XCTAssertTrue(row.hasPrefix(" " + want), row)
            XCTAssertFalse(screen(s).joined(separator: "\n").contains(not), screen(s).joined(separator: "\n"))
            // The changes view says the same of the city's completed amount.
            var changes = s
            changes.stack = [Screen(.changes)]
            let c = screen(changes).joined(separator: "\n")
            XCTAssertTrue(c.contains(language == .en ? "not reported" : "不再报告"), c)
            // Its exports too.
            let content = try XCTUnwrap(s.content(for: s.screen))
            for format in [ExportRequest.Format.csv, .text, .md] {
                let out = Export.render(content, format: format, title: "t", legend: "l")
                XCTAssertTrue(out.contains(want), out)
                XCTAssertFalse(out.contains(not), out)
            }
        }
    }

    /// In a period the city reported (Jan-Sep: 45.06 at 42.5%), the row is the reported one still.
    func testTheCityRowOfAReportedPeriodStaysReported() throws {
        var s = try state()
        s.periodIndex = try XCTUnwrap(s.dataset.periods.firstIndex { $0.id == "2015-09" })
        let lines = screen(s)
        XCTAssertTrue(lines.contains { $0.hasPrefix(" Jiaxing reported") && $0.contains("45.06") }, lines.joined(separator: "\n"))
    }
}
