import Foundation
import TownsCore

extension AppState {
    /// The list `screen` shows, sorted as the screen says (the sorted column's title marked
    /// ▲ or ▼), or nil for a detail page. `update` and the views both use this. Made once per
    /// view, period, filter, language and sort, and kept (`ViewCache`).
    public func content(for screen: Screen) -> ListContent? {
        list(for: screen)?.content
    }

    /// The cached list `screen` shows, sorted and narrowed (`narrowedList`), with its natural column widths.
    func list(for screen: Screen) -> ViewCache.List? {
        narrowedList(screen) ?? sortedList(screen)
    }

    /// The cached list `screen` shows, sorted, every row.
    func sortedList(_ screen: Screen) -> ViewCache.List? {
        // The overview never sorts (`Screen.Kind.sorts`), whatever a saved or sent session says.
        guard let column = screen.sortColumn, screen.kind.sorts else { return cachedList(screen.kind) }
        var key = listKey(screen.kind)
        key.sortColumn = column
        key.sortDescending = screen.sortDescending
        return cache.list(key) {
            guard var content = cachedList(screen.kind)?.content else { return nil }
            guard column < content.columns.count else { return content }
            let order = TableSort.order(content, column: column, descending: screen.sortDescending, index: searchIndex)
            content.rows = content.rows.reordered(order)
            content.targets = content.targets.reordered(order)
            content.columns[column].title += SortMark.of(descending: screen.sortDescending)
            // The column the list is sorted by is never the one dropped for space, nor left out
            // (presenting, 进度差 sorted: no column showed the sort's arrow, wave 24's F8).
            content.columns[column].priority = max(content.columns[column].priority, 99)
            content.columns[column].leftOut = false
            return content
        }
    }

    /// Rows of the list `screen` shows that match the search, in display order (worked
    /// out once per list and query).
    public func searchMatches(_ screen: Screen? = nil) -> [Int] {
        guard let q = search?.query, !q.isEmpty, let list = list(for: screen ?? self.screen) else {
            return []
        }
        let rows = cache.searchMatches(list, query: q, endings: searchIndex.endings,
                                       haystack: haystackMaker(list.content))
        // The city's totals row (全市报告 嘉兴市, after the towns) is found by the city's name (wave 12).
        if list.content.summaryTarget == .cityTotals, cityRowMatches(q) { return rows + [list.content.rows.count] }
        return rows
    }

    /// Whether `query` finds the towns view's city totals row (全市报告 嘉兴市): the start of the city's
    /// name (嘉兴, Jiaxing), its pinyin (jiax) or initials (jx), or of 全市报告; from the start only, so
    /// `/x` does not add the city to every search for a town's x.
    func cityRowMatches(_ query: String) -> Bool {
        let q = SearchIndex.normalizedQuery(query)
        guard !q.isEmpty else { return false }
        if Catalogue.totals("\(dataset.regionZH)", "\(dataset.regionEN)").zh.hasPrefix(q) { return true }
        return ["\(dataset.regionZH)", "\(dataset.regionEN)"].contains { name in
            let f = searchIndex.forms(SearchIndex.distinctive(name))
            return [f.plain.filter { !$0.isWhitespace }, f.pinyin.filter { !$0.isWhitespace }, f.initials]
                .contains { $0.hasPrefix(q) }
        }
    }

    /// A row's search text (by position in `content`'s order), from `content.searchText`
    /// when given (no row made; its texts made or decoded now, when a search first needs them),
    /// else from the row's `searchTerms`.
    func haystackMaker(_ content: ListContent) -> @Sendable (Int) -> [UInt8] {
        if let make = content.searchText {
            let text = make()
            return { i in text(content.rows.source(i)) }
        }
        let index = searchIndex
        return { i in index.haystack(content.rows[i].searchTerms) }
    }

    /// The search text of the town at `position` in `dataset.towns` (its names, county's and
    /// entities'), made once per dataset and shared by every list of towns, whatever the
    /// period, filter or sort; read from the snapshot when it stores them (`DerivedKeys`).
    func townSearchText() -> @Sendable (Int) -> [UInt8] { townSearchTexts()() }

    /// `townSearchText` when first called: a list of towns keeps this (`ListContent.searchText`),
    /// so the snapshot's stored texts are decoded by the first search, not by the list's first
    /// frame (issue 17: ~6 MiB and a few milliseconds of the towns view's first visit at 10,000
    /// towns, for a search that may never come). Holds the facts, never the memo.
    func townSearchTexts() -> @Sendable () -> @Sendable (Int) -> [UInt8] {
        let facts = self.facts
        let index = searchIndex
        let rowState = rowContext
        return {
            // Stored in the snapshot, made by this function when it was written.
            if let stored = facts.storedSearchTexts { return { stored[$0] } }
            let store = facts.townSearchText
            // The entities' index made when a text is first made (not by a list that never searches).
            return { position in
                store.get(position, count: rowState.dataset.townCount) {
                    index.haystack(rowState.townTerms(rowState.dataset.town(at: position), entities: facts.entitiesByID))
                }
            }
        }
    }

    /// Datasets with at least this many towns get their names' pinyin and the search text
    /// of the list shown worked out ahead.
    public static let warmPinyinFrom = 1_000

    /// Works out ahead what the next keys are likely to need, so they need not: the
    /// neighbouring periods' town tables (`]` `[`), the pinyin of every town, county and
    /// entity name (sorting by name, search; from `warmPinyinFrom` towns), and the search
    /// text of the list shown (`/`; for data read from a snapshot, once a search is open).
    /// With them, the neighbouring periods' lists of the view shown, and the other top views'
    /// lists of the period shown, with their column widths.
    /// The dashboard runs it on a background thread after drawing a frame, while it waits
    /// for a key; a key that needs something being worked out waits for it rather than
    /// working it out twice. Results go into the state's view cache; nothing is shown
    /// differently. Safe to call from any thread, any number of times (cheap once done).
    public func warm() {
        let skip = warmSkipped
        // Every town's record, decoded on both cores (a snapshot's `LazyTowns`; nothing for a dataset
        // read from the text): the views of every town (types, entities, assessment, changes) read
        // them at their first visit. Until wave 41 the period table below decoded them as a side
        // effect; it no longer reads the towns, so this is said here.
        if !skip.contains("towns") { _ = dataset.towns }
        // The period shown's table of every town: the overview's first frame does not make it
        // (`sumFlags` asks a few towns), the towns view's first visit and a filter read it.
        if !skip.contains("table") { _ = periodTable() }
        let neighbours = skip.contains("periods") ? [] : [periodIndex + 1, periodIndex - 1]
        for i in neighbours where dataset.periods.indices.contains(i) {
            var s = self
            s.periodIndex = i
            _ = s.periodTable()
            if let list = s.list(for: s.screen) {
                _ = cache.naturalWidths(list, visible: s.screen.scroll..<(s.screen.scroll + Renderer.visibleRows(s)))
            }
        }
        // The other views of the period shown, for their first visit (1-5, Tab).
        let views = skip.contains("views") ? [] : AppState.topViews.filter { !skip.contains("\($0)") }
        for kind in views where kind != screen.kind {
            var s = self
            s.stack = [Screen(kind)]
            if let list = s.list(for: s.screen) {
                _ = cache.naturalWidths(list, visible: 0..<Renderer.visibleRows(s))
            }
        }
        // Pinyin ahead only where a first search or sort would feel it: ICU's data costs
        // ~5 MB of memory, and a few hundred names take a few milliseconds on demand.
        if dataset.townCount >= AppState.warmPinyinFrom, !facts.namesWarm, !skip.contains("pinyin") {
            for town in dataset.towns {
                for name in [town.nameZH, town.nameEN, town.countyZH, town.countyEN] { _ = searchIndex.forms(name) }
            }
            for entity in dataset.entities {
                _ = searchIndex.forms(entity.nameZH); _ = searchIndex.forms(entity.nameEN)
            }
            facts.namesWarm = true
        }
        // With a search open (`/` pressed, no query yet), the list's search texts are what the first
        // keystroke needs: decoded now (for a snapshot's texts, not at the list's first frame: issue
        // 17), unless `TOWNS_WARM_SKIP` names `haystack`.
        let searching = search != nil && AppState.warmSkip?.contains("haystack") != true
        // A list whose towns' stored texts are searched in place (`ListContent.searchTowns`) needs none.
        if dataset.townCount >= AppState.warmPinyinFrom, !skip.contains("haystack") || searching,
            let list = list(for: screen), list.content.searchTowns == nil
        {
            _ = cache.haystacks(list, haystack: haystackMaker(list.content))
        }
    }

    /// Parts of the warm-up (`warm`) left out, from the environment variable `TOWNS_WARM_SKIP`
    /// (comma-separated), or nil when it is unset (then `warmSkipped` decides): `towns` (every
    /// town's record decoded, for a dataset read from its snapshot), `table` (the
    /// period shown's table of every town, `periodTable`), `periods` (the
    /// neighbouring periods' tables and lists), `views` (the other top views' lists), one view by
    /// its kind's name (`changes`, `assessment`, `entityList`, `townList`, `typeList`,
    /// `province`, `reference`, `overview`), `pinyin`, `haystack` (the search text of the list
    /// shown), and, in the dashboard, `release` (the snapshot's pages given back after a
    /// warm-up). Set and empty (`TOWNS_WARM_SKIP=`), nothing is left out. A measuring aid
    /// (issue 17): what the warm-up keeps and works out is most of the dashboard's peak memory
    /// at 10,000 x 60 (README, Performance); a part left out is worked out when a key needs it,
    /// so nothing shown changes, only how long that key takes.
    public static let warmSkip: Set<String>? = ProcessInfo.processInfo.environment["TOWNS_WARM_SKIP"].map {
        Set($0.split(separator: ",").map(String.init))
    }

    /// What the warm-up leaves out by default for a dataset read from its snapshot: every part
    /// whose first use reads the snapshot's stored tables (`DerivedTables`: the periods' tables,
    /// the views' first frames, the pinyin, the search texts: these still once a search is open),
    /// so a key needing it is within milliseconds cold, and working it out ahead would only raise
    /// the peak memory (issue 17
    /// point 2: ~89 MiB warmed against ~50 MiB not, at 10,000 x 60). A dataset read from the
    /// text has none of that stored, and is warmed in full.
    public static let storedWarmSkip: Set<String> = ["periods", "views", "pinyin", "haystack"]

    /// The parts of the warm-up left out for this state: `warmSkip` when set, else
    /// `storedWarmSkip` for a dataset read from its snapshot with its tables, else none.
    public var warmSkipped: Set<String> {
        AppState.warmSkip ?? (facts.derived != nil ? AppState.storedWarmSkip : [])
    }

    /// How many cells of names a screen's cell of a list of towns holds at least
    /// (`screenListCells`): more than a screen this wide can show of it.
    static let screenListCellsAtLeast = 1_000

    /// How many cells of names a screen's cell of a list of towns holds, past which it holds the
    /// first names only and the list's length (`ShownFacts.firstNames`, `ItemList.listed`): past
    /// the screen's width, so the table lays out and cuts it as it would the whole list (a name
    /// column widens into the room the others leave, never past the screen).
    var screenListCells: Int { max(width, Self.screenListCellsAtLeast) + 8 }

    /// What a list depends on besides the dataset: view, period, filter, language (not the
    /// glyphs: cells carry marks, drawn with the glyph set of the frame).
    func listKey(_ kind: Screen.Kind) -> ViewCache.ListKey {
        var key = ViewCache.ListKey(
            kind: kind, period: periodIndex, filter: filter, language: language, presentation: session.presentation)
        if kind == .overview { (key.width, key.height) = (width, height) }
        // The types' cells hold names past `screenListCells`: a wider screen makes its own.
        if kind == .typeList, width > Self.screenListCellsAtLeast { key.width = width }
        if kind == .changes { key.changesFrom = session.changesFrom }
        key.printed = printed
        return key
    }

    /// The list shown by `kind` in the data's order, or nil for a detail page. Made once per
    /// view, period, filter and language and kept (`ViewCache`) while in use.
    public func listContent(_ kind: Screen.Kind) -> ListContent? {
        cachedList(kind)?.content
    }

    /// The cached list with its natural column widths.
    func cachedList(_ kind: Screen.Kind) -> ViewCache.List? {
        if kind.isPage { return nil }
        return cache.list(listKey(kind)) { makeListContent(kind) }
    }

    /// The positions (in `dataset.towns`) of the towns a list of towns shows with the filter
    /// applied: every town's, a type's or an entity's; nil for a screen that is not a list of
    /// towns. What the list draws and what the filter's message counts (`refiltered`).
    func listedTowns(_ kind: Screen.Kind) -> [Int]? {
        unfilteredTowns(kind).map(filtered)
    }

    /// The towns a list of `kind` holds before the filter (positions in `dataset.towns`).
    func unfilteredTowns(_ kind: Screen.Kind) -> [Int]? {
        switch kind {
        case .townList:
            return Array(dataset.townIndices)
        case let .townsOfType(n):
            return facts.townsByType[n] ?? []
        case let .townsOfEntity(id):
            return facts.townPositions(operatedBy: id)
        default:
            return nil
        }
    }

    func makeListContent(_ kind: Screen.Kind) -> ListContent? {
        guard var content = listContentUnsaid(kind) else { return nil }
        // Any list the filter leaves empty says so, with the key that clears it (wave 43's fresh
        // user, `--filter "county 海宁市" --filter "type 4"`: the province view said no [[city]] in
        // province.toml, the changes view that the data did not change, the types and entities
        // views only 没有小镇). The reference does not follow the filter.
        if content.rows.isEmpty, !filter.isEmpty, kind != .reference, dataset.townCount > 0,
           filtered(Array(dataset.townIndices)).isEmpty
        {
            content.emptyText = tr(Catalogue.noTownsLeftByTheFilter(keyName(.clearFilter)))
            content.emptyTextInFile = tr(Catalogue.noTownsLeftByTheFilterInFile)
        }
        return content
    }

    /// `makeListContent` before an empty list's words say the filter emptied it.
    private func listContentUnsaid(_ kind: Screen.Kind) -> ListContent? {
        switch kind {
        case .townList, .townsOfType, .townsOfEntity:
            guard let all = unfilteredTowns(kind) else { return nil }
            var content = townsTable(filtered(all), withCity: kind == .townList && filter.isEmpty)
            if !filter.isEmpty && content.rows.isEmpty && !all.isEmpty {
                content.emptyText = tr(Catalogue.noTownsLeftByTheFilter(keyName(.clearFilter)))
                content.emptyTextInFile = tr(Catalogue.noTownsLeftByTheFilterInFile)
            }
            // The towns the filter could not test, counted with why (fresh user: `b` at 2015年全年 said
            // only "no towns" while Nanhu and Haiyan have no full-year figure).
            content.notes += untestedNotes(all)
            return content
        case .typeList:
            return typesTable()
        case .entityList:
            return entitiesTable()
        case .assessment:
            return assessmentTable()
        case .province:
            return provinceTable()
        case let .city(name):
            return cityTable(name)
        case .reference:
            return referenceTable()
        case .overview:
            return overviewTable()
        case .changes:
            return changesTable()
        case .townPage, .cityTotals, .referencePage, .assessmentNotes, .messages:
            return nil
        }
    }

    /// Each town's plan for the year of `period`, worked out from the figures (`Metrics.figure`,
    /// never the snapshot's): once per year, kept in the memo (`ViewCache.yearPlans`). The plans
    /// the period's table (`periodTable`) starts from when nothing is stored.
    func workedOutYearPlans(_ period: Period) -> ViewCache.YearPlans {
        let year = String(period.year)
        let m = metrics.withoutFormulas
        let towns = dataset.towns
        let withFigures = facts.townsWithFigures
        return cache.yearPlans(year) {
            // Only a town with a figure of the year (a reported plan) or of one of its
            // periods (completed and rate, for a derived plan) can have a plan.
            var candidates = Set(withFigures[year] ?? [])
            for q in dataset.periods where q.year == period.year { candidates.formUnion(withFigures[q.id] ?? []) }
            var plans = ViewCache.YearPlans(
                figures: Array(repeating: nil, count: towns.count),
                shown: Array(repeating: nil, count: towns.count))
            let found = concurrentMap(candidates.sorted(), minimumPerSlice: 512) { i in
                (i, m.figure(towns[i], FigureKey(.planYear, year)))
            }
            for (i, plan) in zip(found.0, found.1) {
                plans.figures[i] = plan
                plans.shown[i] = ShownFigure(plan)
                if plan?.isDerived == true, m.planMayNarrow(towns[i], year: year) { plans.narrowable.append(i) }
            }
            return plans
        }
    }

    /// Every town's figures in the shown period, by position in `dataset.towns`, as
    /// `Metrics.periodFigures` gives them, kept as a table shows them (`TownPeriod`: values
    /// and derived marks, no formula written): worked out once per period, on every core.
    func periodTable() -> PeriodTable {
        guard let period else { return PeriodTable(unknown: dataset.townCount) }
        let p = period.id
        let year = String(period.year)
        let m = metrics.withoutFormulas
        return cache.periodFigures(periodIndex) {
            // Stored in the snapshot this dataset was read from, derived when it was written.
            // Its rows decoded here while the other core gets the year's plans and planned projects.
            let (cache, facts) = (self.cache, self.facts)
            if let derived = facts.derived,
                let stored = derived.periodTableDecodedBeside(p, plans: { year in
                    // Kept apart from the plans worked out here (those hold their figures too).
                    cache.yearPlans("stored " + year) {
                        ViewCache.YearPlans(figures: [], shown: derived.yearPlans(year) ?? [])
                    }.shown
                }, planned: { facts.plannedProjects })
            {
                return stored
            }
            // Every town's record, read here only: a table kept, or stored in the snapshot, needs
            // none (a snapshot's towns were all decoded by every call, wave 41).
            let towns = dataset.towns
            let withFigures = facts.townsWithFigures
            let plans = workedOutYearPlans(period)
            let planned = facts.plannedProjects
            // A town with no figure of the period: its plan and planned projects, nothing else.
            var table = PeriodTable(plans: plans.shown, planned: planned)
            // Its plan as known at the period (`Metrics.yearPlan(_:asOf:given:)`): a derived plan
            // a later period's derivation narrows is worked out again for this period, also for a
            // town without a figure of it.
            // Only a plan resting on two or more derivations may (`YearPlans.narrowable`, few towns).
            let own = withFigures[p] ?? []
            let narrowable = Set(plans.narrowable)
            let later = Set(narrowable).subtracting(own)
            let changed = concurrentMap(own + later.sorted(), minimumPerSlice: 512) { i -> (Int, TownPeriod?) in
                let plan = narrowable.contains(i) ? m.yearPlan(towns[i], asOf: period, given: plans.figures[i])
                    : plans.figures[i]
                if later.contains(i), ShownFigure(plan) == plans.shown[i] { return (i, nil) }
                return (i, TownPeriod(m.periodFigures(towns[i], period: p, year: year, plan: plan)))
            }
            for (i, row) in zip(changed.0, changed.1) { if let row { table.set(i, row) } }
            return table
        }
    }
}
