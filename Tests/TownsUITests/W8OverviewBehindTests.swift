import TownsCore
@testable import TownsUI
import XCTest

/// Fresh users (w8 point 4): at 80x24 the overview showed one of the three towns behind
/// (`… 另 2 个`) while the city's expected, shortfall and projection lines took rows. The
/// towns behind come first: secondary lines fold (the city's, then the changes' rows, then the
/// checks' counts onto their heading's line) so every town behind shows where it can.
final class W8OverviewBehindTests: XCTestCase {
    /// The towns behind, as the overview's panel lists them in full (print: every row).
    func behindTowns(_ s: AppState) throws -> [String] {
        let period = try XCTUnwrap(s.period)
        let towns = s.dataset.towns
        let orders = s.overviewOrders(towns, period: period)
        return (orders.behind + orders.behindByRate).map { towns[$0].id }
    }

    /// The checks panel's counts as the overview words them.
    static func checksText(_ s: AppState) -> String {
        let c = s.facts.findingCounts
        func n(_ k: Finding.Kind) -> String { "\(c[k] ?? 0)" }
        return s.tr(Catalogue.findingCounts(n(.inconsistency), n(.ambiguous), n(.shortfall), n(.consistent)))
    }

    func testEveryTownBehindShowsAt80x24And100x30InBothLanguages() throws {
        for (width, height) in [(80, 24), (100, 30)] {
            for language in Language.allCases {
                var s = try bundledState(width: width, height: height)
                s.language = language
                s = update(s, .showView(.overview))
                let at = "\(width)x\(height) \(language)"
                let behind = try behindTowns(s)
                XCTAssertEqual(behind.count, 3, "the bundled Jan-Sep has three towns behind")
                let content = try XCTUnwrap(s.content(for: s.screen))
                let opened = Set(content.targets.compactMap { t -> String? in
                    if case let .townPage(id)? = t { return id } else { return nil }
                })
                for id in behind { XCTAssertTrue(opened.contains(id), "\(at): \(id) behind is shown") }
                let lines = screen(s)
                let heading = try XCTUnwrap(lines.first { $0.contains(s.tr(Catalogue.overviewBehind("3"))) }, at)
                XCTAssertFalse(heading.contains("…"), "\(at): nothing left out of the towns behind: \(heading)")
                // Each town behind is on screen, by the start of its name (cut at 80 in English).
                for id in behind {
                    let town = try XCTUnwrap(s.dataset.towns.first { $0.id == id })
                    let name = String(s.tr(town.nameZH, town.nameEN).prefix(12))
                    XCTAssertTrue(lines.contains { $0.hasPrefix(" " + name) },
                                  "\(at): \(name)\n" + lines.joined(separator: "\n"))
                }
                // The checks' counts and the assessment's rules are still there.
                let checks = W8OverviewBehindTests.checksText(s)
                XCTAssertTrue(lines.contains { $0.contains(checks) }, "\(at): \(checks)")
                XCTAssertTrue(lines.contains { $0.contains(s.tr(Catalogue.overviewRules)) }, at)
            }
        }
    }

    /// Folded, the changes' heading counts them all and opens the changes view; the checks'
    /// heading, holding their counts, opens the city's totals as their row did.
    func testFoldedHeadingsOpenWhatTheirRowsOpened() throws {
        let s = update(try bundledState(width: 80, height: 24), .showView(.overview))
        let content = try XCTUnwrap(s.content(for: s.screen))
        let checks = s.tr(Catalogue.overviewChecks)
        let checksRow = try XCTUnwrap((0..<content.rows.count).first {
            content.rows[$0].cells[0].text(.unicode) == checks })
        XCTAssertEqual(content.targets[checksRow], .cityTotals)
        XCTAssertTrue(content.rows[checksRow].cells[2].text(.unicode).contains(Self.checksText(s)))
        let previous = try XCTUnwrap(s.metrics.previousPeriod(try XCTUnwrap(s.period)))
        let changes = s.tr(Catalogue.overviewChanges(s.label(previous)))
        let changesRow = try XCTUnwrap((0..<content.rows.count).first {
            content.rows[$0].cells[0].text(.unicode) == changes })
        XCTAssertEqual(content.targets[changesRow], .changes)
        XCTAssertTrue(content.rows[changesRow].cells[2].text(.unicode).contains("…"))
    }
}
