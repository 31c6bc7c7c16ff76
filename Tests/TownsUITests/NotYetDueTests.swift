import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Issue 14 point 6: a rule judged after the period shown is "not yet due" (○), never ✓ on a
/// plan: in the assessment, the overview's rules line, the town page and the exports' legend.
final class NotYetDueTests: XCTestCase {
    func testTheThreeYearMinimumIsNotYetDueInSeptember() throws {
        let s = update(try bundledState(width: 120, height: 40, period: "2015-09"), .showView(.assessment))
        let lines = screen(s)
        XCTAssertTrue(lines.contains { $0.contains("小镇               首年 三年 期限") }, lines.joined(separator: "\n"))
        for name in ["海宁皮革", "桐乡毛衫", "嘉善巧克力", "南湖基金", "海盐核电"] {
            let row = try XCTUnwrap(lines.first { $0.contains(name) })
            let cells = row.split(separator: " ")
            XCTAssertEqual(cells[2], "○", "\(name)'s 三年: \(row)")
        }
        XCTAssertFalse(lines.contains { $0.contains("三年") && $0.contains("✓5") })
        let overview = screen(update(s, .showView(.overview))).joined(separator: "\n")
        XCTAssertTrue(overview.contains("三年 ✓0 ✗0 ?0 ○5"), overview)
    }

    func testTheTownPageSaysThePlanAndWhenItIsJudged() throws {
        var s = try bundledState(width: 200, height: 60, period: "2015-09")
        s.language = .en
        s.stack.append(Screen(.townPage("haiyan")))
        let page = s.pageLines(s.screen.kind, width: 196).map { $0.text(.unicode) }.joined(separator: "\n")
        XCTAssertTrue(page.contains("3yr ○") || page.contains("三年 ○"), page)
        XCTAssertTrue(page.contains("plan 140 meets the minimum 50; completion judged at the end of 2017"), page)
    }

    func testExportsListTheMarkAndASCIIDrawsIt() throws {
        var s = try bundledState(period: "2015-09")
        s.stack = [Screen(.assessment)]
        let md = try XCTUnwrap(s.exportOutput(.md, glyphs: .unicode)).text
        XCTAssertTrue(md.contains("- ○  未到期"), md)
        let ascii = try XCTUnwrap(s.exportOutput(.text, glyphs: .ascii)).text
        XCTAssertTrue(ascii.contains("o  未到期"), ascii)
        XCTAssertFalse(ascii.contains("○"), ascii)
    }
}
