import Foundation
@testable import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// One list per period of the towns whose verdict is undecided (`AppState.undecidedTowns`, wave 32),
/// read by the overview's `?N` (`overviewOrders`), `b`'s status line (`undecidedCount`) and the
/// sums' `?N` (`workedOutSuspectFlags`), where each asked every town's readings: the counts are
/// those of asking each town (`Checker.isVerdictUndecided`), in every period of a generated dataset,
/// read from the text and from a snapshot.
final class W32UndecidedOnceTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func testOneUndecidedListGivesEveryCountAsAskingEachTown() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 120, months: 26, seed: 7, folders: folders,
                                                     name: "w32undecided") { dir in
            // A reported rate exactly at the share elapsed (Jun: 50%): undecided by its rounding.
            let figures = dir + "/figures.toml"
            let added = "\n[[figure]]\ntown = \"t00003\"\nmeasure = \"completion_rate\"\nperiod = \"2016-06\"\n"
                + "value = 50.0\nsource = \"gen\"\n"
            try (String(contentsOfFile: figures, encoding: .utf8) + added).write(toFile: figures, atomically: true,
                                                                                encoding: .utf8)
        }
        let derived = try XCTUnwrap(loaded.derived)
        var fromText = AppState(dataset: text, width: 120, height: 40)
        var fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 40)
        let checker = fromText.checker
        var total = 0, rounding = 0
        for p in text.periods.indices {
            fromText.periodIndex = p
            fromSnapshot.periodIndex = p
            let period = text.periods[p]
            let asked = text.towns.indices.filter { checker.isVerdictUndecided(text.towns[$0], period: period) }
            XCTAssertEqual(fromText.undecidedTowns(), asked, period.id)
            XCTAssertEqual(fromSnapshot.undecidedTowns(), asked, "\(period.id): the snapshot's")
            total += asked.count
            // The overview's `?N`: given the list, as worked out without it.
            let every = Array(text.towns.indices)
            XCTAssertEqual(fromText.overviewOrders(text.towns, period: period, undecided: fromText.undecidedAmong(every)),
                           fromText.overviewOrders(text.towns, period: period), period.id)
            XCTAssertEqual(fromText.overviewOrders(text.towns, period: period).undecided, asked, period.id)
            // A filter's towns (every third): positions in its own list.
            let some = every.filter { $0 % 3 == 0 }
            let someTowns = some.map { text.towns[$0] }
            XCTAssertEqual(fromText.overviewOrders(someTowns, period: period, undecided: fromText.undecidedAmong(some)),
                           fromText.overviewOrders(someTowns, period: period), "\(period.id): every third town")
            // `b`'s count.
            XCTAssertEqual(undecidedCount(fromText, among: every), asked.count, period.id)
            XCTAssertEqual(undecidedCount(fromText, among: some), asked.filter { $0 % 3 == 0 }.count, period.id)
            XCTAssertEqual(undecidedCount(fromSnapshot, among: some), asked.filter { $0 % 3 == 0 }.count, period.id)
            // The sums' `?N`: every undecided town has its part, no other town has one, behind by
            // its rate where its readings say so; a rate within its rounding among them.
            let parts = fromText.workedOutSuspectFlags()
            let stored = try XCTUnwrap(fromSnapshot.storedSuspectFlags(), period.id)
            for (i, town) in text.towns.enumerated() {
                let readings = checker.scheduleReadings(town, period: period)
                let part = parts[i] ?? SumFlags()
                XCTAssertEqual(part.undecided, readings.isUndecided ? 1 : 0, "\(period.id) \(town.id)")
                XCTAssertEqual(part.undecidedBehindByRate,
                               readings.isUndecided && (readings.byRate ?? 0) < 0 ? 1 : 0, "\(period.id) \(town.id)")
                XCTAssertEqual(part, stored[i] ?? SumFlags(), "\(period.id) \(town.id): the snapshot's")
                if readings.withinRounding != nil { rounding += 1 }
            }
        }
        XCTAssertGreaterThan(total, 0, "some verdict is undecided")
        XCTAssertGreaterThan(rounding, 0, "some rate's rounding holds the share elapsed")
    }
}
