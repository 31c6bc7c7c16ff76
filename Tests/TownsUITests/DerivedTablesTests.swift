import Foundation
import TownsCore
@testable import TownsUI
import TownsTestSupport
import XCTest
import TownsSynthetic

/// The tables a snapshot stores beside the dataset (`DerivedTables`: every period's towns
/// table, the year plans, the planned projects) are exactly what the dashboard derives from
/// the text, and a dashboard started from the snapshot shows the same screens.
final class DerivedTablesTests: XCTestCase {
    /// A new path under the temporary directory, removed when the test ends.
    func temporary(_ name: String) -> String { TemporaryFiles.path(name) }

    /// The dataset read from the text, and the snapshot's dataset and derived tables.
    /// `rules`: with the bundled data's rules (Data/rules.toml and its sources).
    func written(towns: Int, months: Int, seed: UInt64, rules: Bool = false) throws
        -> (text: Dataset, loaded: SnapshotStore.Loaded)
    {
        try writtenWithSnapshot(towns: towns, months: months, seed: seed, name: "derived", rules: rules)
    }

    func testEveryPeriodsTableIsTheOneDerivedFromTheText() throws {
        for (towns, months, seed, rules) in [(400, 14, 3, false), (120, 25, 8, true)] as [(Int, Int, UInt64, Bool)] {
            let (text, loaded) = try written(towns: towns, months: months, seed: seed, rules: rules)
            let derived = try XCTUnwrap(loaded.derived, "a snapshot written with its tables holds them")
            XCTAssertEqual(derived.periodIDs, text.periods.map(\.id).sorted())
            let fromText = Facts(dataset: text), fromSnapshot = Facts(dataset: loaded.dataset, derived: derived)
            XCTAssertEqual(fromSnapshot.plannedProjects, fromText.plannedProjects)
            var stored = 0
            var overviews = (behind: 0, changes: 0, judged: 0, typed: 0)
            for i in text.periods.indices {
                var a = AppState(facts: fromText), b = AppState(facts: fromSnapshot)
                a.periodIndex = i
                b.periodIndex = i
                let table = a.periodTable()
                XCTAssertEqual(derived.periodTable(text.periods[i].id), table, "period \(text.periods[i].id)")
                XCTAssertEqual(b.periodTable(), table)
                let every = Array(text.towns.indices), id = text.periods[i].id
                XCTAssertEqual(derived.sums(id).flatMap(TownSums.init(stored:)), TownSums(table, positions: every))
                XCTAssertEqual(derived.extremeRows(id), AppState.extremeRows(table, positions: every))
                let places = fromText.metrics.ranks(period: text.periods[i])
                XCTAssertEqual(derived.ranks(id), text.towns.map { places[$0.id] })
                let panels = a.overviewOrders(text.towns, period: text.periods[i])
                XCTAssertEqual(derived.overview(id), panels, "period \(id)'s overview panels")
                overviews.behind += panels.behind.count + panels.behindByRate.count
                overviews.changes += panels.changes.count
                overviews.judged += panels.rules.reduce(0) { $0 + $1.met + $1.notMet }
                overviews.typed += panels.types.reduce(0) { $0 + $1.plan.known }
                stored += table.filter { $0.completed != nil }.count
                // The towns behind schedule (`b`), their table's sums, measured rows and progress.
                var behindA = a, behindB = b
                behindA.filter.behindSchedule = true
                behindB.filter.behindSchedule = true
                let behind = behindA.filtered(every)
                XCTAssertEqual(behindB.filtered(every), behind)
                let kept = try XCTUnwrap(behindB.storedFilteredTable(behind), "period \(id)")
                XCTAssertEqual(kept.sums, TownSums(table, positions: behind))
                XCTAssertEqual(kept.extremes, AppState.extremeRows(table, positions: behind))
                XCTAssertEqual(kept.progress, behindA.groupProgress(behind))
                for type in text.types {
                    let name = try XCTUnwrap(a.typeGroupName(type.number))
                    XCTAssertEqual(derived.group(name), a.groupProgress(fromText.townsByType[type.number] ?? []),
                                   "type \(type.number) period \(id)")
                    XCTAssertEqual(b.typeProgress(type.number, positions: fromSnapshot.townsByType[type.number] ?? []),
                                   derived.group(name))
                }
            }
            XCTAssertGreaterThan(stored, 0, "the tables hold figures of periods, not only plans")
            XCTAssertGreaterThan(overviews.behind, 0, "the overviews hold towns behind")
            XCTAssertGreaterThan(overviews.changes, 0, "the overviews hold changes")
            XCTAssertGreaterThan(overviews.typed, 0, "the overviews hold the types' figures")
            if rules { XCTAssertGreaterThan(overviews.judged, 0, "the overviews hold rules' verdicts") }
            let counted = Dictionary(Checker(dataset: text).run().map { ($0.kind, 1) }, uniquingKeysWith: +)
            XCTAssertEqual(derived.findingCounts, counted, "the findings of each kind, as the checks count them")
            XCTAssertFalse(counted.isEmpty, "generated data has findings to count")
        }
    }

    /// The first screens of the towns view, the overview and the types view, over several
    /// periods, are the same from the snapshot's tables as from the text.
    func testScreensFromTheStoredTablesAreTheScreensFromTheText() throws {
        let (text, loaded) = try written(towns: 300, months: 13, seed: 5)
        let renderer = Renderer(theme: .monochrome)
        for kind in [Screen.Kind.townList, .overview, .typeList] {
            for period in [0, 6, text.periods.count - 1] {
                var a = AppState(dataset: text, width: 100, height: 30)
                var b = AppState(facts: Facts(dataset: loaded.dataset, derived: loaded.derived), width: 100, height: 30)
                a.stack = [Screen(kind)]; b.stack = [Screen(kind)]
                a.periodIndex = period; b.periodIndex = period
                XCTAssertEqual(renderer.render(b).lines(), renderer.render(a).lines(), "\(kind) period \(period)")
            }
        }
    }

    /// The towns table sorted by each column, both ways, from the snapshot's stored ranks
    /// (`DerivedTables.sortRanks`) lists the towns in the order worked out from the text,
    /// for every town and for a filtered list, in both languages; the screens are the same.
    func testSortsFromTheStoredRanksAreTheSortsFromTheText() throws {
        let (text, loaded) = try written(towns: 300, months: 13, seed: 5)
        let derived = try XCTUnwrap(loaded.derived)
        let renderer = Renderer(theme: .monochrome)
        let fromText = Facts(dataset: text), fromSnapshot = Facts(dataset: loaded.dataset, derived: derived)
        var stored = 0
        for period in [0, 1, 6, text.periods.count - 1] {
            for language in Language.allCases {
                for behind in [false, true] {
                    func state(_ facts: Facts) -> AppState {
                        var s = AppState(facts: facts, width: 100, height: 30)
                        s.stack = [Screen(.townList)]
                        s.periodIndex = period
                        s.language = language
                        s.filter.behindSchedule = behind
                        return s
                    }
                    let a = state(fromText), b = state(fromSnapshot)
                    let columns = try XCTUnwrap(a.listContent(.townList)).columns.count
                    for column in 0..<columns {
                        if b.townsRankName(column).flatMap(derived.sortRanks) != nil { stored += 1 }
                        for descending in [false, true] {
                            var sa = a.screen, sb = b.screen
                            (sa.sortColumn, sa.sortDescending) = (column, descending)
                            (sb.sortColumn, sb.sortDescending) = (column, descending)
                            let ta = a.content(for: sa)!.targets, tb = b.content(for: sb)!.targets
                            XCTAssertEqual(Array(tb), Array(ta),
                                           "period \(period) \(language) b \(behind) column \(column) \(descending)")
                        }
                    }
                    var sa = a, sb = b
                    sa.screen.sortColumn = 12; sb.screen.sortColumn = 12
                    XCTAssertEqual(renderer.render(sb).lines(), renderer.render(sa).lines())
                }
            }
        }
        XCTAssertGreaterThan(stored, 0, "the snapshot stores ranks")
        let dense = TableSort.denseRanks([.number(2), .unknown, .text("b"), .number(1), .number(2), .text("a")])
        XCTAssertEqual(dense, [2, 0, 4, 1, 2, 3])
    }

    /// Tables of another dataset (another number of towns) are never used.
    func testTablesOfAnotherDatasetAreIgnored() throws {
        let (_, loaded) = try written(towns: 50, months: 3, seed: 1)
        let other = try written(towns: 60, months: 3, seed: 1)
        XCTAssertNil(Facts(dataset: other.text, derived: loaded.derived).derived)
    }

    /// A live reload through the child (issue 17): the new data comes with the tables the child
    /// derived and stored, equal to those derived from the new text; a child that failed gives
    /// the text's dataset and no tables (the dashboard derives them).
    func testAReloadBringsTheTablesTheChildDerived() throws {
        let dir = temporary("reload")
        try SyntheticDataset(towns: 40, months: 3, seed: 1).write(to: dir, rules: nil)
        let store = SnapshotStore(folder: temporary("cache"))
        var watcher = DatasetWatcher(directory: dir, fingerprint: DatasetFingerprint(directory: dir))
        watcher.settle = .zero
        watcher.load = { directory in
            try store.reload(directory: directory) {
                (try? store.write(directory: directory, derive: AppState.derivedTables)) != nil
            }
        }
        try FileManager.default.removeItem(atPath: dir)
        try SyntheticDataset(towns: 45, months: 3, seed: 2).write(to: dir, rules: nil)
        guard case let .reloaded(dataset, _, _, derived) = watcher.poll() else { return XCTFail("the change loads") }
        XCTAssertEqual(dataset.towns.count, 45)
        let tables = try XCTUnwrap(derived, "the child's snapshot brings its tables")
        let text = try DatasetLoader.load(directory: dir).dataset
        for (i, period) in text.periods.enumerated() {
            var s = AppState(dataset: text)
            s.periodIndex = i
            XCTAssertEqual(tables.periodTable(period.id), s.periodTable(), "period \(period.id)")
        }
        XCTAssertNotNil(Facts(dataset: dataset, derived: derived).derived, "the dashboard keeps them")

        var failing = DatasetWatcher(directory: dir, fingerprint: DatasetFingerprint(directory: dir))
        failing.settle = .zero
        failing.load = { directory in try store.reload(directory: directory) { false } }
        try FileManager.default.removeItem(atPath: dir)
        try SyntheticDataset(towns: 50, months: 3, seed: 3).write(to: dir, rules: nil)
        guard case let .reloaded(fromText, _, _, none) = failing.poll() else { return XCTFail("the text loads") }
        XCTAssertEqual(fromText.towns.count, 50)
        XCTAssertNil(none, "no tables with data read from the text")
    }

    /// The towns view's Δ columns (`DeltaColumns`: Δ completed, Δ rate, place and its move) from
    /// the snapshot's stored places (by position, no table of every town made) are, cell by cell
    /// and as sort keys, those worked out from the text, for every town in every period.
    func testDeltaColumnsFromTheStoredPlacesAreThoseFromTheText() throws {
        let (text, loaded) = try written(towns: 300, months: 13, seed: 5)
        var a = AppState(dataset: text, width: 200, height: 30)
        var b = AppState(facts: Facts(dataset: loaded.dataset, derived: loaded.derived), width: 200, height: 30)
        var moved = 0
        for period in text.periods.indices {
            a.periodIndex = period; b.periodIndex = period
            XCTAssertNotNil(b.facts.derived?.ranks(text.periods[period].id), "places stored for period \(period)")
            let (da, db) = (DeltaColumns(a), DeltaColumns(b))
            for (i, (ta, tb)) in zip(text.towns, loaded.dataset.towns).enumerated() {
                XCTAssertEqual(String(describing: db.cells(tb)), String(describing: da.cells(ta)), "\(ta.id) \(period)")
                // By the town's position (the towns table's rows) as by its id.
                XCTAssertEqual(String(describing: db.cells(tb, at: i)), String(describing: da.cells(ta)), ta.id)
                for column in 0..<3 {
                    XCTAssertEqual(String(describing: db.sortKey(tb, column: column)),
                                   String(describing: da.sortKey(ta, column: column)), "\(ta.id) \(period) \(column)")
                }
                if da.moves(ta, nil)?.places.map({ $0 != 0 }) == true { moved += 1 }
            }
        }
        XCTAssertGreaterThan(moved, 0, "some town moved place: the places were compared, not only blanks")
    }

    /// The warm-up's default (`AppState.warmSkipped`, `TOWNS_WARM_SKIP` unset): from a snapshot
    /// with its tables every part whose first use reads them is left out (peak memory, issue 17
    /// point 2); from the text nothing is. Either way the screens after the keys are the same.
    func testTheWarmUpLeavesOutWhatTheSnapshotStores() throws {
        try XCTSkipIf(AppState.warmSkip != nil, "TOWNS_WARM_SKIP is set: it decides, not the default")
        let (text, loaded) = try written(towns: 300, months: 13, seed: 5)
        var a = AppState(dataset: text, width: 120, height: 30)
        var b = AppState(facts: Facts(dataset: loaded.dataset, derived: loaded.derived), width: 120, height: 30)
        XCTAssertEqual(a.warmSkipped, [])
        XCTAssertEqual(b.warmSkipped, AppState.storedWarmSkip)
        XCTAssertEqual(AppState.storedWarmSkip, ["periods", "views", "pinyin", "haystack"])
        let renderer = Renderer(theme: .monochrome)
        for action in [Action.showView(.townList), .previousPeriod, .toggleBehindFilter, .startSearch,
                       .searchKey(.char("h")), .searchKey(.enter), .showView(.entityList), .showView(.assessment),
                       .showView(.typeList)] {
            a.warm(); b.warm()
            a = update(a, action); b = update(b, action)
            XCTAssertEqual(renderer.render(b).lines(), renderer.render(a).lines(), "after \(action)")
        }
    }
}
