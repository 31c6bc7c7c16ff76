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
        let (stakes, changes) = concurrentMap(Array(state.dataset.periods.indices), minimumPerSlice: 1) { i in
            var s = state
            s.periodIndex = i
            let views = s.derivedPeriodViews()
            return (views.stakes, views.changes)
        }
        return DerivedViews.Source(
            stakes: Dictionary(stakes.flatMap { $0 }, uniquingKeysWith: { a, _ in a }),
            changes: Dictionary(changes.compactMap { $0 }, uniquingKeysWith: { a, _ in a }))
    }

    /// What `derivedViews` stores of the period shown (a state over every town, no filter): the
    /// assessment's stakes in each language by their stored name, and the changes view's rows
    /// against the previous period of the year by period id (nil for a year's first period);
    /// `ruleCounts`: each rule's towns by status over every town (the overview's counts, judged
    /// in the same pass as the stakes), nil when the data has no rules.
    func derivedPeriodViews()
        -> (stakes: [(String, DerivedStakes)], changes: (String, DerivedChanges)?,
            ruleCounts: [DerivedOverview.RuleCounts]?)
    {
        guard let period else { return ([], nil, nil) }
        let every = Array(dataset.townIndices)
        let byID = facts.townIndex
        let languages = Language.allCases
        var stakes: [(String, DerivedStakes)] = []
        var ruleCounts: [DerivedOverview.RuleCounts]?
        if !dataset.rules.isEmpty {
            let judged = stakeGroupsCounted(every, languages: languages)
            ruleCounts = judged.counts
            for (language, found) in zip(languages, judged.stakes) {
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
        if let previous = metrics.previousPeriod(period) {
            let c = Changes(metrics.withoutFormulas, from: previous, to: period)
            let items = c.items.map {
                DerivedChanges.Item(owner: $0.town.flatMap { byID[$0] }, measure: $0.measure)
            }
            changes = DerivedChanges(from: previous.id, items: items, unchanged: c.unchanged)
        }
        return (stakes, changes.map { (period.id, $0) }, ruleCounts)
    }
}
