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
            XCTAssertTrue(amount.words(chinese: false).contains("at most 10000 亿元"), amount.description)
            XCTAssertTrue(amount.words(chinese: true).contains("至多 10000 亿元"), amount.words(chinese: true))
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
        XCTAssertTrue(error.words(chinese: false).contains("13560000.00 亿元"), error.description)
    }
}
