import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Session 27's fresh user, F4: a development type holding one town in its sums wrote its rate
/// with other digits than the town's (`≈27%` on the types view beside Nanhu's 27.4%, where the
/// printed sums' quotient 4.10 / ≈15.0 = 27.33% lies outside what the town's own rate allows). A
/// group rate over one town is that town's rate, with its digits.
final class W34FidGroupRateTests: XCTestCase {
    static let october = W22MineTests.month("2015-10", through: 10, [
        ("nanhu", "completed", "\"4.10\""), ("nanhu", "completion_rate", "27.4"),
        ("haiyan", "completed", "\"11.30\""), ("haiyan", "completion_rate", "23.9"),
    ])

    func testAOneTownTypeGivesItsTownsRate() throws {
        for language in [Language.en, .zh] {
            let s = try editedBundledState("w34f4", monthly: ["2015-10.toml": Self.october], view: .typeList,
                                           period: "2015-10", width: 200, height: 40, language: language) { $0 }
            let lines = screen(s)
            let nanhu = try XCTUnwrap(lines.first { $0.contains(language == .en ? "Nanhu Fund Town" : "南湖基金小镇") },
                                      lines.joined(separator: "\n"))
            XCTAssertTrue(nanhu.contains("≈27.4%"), nanhu)
            XCTAssertFalse(nanhu.contains("≈27% "), nanhu)
            let haiyan = try XCTUnwrap(lines.first { $0.contains(language == .en ? "Haiyan Nuclear" : "海盐核电") },
                                       lines.joined(separator: "\n"))
            XCTAssertTrue(haiyan.contains("≈23.9%"), haiyan)
            XCTAssertFalse(haiyan.contains("≈24%"), haiyan)
            // The towns view gives each town's own 27.4% and 23.9%.
            var towns = s
            towns.stack = [Screen(.townList)]
            let rows = screen(towns)
            let row = try XCTUnwrap(rows.first { $0.contains(language == .en ? "Nanhu Fund Town" : "南湖基金小镇") })
            XCTAssertTrue(row.contains(" 27.4%"), row)
        }
    }
}
