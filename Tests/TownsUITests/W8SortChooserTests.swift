import TownsCore
@testable import TownsUI
import XCTest

/// Fresh users (w8 point 1): at 80 columns the sort chooser did not list `c` (ΔRate) and `d`
/// (Rank). Every sortable column's key and title shows whole, in both languages, at the sizes
/// the dashboard draws; the hint names the keys there are.
final class W8SortChooserTests: XCTestCase {
    func testEveryColumnsKeyShowsInTheChooser() throws {
        for (width, height) in [(80, 24), (60, 14), (100, 30)] {
            for language in Language.allCases {
                var s = try bundledState(width: width, height: height)
                s.language = language
                for descending in [true, false] {
                    let open = apply(s, .chooseSort(descending: descending))
                    let columns = open.sortableColumns(.townList)
                    XCTAssertGreaterThan(columns.count, 9, "the towns view has lettered columns")
                    let lines = screen(open)
                    let chooser = Renderer.sortChooserLines(open, try XCTUnwrap(open.session.sortChooser))
                    let at = "\(width)x\(height) \(language)"
                    // Drawn whole, on the lines above the hint line, in the list's order.
                    let drawn = lines[(height - 1 - chooser.count)..<(height - 1)].map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    XCTAssertEqual(drawn, chooser, at)
                    for line in chooser { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width - 2, at) }
                    let text = chooser.joined(separator: "  ")
                    var from = text.startIndex
                    for (n, column) in columns.enumerated() {
                        let key = SortChooser.keys[n]
                        let found = text.range(of: "\(key) \(column.title)", range: from..<text.endIndex)
                            ?? text.range(of: "\(key)\(column.title)", range: from..<text.endIndex)
                        XCTAssertNotNil(found, "\(at): \(key) \(column.title) in \(chooser)")
                        if let found { from = found.upperBound }
                    }
                    let last = SortChooser.keys[columns.count - 1]
                    XCTAssertTrue(lines[height - 1].contains("1-9 a-\(last)"), "\(at): \(lines[height - 1])")
                }
            }
        }
    }

    /// The keys past 9 sort by their column (`c` the Δ rate, `d` the place).
    func testTheLetteredKeysSort() throws {
        let s = try bundledState(width: 80, height: 24)
        let columns = s.sortableColumns(.townList)
        for letter in ["c", "d"] {
            let n = try XCTUnwrap(SortChooser.keys.firstIndex(of: Character(letter)))
            let sorted = apply(s, .chooseSort(descending: true), .sortChooserKey(.char(Character(letter))))
            XCTAssertEqual(sorted.screen.sortColumn, columns[n].index, letter)
            XCTAssertNil(sorted.session.sortChooser)
            XCTAssertTrue(screen(sorted)[3].contains(columns[n].title), "the sorted column shows: \(screen(sorted)[3])")
        }
    }
}
