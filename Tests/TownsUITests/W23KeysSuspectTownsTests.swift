import Foundation
import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// A snapshot's facts answer a town's `!` from the stored towns an inconsistency names
/// (`Checker.suspects`, wave 23, issue 17 point 3): every answer is the one the checks give
/// from the text, and a town named by none is answered without its derivations.
final class W23KeysSuspectTownsTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func testEveryFlagIsTheOneTheChecksGiveFromTheText() throws {
        // t00002's 2016 plan made to disagree (the generated data has no inconsistency).
        let (text, loaded) = try writtenWithSnapshot(towns: 80, months: 26, seed: 11, folders: folders,
                                                     name: "w23suspects", edit: addDisagreeing2016Plan)
        let derived = try XCTUnwrap(loaded.derived)
        let stored = Facts(dataset: loaded.dataset, derived: derived).checker
        let plain = Checker(dataset: text)
        let suspects = try XCTUnwrap(stored.suspects)
        let named = Set(plain.run().filter { $0.kind == .inconsistency }.compactMap(\.townID))
        XCTAssertFalse(named.isEmpty, "the generated data holds inconsistencies")
        XCTAssertLessThan(named.count, text.towns.count, "and towns named by none")
        var flags = 0
        for (i, town) in text.towns.enumerated() {
            let read = loaded.dataset.towns[i]
            XCTAssertEqual(suspects.mayBeFlagged(town.id), named.contains(town.id), town.id)
            for period in text.periods {
                let year = String(period.year)
                for key in [FigureKey(.planYear, year), FigureKey(.completed, period.id),
                            FigureKey(.completionRate, period.id), FigureKey(.startRate, period.id),
                            FigureKey(.featuredShare, period.id), FigureKey(.planShare, year)] {
                    let expected = plain.isFlagged(key, town: town, asOf: period)
                    XCTAssertEqual(stored.isFlagged(key, town: read, asOf: period), expected, "\(town.id) \(key)")
                    if expected { flags += 1 }
                }
                let inputs: [Measure] = [.planYear, .completed, .completionRate]
                XCTAssertEqual(stored.isFlagged(workedFrom: inputs, town: read, period: period),
                               plain.isFlagged(workedFrom: inputs, town: town, period: period), town.id)
                XCTAssertEqual(stored.isVerdictUndecided(read, period: period),
                               plain.isVerdictUndecided(town, period: period), town.id)
            }
        }
        XCTAssertGreaterThan(flags, 0, "some figures are flagged")
        // A town page's checker (`remembering`) keeps the stored towns.
        let first = try XCTUnwrap(text.towns.firstIndex { named.contains($0.id) })
        XCTAssertNotNil(stored.remembering(loaded.dataset.towns[first]).suspects)
    }

    /// Not known (a snapshot without the stored towns): every town may be flagged, the checks decide.
    func testUnknownSuspectsLeaveEveryTownToTheChecks() {
        let unknown = SuspectTowns { nil }
        XCTAssertTrue(unknown.mayBeFlagged("any"))
        let known = SuspectTowns { ["a"] }
        XCTAssertTrue(known.mayBeFlagged("a"))
        XCTAssertFalse(known.mayBeFlagged("b"))
    }
}
