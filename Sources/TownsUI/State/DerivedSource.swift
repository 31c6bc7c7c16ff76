import Foundation
import TownsCore

extension AppState {
    /// The tables a snapshot stores beside `dataset` (`DerivedTables`), worked out as the
    /// dashboard works them out (`periodTable`, the same code): every period's towns table,
    /// every year's plans and every town's planned projects, and each period's sums of known
    /// figures and rows measured for the column widths over every town (`TownSums`,
    /// `extremeRows`), each town's place by completion rate, the towns table's sort
    /// ranks (`townsSortRanks`: the figures' columns per period, the names' per language),
    /// each development type's progress per period (`typeProgress`), per period the towns
    /// table of the towns behind schedule (`storedFilterTables`), and the number of findings
    /// of each kind (the overview's checks panel: `Checker.run` was half its first frame at
    /// 10,000 towns), the overview's panels over every town (`overviewOrders`), and what the first
    /// keys need (`derivedKeys`: every town's search text, the names' pinyin; `townsSampleMeasures`). `towns snapshot`
    /// runs it in its child process when it writes a snapshot, so that a dashboard started from
    /// the snapshot derives none of them.
    public static func derivedTables(for dataset: Dataset) -> DerivedTables.Source {
        let state = AppState(dataset: dataset)
        var yearPlans: [String: [ShownFigure?]] = [:]
        var periods: [DerivedTables.Period] = []
        let every = Array(dataset.towns.indices)
        let metrics = state.metrics.withoutFormulas
        var sortRanks: [String: [Int]] = [:]
        var groups: [String: GroupProgress] = [:]
        var rowSets: [String: [Int]] = [:]
        var tallies: [String: [Metrics.Tally]] = [:]
        var measures: [String: [Int]] = [:]
        for (i, period) in dataset.periods.enumerated() {
            var s = state
            s.periodIndex = i
            let table = s.periodTable()
            sortRanks.merge(s.townsSortRanks(AppState.townsRankColumns.perPeriod)) { a, _ in a }
            let filtered = s.storedFilterTables()
            measures.merge(s.townsSampleMeasures()) { a, _ in a }
            rowSets.merge(filtered.rowSets) { a, _ in a }
            tallies.merge(filtered.tallies) { a, _ in a }
            groups.merge(filtered.groups) { a, _ in a }
            for type in dataset.types {
                groups[s.typeGroupName(type.number)!] = s.groupProgress(state.facts.townsByType[type.number] ?? [])
            }
            let year = String(period.year)
            // Kept by `periodTable`; any plans would do (a row that differs is stored whole).
            if yearPlans[year] == nil {
                yearPlans[year] = s.cache.yearPlans(year) {
                    ViewCache.YearPlans(figures: [], shown: table.map(\.planYear))
                }.shown
            }
            periods.append(DerivedTables.Period(id: period.id, year: year, table: table,
                                                sums: TownSums(table, positions: every).stored,
                                                extremes: AppState.extremeRows(table, positions: every),
                                                ranks: metrics.ranks(period: period).placesOf(dataset.towns)))
        }
        for language in Language.allCases {
            var s = state
            s.language = language
            sortRanks.merge(s.townsSortRanks(AppState.townsRankColumns.perLanguage)) { a, _ in a }
        }
        // The overview's panels, a period per slice on every core (each about a second at 10,000
        // towns): the periods' tables above are in the (locked) cache they read.
        let (ids, panels) = concurrentMap(Array(dataset.periods.indices), minimumPerSlice: 1) { i in
            var s = state
            s.periodIndex = i
            return (dataset.periods[i].id, s.overviewOrders(dataset.towns, period: dataset.periods[i]))
        }
        let overviews = Dictionary(uniqueKeysWithValues: zip(ids, panels))
        var source = DerivedTables.Source(planned: state.facts.plannedProjects, yearPlans: yearPlans, periods: periods,
                                          sortRanks: sortRanks, groups: groups, rowSets: rowSets, tallies: tallies,
                                          findingCounts: state.facts.findingCounts, overviews: overviews)
        source.views = derivedViews(state)
        source.keys = state.derivedKeys()
        source.keys.measures = measures
        return source
    }

    /// What a snapshot stores for the first keys (`DerivedKeys.Source`), worked out by the code
    /// the dashboard runs without it: every town's search text (`townSearchText`), then the
    /// reading of every character read for them (`SearchIndex.syllables`: the towns', counties'
    /// and entities' names, and the generic endings' that a search looks for).
    func derivedKeys() -> DerivedKeys.Source {
        let text = townSearchText()
        let texts = dataset.towns.indices.map(text)
        // The generic endings' readings too (`SearchIndex.endings`): a first search reads them
        // from the snapshot rather than loading ICU's transform.
        _ = searchIndex.endings
        return DerivedKeys.Source(searchTexts: texts, syllables: searchIndex.syllables)
    }
}

extension Dictionary where Key == String, Value == Int {
    /// The place of each of `towns` in these places by town id (`Metrics.ranks`), in their order.
    func placesOf(_ towns: [Town]) -> [Int?] { towns.map { self[$0.id] } }
}
