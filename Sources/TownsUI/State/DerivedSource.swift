import Foundation
import TownsCore

extension AppState {
    /// The tables a snapshot stores beside `dataset` (`DerivedTables`), worked out as the
    /// dashboard works them out (`periodTable`, the same code): every period's towns table,
    /// every year's plans and every town's planned projects. `towns snapshot` runs it in its
    /// child process when it writes a snapshot, so that a dashboard started from the snapshot
    /// derives none of them.
    public static func derivedTables(for dataset: Dataset) -> DerivedTables.Source {
        let state = AppState(dataset: dataset)
        var yearPlans: [String: [ShownFigure?]] = [:]
        var periods: [(id: String, year: String, table: [TownPeriod])] = []
        for (i, period) in dataset.periods.enumerated() {
            var s = state
            s.periodIndex = i
            let table = s.periodTable()
            let year = String(period.year)
            // Kept by `periodTable`; any plans would do (a row that differs is stored whole).
            if yearPlans[year] == nil {
                yearPlans[year] = s.cache.yearPlans(year) {
                    ViewCache.YearPlans(figures: [], shown: table.map(\.planYear))
                }.shown
            }
            periods.append((period.id, year, table))
        }
        return DerivedTables.Source(planned: state.facts.plannedProjects, yearPlans: yearPlans, periods: periods)
    }
}
