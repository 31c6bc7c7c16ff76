import Foundation
import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// The sums' `?N` parts of the towns whose verdict rests on a plan first derivable from a later
/// period, read from the snapshot's stored rows (`storedLaterPlanReadings`, wave 23: `]` at
/// 10,000 x 60 had derived each one's year's plan) are the ones worked out from the text, in
/// every period.
final class W23MineLaterPlanFlagsTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func testStoredLaterPlanPartsAreTheOnesWorkedOutFromTheText() throws {
        // An inconsistency too (t00002's 2016 plan from 2016-03 and 2016-06 disagree), so a
        // named town and later-plan towns are both asked.
        let (text, loaded) = try writtenWithSnapshot(towns: 80, months: 26, seed: 11, folders: folders,
                                                     name: "w23laterflags", edit: addDisagreeing2016Plan)
        let derived = try XCTUnwrap(loaded.derived)
        var fromText = AppState(dataset: text, width: 120, height: 40)
        var fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 40)
        var laterTowns = 0, stored = 0
        for p in text.periods.indices {
            fromText.periodIndex = p
            fromSnapshot.periodIndex = p
            laterTowns += fromSnapshot.laterPlanTowns().count
            if fromSnapshot.storedLaterPlanReadings() != nil { stored += 1 }
            let a = fromText.suspectFlags(), b = fromSnapshot.suspectFlags()
            let every = Array(text.towns.indices)
            XCTAssertEqual(fromText.sumFlags(every), fromSnapshot.sumFlags(every), text.periods[p].id)
            for i in every {
                XCTAssertEqual(a[i] ?? SumFlags(), b[i] ?? SumFlags(), "\(text.periods[p].id) \(text.towns[i].id)")
            }
        }
        XCTAssertGreaterThan(laterTowns, 0, "the generated data has towns whose plan comes from a later period")
        XCTAssertEqual(stored, text.periods.count, "every period's parts are stored")
    }
}
