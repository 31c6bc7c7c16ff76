import Foundation
import TownsTestSupport
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 32: the best place of a town placed over a plan first derivable from a later period
/// (`AppState.laterPlanPlaceFloor`, wave 32's `?` on the places below it) is stored in the snapshot
/// per period and kept per period on the text path, where every towns table's build asked every
/// placed town's figures for it, twice. The stored and kept answers are the worked-out one's.
final class W32MineLaterFloorTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func testStoredFloorIsTheOneWorkedOutFromTheTextForEveryPeriod() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 80, months: 26, seed: 11, folders: folders,
                                                     name: "w32laterfloor")
        let derived = try XCTUnwrap(loaded.derived)
        var fromText = AppState(dataset: text, width: 120, height: 40)
        var fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 40)
        var floors = 0
        for (p, period) in text.periods.enumerated() {
            fromText.periodIndex = p
            fromSnapshot.periodIndex = p
            XCTAssertNotNil(derived.rowSet(AppState.laterPlanFloorName(period.id)), "\(period.id) is stored")
            let worked = fromText.workedOutLaterPlanPlaceFloor(period)
            // Asked twice on the text path: the second answer is the kept one.
            XCTAssertEqual(fromText.laterPlanPlaceFloor(period), worked, period.id)
            XCTAssertEqual(fromText.laterPlanPlaceFloor(period), worked, period.id)
            XCTAssertEqual(fromSnapshot.laterPlanPlaceFloor(period), worked, period.id)
            if worked != nil { floors += 1 }
            // And the rows drawn from either agree (places and their `?`).
            XCTAssertEqual(screen(apply(fromText, .showView(.townList))), screen(apply(fromSnapshot, .showView(.townList))), period.id)
        }
        XCTAssertGreaterThan(floors, 0, "the generated data has places resting on a later plan")
        XCTAssertLessThan(floors, text.periods.count, "and periods without one")
    }
}
