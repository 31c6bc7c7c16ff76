import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 32's fresh user's F1: `/` on the overview (the screen the dashboard opens on) found
/// nothing, not even 海盐 with 海盐核电小镇 on screen, and `&海宁` then Enter left it empty (and
/// `e`, `y`, `--resume` and a presenter's followers with it). Rendered as drawn, both languages.
final class W32OverviewSearchTests: XCTestCase {
    /// The bundled data's overview, as the dashboard opens, in `language`.
    func overview(_ language: Language, width: Int = 100, height: Int = 30) throws -> AppState {
        var s = try bundledState(width: width, height: height)
        s.stack = [Screen(.overview)]
        s.language = language
        return s
    }

    /// `text` typed into the open search, a key each character.
    func typed(_ s: AppState, _ text: String) -> AppState {
        text.reduce(s) { update($0, .searchKey(.char($1))) }
    }

    /// `/` finds a town's panel row by its name, pinyin and initials (as the towns view does), a
    /// type's row by its name and the city's rows by the city's name, and moves the selection to it.
    func testSearchFindsTownsTypesAndTheCityOnTheOverview() throws {
        for language in [Language.zh, .en] {
            for (width, height) in [(100, 30), (120, 40)] {
                let s = try overview(language, width: width, height: height)
                let before = screen(s)
                let name = language == .zh ? "海盐核电小镇" : "Haiyan"
                XCTAssertTrue(before.contains { $0.contains(name) }, before.joined(separator: "\n"))
                for query in ["海盐", "haiyan", "hyhd", "Haiyan"] {
                    let found = typed(apply(s, .startSearch), query)
                    let lines = screen(found)
                    let all = lines.joined(separator: "\n")
                    XCTAssertFalse(found.searchMatches().isEmpty, "\(language) \(query)\n\(all)")
                    XCTAssertEqual(found.screen.selected, .townPage("haiyan"), "\(language) \(query)\n\(all)")
                    XCTAssertFalse(all.contains(found.tr(Catalogue.noMatchFor(query))), all)
                    let n = found.searchMatches().count
                    XCTAssertTrue(all.contains(found.tr(Catalogue.match("1", "\(n)", query))), all)
                    // The selected row drawn is the town's.
                    let row = try XCTUnwrap(lines.first { $0.contains(name) }, all)
                    XCTAssertTrue(row.contains(name), row)
                }
                // A type by its name, the city by its name (全市, 嘉兴).
                let type = typed(apply(s, .startSearch), language == .zh ? "创意" : "Creative")
                XCTAssertEqual(type.screen.selected, .townsOfType(1), screen(type).joined(separator: "\n"))
                for query in ["全市", "嘉兴", "jiaxing"] {
                    let city = typed(apply(s, .startSearch), query)
                    XCTAssertEqual(city.screen.selected, .cityTotals, "\(query)\n" + screen(city).joined(separator: "\n"))
                }
            }
        }
    }

    /// `&` on the overview is refused with where it works; Ctrl-F while typing `/` too (the search
    /// goes on finding); a saved or sent session's narrowing of the overview leaves its panels whole.
    func testNarrowingNeverEmptiesTheOverview() throws {
        for language in [Language.zh, .en] {
            let s = try overview(language)
            let whole = screen(s)
            let rows = try XCTUnwrap(s.content(for: s.screen)).rows.count
            let refused = apply(s, .startNarrowing)
            XCTAssertNil(refused.screen.narrow)
            XCTAssertNil(refused.search)
            XCTAssertEqual(refused.message, refused.tr(Catalogue.overviewDoesNotNarrow))
            let confirmed = refused
            let lines = screen(confirmed)
            let all = lines.joined(separator: "\n")
            XCTAssertTrue(all.contains(String(refused.tr(Catalogue.overviewDoesNotNarrow).prefix(20))), all)
            XCTAssertFalse(all.contains(s.tr(Catalogue.noMatchFor("海宁"))), all)
            XCTAssertEqual(try XCTUnwrap(confirmed.content(for: confirmed.screen)).rows.count, rows)
            XCTAssertTrue(lines.contains { $0.contains(language == .zh ? "海盐核电小镇" : "Haiyan") }, all)
            // Ctrl-F while typing `/海宁`: refused, the search still finds.
            let searching = apply(typed(apply(s, .startSearch), "海宁"), .searchKey(.ctrl("f")))
            XCTAssertNil(searching.screen.narrow)
            XCTAssertEqual(searching.message, searching.tr(Catalogue.overviewDoesNotNarrow))
            XCTAssertFalse(searching.searchMatches().isEmpty, screen(searching).joined(separator: "\n"))
            // A session (resumed, or a presenter's) that narrows the overview: every panel kept, no chip.
            var resumed = s
            resumed.stack[0].narrow = "海宁"
            XCTAssertEqual(try XCTUnwrap(resumed.content(for: resumed.screen)).rows.count, rows)
            XCTAssertEqual(screen(resumed), whole)
        }
    }
}

/// The overview's search offers no Ctrl-F (keep only the matches), which it refuses: neither the
/// key-hint line nor the prompt's hint names it there; the towns view's still does.
final class W32OverviewSearchHintTests: XCTestCase {
    func testCtrlFIsNotOfferedWhereItIsRefused() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState(width: 120, height: 30, period: "2015-09")
            s.language = language
            let overview = screen(apply(s, .showView(.overview), .startSearch))
            XCTAssertFalse(overview.contains { $0.contains("Ctrl-F") }, overview.joined(separator: "\n"))
            let towns = screen(apply(s, .showView(.townList), .startSearch))
            XCTAssertTrue(towns.contains { $0.contains("Ctrl-F") }, towns.joined(separator: "\n"))
        }
    }
}
