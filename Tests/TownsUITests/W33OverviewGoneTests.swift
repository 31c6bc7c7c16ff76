import TownsCore
import TownsTestSupport
@testable import TownsUI
import XCTest

/// Wave 33's fresh user (F4): the overview's changes panel left out figures that went unknown (the
/// changes view's `不再报告` / `not reported`): at 2015-12 Nanhu's completed 3.52 and the city's
/// completion rate 42.5% (Jan-Sep) are not in December's data. A meeting asking "what changed" was
/// not told. Now the panel lists them, as the changes view does, and its export with it.
final class W33OverviewGoneTests: XCTestCase {
    func testThePanelListsFiguresThatWentUnknown() throws {
        for (language, gone, nanhu, city) in [(Language.zh, "不再报告", "南湖基金小镇", "全市 嘉兴市"),
                                              (.en, "not reported", "Nanhu", "Jiaxing")] {
            var s = try bundledState(width: 200, height: 60, period: "2015-12")
            s.stack = [Screen(.overview)]
            s.language = language
            let lines = screen(s)
            let start = try XCTUnwrap(lines.firstIndex { $0.contains(language == .zh ? " 较 " : " vs ") },
                                      lines.joined(separator: "\n"))
            let panel = lines[start...].prefix { !$0.hasPrefix(language == .zh ? " 核对" : " Checks") }
            let context = panel.joined(separator: "\n")
            XCTAssertTrue(panel.contains { $0.contains(nanhu) && $0.contains(gone) }, context)
            XCTAssertTrue(panel.contains { $0.hasPrefix(" " + city) && $0.contains(gone) }, context)
            // The changes view says the same of both.
            var c = s
            c.stack = [Screen(.changes)]
            let changes = screen(c)
            XCTAssertTrue(changes.contains { $0.contains(nanhu) && $0.contains(gone) }, changes.joined(separator: "\n"))
        }
    }
}
