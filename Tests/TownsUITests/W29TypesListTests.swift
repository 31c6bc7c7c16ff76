import Foundation
import TownsCore
import TownsSynthetic
import XCTest

@testable import TownsUI

/// Wave 29 (issue 17, cold keys): on screen the types view's cell of a type's towns holds the
/// first names only, past what the screen can show, with the list's length beside
/// (`ShownFacts.firstNames`, `ItemList.listed`): 2,500 names were joined and measured for a cell
/// that shows a few, half the view's first visit at 10,000 towns. It must read as the whole list
/// did, at every width, in both languages, and print must still name every town.
final class W29TypesListTests: XCTestCase {
    private static let data: Dataset = {
        let dir = NSTemporaryDirectory() + "w29-types-list-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try! SyntheticDataset(towns: 1_200, months: 2, seed: 5).write(to: dir, rules: nil)
        return try! DatasetLoader.load(directory: dir).dataset
    }()

    /// Each type's cell cut to every width a screen gives it: the same text as the whole list
    /// cut to that width (the same names, the same count of the rest); and the table laid out
    /// at every screen width the same as over the whole list.
    func testAScreensCellReadsAsTheWholeListAtEveryWidth() throws {
        let data = Self.data
        let renderer = TableRenderer(theme: .monochrome, glyphs: .unicode)
        for language in [Language.zh, .en] {
            for screenWidth in [80, 100, 160, 240] {
                var s = AppState(dataset: data, width: screenWidth, height: 30)
                s.language = language
                s = update(s, .showView(.typeList))
                let content = try XCTUnwrap(s.listContent(.typeList))
                let list = try XCTUnwrap(content.columns[9].items)
                var whole = list
                whole.listed = nil
                var wholeRows: [TableRow] = []
                XCTAssertEqual(content.rows.count, data.types.count)
                for (i, type) in data.types.enumerated() {
                    let positions = data.towns.indices.filter { data.towns[$0].type == type.number }
                    XCTAssertGreaterThan(positions.count, 100, "a type of many towns")
                    let row = content.rows[i]
                    guard case let .text(cell, _) = row.cells[9] else { return XCTFail("a text cell") }
                    let shown = cell.text(.unicode)
                    let all = s.nameList(positions, width: Int.max)
                    XCTAssertLessThan(shown.count, all.count, "\(language): the cell holds the first names only")
                    XCTAssertLessThanOrEqual(DisplayWidth.of(shown), s.screenListCells + 64, "\(language): just past them")
                    XCTAssertTrue(all.hasPrefix(shown), "\(language): the first names, in order")
                    XCTAssertGreaterThan(DisplayWidth.of(shown), screenWidth, "past what the screen shows")
                    for width in Array(1...60) + Array(stride(from: 61, through: screenWidth, by: 9)) {
                        XCTAssertEqual(renderer.fitItems(shown, list, width: width),
                                       renderer.fitItems(all, whole, width: width),
                                       "\(language), type \(type.number) at \(width) cells")
                    }
                    var cells = row.cells
                    cells[9] = .plain(all)
                    wholeRows.append(TableRow(cells))
                }
                var wholeColumns = content.columns
                wholeColumns[9].items = whole
                XCTAssertEqual(TableLayout(columns: content.columns, rows: Array(content.rows), width: screenWidth).widths,
                               TableLayout(columns: wholeColumns, rows: wholeRows, width: screenWidth).widths,
                               "\(language) at \(screenWidth): laid out as the whole list")
                // On screen, the first type's row ends with the rest counted.
                let first = data.towns.indices.filter { data.towns[$0].type == data.types[0].number }
                let lines = screen(s)
                // Where the width leaves the list out, nothing to count.
                guard TableLayout(columns: content.columns, rows: Array(content.rows), width: screenWidth).widths[9] != nil
                else { continue }
                // (Or, where not one name fits with the rest's count, how many in all.)
                let counted = (1..<first.count).contains { n in
                    lines.contains { $0.hasSuffix(s.tr(Catalogue.andMore("\(n)"))) }
                } || lines.contains { $0.hasSuffix(s.tr(Catalogue.namesCount("\(first.count)"))) }
                XCTAssertTrue(counted, "\(language) at \(screenWidth): \(lines.joined(separator: "\n"))")
            }
        }
    }

    /// In print (exports, reports, `y`) every town of each type is named, as before.
    func testPrintNamesEveryTown() throws {
        let data = Self.data
        for language in [Language.zh, .en] {
            var s = AppState(dataset: data, width: 100, height: 30)
            s.language = language
            s = update(s, .showView(.typeList))
            let content = try XCTUnwrap(s.forPrint.listContent(.typeList))
            for (i, type) in data.types.enumerated() {
                let positions = data.towns.indices.filter { data.towns[$0].type == type.number }
                guard case let .text(cell, _) = content.rows[i].cells[9] else { return XCTFail("a text cell") }
                XCTAssertEqual(cell.text(.unicode), s.nameList(positions, width: Int.max), "\(language)")
            }
        }
    }

    /// A screen wider than the cells a cell holds by default makes its own list (the list's key
    /// holds the width then), so its cell is still past what it shows.
    func testAVeryWideScreenHoldsMoreNames() throws {
        var s = AppState(dataset: Self.data, width: AppState.screenListCellsAtLeast + 200, height: 30)
        s = update(s, .showView(.typeList))
        let content = try XCTUnwrap(s.listContent(.typeList))
        guard case let .text(cell, _) = content.rows[0].cells[9] else { return XCTFail("a text cell") }
        XCTAssertGreaterThan(DisplayWidth.of(cell.text(.unicode)), s.width)
    }
}
