import Foundation
import TownsTestSupport
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 43 (finding 1): the check "the known towns sum to more than the city's total" sets the
/// city's total against the sum over every town; a type's or a filter's subtotal is not what it
/// compares, so it carries no `!` of that check. Type 3's subtotal is Nanhu's 3.52 alone: it read
/// `3.52!` beside Nanhu's own plain 3.52 (README: one marking a figure).
final class W43SubtotalFlagTests: XCTestCase {
    /// The bundled data with the city's Jan-Sep completed amount 15.06 (the paper's 45.06): the
    /// known towns (Haining 13.56, Nanhu 3.52: 17.08) then sum past it.
    func exceededData() throws -> Dataset {
        let folder = try bundledCopy("w43-subtotal")
        let path = folder + "/totals.toml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("value = 45.06"))
        try text.replacingOccurrences(of: "value = 45.06", with: "value = 15.06")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return try DatasetLoader.load(directory: folder).dataset
    }

    func state(_ d: Dataset, _ kind: Screen.Kind, _ language: Language) -> AppState {
        var s = AppState(dataset: d, width: 160, height: 40)
        s.stack = [Screen(kind)]
        s.language = language
        s.periodIndex = d.periods.firstIndex { $0.id == "2015-09" }!
        return s
    }

    func testTheCitysSumCheckMarksTheSumOverEveryTownOnly() throws {
        let d = try exceededData()
        for language in Language.allCases {
            // The check fails (the setting of this test).
            let s = state(d, .townList, language)
            XCTAssertTrue(s.sumCheckedKeys().contains(FigureKey(.completed, "2015-09")))
            let towns = screen(s)
            let text = towns.joined(separator: "\n")
            // The sum over every town is what the check compares: it carries `!`.
            XCTAssertTrue(towns.contains { $0.contains("17.08!") }, text)
            // Nanhu's own row: a plain 3.52.
            let nanhuName = language == .zh ? "南湖基金小镇" : "Nanhu Fund Town"
            let nanhu = try XCTUnwrap(towns.first { $0.hasPrefix(" " + nanhuName) }, text)
            XCTAssertTrue(nanhu.contains(" 3.52 "), nanhu)
            // The types view: type 3 (Nanhu alone) and type 1 (Haining alone in the sums) carry none.
            let types = screen(state(d, .typeList, language))
            let typesText = types.joined(separator: "\n")
            let three = try XCTUnwrap(types.first { $0.hasPrefix("    3 ") }, typesText)
            XCTAssertTrue(three.contains("3.52"), three)
            XCTAssertFalse(three.contains("!"), three)
            let one = try XCTUnwrap(types.first { $0.hasPrefix("    1 ") }, typesText)
            XCTAssertFalse(one.contains("!"), one)
            // The overview's types panel: the same.
            let overview = screen(state(d, .overview, language))
            let panelRow = try XCTUnwrap(overview.first { $0.contains("3.52") }, overview.joined(separator: "\n"))
            XCTAssertFalse(panelRow.contains("3.52!"), panelRow)
        }
    }

    /// A filter keeping type 3 only: its subtotal carries no `!`, and the overview's checks panel
    /// does not count the city's sum check for it; a filter keeping every town still does.
    func testAFilteredSubtotalCarriesNoMarkOfTheCitysCheck() throws {
        let d = try exceededData()
        var s = state(d, .townList, .en)
        s = update(s, .runCommand("filter type 3"))
        let lines = screen(s)
        let sum = try XCTUnwrap(lines.first { $0.hasPrefix(" Sum of known (filtered)") }, lines.joined(separator: "\n"))
        XCTAssertTrue(sum.contains("3.52"), sum)
        XCTAssertFalse(sum.contains("!"), sum)
        XCTAssertFalse(s.coversEveryTown(s.filtered(Array(d.townIndices))))
        XCTAssertTrue(s.coversEveryTown(Array(d.townIndices)))
        XCTAssertTrue(s.coversEveryTown(Array(d.townIndices).reversed()))
        XCTAssertFalse(s.coversEveryTown([0, 0, 1, 2, 3]))
    }
}
