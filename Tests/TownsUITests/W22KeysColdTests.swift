import Foundation
import TownsCore
@testable import TownsUI
import XCTest
import TownsSynthetic

/// Wave 22's cold keys (issue 17): a period's stored table decoded beside its year's plans
/// (`DerivedTables.periodTableDecodedBeside`) and read row by row in place (`PeriodTable.withRow`)
/// is the table decoded as before; the sums' `!` and `?N` (`sumFlags`) from each suspect town's
/// part worked out once per period (`suspectFlags`) are those of asking the towns' checks for
/// every list, whether or not the period's table was made first.
final class W22KeysColdTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    /// The bundled rules and a rate that makes t00002's 2016 plan disagree (as in
    /// `W20TownPageMemoTests`): some towns are suspect, some of their figures carry `!`.
    func written() throws -> (text: Dataset, loaded: SnapshotStore.Loaded) {
        try writtenWithSnapshot(towns: 90, months: 26, seed: 11, folders: folders, name: "w22keys",
                                edit: addDisagreeing2016Plan)
    }

    func testAPeriodsTableDecodedBesideItsPlansIsTheTableAndEachRowReadsInPlace() throws {
        let (text, loaded) = try written()
        let derived = try XCTUnwrap(loaded.derived)
        let fromText = Facts(dataset: text)
        var rowsOfTheirOwn = 0
        for (i, period) in text.periods.enumerated() {
            var a = AppState(facts: fromText)
            a.periodIndex = i
            let table = a.periodTable()
            let beside = try XCTUnwrap(derived.periodTableDecodedBeside(
                period.id, plans: { derived.yearPlans($0) }, planned: { derived.plannedProjects() }))
            XCTAssertEqual(beside, table, "period \(period.id)")
            XCTAssertEqual(derived.periodTable(period.id), table, "period \(period.id)")
            let own = try XCTUnwrap(derived.periodRows(period.id))
            rowsOfTheirOwn += own.rows.count
            // Wave 41 (format 24): the rows of each half of the towns a section of their own, decoded
            // on two threads into one array: every row in its town's slot (a row written into the
            // other half's section is refused, and `beside` above would be nil).
            XCTAssertEqual(own.slots.count, text.towns.count)
            XCTAssertEqual(Set(own.slots.filter { $0 >= 0 }).count, own.rows.count, "each row in one slot")
            for town in text.towns.indices {
                XCTAssertEqual(beside.withRow(town) { $0 }, table[town], "period \(period.id) town \(town)")
            }
        }
        XCTAssertGreaterThan(rowsOfTheirOwn, 0, "some towns have rows of their own")
        XCTAssertNil(derived.periodTableDecodedBeside("1999-01", plans: { derived.yearPlans($0) },
                                                      planned: { derived.plannedProjects() }))
        // Plans of another length than the towns: not a table (the caller works it out).
        let id = text.periods[0].id
        XCTAssertNil(derived.periodTableDecodedBeside(id, plans: { _ in [] }, planned: { derived.plannedProjects() }))
        XCTAssertNil(derived.periodTableDecodedBeside(id, plans: { derived.yearPlans($0) }, planned: { nil }))
    }

    /// `sumFlags` as it was before wave 22: each suspect town among `positions` asked for every list.
    func askedForTheList(_ s: AppState, _ positions: [Int]) -> SumFlags {
        guard let period = s.period else { return SumFlags() }
        let planKey = FigureKey(.planYear, String(period.year)), doneKey = FigureKey(.completed, period.id)
        var flags = SumFlags()
        let sumChecked = s.sumCheckedKeys()
        // w43: the city's sum check marks the sum over every town only.
        if !sumChecked.isEmpty, !positions.isEmpty, Set(positions) == Set(s.dataset.townIndices),
           positions.count == s.dataset.townCount {
            flags.plan = sumChecked.contains(planKey)
            flags.done = sumChecked.contains(doneKey)
        }
        // w23-fid: with the towns whose verdict rests on a plan from a later period (undecided).
        let suspect = Set(s.suspectTowns()).union(s.laterPlanTowns())
        let m = s.metrics.withoutFormulas
        for i in positions where suspect.contains(i) {
            let town = s.dataset.towns[i]
            let checker = s.checker.remembering(town, years: [period.year])
            let readings = checker.scheduleReadings(town, period: period)
            if readings.isUndecided {
                flags.undecided += 1
                if (readings.byRate ?? 0) < 0 { flags.undecidedBehindByRate += 1 }
            }
            // w24-fid (F10): only a town whose plan and completed are in the sums (both exact, comparable,
            // neither an interpretation: `GroupProgress.add`) puts its checks' `!` on them.
            guard let plan = m.yearPlan(town, asOf: period), let done = m.figure(town, doneKey),
                  plan.quantity.exactValue != nil, done.quantity.exactValue != nil, m.comparable(done, plan),
                  !plan.isInterpreted, !done.isInterpreted else { continue }
            if checker.isFlagged(planKey, town: town, asOf: period) { flags.plan = true }
            if checker.isFlagged(doneKey, town: town) { flags.done = true }
            // w26-fid: a town in the sums whose plan comes from a later period marks them `?`.
            if s.metrics.planFromLaterPeriod(town, asOf: period) != nil { flags.later = true }
        }
        return flags
    }

    /// Compares `sumFlags` with `askedForTheList` for every period of `facts`, over every town (both
    /// orders), none, a third, and each type's towns, asked before and after the period's table is
    /// made; gives how many of those sums carried `!` and how many towns were undecided.
    func compared(_ facts: Facts) -> (flagged: Int, undecided: Int) {
        var flagged = 0, undecided = 0
        let towns = facts.dataset.towns
        for i in facts.dataset.periods.indices {
            // One state asks before the period's table is made, the other after.
            for tableFirst in [false, true] {
                var s = AppState(facts: facts)
                s.periodIndex = i
                if tableFirst { _ = s.periodTable() }
                var lists: [[Int]] = [Array(towns.indices), Array(towns.indices.reversed()), [],
                                      Array(towns.indices.filter { $0 % 3 == 1 })]
                lists += facts.dataset.types.map { facts.townsByType[$0.number] ?? [] }
                for positions in lists {
                    let got = s.sumFlags(positions), expected = askedForTheList(s, positions)
                    XCTAssertEqual(got, expected, "period \(facts.dataset.periods[i].id), \(positions.count) towns")
                    if got.plan || got.done { flagged += 1 }
                    undecided += got.undecided
                }
            }
        }
        return (flagged, undecided)
    }

    func testTheSumsFlagsFromEachTownsPartAreThoseAskedForEveryList() throws {
        let (text, loaded) = try written()
        for facts in [Facts(dataset: text), Facts(dataset: loaded.dataset, derived: loaded.derived)] {
            _ = compared(facts)
        }
        // The bundled data with Haining's Jan-Sep completed 13.56 edited to 14.56 (as `W12FlagTests`):
        // the derived plans disagree, and the sums over Haining carry `!`.
        let dir = folders.make("w22keys-bundled")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in DatasetLoader.fileNames + DatasetLoader.optionalFileNames {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/Data/" + name, toPath: dir + "/" + name)
        }
        let figures = dir + "/figures.toml"
        try String(contentsOfFile: figures, encoding: .utf8)
            .replacingOccurrences(of: "value = 13.56", with: "value = 14.56")
            .write(toFile: figures, atomically: true, encoding: .utf8)
        let flaggedData = Facts(dataset: try DatasetLoader.load(directory: dir).dataset)
        XCTAssertGreaterThan(compared(flaggedData).flagged, 0, "some sums carry !")
    }
}
