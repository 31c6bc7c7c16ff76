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
        // Each town's year plans worked out once for the whole write (`Metrics.rememberingYearPlans`).
        let state = AppState(facts: Facts(dataset: dataset, rememberingYearPlans: true))
        // Every period's part at once, a run of consecutive periods per core: each period's
        // table, places and year's plans are worked out once and read by all its parts from the
        // (locked) memo, and only what is written is kept (the table's changed rows, not 10,000).
        let parts = concurrentMapped(Array(dataset.periods.indices), minimumPerSlice: 1) { i in
            var s = state
            s.periodIndex = i
            return s.derivedPeriod()
        }
        var yearPlans: [String: [ShownFigure?]] = [:]
        var sortRanks: [String: [Int]] = [:]
        var groups: [String: GroupProgress] = [:]
        var rowSets: [String: [Int]] = [:]
        var tallies: [String: [Metrics.Tally]] = [:]
        var measures: [String: [Int]] = [:]
        var overviews: [String: DerivedOverview] = [:]
        var stakes: [String: DerivedStakes] = [:]
        var changes: [String: DerivedChanges] = [:]
        for part in parts {
            if let plans = part.yearPlans, yearPlans[part.period.year] == nil { yearPlans[part.period.year] = plans }
            sortRanks.merge(part.sortRanks) { a, _ in a }
            measures.merge(part.measures) { a, _ in a }
            rowSets.merge(part.rowSets) { a, _ in a }
            tallies.merge(part.tallies) { a, _ in a }
            groups.merge(part.groups) { a, _ in a }
            overviews[part.period.id] = part.overview
            for (name, s) in part.stakes where stakes[name] == nil { stakes[name] = s }
            if let (id, c) = part.changes, changes[id] == nil { changes[id] = c }
        }
        for language in Language.allCases {
            var s = state
            s.language = language
            sortRanks.merge(s.townsSortRanks(AppState.townsRankColumns.perLanguage)) { a, _ in a }
        }
        var source = DerivedTables.Source(planned: state.facts.plannedProjects, yearPlans: yearPlans,
                                          periods: parts.map(\.period), sortRanks: sortRanks, groups: groups,
                                          rowSets: rowSets, tallies: tallies, findingCounts: state.facts.findingCounts,
                                          overviews: overviews)
        source.views = DerivedViews.Source(stakes: stakes, changes: changes)
        source.keys = state.derivedKeys()
        source.keys.measures = measures
        // w14-page: the entities' width samples, and the towns an inconsistency is about (`sumFlags`).
        source.keys.measures.merge(state.periodlessSampleMeasures()) { a, _ in a }
        source.rowSets[AppState.suspectTownsName] = state.suspectTowns()
        // w21-fid: the totals a check on sums fails on (`sumFlags`), by position among the totals.
        let checked = state.sumCheckedKeys()
        source.rowSets[AppState.sumCheckedTotalsName] = state.facts.totalKeysInOrder.indices
            .filter { checked.contains(state.facts.totalKeysInOrder[$0]) }
        return source
    }

    /// What `derivedTables` stores of the period shown (a state over every town, no filter).
    struct DerivedPeriod: Sendable {
        var period: DerivedTables.Period
        /// The year's plans, given by the year's first period (nil for the others).
        var yearPlans: [ShownFigure?]?
        var sortRanks: [String: [Int]]
        var measures: [String: [Int]]
        var rowSets: [String: [Int]]
        var tallies: [String: [Metrics.Tally]]
        var groups: [String: GroupProgress]
        var overview: DerivedOverview
        var stakes: [(String, DerivedStakes)]
        var changes: (String, DerivedChanges)?
    }

    /// The period shown's part of `derivedTables`, each worked out by the code the dashboard runs
    /// when nothing is stored: the towns table (`periodTable`, kept as the rows written), its
    /// sums, measured rows and places, its figure columns' sort ranks (`townsSortRanks`), the
    /// towns behind schedule's table (`storedFilterTables`), the width samples' measures
    /// (`townsSampleMeasures`), each type's progress, the overview's panels (`overviewOrders`),
    /// and the assessment's stakes and the changes view's rows (`derivedPeriodViews`).
    func derivedPeriod() -> DerivedPeriod {
        let dataset = self.dataset
        let period = dataset.periods[periodIndex]
        let every = Array(dataset.townIndices)
        let year = String(period.year)
        let table = periodTable()
        let plans = workedOutYearPlans(period).shown
        let first = dataset.periods.firstIndex { $0.year == period.year } == periodIndex
        let filtered = storedFilterTables()
        var groups = filtered.groups
        for type in dataset.types {
            groups[typeGroupName(type.number)!] = groupProgress(facts.townsByType[type.number] ?? [])
        }
        let views = derivedPeriodViews()
        let types = storedTypeTables(table)
        return DerivedPeriod(
            period: DerivedTables.Period(
                id: period.id, year: year,
                rows: DerivedTables.Period.rows(of: table, plans: plans, planned: facts.plannedProjects),
                sums: TownSums(table, positions: every).stored, extremes: AppState.extremeRows(table, positions: every),
                ranks: townPlaces(period)),
            yearPlans: first ? plans : nil,
            sortRanks: townsSortRanks(AppState.townsRankColumns.perPeriod),
            // The views' width samples (w14-page, `viewSampleMeasures`) beside the towns table's.
            measures: townsSampleMeasures().merging(viewSampleMeasures(changes: views.changes?.1)) { a, _ in a },
            rowSets: filtered.rowSets.merging(laterPlanRowSets(period.id)) { a, _ in a }
                .merging(sumPartsRowSets(period.id)) { a, _ in a }.merging(types.rowSets) { a, _ in a },
            tallies: filtered.tallies.merging(types.tallies) { a, _ in a }, groups: groups,
            overview: overviewOrders(dataset.towns, period: period, ruleCounts: views.ruleCounts,
                                     undecided: Set(undecidedTowns())),
            stakes: views.stakes, changes: views.changes)
    }

    /// The later-plan towns of period `id` (`laterPlanTowns`) and, of them, the undecided ones and
    /// those behind by their rate (`laterPlanReadings`), as stored row sets; the best place of a
    /// town placed over a later plan (`laterPlanPlaceFloor`: one row, the place, or none); the
    /// places and moves within the rates' rounding (`placesWithinRounding`, `movesWithinRounding`).
    func laterPlanRowSets(_ id: String) -> [String: [Int]] {
        let later = laterPlanTowns()
        let readings = laterPlanReadings(later)
        let period = dataset.period(id)
        let floor = period.flatMap(workedOutLaterPlanPlaceFloor)
        var sets = [Self.laterPlanTownsName(id): later, Self.laterPlanUndecidedName(id): readings.undecided,
                    Self.laterPlanBehindByRateName(id): readings.behindByRate,
                    Self.laterPlanFloorName(id): floor.map { [$0] } ?? []]
        // The places, and the moves from the period before, that the rates' rounding cannot settle.
        if let period {
            sets[Self.placesWithinRoundingName(id)] = workedOutPlacesWithinRounding(period).sorted()
            if let from = metrics.previousPeriod(period) {
                sets[Self.movesWithinRoundingName(from: from.id, to: id)] =
                    workedOutMovesWithinRounding(from: from, to: period).sorted()
            }
        }
        return sets
    }

    /// What a snapshot stores for the first keys (`DerivedKeys.Source`), worked out by the code
    /// the dashboard runs without it: every town's search text (`townSearchText`), then the
    /// reading of every character read for them (`SearchIndex.syllables`: the towns', counties'
    /// and entities' names, and the generic endings' that a search looks for).
    func derivedKeys() -> DerivedKeys.Source {
        let text = townSearchText()
        let texts = dataset.townIndices.map(text)
        // The generic endings' readings too (`SearchIndex.endings`): a first search reads them
        // from the snapshot rather than loading ICU's transform.
        _ = searchIndex.endings
        // The region's names' too (`cityRowMatches` reads them on the first search keystroke): a
        // character of them that no town's name has loaded ICU's transform then (~10 ms, issue 17).
        for name in ["\(dataset.regionZH)", "\(dataset.regionEN)"] {
            _ = searchIndex.forms(SearchIndex.distinctive(name))
        }
        return DerivedKeys.Source(searchTexts: texts, syllables: searchIndex.syllables)
    }
}

extension Dictionary where Key == String, Value == Int {
    /// The place of each of `towns` in these places by town id (`Metrics.ranks`), in their order.
    func placesOf(_ towns: [Town]) -> [Int?] { towns.map { self[$0.id] } }
}
