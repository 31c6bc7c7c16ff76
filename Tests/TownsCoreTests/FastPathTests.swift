import Foundation
import TownsCore
import XCTest
import TownsSynthetic

/// The shortcuts the views take at province scale give exactly what the full computations
/// give: one rate's check against every check's findings, a town's period figures looked up
/// together against one by one, sums of figures already looked up, the variance's value.
final class FastPathTests: XCTestCase {
    static let dataset: Dataset = {
        let dir = NSTemporaryDirectory() + "towns-fast-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Seed 11 at this size prints a few rates that do not match (inconsistencies).
        try! SyntheticDataset(towns: 400, months: 24, seed: 11).write(to: dir, rules: nil)
        return try! DatasetLoader.load(directory: dir).dataset
    }()

    func rateKeys(_ dataset: Dataset) -> [FigureKey] {
        Set(dataset.periods.map { String($0.year) }).sorted().map { FigureKey(.planShare, $0) }
            + dataset.periods.flatMap { p in [Measure.completionRate, .startRate, .featuredShare].map { FigureKey($0, p.id) } }
    }

    func testOneRateCheckAgreesWithAllChecks() throws {
        for dataset in [Self.dataset, try loadBundled()] {
            let checker = Checker(dataset: dataset)
            let findings = checker.run()
            var flaggedCount = 0
            for town in [nil] + dataset.towns.map(Optional.some) {
                for key in rateKeys(dataset) {
                    let expected = findings.contains { $0.kind == .inconsistency && $0.townID == town?.id && $0.flagged == key }
                    XCTAssertEqual(checker.isFlagged(key, town: town), expected, "\(town?.id ?? "city") \(key)")
                    if expected { flaggedCount += 1 }
                }
                if let town {
                    XCTAssertEqual(checker.findings(for: town),
                                   findings.filter { $0.townID == town.id }, town.id)
                }
            }
            XCTAssertGreaterThan(flaggedCount, 0, "some rate is flagged in \(dataset.nameEN)")
        }
    }

    /// A completed figure or completion rate as given is flagged (`Checker.isFlagged`, which
    /// decides a rate's check and the year's plan agreement without making their findings)
    /// exactly when one of the town's findings flags it.
    func testAGivenFigureIsFlaggedWhenAFindingOfItsTownFlagsIt() throws {
        var flagged = 0
        for dataset in [Self.dataset, try loadBundled()] {
            let checker = Checker(dataset: dataset)
            for town in dataset.towns {
                let findings = checker.findings(for: town)
                for p in dataset.periods {
                    for key in [FigureKey(.completed, p.id), FigureKey(.completionRate, p.id)]
                    where town.figures[key] != nil {
                        let expected = findings.contains { $0.flags(key) }
                        XCTAssertEqual(checker.isFlagged(key, town: town), expected, "\(town.id) \(key)")
                        if expected { flagged += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(flagged, 0, "some figure is flagged (the generated data's)")
    }

    func testPeriodFiguresAreTheFiguresOneByOne() throws {
        for dataset in [Self.dataset, try loadBundled()] {
            let m = Metrics(dataset: dataset)
            for p in dataset.periods {
                let year = String(p.year)
                for town in dataset.towns {
                    let f = m.periodFigures(town, period: p.id, year: year)
                    // The year's plan as of the period (wave 24's F7: an earlier period never shows a plan
                    // first derivable from a later one), which at the year's last period in the data is
                    // the year's plan itself.
                    XCTAssertEqual(f.planYear, m.yearPlan(town, asOf: p), "\(town.id) \(p.id)")
                    if !dataset.periods.contains(where: { $0.year == p.year && $0.through > p.through }) {
                        XCTAssertEqual(f.planYear, m.figure(town, FigureKey(.planYear, year)), "\(town.id) \(p.id)")
                    }
                    XCTAssertEqual(f.completed, m.figure(town, FigureKey(.completed, p.id)))
                    XCTAssertEqual(f.completionRate, m.figure(town, FigureKey(.completionRate, p.id)), "\(town.id) \(p.id)")
                    XCTAssertEqual(f.projectsStarted, m.figure(town, FigureKey(.projectsStarted, p.id)))
                    XCTAssertEqual(f.projectsPlanned, m.figure(town, FigureKey(.projectsPlanned)))
                    XCTAssertEqual(f.startRate, m.figure(town, FigureKey(.startRate, p.id)))
                    let rate = f.completionRate
                    XCTAssertEqual(m.scheduleVarianceValue(rate, period: p), m.scheduleVariance(rate, period: p)?.quantity.exactValue)
                }
                let key = FigureKey(.completed, p.id)
                let a = m.knownSum(key, over: dataset.towns)
                let b = m.knownSum(dataset.towns.map { ($0, m.figure($0, key)) })
                XCTAssertEqual(a.sum, b.sum)
                XCTAssertEqual(a.known.map(\.id), b.known.map(\.id))
                XCTAssertEqual(a.derived.map(\.id), b.derived.map(\.id))
                XCTAssertEqual(a.decimals, b.decimals)
            }
        }
    }

    func testHalfUnits() {
        for d in 0...14 {
            var expected = Decimal(5)
            for _ in 0...d { expected /= 10 }
            XCTAssertEqual(DecimalMath.halfUnit(decimals: d), expected)
        }
    }
}
