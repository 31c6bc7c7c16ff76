import Foundation
@testable import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// Wave 35 (session 28): a town's page naming the towns whose rates' ranges meet its own
/// (`placeWithinRoundingWords`, wave 33's F2) looked up and derived the rate of every town within
/// rounding (at 10,000 x 60 most placed towns: the page took 80 ms). It reads each rate from the
/// period's table (`periodTable`), which must give what `Metrics.figure` gives.
final class W35PageRoundingTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    /// Every town's rate in every period: the table's range is `Metrics.figure`'s, from the
    /// text and from a snapshot.
    func testTheTablesRateRangeIsTheFiguresForEveryTownAndPeriod() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 120, months: 26, seed: 9, folders: folders,
                                                     name: "w35pagerates", edit: addDisagreeing2016Plan)
        let derived = try XCTUnwrap(loaded.derived)
        var fromText = AppState(dataset: text, width: 120, height: 40)
        var fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 40)
        let m = fromText.metrics.withoutFormulas
        var derivedRates = 0
        for p in text.periods.indices {
            fromText.periodIndex = p
            fromSnapshot.periodIndex = p
            let key = FigureKey(.completionRate, text.periods[p].id)
            let (a, b) = (fromText.periodTable(), fromSnapshot.periodTable())
            for (i, town) in text.towns.enumerated() {
                let figure = m.figure(town, key)
                XCTAssertEqual(a[i].completionRate?.possible, figure?.possible, "\(key) \(town.id)")
                XCTAssertEqual(b[i].completionRate?.possible, figure?.possible, "\(key) \(town.id): the snapshot's")
                if figure?.isDerived == true { derivedRates += 1 }
            }
        }
        XCTAssertGreaterThan(derivedRates, 0, "some rate is derived")
    }

    /// The words on the page, for every placed town of every period: those worked out from
    /// `Metrics.figure` as before (names of up to three towns whose ranges meet its own, and how
    /// many more), from the text and from a snapshot.
    func testThePagesWordsNameTheTownsWhoseRangesMeetItsOwn() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 80, months: 14, seed: 9, folders: folders,
                                                     name: "w35pagewords")
        let derived = try XCTUnwrap(loaded.derived)
        var fromText = AppState(dataset: text, width: 120, height: 40)
        var fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 40)
        let m = fromText.metrics.withoutFormulas
        var said = 0
        for p in text.periods.indices {
            fromText.periodIndex = p
            fromSnapshot.periodIndex = p
            let period = text.periods[p], from = fromText.metrics.previousPeriod(period)
            for (i, town) in text.towns.enumerated() {
                let words = fromText.placeWithinRoundingWords(town, at: i, period: period, from: from)
                XCTAssertEqual(fromSnapshot.placeWithinRoundingWords(town, at: i, period: period, from: from), words,
                               "\(period.id) \(town.id): the snapshot's")
                // As worked out before: the period whose order is undecided, the towns whose
                // ranges meet this town's there.
                let now = fromText.placesWithinRounding(period)
                let q: Period?, close: Set<Int>
                if now.contains(i) { (q, close) = (period, now) }
                else if let from, fromText.movesWithinRounding(from: from, to: period).contains(i) {
                    (q, close) = (from, fromText.movesWithinRounding(from: from, to: period))
                } else { (q, close) = (nil, []) }
                guard let q, let own = m.figure(town, FigureKey(.completionRate, q.id))?.possible else {
                    XCTAssertEqual(words, "", "\(period.id) \(town.id)")
                    continue
                }
                let places = fromText.townPlaces(q)
                let meeting = close.sorted().filter { j in
                    guard j != i, places[j] != nil,
                          let r = m.figure(text.towns[j], FigureKey(.completionRate, q.id))?.possible else { return false }
                    return r.lower < own.upper && own.lower < r.upper
                }
                let names = meeting.prefix(3).map { fromText.tr(Bilingual(text.towns[$0].nameZH, text.towns[$0].nameEN)) }
                let expected = names.isEmpty ? ""
                    : q.id == period.id
                        ? fromText.tr(Catalogue.placeWithinRounding(names, more: meeting.count - names.count))
                        : fromText.tr(Catalogue.moveWithinRounding(names, more: meeting.count - names.count,
                                                                   before: Bilingual(q.labelZH, q.labelEN)))
                XCTAssertEqual(words, expected, "\(period.id) \(town.id)")
                if !words.isEmpty { said += 1 }
            }
        }
        XCTAssertGreaterThan(said, 0, "some page names towns within rounding")
    }
}
