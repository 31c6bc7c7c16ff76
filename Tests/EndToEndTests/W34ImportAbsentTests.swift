import Foundation
import XCTest

/// Wave 34's fresh user: a monthly sheet without a row for one of the towns imported with exit 0 and
/// no word of that town; its figures of the month were then unknown ("no source gives it"), and a
/// meeting could not tell "not reported" from "a row forgotten". The import names the towns the
/// sheet has no row for, in the language chosen (exit 0 still: the sheet is what was reported).
final class W34ImportAbsentTests: XCTestCase {
    var binary: String!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    func testTheImportNamesTheTownsWithoutARow() throws {
        for (language, want) in [
            ("zh", "表中没有 3 个小镇的行，其 2015-10 的数字为未知：桐乡毛衫时尚小镇（tongxiang），嘉善巧克力甜蜜小镇（jiashan），海盐核电小镇（haiyan）"),
            ("en", "no row in the sheet for 3 towns, whose 2015-10 figures are unknown: Tongxiang Sweater Fashion Town "
                + "(tongxiang), Jiashan Chocolate Sweet Town (jiashan), Haiyan Nuclear Power Town (haiyan)"),
        ] {
            let data = try copyOfData()
            defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
            let sheet = data.deletingLastPathComponent().appendingPathComponent("oct.csv")
            try """
                小镇,期间,累计完成投资（亿元）,完成率（%）,已开工项目（个）
                海宁皮革时尚小镇,2015-10,15.21,81.8%,
                南湖基金小镇,2015-10,4.10,27.4%,12

                """.write(to: sheet, atomically: true, encoding: .utf8)
            for dry in [true, false] {
                let r = try runProcess(binary, ["import", sheet.path, "--data", data.path, "--lang", language]
                                       + (dry ? ["--dry-run"] : []))
                XCTAssertEqual(r.status, 0, r.summary)
                XCTAssertTrue(r.stdout.contains(want), r.summary)
            }
        }
    }

    /// A sheet with every town says nothing of the kind.
    func testAWholeSheetSaysNothing() throws {
        let data = try copyOfData()
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }
        let r = try runProcess(binary, ["import", Paths.repositoryRoot.appendingPathComponent("Examples/monthly-2015-10.csv").path, "--data",
                                        data.path, "--lang", "en", "--dry-run"])
        XCTAssertEqual(r.status, 0, r.summary)
        XCTAssertTrue(r.stdout.contains("dry run"), r.summary)
        XCTAssertFalse(r.stdout.contains("no row in the sheet"), r.summary)
    }
}
