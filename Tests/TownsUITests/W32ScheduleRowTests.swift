import Foundation
@testable import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// A towns table's row asks its town's verdict with the rate it shows
/// (`Checker.scheduleReadings(_:period:rate:)`, wave 32: looking every made row's rate up again, or
/// deriving it, was a fifth of the towns view's first visit at 10,000 x 60). The answer is the
/// one `scheduleReadings(_:period:)` gives from the text, for every town and the city in every
/// period of a generated dataset, with the row's rate from the text's table and from a snapshot's.
final class W32ScheduleRowTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func testReadingsFromTheRowsRateAreTheTextsForEveryTownAndPeriod() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 120, months: 26, seed: 7, folders: folders,
                                                     name: "w32schedulerow") { dir in
            // A reported rate exactly at the share elapsed (Jun: 50%): its rounding holds it.
            let figures = dir + "/figures.toml"
            let added = "\n[[figure]]\ntown = \"t00003\"\nmeasure = \"completion_rate\"\nperiod = \"2016-06\"\n"
                + "value = 50.0\nsource = \"gen\"\n"
            try (String(contentsOfFile: figures, encoding: .utf8) + added).write(toFile: figures, atomically: true,
                                                                                encoding: .utf8)
        }
        let derived = try XCTUnwrap(loaded.derived)
        var fromText = AppState(dataset: text, width: 120, height: 40)
        var fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 40)
        let checker = fromText.facts.checker
        var asked = 0, rounding = 0, later = 0, undecided = 0
        for p in text.periods.indices {
            fromText.periodIndex = p
            fromSnapshot.periodIndex = p
            let period = text.periods[p]
            let textTable = fromText.periodTable(), storedTable = fromSnapshot.periodTable()
            XCTAssertEqual(textTable.count, text.towns.count)
            XCTAssertEqual(storedTable.count, text.towns.count)
            for (i, town) in text.towns.enumerated() {
                let expected = checker.scheduleReadings(town, period: period)
                XCTAssertEqual(checker.scheduleReadings(town, period: period, rate: textTable[i].completionRate),
                               expected, "\(period.id) \(town.id): the text's row")
                XCTAssertEqual(fromSnapshot.facts.checker.scheduleReadings(
                    town, period: period, rate: storedTable[i].completionRate), expected,
                               "\(period.id) \(town.id): the snapshot's row")
                asked += 1
                if expected.withinRounding != nil { rounding += 1 }
                if expected.laterPlan != nil { later += 1 }
                if expected.isUndecided { undecided += 1 }
            }
            // The city's row (its reported rate, as the towns view's city row shows it).
            let cityRate = ShownFigure(fromText.metrics.total(FigureKey(.completionRate, period.id)))
            XCTAssertEqual(checker.scheduleReadings(nil, period: period, rate: cityRate),
                           checker.scheduleReadings(nil, period: period), "\(period.id): the city")
        }
        XCTAssertEqual(asked, text.towns.count * text.periods.count)
        // A rate within its rounding and a plan from a later period are met (this generated data has
        // no flagged input: a flagged town is asked in full, as a later-plan one is).
        XCTAssertGreaterThan(rounding, 0, "some rate's rounding holds the share elapsed")
        XCTAssertGreaterThan(later, 0, "some town's plan comes from a later period")
        XCTAssertGreaterThan(undecided, 0, "some verdict is undecided")
    }

    /// A shown figure's possible values are its figure's (`Figure.possible`): a reported 83.3 is
    /// [83.25, 83.35]; a derived one with an interval is that interval, with the shown digits it supports.
    func testShownFigurePossibleIsTheFiguresPossible() {
        let reported = Figure(quantity: .exact(Decimal(string: "83.3")!, decimals: 1),
                              provenance: .reported(source: "s", at: nil, quote: nil, note: nil))
        XCTAssertEqual(ShownFigure(reported)?.possible, reported.possible)
        XCTAssertEqual(ShownFigure(reported)?.possible,
                       Interval(Decimal(string: "83.25")!, Decimal(string: "83.35")!))
        let range = Interval(Decimal(string: "99.54")!, Decimal(string: "100.26")!)
        let derived = Figure(quantity: .exact(Decimal(string: "99.901")!, decimals: 3),
                             provenance: .derived(formula: "16.95 / 17.0"), interval: range)
        XCTAssertEqual(ShownFigure(derived)?.possible, range)
        XCTAssertEqual(ShownFigure(derived)?.possible, derived.possible)
        XCTAssertNil(ShownFigure(quantity: .moreThan(Decimal(50)), isDerived: false).possible)
    }
}
