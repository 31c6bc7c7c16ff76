import Foundation
import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// What a snapshot stores for the first visit of the assessment, changes and entities views
/// (`viewSampleMeasures`: the measure of each list's width sample) and for the `!` of the types'
/// sums (`suspectTowns`), and what a town's page reads for its place (`townPlaces`), are what the
/// views work out from the text: the screens from the snapshot are the screens from the text.
final class W14StoredViewSamplesTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func written(towns: Int, months: Int, seed: UInt64) throws -> (text: Dataset, loaded: SnapshotStore.Loaded) {
        try writtenWithSnapshot(towns: towns, months: months, seed: seed, folders: folders, name: "w14page")
    }

    /// Each stored sample is the measure of the sampled rows made from the text, it is taken
    /// (no rows made for it) without a filter and left with one, and the views' screens from the
    /// snapshot are those from the text, in both languages, in the first, a middle and the last period.
    func testStoredViewSamplesAreTheMeasuresOfTheRowsFromTheText() throws {
        let (text, loaded) = try written(towns: 400, months: 14, seed: 9)
        let derived = try XCTUnwrap(loaded.derived)
        let renderer = Renderer(theme: .monochrome)
        var used: [Screen.Kind: Int] = [:]
        for period in [0, 1, 7, text.periods.count - 1] {
            for language in Language.allCases {
                for kind in [Screen.Kind.assessment, .changes, .entityList, .typeList] {
                    for behind in [false, true] {
                        var a = AppState(dataset: text, width: 120, height: 30)
                        var b = AppState(facts: Facts(dataset: loaded.dataset, derived: derived),
                                         width: 120, height: 30)
                        a.stack = [Screen(kind)]; b.stack = [Screen(kind)]
                        a.periodIndex = period; b.periodIndex = period
                        a.language = language; b.language = language
                        a.filter.behindSchedule = behind; b.filter.behindSchedule = behind
                        let what = "\(kind) period \(period) \(language) behind \(behind)"
                        let list = try XCTUnwrap(a.listContent(kind))
                        let stored = try XCTUnwrap(b.listContent(kind))
                        XCTAssertNil(list.sampleMeasure, "from the text nothing is stored: \(what)")
                        if let measure = stored.sampleMeasure {
                            XCTAssertFalse(behind, "a filtered list takes no stored sample: \(what)")
                            let rows = ViewCache.samplePositions(list.rows.count).map { list.rows.unsortedRow($0) }
                            XCTAssertEqual(measure.rows, list.rows.count, what)
                            XCTAssertEqual(measure.columns, TableLayout.measure(rows, columns: list.columns), what)
                            used[kind, default: 0] += 1
                        }
                        XCTAssertEqual(renderer.render(b).lines(), renderer.render(a).lines(), what)
                    }
                }
            }
        }
        // Every period's assessment and entities list in both languages; the changes of every
        // period but a year's first (no earlier period to compare: nothing listed, nothing stored).
        XCTAssertEqual(used[.assessment], 8)
        XCTAssertEqual(used[.entityList], 8)
        XCTAssertEqual(used[.changes], 6)
        XCTAssertNil(used[.typeList], "four rows: measured in full, nothing stored")
    }

    /// The stored towns an inconsistency is about are those `Checker.run` finds from the text.
    func testStoredSuspectTownsAreThoseTheChecksFind() throws {
        let (text, loaded) = try written(towns: 300, months: 13, seed: 4)
        let fromText = AppState(dataset: text)
        let byID = fromText.facts.townIndex
        let expected = Set(fromText.facts.findings.filter { $0.kind == .inconsistency }.compactMap(\.townID))
            .compactMap { byID[$0] }.sorted()
        XCTAssertEqual(loaded.derived?.rowSet(AppState.suspectTownsName), expected)
        let fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: loaded.derived))
        XCTAssertEqual(fromSnapshot.suspectTowns(), fromText.suspectTowns())
        XCTAssertEqual(fromText.suspectTowns(), expected)
    }

    /// A town's page from the snapshot (its place read from the stored places) is the page from the
    /// text, and its place line is the one `Metrics.rankMoves` gives, in a period with an earlier one.
    func testTownPagesPlaceIsTheRankFromTheText() throws {
        let (text, loaded) = try written(towns: 300, months: 13, seed: 5)
        var a = AppState(dataset: text, width: 100, height: 30)
        var b = AppState(facts: Facts(dataset: loaded.dataset, derived: loaded.derived), width: 100, height: 30)
        let period = 5
        a.periodIndex = period; b.periodIndex = period
        let to = text.periods[period], from = try XCTUnwrap(a.metrics.previousPeriod(to))
        let moves = a.metrics.rankMoves(from: from, to: to)
        let ranked = a.metrics.ranks(period: to).count
        var placed = 0
        for town in text.towns.prefix(40) {
            let pa = a.townDetail(town.id, width: 100), pb = b.townDetail(town.id, width: 100)
            XCTAssertEqual(pb.map { $0.text() }, pa.map { $0.text() }, town.id)
            let place = a.changeFields(town, period: to).place
            if let now = moves[town.id]?.after {
                placed += 1
                let words = a.tr(Catalogue.placeAmongRanked(
                    "\(now)", moves[town.id]?.before.map { "\($0)" } ?? "—", "\(ranked)", text.towns.count - ranked))
                // A place on the town's own derived rate is `≈` and says why (wave 25).
                let derived = DeltaColumns.placeIsDerived(town, period: to)
                // On a plan from a later period, that too (wave 26).
                let later = a.metrics.planFromLaterPeriod(town, asOf: to).flatMap { text.period($0) }
                    .map { a.tr(Catalogue.placeOnLaterPlan(Bilingual($0.labelZH, $0.labelEN))) } ?? ""
                // Below a town placed on a plan from a later period, that too (wave 32).
                let below = !(derived && !later.isEmpty) && a.laterPlanPlaceFloor(to).map { now > $0 } == true
                XCTAssertEqual(place, (derived ? "≈" : "") + words
                                   + (derived ? a.tr(Catalogue.placeOnDerivedRate) + later : "")
                                   + (below ? a.tr(Catalogue.placeBelowLaterPlan) : "")
                                   // An order within the rates' rounding, that too (wave 33, W33RankTests).
                                   + a.placeWithinRoundingWords(town, at: text.towns.firstIndex { $0.id == town.id },
                                                                period: to, from: from),
                               town.id)
            } else {
                XCTAssertNil(place, town.id)
            }
        }
        XCTAssertGreaterThan(placed, 0, "some town has a place")
    }
}
