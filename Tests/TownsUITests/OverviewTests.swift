import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Issue 14 point 1: the overview holds every panel at 80x24 and its rows open their subjects.
final class OverviewTests: XCTestCase {
    func testEveryPanelAt80x24AndEnterOpensTheRow() throws {
        for language in Language.allCases {
            var s = update(try bundledState(width: 80, height: 24, period: "2015-09"), .showView(.overview))
            s.language = language
            s.message = nil
            let lines = screen(s)
            XCTAssertEqual(lines.count, 24)
            let headers = language == .zh ? ["全市", "落后 3 镇", "类型", "较 2015年1-8月", "核对", "考核"]
                : ["City", "3 behind", "Types", "vs 2015 Jan-Aug", "Checks", "Assessment"]
            for header in headers {
                XCTAssertTrue(lines.contains { $0.hasPrefix(" " + header) }, "\(header) at 80x24")
            }
            let content = try XCTUnwrap(s.content(for: s.screen))
            // The worst town behind first: Nanhu, short ≈7.7.
            let nanhu = try XCTUnwrap(content.rows.indices.first { content.targets[$0] == .townPage("nanhu") })
            XCTAssertTrue(content.rows[nanhu].cells[2].text(.unicode).contains("≈7.7"))
            var opened = s
            opened.stack[0] = opened.selecting(opened.stack[0], row: nanhu)
            opened = update(opened, .open)
            XCTAssertEqual(opened.screen.kind, .townPage("nanhu"))
            // Haiyan, behind by its rate with its plan unknown, is listed too (amount "—"), where
            // the panel has room for it.
            var tall = update(try bundledState(width: 100, height: 30, period: "2015-09"), .showView(.overview))
            tall.language = language
            let full = try XCTUnwrap(tall.content(for: tall.screen))
            let haiyan = try XCTUnwrap(full.rows.indices.first { full.targets[$0] == .townPage("haiyan") })
            XCTAssertTrue(full.rows[haiyan].cells[2].text(.unicode).contains("—"))
            XCTAssertTrue(full.rows[haiyan].cells[2].text(.unicode).contains("-54.3"))
            XCTAssertTrue(content.targets.contains { $0 == .townsOfType(1) })
            XCTAssertTrue(content.targets.contains { $0 == .assessment })
        }
    }

    /// The full year: the city's completed is the 2016 notice's ◇63.06 (another basis): no bar
    /// against the plan 106.8, no "behind by", a note saying why (a fresh user's finding).
    func testTheFullYearOnAnotherBasisIsNotSetAgainstThePlan() throws {
        var s = update(try bundledState(width: 100, height: 30, period: "2015-12"), .showView(.overview))
        s.message = nil
        let content = try XCTUnwrap(s.content(for: s.screen))
        let cityRows = content.rows.indices.filter { content.targets[$0] == .cityTotals }
        XCTAssertFalse(cityRows.isEmpty)
        let texts = cityRows.map { content.rows[$0].cells[2].text(.unicode) }
        XCTAssertTrue(texts.contains { $0.contains("◇63.06") }, "\(texts)")
        XCTAssertTrue(texts.contains { $0.contains("口径不同") }, "\(texts)")
        XCTAssertFalse(texts.contains { $0.contains("落后 ") }, "no shortfall across two bases: \(texts)")
        guard case let .bar(fraction, _, _) = content.rows[cityRows[0]].cells[1] else { return XCTFail("a bar cell") }
        XCTAssertNil(fraction, "no fill: 63.06 / 106.8 would mix two bases")
    }
}
