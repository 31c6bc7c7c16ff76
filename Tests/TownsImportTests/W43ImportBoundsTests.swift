import Foundation
import TownsCore
import TownsImport
import XCTest

/// Wave 43 (finding 3): `towns import` refuses a figure beyond what any town's can be as the
/// loader does (`FigureBounds`), naming the sheet's line, column and field and the bound; a dry
/// run the same; nothing written.
final class W43ImportBoundsTests: XCTestCase {
    func issues(_ text: String, dryRun: Bool) throws -> (issues: [LoadIssue], sheet: String) {
        let dir = try dataCopy()
        let before = snapshot(dir)
        let sheet = try writeSheet(text)
        var found: [LoadIssue] = []
        do {
            _ = try runImport(sheet, data: dir, dryRun: dryRun)
        } catch let ImportFailure.sheet(issues) {
            found = issues
        }
        XCTAssertEqual(snapshot(dir).filter { $0.key != ".import.lock" }, before.filter { $0.key != ".import.lock" },
                       "nothing written")
        return (found, sheet)
    }

    func testImplausibleCellsAreRefusedWithTheBound() throws {
        let text = """
        小镇,期间,累计完成投资（亿元）,完成率（%）,已开工项目（个）
        海宁皮革时尚小镇,2015-10,1356000000,81.8%,
        桐乡毛衫时尚小镇,2015-10,12.40,297796307325789%,
        南湖基金小镇,2015-10,4.123456789012,27.4%,12
        海盐核电小镇,2015-10,11.30,23.9%,50000
        """
        for dryRun in [false, true] {
            let (issues, sheet) = try issues(text, dryRun: dryRun)
            let errors = issues.filter { $0.severity == .error }
            XCTAssertEqual(errors.count, 4, errors.map(\.description).joined(separator: "\n"))
            let byLine = Dictionary(grouping: errors, by: { $0.line ?? 0 })
            let amount = try XCTUnwrap(byLine[2]?.first)
            XCTAssertEqual(amount.file, sheet)
            XCTAssertEqual(amount.field, "completed")
            XCTAssertEqual(amount.column, 3)
            // A period's completed amount: 1000 亿元 (w43d; 10000 before).
            XCTAssertTrue(amount.words(chinese: false).contains("at most 1000 亿元"), amount.description)
            XCTAssertTrue(amount.words(chinese: true).contains("至多 1000 亿元"), amount.words(chinese: true))
            let rate = try XCTUnwrap(byLine[3]?.first)
            XCTAssertEqual(rate.field, "completion_rate")
            XCTAssertTrue(rate.words(chinese: false).contains("at most 1000%"), rate.description)
            XCTAssertTrue(try XCTUnwrap(byLine[4]?.first).words(chinese: false).contains("significant digits"))
            let started = try XCTUnwrap(byLine[5]?.first)
            XCTAssertEqual(started.field, "projects_started")
            XCTAssertTrue(started.words(chinese: false).contains("at most 10000"), started.description)
        }
    }

    /// 万元: the amount is bounded in 亿元 as it would be written (135,600 万元 is 13.56 亿元, fine;
    /// 135,600,000,000 万元 is 13,560,000 亿元, refused).
    func testAnAmountIn10kYuanIsBoundedAsWritten() throws {
        let fine = """
        小镇,期间,累计完成投资（万元）
        海宁皮革时尚小镇,2015-10,152100
        """
        XCTAssertTrue(try issues(fine, dryRun: true).issues.filter { $0.severity == .error }.isEmpty)
        let bad = """
        小镇,期间,累计完成投资（万元）
        海宁皮革时尚小镇,2015-10,135600000000
        """
        let error = try XCTUnwrap(try issues(bad, dryRun: true).issues.first { $0.severity == .error })
        XCTAssertTrue(error.words(chinese: false).contains("135600000000 万元 (13560000.00 亿元)"), error.description)
    }

    /// 万元 typed as 亿元 below 10000 (w43d's fresh user: `8000` for 0.8 亿元 was written for one
    /// town, only the city's sum warned): a period's completed amount stops at 1000 亿元.
    func testTenThousandYuanTypedAsHundredMillionBelow10000IsRefused() throws {
        let text = """
        小镇,期间,累计完成投资（亿元）,完成率（%）
        桐乡毛衫时尚小镇,2015-10,8000,95.1%
        """
        for dryRun in [false, true] {
            let (issues, sheet) = try issues(text, dryRun: dryRun)
            let error = try XCTUnwrap(issues.first { $0.severity == .error }, issues.map(\.description).joined())
            XCTAssertEqual(error.file, sheet)
            XCTAssertEqual(error.line, 2)
            XCTAssertEqual(error.field, "completed")
            XCTAssertTrue(error.words(chinese: false).contains("8000 亿元 is beyond any town's completed investment"),
                          error.description)
            XCTAssertTrue(error.words(chinese: false).contains("at most 1000 亿元"), error.description)
            XCTAssertTrue(error.words(chinese: false).contains("万元 typed as 亿元?"), error.description)
            XCTAssertTrue(error.words(chinese: true).contains("至多 1000 亿元"), error.words(chinese: true))
            XCTAssertTrue(error.words(chinese: true).contains("是否把万元写成了亿元"), error.words(chinese: true))
        }
    }

    /// A column in 万元: the message shows the cell as typed, in 万元, the bound in 万元 too, and
    /// asks about 元 typed as 万元 (w43d: it showed `15210000.00 亿元` and blamed 万元).
    func testAColumnIn10kYuanIsReportedAsTyped() throws {
        let text = """
        小镇,期间,累计完成投资（万元）
        海宁皮革时尚小镇,2015-10,"152,100,000,000"
        南湖基金小镇,2015-10,113000.00000001
        """
        let (issues, _) = try issues(text, dryRun: true)
        let errors = issues.filter { $0.severity == .error }
        let byLine = Dictionary(grouping: errors, by: { $0.line ?? 0 })
        let amount = try XCTUnwrap(byLine[2]?.first, errors.map(\.description).joined())
        let en = amount.words(chinese: false), zh = amount.words(chinese: true)
        XCTAssertTrue(en.contains("152,100,000,000 万元"), en)
        XCTAssertTrue(en.contains("at most 10000000 万元 (1000 亿元)"), en)
        XCTAssertTrue(en.contains("元 typed as 万元?"), en)
        XCTAssertFalse(en.contains("万元 typed as 亿元"), en)
        XCTAssertTrue(zh.contains("152,100,000,000 万元"), zh)
        XCTAssertTrue(zh.contains("至多 10000000 万元"), zh)
        XCTAssertTrue(zh.contains("是否把元写成了万元"), zh)
        let digits = try XCTUnwrap(byLine[3]?.first, errors.map(\.description).joined())
        XCTAssertTrue(digits.words(chinese: false).contains("113000.00000001 万元 has more significant digits"),
                      digits.description)
        XCTAssertFalse(digits.words(chinese: false).contains("11.300000000001"), digits.description)
        XCTAssertTrue(digits.words(chinese: true).contains("113000.00000001 万元的有效数字"), digits.words(chinese: true))
    }
}
