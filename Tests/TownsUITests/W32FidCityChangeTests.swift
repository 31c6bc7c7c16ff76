import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 32's fresh user, F2: after importing Jan-Oct for every town, the city reporting nothing,
/// the overview's city line read `全市 嘉兴市 ≈49.86` as the city's own figure, and the overview and
/// the towns view gave the city's change since Jan-Sep as `≈+4.80` (the city's reported 45.06
/// subtracted from the towns' sum), while the changes view said the city's figures were `不再报告`.
/// A reported figure and a towns' sum are not one measure: no Δ, and every view says `not reported`.
final class W32FidCityChangeTests: XCTestCase {
    func state(_ view: Screen.Kind, language: Language) throws -> AppState {
        try editedBundledState("w32citychange", monthly: ["2015-10.toml": W32FidCityRowTests.october], view: view,
                               period: "2015-10", width: 200, height: 60, language: language) { $0 }
    }

    /// The city's Jan-Sep completed is reported (45.06), its Jan-Oct the towns' sum (≈50.15): no
    /// delta, said to be across sources, the later one the sum.
    func testNoChangeBetweenAReportedTotalAndATownsSum() throws {
        let s = try state(.overview, language: .en)
        let m = s.metrics
        let sep = try XCTUnwrap(s.dataset.period("2015-09")), oct = try XCTUnwrap(s.dataset.period("2015-10"))
        for measure in [Measure.completed, .completionRate] {
            let c = m.change(nil, measure, from: sep, to: oct)
            XCTAssertNotNil(c.before, "\(measure)")
            XCTAssertNotNil(c.after, "\(measure)")
            XCTAssertNil(c.delta, "\(measure)")
            XCTAssertTrue(c.acrossSources, "\(measure)")
            XCTAssertTrue(c.afterIsTownsSum, "\(measure)")
        }
        XCTAssertTrue(m.totalIsTownsSum(FigureKey(.completed, "2015-10")))
        XCTAssertFalse(m.totalIsTownsSum(FigureKey(.completed, "2015-09")))
    }

    func testTheOverviewAndTownsViewSayNotReportedAsTheChangesViewDoes() throws {
        for (language, label, gone, reported) in [(Language.en, "Jiaxing ≈sum (not reported)", "not reported", "Jiaxing"),
                                                  (.zh, "全市未报 ≈镇合计", "不再报告", "全市 嘉兴市")] {
            let o = try state(.overview, language: language)
            let lines = screen(o)
            let text = lines.joined(separator: "\n")
            // The city's line says it is the towns' sum.
            let city = try XCTUnwrap(lines.first { $0.contains("≈50.15") }, text)
            XCTAssertTrue(city.hasPrefix(" " + label), text)
            // No Δ between the city's reported Jan-Sep and the towns' sum: +5.09 completed.
            XCTAssertFalse(text.contains("+5.09"), text)
            // The changes panel says what the changes view says.
            let change = try XCTUnwrap(lines.first { $0.hasPrefix(" " + reported) && $0.contains(gone) }, text)
            XCTAssertFalse(change.contains("≈+"), change)
            // Exports (and `towns report`, which renders the same content) say so too.
            let content = try XCTUnwrap(o.content(for: o.screen))
            for format in [ExportRequest.Format.csv, .text, .md] {
                let out = Export.render(content, format: format, title: "t", legend: "l")
                XCTAssertTrue(out.contains(label), out)
                XCTAssertFalse(out.contains("+5.09"), out)
            }
            // The towns view's city row: Δ unknown, not ≈+5.09.
            let t = try state(.townList, language: language)
            let row = try XCTUnwrap(screen(t).first { $0.hasPrefix(" " + label) }, screen(t).joined(separator: "\n"))
            XCTAssertFalse(row.contains("+5.09"), row)
            XCTAssertFalse(row.contains("≈+"), row)
            // The changes view, as before.
            var c = o
            c.stack = [Screen(.changes)]
            XCTAssertTrue(screen(c).joined(separator: "\n").contains(gone))
        }
    }
}
