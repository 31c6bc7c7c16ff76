import TownsCore
@testable import TownsUI
import XCTest

/// The snapshot's write judges each town by each rule once per period (issue 17 part 2): the
/// overview's rule counts come from the stakes' pass (`stakeGroupsCounted`). Those counts must be
/// the ones the overview works out by judging every town itself, and the stakes the ones
/// `stakeGroups` gives, in every period of the bundled data.
final class W14StakeCountsTests: XCTestCase {
    func testCountsFromTheStakesPassEqualTheOverviewsOwnInEveryPeriod() throws {
        var s = try bundledState()
        XCTAssertFalse(s.dataset.rules.isEmpty)
        let every = Array(s.dataset.towns.indices)
        var judged = 0
        for i in s.dataset.periods.indices {
            s.periodIndex = i
            let period = try XCTUnwrap(s.period)
            let own = s.overviewOrders(s.dataset.towns, period: period).rules
            let counted = s.stakeGroupsCounted(every, languages: Language.allCases)
            XCTAssertEqual(counted.counts, own, period.id)
            XCTAssertEqual(counted.stakes, s.stakeGroups(every, languages: Language.allCases), period.id)
            let given = s.overviewOrders(s.dataset.towns, period: period, ruleCounts: counted.counts)
            XCTAssertEqual(given.rules, own, period.id)
            judged += counted.counts.reduce(0) { $0 + $1.met + $1.notMet + $1.unknown + $1.info + $1.due }
        }
        // Every town counted once per rule and period.
        XCTAssertEqual(judged, s.dataset.periods.count * s.dataset.rules.count * s.dataset.towns.count)
    }
}
