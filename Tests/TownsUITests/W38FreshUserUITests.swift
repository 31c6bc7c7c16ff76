import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 36's fresh user's open findings on the screen, fixed in wave 38: the full year's behind
/// heading, the changes view's cut measure, the follower's `L`, the selected bar in 8 colours.
final class W38FreshUserUITests: XCTestCase {
    /// 1. At the 2015 full year no town has a completion rate: the towns-behind heading said
    /// `— behind` (`落后 — 镇`); it says in words that the count cannot be told, at 100 and 80.
    func testTheFullYearsBehindHeadingSaysInWordsThatItCannotBeTold() throws {
        for (width, height) in [(100, 30), (80, 24)] {
            for language in Language.allCases {
                var s = try bundledState(width: width, height: height, period: "2015-12")
                s.language = language
                s.stack = [Screen(.overview)]
                let lines = screen(s).map { $0.trimmingCharacters(in: .whitespaces) }
                let all = lines.joined(separator: "\n")
                XCTAssertFalse(lines.contains(language == .zh ? "落后 — 镇" : "— behind"), "\(width) \(language)\n\(all)")
                // The widest form the panel column holds (`behind: not known` at 80 in English).
                let headings = language == .zh ? ["落后镇数：不能判断", "落后：不能判断"]
                    : ["behind: cannot be told", "behind: not known"]
                XCTAssertTrue(lines.contains { l in headings.contains { l.hasPrefix($0) } }, "\(width) \(language)\n\(all)")
                // The line under it still says why.
                XCTAssertTrue(all.contains(language == .zh ? "另 5 镇无本期进度，不能判断" : "5 towns: no rate this period, not judged"),
                              all)
            }
        }
        // Where the column holds it, the reason too (100 columns).
        var s = try bundledState(width: 100, height: 30, period: "2015-12")
        s.language = .en
        s.stack = [Screen(.overview)]
        XCTAssertTrue(screen(s).contains { $0.hasPrefix(" behind: cannot be told (no rates)") }, screen(s).joined(separator: "\n"))
    }

    /// 2. The English changes view at 100 columns cut `featured investment` to `featured invest…`:
    /// `featured inv.`, the note spelling it out; an export names it whole.
    func testTheChangesViewsFeaturedInvestmentIsNotCut() throws {
        for (width, height) in [(100, 30), (80, 24)] {
            var s = try bundledState(width: width, height: height, period: "2015-12")
            s.language = .en
            s.stack = [Screen(.changes)]
            let all = screen(s).joined(separator: "\n")
            XCTAssertFalse(all.contains("featured invest…"), all)
            XCTAssertTrue(all.contains("featured inv. "), all)
            if width == 100 {
                XCTAssertTrue(all.replacingOccurrences(of: "\n ", with: " ").contains("featured inv.: featured-industry investment"), all)
            }
        }
        XCTAssertEqual(Catalogue.measureColumnName(.featuredInvestment).zh, "特色产业投资")
        XCTAssertEqual(Catalogue.measureColumnName(.completed).en, "completed")
    }

    /// 3. The follower's key line lists `L` (its own language) at 80 and 100 columns, both languages,
    /// the meeting's keys kept.
    func testTheFollowersKeyLineListsL() throws {
        for (width, height) in [(100, 30), (80, 24)] {
            for language in Language.allCases {
                for presenter in ["root", "wang"] {
                    var s = try bundledState(width: width, height: height)
                    s.language = language
                    s.stack = [Screen(.overview)]
                    s.meeting = .following(Following(meeting: "w38", presenter: presenter))
                    XCTAssertTrue(s.isFollowingPresenter)
                    let line = try XCTUnwrap(screen(s).last)
                    let l = language == .zh ? " L English " : " L 中文 "
                    XCTAssertTrue(line.contains(l), "\(width) \(language): \(line)")
                    for key in [" f ", " e ", " y ", " t ", " : ", " ? ", " q "] {
                        XCTAssertTrue((" " + line).contains(key), "\(width) \(language) \(key): \(line)")
                    }
                    XCTAssertTrue(line.contains(presenter), line)
                }
            }
        }
    }

    /// 4. Under TERM=xterm (8 colours) the selected row's bar was green on the cyan selection: it
    /// takes the selection's foreground there (black on cyan); 256 colours keep the green.
    func testTheSelectedRowsBarIsReadableOnEightColours() throws {
        let path = repositoryRoot + "/Themes/default.toml"
        let theme = try Theme.parse(try String(contentsOfFile: path, encoding: .utf8), file: path).0
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s.stack = [Screen(.townList)]
        s = update(s, .moveDown)  // Haining's row: a bar with a fill
        let selection = theme.style(.selection)
        func barCells(_ t: Theme) -> (selected: [Cell], other: [Cell]) {
            let grid = Renderer(theme: t).render(s)
            var selected: [Cell] = [], other: [Cell] = []
            for y in 0..<grid.height {
                for x in 0..<grid.width where ["█", "▉", "▊", "▋", "▌", "▍", "▎", "▏", "│", "·"].contains(grid[x, y].text) {
                    if grid[x, y].style.background == selection.background { selected.append(grid[x, y]) }
                    else { other.append(grid[x, y]) }
                }
            }
            return (selected, other)
        }
        let eight = barCells(theme.onEightColours)
        XCTAssertFalse(eight.selected.isEmpty, "the selected row has a bar")
        XCTAssertFalse(eight.other.isEmpty)
        for cell in eight.selected {
            XCTAssertEqual(cell.style.foreground, selection.foreground, "8 colours: the band's own foreground")
        }
        XCTAssertTrue(eight.other.allSatisfy { $0.style.foreground != selection.foreground },
                      "other rows keep their colours: \(Set(eight.other.map(\.style.foreground)))")
        let full = barCells(theme)
        XCTAssertFalse(full.selected.isEmpty)
        XCTAssertTrue(full.selected.allSatisfy { $0.style.foreground != selection.foreground },
                      "256 colours: the roles' colours, as before")
    }
}
