import Foundation
import TownsCore

extension AppState {
    /// The views' first frames a snapshot stores (`DerivedViews`), worked out over every town
    /// by the code the views run when nothing is stored: per period and language the
    /// assessment's stakes (`stakeGroups`, each group's first `DerivedStakes.named` towns), and
    /// per period the changes view's rows against the previous period of its year (`Changes`,
    /// the view's default pair). `state` is the whole city's, with no filter. A period per
    /// slice on every core; the periods' tables the stakes read are in the (locked) cache.
    public static func derivedViews(_ state: AppState) -> DerivedViews.Source {
        let dataset = state.dataset
        let every = Array(dataset.towns.indices)
        let byID = state.facts.townIndex
        let languages = Language.allCases
        let (stakes, changes) = concurrentMap(Array(dataset.periods.indices), minimumPerSlice: 1) { i in
            var s = state
            s.periodIndex = i
            let period = dataset.periods[i]
            var stakes: [(String, DerivedStakes)] = []
            if !dataset.rules.isEmpty {
                for (language, found) in zip(languages, s.stakeGroups(every, languages: languages)) {
                    var kept = found
                    for r in kept.rules.indices {
                        for g in kept.rules[r].groups.indices {
                            kept.rules[r].groups[g].first.removeSubrange(
                                min(DerivedStakes.named, kept.rules[r].groups[g].first.count)...)
                        }
                    }
                    stakes.append((DerivedViews.stakesName(period: period.id, language: language.rawValue), kept))
                }
            }
            var changes: DerivedChanges?
            if let previous = s.metrics.previousPeriod(period) {
                let c = Changes(s.metrics.withoutFormulas, from: previous, to: period)
                let items = c.items.map {
                    DerivedChanges.Item(owner: $0.town.flatMap { byID[$0] }, measure: $0.measure)
                }
                changes = DerivedChanges(from: previous.id, items: items, unchanged: c.unchanged)
            }
            return (stakes, changes.map { (period.id, $0) })
        }
        return DerivedViews.Source(
            stakes: Dictionary(stakes.flatMap { $0 }, uniquingKeysWith: { a, _ in a }),
            changes: Dictionary(changes.compactMap { $0 }, uniquingKeysWith: { a, _ in a }))
    }
}
