import Foundation
@testable import TownsCore
import TownsSynthetic
import XCTest

/// `Metrics.rememberingYearPlans` (the snapshot's write) gives every figure the metrics give
/// without it, asked once or again, with formulas or without, and never another town's plan
/// for figures that are not that town's.
final class W23YearPlanMemoTests: XCTestCase {
    /// Every town's figures of the kinds a year's plan feeds, in every period, both ways.
    func assertSameFigures(_ dataset: Dataset, file: StaticString = #filePath, line: UInt = #line) {
        let plain = Metrics(dataset: dataset), remembering = plain.rememberingYearPlans()
        var derivedPlans = 0
        for (m, r) in [(plain, remembering), (plain.withoutFormulas, remembering.withoutFormulas)] {
            for town in dataset.towns {
                for period in dataset.periods {
                    let keys = [FigureKey(.planYear, String(period.year)), FigureKey(.completionRate, period.id),
                                FigureKey(.completed, period.id), FigureKey(.planShare, String(period.year))]
                    for key in keys {
                        let expected = m.figure(town, key)
                        if key.measure == .planYear, expected?.isDerived == true { derivedPlans += 1 }
                        XCTAssertEqual(r.figure(town, key), expected, "\(town.id) \(key)", file: file, line: line)
                        XCTAssertEqual(r.figure(town, key), expected, "\(town.id) \(key) again", file: file, line: line)
                    }
                    // (Not `Equatable`: compared as printed, every field.)
                    XCTAssertEqual(String(describing: r.progress(town, period: period)),
                                   String(describing: m.progress(town, period: period)),
                                   "\(town.id) \(period.id)", file: file, line: line)
                }
            }
        }
        XCTAssertGreaterThan(derivedPlans, 0, "no derived plan asked: the test proves nothing", file: file, line: line)
    }

    func testTheBundledDatasFiguresAreThoseWorkedOutEachTime() throws {
        assertSameFigures(try loadBundled())
    }

    func testAGeneratedDatasetsFiguresAreThoseWorkedOutEachTime() throws {
        let dir = NSTemporaryDirectory() + "towns-w23-memo-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 60, months: 14, seed: 4).write(to: dir, rules: nil)
        assertSameFigures(try DatasetLoader.load(directory: dir).dataset)
    }

    /// A town's figures changed after the memo was made (a copy, as an edit makes) are worked
    /// out from the changed figures, not read as the town's kept plan.
    func testChangedFiguresAreNotTheTownsKeptPlan() throws {
        let dataset = try loadBundled()
        let remembering = Metrics(dataset: dataset).rememberingYearPlans().withoutFormulas
        let plain = Metrics(dataset: dataset).withoutFormulas
        var changedOne = false
        for town in dataset.towns {
            for period in dataset.periods {
                let planKey = FigureKey(.planYear, String(period.year))
                guard town.figures[planKey] == nil, let kept = remembering.figure(town, planKey),
                      let done = town.figures[FigureKey(.completed, period.id)],
                      case let .exact(value, decimals) = done.quantity else { continue }
                var changed = town
                var figure = done
                figure.quantity = .exact(value * 2, decimals: decimals)
                changed.figures[FigureKey(.completed, period.id)] = figure
                let worked = remembering.figure(changed, planKey)
                XCTAssertEqual(worked, plain.figure(changed, planKey), "\(town.id) \(period.id)")
                if worked != kept { changedOne = true }
                // And the town itself still gets its own.
                XCTAssertEqual(remembering.figure(town, planKey), plain.figure(town, planKey))
            }
        }
        XCTAssertTrue(changedOne, "no change moved a derived plan: the test proves nothing")
    }
}
