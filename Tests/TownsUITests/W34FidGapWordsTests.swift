import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Session 27's fresh user, F15: a city total's rest (the reported total less its towns' known
/// sum) is worked out, yet its words wrote it with no `≈` (`73.2 (derived: 106.8 − ≈33.6)`); and
/// one data gap was counted `1 gaps`.
final class W34FidGapWordsTests: XCTestCase {
    func testTheRestOfATotalIsWrittenAsDerived() throws {
        let dataset = try bundledState().dataset
        let findings = Checker(dataset: dataset).run()
        let gap = try XCTUnwrap(findings.first { f in
            if case let .totalGap(g) = f.detail { return g.key == FigureKey(.planYear, "2015") }
            return false
        })
        let en = FindingWords(dataset: dataset, language: .en).message(gap)
        XCTAssertTrue(en.contains("; ≈73.2 (derived: 106.8 − ≈33.6)"), en)
        let zh = FindingWords(dataset: dataset, language: .zh).message(gap)
        XCTAssertTrue(zh.contains("；≈73.2（推算：106.8 − ≈33.6）"), zh)
    }

    func testOneGapIsOneGap() throws {
        XCTAssertEqual(Catalogue.findingCounts("1", "0", "1", "2").en, "1 inconsistent, 0 ambiguous, 1 gap, 2 fitted")
        XCTAssertEqual(Catalogue.findingCounts("0", "0", "9", "1").en, "0 inconsistent, 0 ambiguous, 9 gaps, 1 fitted")
        // On the overview filtered to one town (its checks row counts its gaps and the city row's).
        var s = update(try bundledState(width: 100, height: 30, period: "2015-12"), .showView(.overview))
        s.language = .en
        s = update(s, .runCommand("filter county 海宁市"))
        let text = screen(s).joined(separator: "\n")
        XCTAssertFalse(text.contains(" 1 gaps"), text)
        XCTAssertTrue(text.contains(" gap"), text)
    }
}
