import Foundation
import TownsCore
import XCTest

/// Issue 14 point 7: a finding says what it found as data (`Finding.detail`), with its figures,
/// so that a view words it in its reader's language (TownsUI's `FindingWords`).
final class FindingDetailTests: XCTestCase {
    func testEveryFindingOfTheBundledDataSaysWhatItFoundAsData() throws {
        let findings = Checker(dataset: try loadBundled()).run()
        XCTAssertFalse(findings.isEmpty)
        for f in findings { XCTAssertFalse(f.message.isEmpty, f.description) }
    }

    func testThePapersJanSepRateAsData() throws {
        let bad = try XCTUnwrap(Checker(dataset: try loadBundled()).run().first { $0.kind == .inconsistency })
        guard case let .ratio(r) = bad.detail else { return XCTFail("\(bad.detail)") }
        XCTAssertEqual(r.topic, .completion(period: "2015-09"))
        XCTAssertEqual([r.printed, r.numerator, r.denominator, r.computed, r.needed],
                       ["42.5", "45.06", "106.8", "42.19", "106.0"])
        XCTAssertNotNil(r.possible)
        XCTAssertTrue(bad.message.contains("45.06 / 106.8 = 42.19%"), "the English wording is unchanged")
    }

    func testHainingsPlanAgreementAndTheTotalsGapsAsData() throws {
        let findings = Checker(dataset: try loadBundled()).run()
        let agreement = findings.compactMap { f -> (Int, [Finding.PlanDerivation])? in
            guard f.townID == "haining", case let .planAgreement(year, d) = f.detail else { return nil }
            return (year, d)
        }
        XCTAssertEqual(agreement.first?.0, 2015)
        XCTAssertEqual(agreement.first?.1.map(\.period), ["2015-08", "2015-09"])
        let gaps = findings.compactMap { f -> Finding.TotalGap? in
            if case let .totalGap(g) = f.detail { return g } else { return nil }
        }
        let sep = try XCTUnwrap(gaps.first { $0.key == FigureKey(.completed, "2015-09") })
        XCTAssertEqual(sep.total, "45.06")
        XCTAssertEqual(sep.towns, 5)
        XCTAssertEqual(sep.rest, "27.98", "45.06 - 17.08 left for the other towns")
        XCTAssertFalse(sep.boundsExceed)
    }
}
