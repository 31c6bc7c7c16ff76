import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 25's fresh user, F6: at the year's first period (Jan-Aug 2015) a town with a rate has its
/// place by completion rate (Tongxiang's 72% first, Haining's 50% second: the paper names Tongxiang
/// the fastest), with no move and no `✦`; the page says there is no earlier period to compare with.
final class W25FirstPeriodPlaceTests: XCTestCase {
    func testTheYearsFirstPeriodPlacesTheTownsWithARate() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 160, height: 30, period: "2015-08")
            s.language = language
            s = update(s, .showView(.townList))
            let lines = screen(s)
            func row(_ zh: String, _ en: String) throws -> String {
                try XCTUnwrap(lines.first { $0.contains(language == .zh ? zh : en) }, lines.joined(separator: "\n"))
            }
            let tongxiang = try row("桐乡毛衫时尚小镇", "Tongxiang"), haining = try row("海宁皮革时尚小镇", "Haining")
            let jiashan = try row("嘉善巧克力甜蜜小镇", "Jiashan")
            XCTAssertTrue(tongxiang.hasSuffix(" 1"), tongxiang)
            XCTAssertTrue(haining.hasSuffix(" 2"), haining)
            XCTAssertTrue(jiashan.hasSuffix("—"), jiashan)
            XCTAssertFalse(lines.contains { $0.contains("✦") }, "no ✦: nothing before to be new since")
            var page = s
            page.height = 120
            page.stack = [Screen(.townList), Screen(.townPage("tongxiang"))]
            let text = screen(page).joined(separator: "\n")
            XCTAssertTrue(text.contains(language == .zh ? "第 1，共 2 镇有完成率" : "1 of 2 with a rate"), text)
            XCTAssertTrue(text.contains(language == .zh ? "无上期可比" : "none before"), text)
        }
    }
}
