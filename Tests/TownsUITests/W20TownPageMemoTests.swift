import Foundation
import TownsCore
@testable import TownsUI
import XCTest
import TownsSynthetic

/// A town's page works each year's plan and plan agreement out once for the town
/// (`Metrics.remembering`, `Checker.remembering`; only for figures read from a snapshot's figure
/// area) and the towns table's sums ask a suspect town's checks once (`sumFlags`): the pages,
/// figures, flags and screens are the ones worked out from the text, figure by figure.
final class W20TownPageMemoTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    /// The dataset read from the text, and the snapshot's, with the bundled data's rules.
    func written(towns: Int, months: Int, seed: UInt64) throws -> (text: Dataset, loaded: SnapshotStore.Loaded) {
        // t00002's 2016 plan made to disagree: the figures it rests on carry `!`.
        try writtenWithSnapshot(towns: towns, months: months, seed: seed, folders: folders, name: "memo",
                                edit: addDisagreeing2016Plan)
    }

    /// Every figure key a page or table asks about of `periods`.
    func keys(_ periods: [Period]) -> [FigureKey] {
        var keys = [FigureKey(.planTotal), FigureKey(.projectsPlanned), FigureKey(.areaPlanned)]
        for year in Set(periods.map(\.year)).sorted() {
            keys += [FigureKey(.planYear, String(year)), FigureKey(.planShare, String(year))]
        }
        for p in periods {
            keys += [Measure.completed, .completionRate, .projectsStarted, .startRate, .featuredInvestment,
                     .featuredShare, .revenue].map { FigureKey($0, p.id) }
        }
        return keys
    }

    func testRememberedPlansAndFlagsAreThoseWorkedOutAgain() throws {
        let (_, loaded) = try written(towns: 80, months: 26, seed: 11)
        let data = loaded.dataset
        let metrics = Metrics(dataset: data), checker = Checker(dataset: data)
        var flaggedSeen = 0, derivedPlansSeen = 0
        for (n, town) in data.towns.enumerated() where n % 3 == 1 {  // t00002 (position 1) among them
            let m = metrics.remembering(town), c = checker.remembering(town)
            let other = data.towns[(n + 1) % data.towns.count]
            for key in keys(data.periods) {
                let label = "\(town.id) \(key)"
                XCTAssertEqual(m.figure(town, key), metrics.figure(town, key), label)
                XCTAssertEqual(m.withoutFormulas.figure(town, key), metrics.withoutFormulas.figure(town, key), label)
                // Another town asked through the remembering copies: its own figures, not the remembered ones.
                XCTAssertEqual(m.figure(other, key), metrics.figure(other, key), "\(other.id) \(key)")
                XCTAssertEqual(c.isFlagged(key, town: town), checker.isFlagged(key, town: town), label)
                XCTAssertEqual(c.isFlagged(key, town: other), checker.isFlagged(key, town: other), label)
                if checker.isFlagged(key, town: town) { flaggedSeen += 1 }
                if key.measure == .planYear, town.figures[key] == nil, metrics.figure(town, key) != nil {
                    derivedPlansSeen += 1
                }
            }
            for p in data.periods {
                XCTAssertEqual(m.comparesWithPlan(town, period: p),
                               metrics.progress(town, period: p).comparesWithPlan, "\(town.id) \(p.id)")
                XCTAssertEqual(c.scheduleReadings(town, period: p), checker.scheduleReadings(town, period: p))
                XCTAssertEqual(c.isFlagged(workedFrom: [.planYear, .completed, .completionRate], town: town, period: p),
                               checker.isFlagged(workedFrom: [.planYear, .completed, .completionRate], town: town,
                                                 period: p))
            }
        }
        XCTAssertGreaterThan(flaggedSeen, 0, "some figures a check casts doubt on were asked about")
        XCTAssertGreaterThan(derivedPlansSeen, 0, "some years' plans were derived")
    }

    func testPagesAndTownsScreensFromTheSnapshotAreThoseFromTheText() throws {
        let (text, loaded) = try written(towns: 80, months: 26, seed: 11)
        let renderer = Renderer(theme: .monochrome)
        let fromText = Facts(dataset: text), fromSnapshot = Facts(dataset: loaded.dataset, derived: loaded.derived)
        let suspect = Set(fromText.findings.filter { $0.kind == .inconsistency }.compactMap(\.townID))
        XCTAssertFalse(suspect.isEmpty, "some towns have an inconsistency (their figures carry !)")
        var ids = Array(suspect.sorted().prefix(4))
        ids += text.towns.prefix(3).map(\.id)
        for id in ids {
            for period in [0, 13, text.periods.count - 1] {
                for language in Language.allCases {
                    func state(_ facts: Facts) -> AppState {
                        var s = AppState(facts: facts, width: 100, height: 40)
                        s.periodIndex = period
                        s.language = language
                        return s
                    }
                    let a = state(fromText), b = state(fromSnapshot)
                    let label = "\(id) period \(period) \(language)"
                    XCTAssertEqual(b.townDetail(id, width: 100).map { $0.runs(.unicode).map(\.0).joined() },
                                   a.townDetail(id, width: 100).map { $0.runs(.unicode).map(\.0).joined() }, label)
                }
            }
        }
        for period in [0, 13, text.periods.count - 1] {
            for filter in [TownFilter(), AppState.storedFilter] {
                func state(_ facts: Facts) -> AppState {
                    var s = AppState(facts: facts, width: 120, height: 40)
                    s.stack = [Screen(.townList)]
                    s.periodIndex = period
                    s.filter = filter
                    return s
                }
                XCTAssertEqual(renderer.render(state(fromSnapshot)).lines(), renderer.render(state(fromText)).lines(),
                               "towns period \(period) filter \(filter)")
            }
        }
    }
}
