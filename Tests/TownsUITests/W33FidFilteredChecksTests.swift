import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 32's fresh user: with a filter the overview's checks heading said it counted the city
/// (`核对（所列1镇及全市）` / `Checks (1 town, the city)`) but counted none of the city's 9 data gaps:
/// it counts the listed towns' findings and those on the figures the city's row shows (wave 24,
/// F7). The heading now says so (`及全市行` / `the city's row`), and a gap in one of those figures
/// is counted with them; the city's other findings are on its page (Enter).
final class W33FidFilteredChecksTests: XCTestCase {
    func checks(_ s: AppState) throws -> (heading: String, counts: String) {
        let content = try XCTUnwrap(s.content(for: s.screen))
        let row = try XCTUnwrap(content.opensAtChecks.first)
        var heading = content.rows[row].cells[0].text(.unicode)
        if heading.isEmpty { heading = content.rows[row - 1].cells[0].text(.unicode) }
        return (heading, content.rows[row].cells[2].text(.unicode))
    }

    func testTheHeadingClaimsWhatItCounts() throws {
        for period in ["2015-09", "2015-12"] {
            for (language, heading, not) in [(Language.en, "Checks (1 town, the city's row)", "the city)"),
                                             (.zh, "核对（所列1镇及全市行）", "及全市）")] {
                var s = update(try bundledState(width: 100, height: 30, period: period), .showView(.overview))
                s.language = language
                s = update(s, .runCommand("filter county 海宁市"))
                let ids = Set(s.dataset.towns.filter { $0.countyZH == "海宁市" }.map(\.id))
                XCTAssertEqual(ids.count, 1)
                let listed = try checks(s)
                XCTAssertEqual(listed.heading, heading)
                let text = screen(s).joined(separator: "\n")
                XCTAssertTrue(text.contains(heading), text)
                XCTAssertFalse(text.contains(not), text)
                // The gaps counted: the listed town's, and the city's in the figures its row shows.
                let p = try XCTUnwrap(s.period)
                let row: Set<FigureKey> = [FigureKey(.planYear, String(p.year)), FigureKey(.completed, p.id),
                                           FigureKey(.completionRate, p.id)]
                let gaps = s.facts.findings.filter { f in
                    guard f.kind == .shortfall else { return false }
                    if let town = f.townID { return ids.contains(town) }
                    if case let .totalGap(g) = f.detail { return row.contains(g.key) }
                    return false
                }
                let cityGaps = s.facts.findings.filter { $0.kind == .shortfall && $0.townID == nil }
                XCTAssertGreaterThan(cityGaps.count, gaps.count, "the city has gaps the heading no longer claims")
                XCTAssertTrue(listed.counts.contains(language == .zh ? "数据缺口 \(gaps.count)" : "\(gaps.count) gaps"),
                              listed.counts)
            }
        }
    }
}
