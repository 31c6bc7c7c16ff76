import Foundation
@testable import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// A town's page asks each history row's verdict with the rate the row shows
/// (`Checker.scheduleReadings(_:period:rate:)`, wave 33: asking `scheduleReadings(_:period:)` looked
/// the rate up or derived it again, ~4% of a town's page at 10,000 x 60). The answer is the one
/// `scheduleReadings(_:period:)` gives from the text, for every town and period of a generated
/// dataset (a flagged town, a rate within its rounding, plans from later periods among them), with
/// the page's checker and metrics (`remembering` the town) from the text and from a snapshot; and
/// each history row's `?` (its variance) and neutral bar are drawn where, and only where, that
/// answer is undecided.
final class W33PageScheduleTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func testPageHistoryReadingsAreTheTextsForEveryTownAndPeriod() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 80, months: 26, seed: 11, folders: folders,
                                                     name: "w33pageschedule") { dir in
            try addDisagreeing2016Plan(dir)  // t00002's 2016 plan disagrees: its figures flagged
            // A reported rate exactly at the share elapsed (Jun: 50%): its rounding holds it.
            let figures = dir + "/figures.toml"
            let added = "\n[[figure]]\ntown = \"t00003\"\nmeasure = \"completion_rate\"\nperiod = \"2016-06\"\n"
                + "value = 50.0\nsource = \"gen\"\n"
            try (String(contentsOfFile: figures, encoding: .utf8) + added).write(toFile: figures, atomically: true,
                                                                                encoding: .utf8)
        }
        let derived = try XCTUnwrap(loaded.derived)
        let fromText = AppState(dataset: text, width: 120, height: 40)
        let fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 40)
        let checker = fromText.facts.checker
        var asked = 0, rounding = 0, later = 0, flagged = 0, undecided = 0, marked = 0
        for state in [fromText, fromSnapshot] {
            for town in state.dataset.towns {
                // The page's checker and metrics, as `makeTownDetail` makes them.
                let metrics = state.metrics.remembering(town), pageChecker = state.checker.remembering(town)
                let history = state.history(town, width: 120, metrics: metrics, checker: pageChecker)
                XCTAssertEqual(history.count, text.periods.count + 1, town.id)
                for (i, period) in text.periods.enumerated() {
                    let expected = checker.scheduleReadings(town, period: period)
                    let rate = metrics.figure(town, FigureKey(.completionRate, period.id))
                    XCTAssertEqual(pageChecker.scheduleReadings(town, period: period, rate: ShownFigure(rate)),
                                   expected, "\(period.id) \(town.id)")
                    asked += 1
                    if expected.withinRounding != nil { rounding += 1 }
                    if expected.laterPlan != nil { later += 1 }
                    if expected.flagged { flagged += 1 }
                    if expected.isUndecided { undecided += 1 }
                    // The row: its variance (the fifth piece) ends in `?` (or `?!`) only when undecided,
                    // and its bar is the neutral `.unknown` only then.
                    let pieces = history[i + 1].pieces
                    guard case let .text(variance, _) = pieces[4] else { return XCTFail("\(town.id) \(period.id)") }
                    let shown = variance.text(.unicode)
                    let known = metrics.scheduleVariance(rate, period: period)?.quantity.exactValue != nil
                    XCTAssertEqual(shown.hasSuffix("?") || shown.hasSuffix("?!"), expected.isUndecided && known,
                                   "\(period.id) \(town.id): \(shown)")
                    if expected.isUndecided && known { marked += 1 }
                    if pieces.count > 6, case let .bar(_, _, _, role) = pieces[6] {
                        XCTAssertEqual(role == .unknown, expected.isUndecided, "\(period.id) \(town.id): the bar")
                    }
                }
            }
        }
        XCTAssertEqual(asked, 2 * text.towns.count * text.periods.count)
        XCTAssertGreaterThan(rounding, 0, "some rate's rounding holds the share elapsed")
        XCTAssertGreaterThan(later, 0, "some town's plan comes from a later period")
        XCTAssertGreaterThan(flagged, 0, "some town's inputs are flagged")
        XCTAssertGreaterThan(marked, 0, "some row is drawn undecided")
        XCTAssertGreaterThan(undecided, 0)
    }
}
