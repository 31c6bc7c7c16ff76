import Foundation
import TownsCore
import TownsImport
import XCTest

/// Wave 24's fresh user, F5: Haiyan's October rate 19% below its September 20.7% was imported
/// without a word. A completion rate is cumulative over one year's plan, so it falls only if the
/// plan changed: the import now warns (naming both figures and where the earlier one is), and
/// imports the row all the same; a rate within the rounding of both is no warning.
final class W24MineRateOrderTests: XCTestCase {
    func testAFallingRateIsWarnedAndImported() throws {
        let dir = try dataCopy()
        let summary = try runImport(try writeSheet("town,period,completed (万元),completion_rate\nhaiyan,2015-10,100000,19%\n"),
                                    data: dir)
        XCTAssertEqual(summary.entries.map(\.town.id), ["haiyan"], "imported all the same")
        let warnings = summary.warnings.map(\.description)
        XCTAssertEqual(warnings.count, 1, warnings.joined(separator: "\n"))
        let warning = try XCTUnwrap(warnings.first)
        XCTAssertTrue(warning.contains(":2:4: warning: completion_rate: 19% is lower than the 20.7% completion rate of "
                                       + "2015 Jan-Sep (2015-09) (" ), warning)
        XCTAssertTrue(warning.contains("figures.toml:"), "names where the earlier rate is: \(warning)")
        XCTAssertTrue(warning.contains("falls only if the plan changed"), warning)
        let zh = try XCTUnwrap(summary.warnings.first).description(chinese: true)
        XCTAssertTrue(zh.contains("19% 低于2015年1-9月（2015-09）的完成率 20.7%"), zh)
    }

    func testARateWithinTheRoundingOrRisingIsNoWarning() throws {
        for rate in ["20.7%", "21", "20.66"] {
            let summary = try runImport(
                try writeSheet("town,period,completed (万元),completion_rate\nhaiyan,2015-10,100000,\(rate)\n"), data: try dataCopy())
            XCTAssertEqual(summary.warnings.map(\.description), [], rate)
            XCTAssertEqual(summary.entries.count, 1, rate)
        }
    }

    func testARateAboveALaterOnesIsWarned() throws {
        // Tongxiang's Jan-Sep rate is 92.7%: an August sheet's 95% is above it.
        let dir = try dataCopy()
        let summary = try runImport(try writeSheet("town,period,completed (亿元),completion_rate\ntongxiang,2015-07,5,95%\n"),
                                    data: dir)
        let warning = summary.warnings.map(\.description).joined(separator: "\n")
        XCTAssertTrue(warning.contains("95% is higher than the 92.7% completion rate of the later 2015 Jan-Sep (2015-09)"), warning)
    }
}

/// Wave 24's fresh user, F13: `haining,2015-10,15.0,95` projects started was accepted though the
/// five towns plan 89 projects in all (Haining's own count is unknown).
final class W24MineStartedAboveCityTests: XCTestCase {
    func testMoreStartedThanTheCitysTownsPlanIsRefused() throws {
        let dir = try dataCopy()
        let sheet = try writeSheet("town,period,completed (亿元),completion_rate,projects_started\nhaining,2015-10,15.0,,95\n")
        let issues = importIssues(sheet, data: dir).map(\.description)
        XCTAssertTrue(issues.contains { $0.contains(":2:5: projects_started: 95 started is more than the 89 projects the city's towns plan in all (")
                                          && $0.contains("totals.toml:") }, issues.joined(separator: "\n"))
        let ok = try runImport(try writeSheet("town,period,completed (亿元),completion_rate,projects_started\nhaining,2015-10,15.0,,29\n"),
                               data: try dataCopy())
        XCTAssertEqual(ok.entries.map(\.town.id), ["haining"])
    }
}

/// Wave 24's fresh user, F11: importing October again without Jiashan's row dropped its 6.85
/// with only "it replaces the earlier import" said. The summary names what becomes unknown.
final class W24MineReimportDroppedTests: XCTestCase {
    func testAReimportNamesTheFiguresItNoLongerGives() throws {
        let dir = try dataCopy()
        let header = "town,period,completed (亿元),completion_rate\n"
        let first = try runImport(try writeSheet(header + "haining,2015-10,15.21,81.8%\njiashan,2015-10,6.85,\n"), data: dir)
        XCTAssertFalse(first.replaced)
        XCTAssertTrue(first.dropped.isEmpty)
        let dry = try runImport(try writeSheet(header + "haining,2015-10,15.21,\n"), data: dir, dryRun: true)
        XCTAssertEqual(dry.dropped.map { "\($0.town) \($0.measure)" }, ["haining completion_rate", "jiashan completed"])
        let again = try runImport(try writeSheet(header + "haining,2015-10,15.21,81.8%\njiashan,2015-10,6.85,\n"), data: dir)
        XCTAssertTrue(again.replaced)
        XCTAssertTrue(again.dropped.isEmpty, "the same figures again: nothing dropped")
    }
}
