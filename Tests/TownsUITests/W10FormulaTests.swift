import Foundation
import TownsCore
import TownsUI
import XCTest

/// A fresh user's finding: a formula on a town page must give its own result from what it prints.
/// Nanhu's plan is derived (3.52 / 23.5% = 14.98, shown `≈15.0` to the digits its inputs support);
/// its formulas used 14.98 but printed ≈15.0, so `≈15.0 × 9/12 = 11.24` did not add up (11.25).
final class W10FormulaTests: XCTestCase {
    func page(_ town: String, _ language: Language) throws -> String {
        var s = try bundledState(width: 140, height: 60, period: "2015-09")
        s.language = language
        return s.pageLines(.townPage(town), width: 140).map { $0.text() }.joined(separator: "\n")
    }

    /// Since wave 20 the formula names the plan as the list shows it too, then the digits it used
    /// (`≈15.0（未取整 14.98）`): the page agrees with the list and the result still follows.
    func testADerivedPlanIsPrintedAsTheFormulaUsedIt() throws {
        let zh = try page("nanhu", .zh)
        for words in ["年计划 ≈15.0（未取整 14.98） × 9/12（全年已过 9 个月）= 11.24",
                      "年计划 ≈15.0（未取整 14.98） − 预测 →4.69 = 10.29",
                      "（年计划 ≈15.0（未取整 14.98） − 已完成 3.52）÷ 剩余 3 个月 = 每月 3.82"] {
            XCTAssertTrue(zh.contains(words), "\(words) in\n\(zh)")
        }
        XCTAssertFalse(zh.contains("年计划 ≈15.0 ×"), zh)
        let en = try page("nanhu", .en)
        XCTAssertTrue(en.contains("plan ≈15.0 (14.98 unrounded) x 9/12 of the year elapsed = 11.24"), en)
        // Where the shown plan is the value used (Haining's ≈18.6 = 18.60), it stays as shown.
        XCTAssertTrue(try page("haining", .zh).contains("年计划 ≈18.6 × 9/12（全年已过 9 个月）= 13.95"))
    }
}
