import TownsCore
@testable import TownsUI
import XCTest

/// Fresh users (w8 point 2): the rank sorted largest first put `✦` (placed for the first time)
/// first, and the Δ sort put a new `✦` after `—`. The rule (README, Keys): figures in the
/// order asked, then `✦` (new: no change to compare) in the list's order, then `—` (unknown)
/// in the list's order, in both directions.
final class W8NewSortsTests: XCTestCase {
    /// The class of a cell as shown: a figure, new, or unknown.
    enum Shown: Int, Comparable {
        case figure, new, unknown
        static func < (a: Shown, b: Shown) -> Bool { a.rawValue < b.rawValue }
    }

    /// The first number a cell shows (`≈+4.26` 4.26, `2 ▲1` 2).
    static func number(_ cell: String) -> Double? {
        var t = ""
        for ch in cell {
            if ch.isASCII, ch.isNumber || ch == "." || ch == "-" { t.append(ch) } else if !t.isEmpty { break }
        }
        return Double(t)
    }

    func testNewSortsAfterTheFiguresAndBeforeTheUnknownBothWays() throws {
        let s = try bundledState(width: 160, height: 30)
        let content = try XCTUnwrap(s.listContent(.townList))
        // Δ完成, Δ完成率, 名次: the columns whose cells can be ✦.
        let deltaTitles = [Catalogue.deltaDone, Catalogue.deltaRate, Catalogue.rankMove].map(s.tr)
        let columns = deltaTitles.compactMap { t in content.columns.firstIndex { $0.title == t } }
        XCTAssertEqual(columns.count, 3)
        var sawNew = 0
        for column in columns {
            for descending in [true, false] {
                var sc = s.screen
                (sc.sortColumn, sc.sortDescending) = (column, descending)
                let sorted = try XCTUnwrap(s.content(for: sc))
                let cells = (0..<sorted.rows.count).map { sorted.rows[$0].cells[column].text(.unicode) }
                // A place given for the first time (`3 ✦`) is a place (wave 23, F13).
                let kinds = cells.map { c -> Shown in
                    c.contains("✦") && Self.number(c) == nil ? .new : (c == "—" || c.isEmpty) ? .unknown : .figure
                }
                let label = "column \(content.columns[column].title) \(descending ? "desc" : "asc"): \(cells)"
                XCTAssertEqual(kinds, kinds.sorted(), "figures, then ✦, then —: " + label)
                sawNew += kinds.filter { $0 == .new }.count
                // The figures in the order asked (the number before any mark).
                let values = zip(cells, kinds).filter { $0.1 == .figure }.compactMap { Self.number($0.0) }
                XCTAssertEqual(values, descending ? values.sorted(by: >) : values.sorted(), label)
                // ✦ and — each in the list's order (ties by position), both ways.
                for kind in [Shown.new, .unknown] {
                    let positions = (0..<sorted.rows.count).filter { kinds[$0] == kind }.map { sorted.rows.source($0) }
                    XCTAssertEqual(positions, positions.sorted(), "\(kind) in the list's order: " + label)
                }
            }
        }
        XCTAssertGreaterThan(sawNew, 0, "the bundled 2015 Jan-Sep has new figures (Nanhu, Haiyan)")
    }

    /// A cell's key: `✦` alone or after a place is new; the stored ranks keep new apart from
    /// unknown (`townsSortRanks`' `.new` list), and a new key has no dense rank.
    func testTheKeysOfNew() throws {
        let index = try bundledState().searchIndex
        guard case .new = SortKey.of(.plain("✦"), index: index) else { return XCTFail("✦ is new") }
        // A place given for the first time is a place (wave 23, F13).
        guard case .number(3) = SortKey.of(.plain("3 ✦"), index: index) else { return XCTFail("3 ✦ is place 3") }
        XCTAssertEqual(TableSort.denseRanks([.number(2), .new, .unknown, .number(1)]), [2, 0, 0, 1])
        let order = TableSort.order(keys: [.unknown, .new, .number(1), .text("a"), .new, .number(2)], descending: true)
        XCTAssertEqual(order, [3, 5, 2, 1, 4, 0])
        let up = TableSort.order(keys: [.unknown, .new, .number(1), .text("a"), .new, .number(2)], descending: false)
        XCTAssertEqual(up, [2, 5, 3, 1, 4, 0])
        let s = try bundledState()
        let ranks = s.townsSortRanks(AppState.townsRankColumns.perPeriod)
        let rankName = try XCTUnwrap(s.townsRankName(10))
        let new = try XCTUnwrap(ranks[rankName + AppState.newRanksSuffix], "the completed amounts new since Jan-Aug")
        XCTAssertEqual(new.filter { $0 == 1 }.count, ranks[rankName]!.indices.filter {
            ranks[rankName]![$0] == 0 && new[$0] == 1 }.count, "a new key has rank 0")
    }
}
