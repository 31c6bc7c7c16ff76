import Foundation
import TownsCore
@testable import TownsUI
import XCTest
import TownsSynthetic

/// The views' tables a snapshot stores (`DerivedViews`, format 8: the assessment's stakes per
/// period and language, the changes view's rows per period) are exactly what the views work
/// out from the text, and the assessment and changes screens from the snapshot are the
/// screens from the text.
final class DerivedViewsTests: XCTestCase {
    /// The dataset read from the text, and the snapshot's dataset and derived tables; with the
    /// bundled data's rules (Data/rules.toml and its sources) unless `rules` is false.
    func written(towns: Int, months: Int, seed: UInt64, rules: Bool = true) throws
        -> (text: Dataset, loaded: SnapshotStore.Loaded)
    {
        try writtenWithSnapshot(towns: towns, months: months, seed: seed, name: "views", rules: rules)
    }

    func testEveryPeriodsStakesAndChangesAreThoseWorkedOutFromTheText() throws {
        for (towns, months, seed) in [(400, 14, 3), (120, 25, 8)] as [(Int, Int, UInt64)] {
            let (text, loaded) = try written(towns: towns, months: months, seed: seed)
            let views = try XCTUnwrap(loaded.derived?.views, "a snapshot written with its tables holds the views'")
            let facts = Facts(dataset: text)
            let every = Array(text.towns.indices)
            let byID = facts.townIndex
            var counted = (groups: 0, cut: 0, changes: 0, pairs: 0)
            for (i, period) in text.periods.enumerated() {
                var state = AppState(facts: facts)
                state.periodIndex = i
                for language in Language.allCases {
                    var worked = state.stakeGroups(every, languages: [language])[0]
                    XCTAssertEqual(worked.rules.count, text.rules.count)
                    for r in worked.rules.indices {
                        for g in worked.rules[r].groups.indices {
                            counted.groups += 1
                            let all = worked.rules[r].groups[g].first
                            XCTAssertEqual(all.count, worked.rules[r].groups[g].count)
                            if all.count > DerivedStakes.named { counted.cut += 1 }
                            worked.rules[r].groups[g].first = Array(all.prefix(DerivedStakes.named))
                        }
                    }
                    XCTAssertEqual(views.stakes(period: period.id, language: language.rawValue), worked,
                                   "period \(period.id) \(language)")
                }
                let stored = views.changes(period.id)
                guard let previous = facts.metrics.previousPeriod(period) else {
                    XCTAssertNil(stored, "the year's first period has nothing to compare with")
                    continue
                }
                let changes = Changes(facts.metrics, from: previous, to: period)
                let expected = DerivedChanges(
                    from: previous.id,
                    items: changes.items.map {
                        DerivedChanges.Item(owner: $0.town.flatMap { byID[$0] }, measure: $0.measure)
                    },
                    unchanged: changes.unchanged)
                XCTAssertEqual(stored, expected, "period \(period.id)'s changes")
                // Each stored row's change made alone is the one worked out over every town.
                let totals = Figures(text.totals)
                for (item, change) in zip(expected.items, changes.items) {
                    let figures = item.owner.map { text.towns[$0].figures } ?? totals
                    XCTAssertEqual(Changes.item(facts.metrics, owner: change.town, figures, item.measure,
                                                from: previous, to: period), change)
                }
                counted.changes += expected.items.count
                counted.pairs += 1
            }
            XCTAssertGreaterThan(counted.groups, 0, "the stakes hold groups of towns")
            XCTAssertGreaterThan(counted.cut, 0, "some group has more towns than are stored")
            XCTAssertGreaterThan(counted.changes, 0, "the changes hold rows")
            XCTAssertGreaterThan(counted.pairs, 0)
        }
    }

    /// The assessment and the changes view from the snapshot's tables, in both languages, over
    /// several periods (the year's first one too), show the screens worked out from the text;
    /// with a filter on, and with another earlier period chosen, they are worked out again.
    func testScreensFromTheStoredViewsAreTheScreensFromTheText() throws {
        let (text, loaded) = try written(towns: 300, months: 13, seed: 5)
        let renderer = Renderer(theme: .monochrome)
        let fromText = Facts(dataset: text), fromSnapshot = Facts(dataset: loaded.dataset, derived: loaded.derived)
        var used = 0
        for kind in [Screen.Kind.assessment, .changes] {
            for period in [0, 1, 6, text.periods.count - 1] {
                for language in Language.allCases {
                    for variant in 0..<3 {
                        func state(_ facts: Facts) -> AppState {
                            var s = AppState(facts: facts, width: 100, height: 30)
                            s.stack = [Screen(kind)]
                            s.periodIndex = period
                            s.language = language
                            if variant == 1 { s.filter.behindSchedule = true }
                            if variant == 2 { s.session.changesFrom = text.periods[0].id }
                            return s
                        }
                        let a = state(fromText), b = state(fromSnapshot)
                        let label = "\(kind) period \(period) \(language) variant \(variant)"
                        XCTAssertEqual(renderer.render(b).lines(), renderer.render(a).lines(), label)
                        XCTAssertEqual(b.listContent(kind)?.notes, a.listContent(kind)?.notes, label)
                        let ta = a.listContent(kind).map { Array($0.targets) }
                        XCTAssertEqual(b.listContent(kind).map { Array($0.targets) }, ta, label)
                        let id = text.periods[period].id
                        if variant == 0, kind == .changes, b.facts.derived?.views.changes(id) != nil { used += 1 }
                        if variant == 0, kind == .assessment,
                           b.facts.derived?.views.stakes(period: id, language: language.rawValue) != nil { used += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(used, 8, "the views had stored stakes and rows to use")
    }
}
