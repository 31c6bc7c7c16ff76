import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Review finding (wave 33): `undecidedAmong` made the period's undecided list into a set, then
/// its answer into another; now one set, the list searched by bisection. Its answers are those of
/// asking each position, in any order of the positions (`W32UndecidedOnceTests` checks a generated
/// dataset's periods from the text and a snapshot).
final class W33UndecidedAmongTests: XCTestCase {
    func testBisectionFindsExactlyTheListsValues() {
        let list = [1, 4, 9, 16, 25]
        for v in -1...30 { XCTAssertEqual(AppState.ascending(list, contains: v), list.contains(v), "\(v)") }
        XCTAssertFalse(AppState.ascending([], contains: 0))
    }

    func testUndecidedAmongAnyPositionsIsAskingEach() throws {
        let s = try editedBundledState("w33among", period: "2015-12", width: 200, height: 60, language: .en) {
            $0 + W31FidRoundingTests.jiashanWithinPlanRounding
        }
        let period = try XCTUnwrap(s.period)
        let towns = s.dataset.towns
        let asked = Set(towns.indices.filter { s.checker.isVerdictUndecided(towns[$0], period: period) })
        XCTAssertFalse(asked.isEmpty)
        for positions in [Array(towns.indices), Array(towns.indices.reversed()), [4, 0, 2], [], [1]] {
            let want = Set(positions.indices.filter { asked.contains(positions[$0]) })
            XCTAssertEqual(s.undecidedAmong(positions), want, "\(positions)")
        }
    }
}
