import Foundation
import TownsCore

/// The rows of a list screen, computed from state: what the table shows and what Enter
/// opens on each row. `update` and the views both use it, so they agree on row counts.
public struct ListContent: Sendable {
    public var columns: [Column]
    /// The body rows, each made when first read (`Rows`).
    public var rows: Rows
    /// What Enter opens on each row (same count and order as `rows`); nil where there is
    /// nothing to open.
    public var targets: Targets
    /// Rows pinned under the table (totals); not selectable.
    public var summary: [TableRow]
    /// Shown when `rows` is empty.
    public var emptyText: String
    /// Lines of explanation drawn under the table.
    public var notes: [String] = []
    /// What the first summary row opens (the city's totals), when it can be selected: the
    /// selection then runs one past the last row.
    public var summaryTarget: Screen.Kind? = nil
    /// How a row sorts by a column without making the row: (the row's position in the
    /// unsorted list, column) -> the key its cell would give; nil, or a nil key, sorts by the
    /// cell as shown (`SortKey.of`).
    public var sortKey: (@Sendable (_ row: Int, _ column: Int) -> SortKey?)? = nil
    /// Natural widths known for some columns over every row without making the rows (column
    /// index -> cells): a towns table's names and counties, the widest of the dataset,
    /// measured once. A list too long to measure in full takes them, so rows scrolling into
    /// view never widen those columns.
    public var knownWidths: [Int: Int] = [:]
    /// What a search looks in for a row, without making the row: the row's position in the
    /// unsorted list -> its search text (`SearchIndex.haystack` of its names); nil: the
    /// haystack of the row's `searchTerms`.
    public var searchText: (@Sendable (Int) -> [UInt8])? = nil

    public init(columns: [Column], rows: Rows, targets: Targets, summary: [TableRow], emptyText: String,
                notes: [String] = [], summaryTarget: Screen.Kind? = nil) {
        self.columns = columns; self.rows = rows; self.targets = targets; self.summary = summary
        self.emptyText = emptyText; self.notes = notes; self.summaryTarget = summaryTarget
    }

    public init(columns: [Column], rows: [TableRow], targets: [Screen.Kind?], summary: [TableRow], emptyText: String,
                notes: [String] = []) {
        self.init(columns: columns, rows: Rows(rows), targets: Targets(targets), summary: summary, emptyText: emptyText, notes: notes)
    }

    /// How many rows the selection can be on: the rows, and the first summary row when it opens.
    public var selectableCount: Int { rows.count + (summaryTarget == nil ? 0 : 1) }

    /// What Enter opens at `selection` (a row's target, or the summary's), if anything.
    public func target(at selection: Int) -> Screen.Kind? {
        if targets.indices.contains(selection) { return targets[selection] }
        return selection == rows.count ? summaryTarget : nil
    }
}

extension AppState {
    /// Whether a consistency check casts doubt on the rate `key` of `town` (nil: the city's
    /// totals): an inconsistency among `findings` flagging it, found by checking that rate alone.
    func flagged(_ town: Town?, _ key: FigureKey) -> Bool {
        checker.isFlagged(key, town: town)
    }

    /// The list `screen` shows, sorted as the screen says (the sorted column's title marked
    /// ▲ or ▼), or nil for a detail page. `update` and the views both use this. Made once per
    /// view, period, glyphs, filter, language and sort, and kept (`ViewCache`).
    public func content(for screen: Screen, glyphs: Glyphs = .unicode) -> ListContent? {
        list(for: screen, glyphs: glyphs)?.content
    }

    /// The cached list `screen` shows, sorted, with its natural column widths.
    func list(for screen: Screen, glyphs: Glyphs) -> ViewCache.List? {
        guard let column = screen.sortColumn else { return cachedList(screen.kind, glyphs: glyphs) }
        var key = listKey(screen.kind, glyphs: glyphs)
        key.sortColumn = column
        key.sortDescending = screen.sortDescending
        return cache.list(key) {
            guard var content = cachedList(screen.kind, glyphs: glyphs)?.content else { return nil }
            guard column < content.columns.count else { return content }
            let order = TableSort.order(content, column: column, descending: screen.sortDescending, index: searchIndex)
            content.rows = content.rows.reordered(order)
            content.targets = content.targets.reordered(order)
            content.columns[column].title += screen.sortDescending ? "▼" : "▲"
            // The column the list is sorted by is never the one dropped for space.
            content.columns[column].priority = max(content.columns[column].priority, 99)
            return content
        }
    }

    /// Rows of the list `screen` shows that match the search, in display order (worked
    /// out once per list and query).
    public func searchMatches(_ screen: Screen? = nil, glyphs: Glyphs = .unicode) -> [Int] {
        guard let q = search?.query, !q.isEmpty, let list = list(for: screen ?? self.screen, glyphs: glyphs) else { return [] }
        return cache.searchMatches(list, query: q, haystack: haystackMaker(list.content))
    }

    /// A row's search text (by position in `content`'s order), from `content.searchText`
    /// when given (no row made), else from the row's `searchTerms`.
    func haystackMaker(_ content: ListContent) -> (Int) -> [UInt8] {
        let index = searchIndex
        return { i in content.searchText?(content.rows.source(i)) ?? index.haystack(content.rows[i].searchTerms) }
    }

    /// The search text of the town at `position` in `dataset.towns` (its names, county's and
    /// entities'), made once per dataset and shared by every list of towns, whatever the
    /// period, filter or sort.
    func townSearchText() -> @Sendable (Int) -> [UInt8] {
        let store = cache.townSearchText
        let index = searchIndex
        let entities = cache.entitiesByID(dataset)
        let rowState = forRows
        return { position in
            store.get(position, count: rowState.dataset.towns.count) {
                index.haystack(rowState.townTerms(rowState.dataset.towns[position], entities: entities))
            }
        }
    }

    /// Datasets with at least this many towns get their names' pinyin and the search text
    /// of the list shown worked out ahead.
    public static let warmPinyinFrom = 1_000

    /// Works out ahead what the next keys are likely to need, so they need not: the
    /// neighbouring periods' town tables (`]` `[`), the pinyin of every town, county and
    /// entity name (sorting by name, search; from `warmPinyinFrom` towns), and the search
    /// text of the list shown (`/`).
    /// With them, the neighbouring periods' lists of the view shown, and the other top views'
    /// lists of the period shown, with their column widths.
    /// The dashboard runs it on a background thread after drawing a frame, while it waits
    /// for a key; a key that needs something being worked out waits for it rather than
    /// working it out twice. Results go into the state's view cache; nothing is shown
    /// differently. Safe to call from any thread, any number of times (cheap once done).
    public func warm(glyphs: Glyphs = .unicode) {
        for i in [periodIndex + 1, periodIndex - 1] where dataset.periods.indices.contains(i) {
            var s = self
            s.periodIndex = i
            _ = s.periodTable()
            if let list = s.list(for: s.screen, glyphs: glyphs) {
                _ = cache.naturalWidths(list, visible: s.screen.scroll..<(s.screen.scroll + Renderer.visibleRows(s)))
            }
        }
        // The other views of the period shown, for their first visit (1-5, Tab).
        for kind in AppState.topViews where kind != screen.kind {
            var s = self
            s.stack = [Screen(kind)]
            if let list = s.list(for: s.screen, glyphs: glyphs) {
                _ = cache.naturalWidths(list, visible: 0..<Renderer.visibleRows(s))
            }
        }
        // Pinyin ahead only where a first search or sort would feel it: ICU's data costs
        // ~5 MB of memory, and a few hundred names take a few milliseconds on demand.
        if dataset.towns.count >= AppState.warmPinyinFrom, !cache.namesWarm {
            for town in dataset.towns {
                for name in [town.nameZH, town.nameEN, town.countyZH, town.countyEN] { _ = searchIndex.forms(name) }
            }
            for entity in dataset.entities { _ = searchIndex.forms(entity.nameZH); _ = searchIndex.forms(entity.nameEN) }
            cache.namesWarm = true
        }
        if dataset.towns.count >= AppState.warmPinyinFrom, let list = list(for: screen, glyphs: glyphs) {
            _ = cache.haystacks(list, haystack: haystackMaker(list.content))
        }
    }

    /// What a list depends on besides the dataset: view, period, glyphs, filter, language.
    func listKey(_ kind: Screen.Kind, glyphs: Glyphs) -> ViewCache.ListKey {
        ViewCache.ListKey(kind: kind, period: periodIndex, glyphs: glyphs, filter: filter, language: language)
    }

    /// The list shown by `kind` in the data's order, or nil for a detail page. Made once per
    /// view, period, glyphs, filter and language and kept (`ViewCache`) while in use.
    public func listContent(_ kind: Screen.Kind, glyphs: Glyphs = .unicode) -> ListContent? {
        cachedList(kind, glyphs: glyphs)?.content
    }

    /// The cached list with its natural column widths.
    func cachedList(_ kind: Screen.Kind, glyphs: Glyphs) -> ViewCache.List? {
        if kind.isPage { return nil }
        return cache.list(listKey(kind, glyphs: glyphs)) { makeListContent(kind, glyphs: glyphs) }
    }

    func makeListContent(_ kind: Screen.Kind, glyphs: Glyphs) -> ListContent? {
        switch kind {
        case .towns:
            return townsTable(filtered(Array(dataset.towns.indices)), withCity: filter.isEmpty, glyphs: glyphs)
        case let .type(n):
            return townsTable(filtered(cache.townsByType(dataset)[n] ?? []), withCity: false, glyphs: glyphs)
        case let .entity(id):
            let positions = id.map { cache.townsByEntity(dataset)[$0] ?? [] } ?? dataset.towns.indices.filter { dataset.towns[$0].entityIDs.isEmpty }
            return townsTable(filtered(positions), withCity: false, glyphs: glyphs)
        case .types:
            return typesTable(glyphs: glyphs)
        case .entities:
            return entitiesTable(glyphs: glyphs)
        case .assessment:
            return assessmentTable(glyphs: glyphs)
        case .province:
            return provinceTable(glyphs: glyphs)
        case let .city(name):
            return cityTable(name, glyphs: glyphs)
        case .town, .cityTotals:
            return nil
        }
    }

    /// Every town's figures in the shown period, by position in `dataset.towns`, as
    /// `Metrics.periodFigures` gives them, kept as a table shows them (`TownPeriod`: values
    /// and derived marks, no formula written): worked out once per period, on every core.
    func periodTable() -> [TownPeriod] {
        guard let period else { return dataset.towns.map { _ in TownPeriod() } }
        let p = period.id
        let year = String(period.year)
        let m = metrics.withoutFormulas
        let towns = dataset.towns
        return cache.periodFigures(periodIndex) {
            let withFigures = cache.townsWithFigures(dataset)
            let plans = cache.yearPlans(year) {
                // Only a town with a figure of the year (a reported plan) or of one of its
                // periods (completed and rate, for a derived plan) can have a plan.
                var candidates = Set(withFigures[year] ?? [])
                for q in dataset.periods where q.year == period.year { candidates.formUnion(withFigures[q.id] ?? []) }
                var plans = ViewCache.YearPlans(figures: Array(repeating: nil, count: towns.count),
                                                shown: Array(repeating: nil, count: towns.count))
                let found = concurrentMap(candidates.sorted(), minimumPerSlice: 512) { i in (i, m.figure(towns[i], FigureKey(.planYear, year))) }
                for (i, plan) in zip(found.0, found.1) {
                    plans.figures[i] = plan
                    plans.shown[i] = ShownFigure(plan)
                }
                return plans
            }
            let planned = cache.plannedProjects(dataset)
            // A town with no figure of the period: its plan and planned projects, nothing else.
            var table = towns.indices.map { i in TownPeriod(planYear: plans.shown[i], projectsPlanned: planned[i]) }
            let changed = concurrentMap(withFigures[p] ?? [], minimumPerSlice: 512) { i in
                (i, TownPeriod(m.periodFigures(towns[i], period: p, year: year, plan: plans.figures[i])))
            }
            for (i, row) in zip(changed.0, changed.1) { table[i] = row }
            return table
        }
    }

    /// This state without its view cache, for the functions that make rows later: a row
    /// maker kept in the cache must not keep the cache alive.
    var forRows: AppState {
        var s = self
        s.cache = ViewCache()
        return s
    }

    /// The provincial list by city: towns listed, the count reported, a bar, and how many
    /// of the city's towns have figures in this dataset.
    func provinceTable(glyphs: Glyphs) -> ListContent {
        guard let list = dataset.province else {
            return ListContent(columns: [Column(tr("城市", "City"))], rows: [], targets: [], summary: [],
                               emptyText: tr("没有全省名单 no province.toml in the dataset", "no province.toml in the dataset"))
        }
        let columns = [
            Column(tr("城市 city", "City"), priority: 100, minWidth: 8, maxWidth: 20),
            Column(tr("小镇", "Towns"), .right, priority: 100),
            Column(tr("报告", "Reported"), .right, priority: 50),
            Column("", priority: 60, flexible: true, minWidth: 6),
            Column(tr("有数据", "With figures"), .right, priority: 80),
        ]
        let maxCount = max(1, list.cities.map { list.towns(in: $0.nameZH).count }.max() ?? 1)
        var rows: [TableRow] = []
        for city in list.cities {
            let towns = list.towns(in: city.nameZH)
            let withFigures = towns.filter { $0.townID != nil }.count
            let reported: TableCell = city.reportedCount.map { n in
                n == towns.count ? .plain(String(n)) : .text("\(n)!", .warning)
            } ?? .text(glyphs.unknown, .unknown)
            rows.append(TableRow([
                .plain(language == .zh ? "\(city.nameZH) \(city.nameEN)" : city.nameEN), .plain(String(towns.count)), reported,
                .bar(fraction: Double(towns.count) / Double(maxCount), role: .barFill, marker: nil),
                withFigures == 0 ? .text(towns.isEmpty ? "" : tr("无 none", "none"), .unknown) : .plain(String(withFigures)),
            ], searchTerms: [city.nameZH, city.nameEN] + towns.map(\.nameZH)))
        }
        let total = TableRow([
            .plain(tr("全省 Province", "Province")), .plain(String(list.listed.count)),
            list.reportedCount.map { .plain(String($0)) } ?? .text(glyphs.unknown, .unknown),
            .plain(""), .plain(String(list.listed.filter { $0.townID != nil }.count)),
        ], role: .totals)
        var note = tr("\(list.nameZH) \(list.nameEN)", list.nameEN)
        if let d = list.date { note += " (\(d))" }
        note += tr(": 小镇 = towns listed in province.toml; 报告 = the count a source reports per city; 有数据 = towns with figures in this dataset.",
                   ": Towns = listed in province.toml; Reported = the count a source reports per city; With figures = towns with figures in this dataset.")
        return ListContent(columns: columns, rows: rows, targets: list.cities.map { .city($0.nameZH) }, summary: [total],
                           emptyText: tr("没有城市 no [[city]] in province.toml", "no [[city]] in province.toml"), notes: [note])
    }

    /// The listed towns of one city; towns with figures open their pages.
    func cityTable(_ name: String, glyphs: Glyphs) -> ListContent {
        let listed = dataset.province?.towns(in: name) ?? []
        let columns = [
            Column(tr("小镇", "Town"), priority: 100, minWidth: 8, maxWidth: 30),
            Column(tr("县市区", "County"), priority: 60),
            Column(tr("数据 figures", "Figures"), priority: 90, maxWidth: 40),
        ]
        let rows = listed.map { t in
            TableRow([.plain(t.nameZH), t.countyZH.map { .plain($0) } ?? .text(glyphs.unknown, .unknown),
                      t.townID != nil ? .plain(tr("有 — Enter 打开 open", "yes — Enter opens")) : .text(tr("无数据 no figures in this dataset", "no figures in this dataset"), .unknown)],
                     searchTerms: [t.nameZH] + (t.countyZH.map { [$0] } ?? []))
        }
        return ListContent(columns: columns, rows: rows, targets: listed.map { $0.townID.map { .town($0) } }, summary: [],
                           emptyText: tr("\(name): 名单中没有小镇 no towns on the list", "\(name): no towns on the list"))
    }

    /// Every town against every rule, with the city's first-year test under the table.
    func assessmentTable(glyphs: Glyphs) -> ListContent {
        let assessment = Assessment(metrics: metrics)
        let rules = dataset.rules
        var columns = [Column(tr("小镇", "Town"), priority: 100, minWidth: 8, maxWidth: 30)]
        for (i, rule) in rules.enumerated() {
            columns.append(Column(language == .zh ? rule.shortZH : Self.ruleShortEN(rule), priority: 90 - i))
        }
        let positions = filtered(Array(dataset.towns.indices))
        let rowState = forRows
        let entities = cache.entitiesByID(dataset)
        let rows = Rows(count: positions.count) { i in
            let town = rowState.dataset.towns[positions[i]]
            return TableRow([.plain(rowState.name(town))] + rules.map { rowState.ruleMark(assessment.evaluate($0, town), glyphs: glyphs) },
                            searchTerms: rowState.townTerms(town, entities: entities))
        }
        var summary: [TableRow] = []
        var notes: [String] = []
        if let city = assessment.cityYearOne() {
            var cells: [TableCell] = [.plain(tr("全市 \(dataset.regionZH)", dataset.regionEN))]
            for rule in rules {
                switch rule.kind {
                case .yearOneMinimum:
                    if let margin = city.margin { cells.append(.text(margin >= 0 ? glyphs.met : glyphs.notMet, margin >= 0 ? nil : .behind)) }
                    else { cells.append(.text(glyphs.undetermined, .unknown)) }
                case .featuredShare:
                    let share = dataset.periods.reversed().compactMap { metrics.total(FigureKey(.featuredShare, $0.id))?.quantity.exactValue }.first
                    if let share { cells.append(.text(share >= rule.number("percent") ? glyphs.met : glyphs.notMet, nil)) }
                    else { cells.append(.text(glyphs.undetermined, .unknown)) }
                default:
                    cells.append(.plain(""))
                }
            }
            summary.append(TableRow(cells, role: .totals))
            var line = tr("全市 \(city.year) 首年最低投资 minimum: ", "\(dataset.regionEN) \(city.year) first-year minimum: ") + city.formula
            if let required = city.required { line += " = \(DecimalMath.text(required, scale: 0))" }
            if let reported = city.reported { line += tr(" (报告 reported ", " (reported ") + FigureText(glyphs: glyphs).text(reported) + ")" }
            if let completed = city.completed { line += tr("; 完成 completed ", "; completed ") + FigureText(glyphs: glyphs).text(completed) }
            if let margin = city.margin { line += "; " + (margin >= 0 ? tr("超出 above by", "above by") : tr("不足 short by", "short by")) + " " + DecimalMath.text(abs(margin), scale: 2) }
            notes.append(line)
        }
        notes.append(tr("\(glyphs.met) 达标 met  \(glyphs.notMet) 未达标 not met  \(glyphs.undetermined) 未知 unknown (the town's page names the missing figure)",
                        "\(glyphs.met) met  \(glyphs.notMet) not met  \(glyphs.undetermined) unknown (the town's page names the missing figure)"))
        var content = ListContent(columns: columns, rows: rows, targets: townTargets(positions),
                                  summary: filter.isEmpty ? summary : [],
                                  emptyText: rules.isEmpty ? tr("没有规则 no rules.toml in the dataset", "no rules.toml in the dataset") : tr("没有小镇 no towns", "no towns"),
                                  notes: notes)
        let text = townSearchText()
        content.searchText = { i in text(positions[i]) }
        return content
    }

    /// A rule's result as a table cell: ✓ met, ✗ not met, ? unknown, or the rule's short text.
    func ruleMark(_ r: RuleResult, glyphs: Glyphs) -> TableCell {
        switch r.status {
        case .met: return .text(glyphs.met, nil)
        case .notMet: return .text(glyphs.notMet, .behind)
        case .unknown: return .text(glyphs.undetermined, .unknown)
        case .info: return .text(language == .zh ? (r.short ?? "·") : (r.short ?? "·").replacingOccurrences(of: "年", with: "y"), .legend)
        }
    }

    /// The towns table: a row per town (`positions` in `dataset.towns`), then totals. Rows
    /// are made when shown; the totals, the sort keys and the search terms come from the
    /// period's figures (`periodTable`) without making rows.
    func townsTable(_ positions: [Int], withCity: Bool, glyphs: Glyphs) -> ListContent {
        let ft = FigureText(glyphs: glyphs)
        let p = period?.id ?? ""
        let year = period.map { String($0.year) } ?? ""
        let columns = [
            Column(tr("小镇", "Town"), priority: 100, minWidth: 8, maxWidth: 30),
            Column(tr("县市区", "County"), priority: 40, maxWidth: 12),
            Column(tr("类型", "Type"), .right, priority: 30),
            Column(tr("年计划", "Plan"), .right, priority: 90),
            Column(tr("完成", "Done"), .right, priority: 95),
            Column(tr("完成率", "Done%"), .right, priority: 95),
            Column(tr("进度", "Progress"), priority: 60, flexible: true, minWidth: 5),
            Column(tr("进度差", "Sched."), .right, priority: 65),
            Column(tr("项目", "Projects"), .right, priority: 70),
            Column(tr("开工率", "Start%"), .right, priority: 50),
        ]
        let facts = periodTable()
        let rowState = forRows
        let entities = cache.entitiesByID(dataset)
        let rows = Rows(count: positions.count) { i in
            let town = rowState.dataset.towns[positions[i]]
            let f = facts[positions[i]]
            let rate = f.completionRate
            return TableRow([
                .plain(rowState.name(town)),
                .plain(rowState.county(town)),
                .plain(String(town.type)),
                ft.value(f.planYear),
                ft.value(f.completed),
                ft.percent(rate, flagged: rowState.flagged(town, FigureKey(.completionRate, p))),
                rowState.bar(rate),
                rowState.variance(rate, glyphs: glyphs),
                rowState.projects(f.projectsStarted, f.projectsPlanned, ft),
                ft.percent(f.startRate, flagged: rowState.flagged(town, FigureKey(.startRate, p))),
            ], searchTerms: rowState.townTerms(town, entities: entities))
        }
        var summary: [TableRow] = []
        if withCity {
            let rate = ShownFigure(metrics.total(FigureKey(.completionRate, p)))
            summary.append(TableRow([
                .plain(tr("全市报告 \(dataset.regionZH)", "\(dataset.regionEN) reported")), .plain(""), .plain(""),
                ft.value(metrics.total(FigureKey(.planYear, year))),
                ft.value(metrics.total(FigureKey(.completed, p))),
                ft.percent(rate, flagged: flagged(nil, FigureKey(.completionRate, p))),
                bar(rate),
                variance(rate, glyphs: glyphs),
                projects(ShownFigure(metrics.total(FigureKey(.projectsStarted, p))), ShownFigure(metrics.total(FigureKey(.projectsPlanned))), ft),
                ft.percent(metrics.total(FigureKey(.startRate, p)), flagged: flagged(nil, FigureKey(.startRate, p))),
            ], role: .totals))
        }
        var plan = Metrics.Tally(), done = Metrics.Tally(), started = Metrics.Tally(), planned = Metrics.Tally()
        for i in positions {
            plan.add(facts[i].planYear)
            done.add(facts[i].completed)
            started.add(facts[i].projectsStarted)
            planned.add(facts[i].projectsPlanned)
        }
        func sumCell(_ s: Metrics.Tally) -> TableCell {
            if s.known == 0 { return .text(glyphs.unknown, .unknown) }
            let text = DecimalMath.text(s.sum, scale: s.decimals)
            return s.derived == 0 ? .plain(text) : .text(glyphs.derived + text, .derived)
        }
        func countCell(_ s: Metrics.Tally) -> TableCell { .text("\(s.known)/\(s.count)", .legend) }
        func projectSum(_ a: Metrics.Tally, _ b: Metrics.Tally) -> TableCell {
            let left = a.known == 0 ? glyphs.unknown : (a.derived == 0 ? "" : glyphs.derived) + DecimalMath.text(a.sum, scale: 0)
            let right = b.known == 0 ? glyphs.unknown : (b.derived == 0 ? "" : glyphs.derived) + DecimalMath.text(b.sum, scale: 0)
            return .text("\(left)/\(right)", (a.derived == 0 && b.derived == 0) ? nil : .derived)
        }
        let label = withCity ? tr("已知小镇合计", "Sum of known")
            : (filter.isEmpty ? tr("小计（已知）", "Subtotal (known)") : tr("小计（筛选后，已知）", "Subtotal (filtered, known)"))
        summary.append(TableRow([.plain(label), .plain(""), .plain(""), sumCell(plan), sumCell(done), .plain(""), .plain(""), .plain(""),
                                 projectSum(started, planned), .plain("")], role: .totals))
        summary.append(TableRow([.text(tr("  有数据的小镇", "  towns with figures"), .legend), .plain(""), .plain(""),
                                 countCell(plan), countCell(done), .plain(""), .plain(""), .plain(""), .plain(""), .plain("")], role: .legend))
        var content = ListContent(columns: columns, rows: rows, targets: townTargets(positions), summary: summary,
                                  emptyText: tr("没有小镇 no towns", "no towns"))
        if withCity { content.summaryTarget = .cityTotals }
        let names = cache.townTextWidths(dataset, language: language)
        content.knownWidths = [0: names.name, 1: names.county]
        if positions.count > ViewCache.widthSample {
            // A figure column's widest cell is, nearly always, that of its largest or
            // smallest value: measure those rows as well, so that sorting by a column (which
            // brings them on screen) does not widen it and push others out.
            var extremes = Set<Int>()
            for pick in [{ (f: TownPeriod) in f.planYear }, { $0.completed }, { $0.completionRate }, { $0.projectsStarted }, { $0.startRate }] {
                var low: (value: Decimal, row: Int)?, high: (value: Decimal, row: Int)?
                for (row, position) in positions.enumerated() {
                    guard let q = pick(facts[position])?.quantity else { continue }
                    let v: Decimal
                    switch q {
                    case let .exact(x, _): v = x
                    case let .moreThan(b): v = b
                    }
                    if low == nil || v < low!.value { low = (v, row) }
                    if high == nil || v > high!.value { high = (v, row) }
                }
                for found in [low, high] { if let found { extremes.insert(found.row) } }
            }
            let measured = TableLayout.naturalWidths(columns: columns, rows: [extremes.sorted().map { rows[$0] }])
            for column in 2..<columns.count { content.knownWidths[column] = measured[column] }
        }
        let index = searchIndex
        content.sortKey = { row, column in
            let town = rowState.dataset.towns[positions[row]]
            let f = facts[positions[row]]
            switch column {
            case 0: return SortKey.of(.plain(rowState.name(town)), index: index)
            case 1: return SortKey.of(.plain(rowState.county(town)), index: index)
            case 2: return .number(Double(town.type))
            case 3: return SortKey.of(f.planYear)
            case 4: return SortKey.of(f.completed)
            case 5: return SortKey.of(f.completionRate)
            case 6: return f.completionRate?.quantity.exactValue.map { .number(DecimalMath.double($0) / 100) } ?? .unknown
            case 7: return rowState.period.flatMap { rowState.metrics.scheduleVarianceValue(rate: f.completionRate?.quantity, period: $0) }
                        .map { .number(DecimalMath.double($0)) } ?? .unknown
            case 8: return SortKey.of(f.projectsStarted)
            case 9: return SortKey.of(f.startRate)
            default: return nil
            }
        }
        let text = townSearchText()
        content.searchText = { i in text(positions[i]) }
        return content
    }

    /// The pages of the towns at `positions` in `dataset.towns`, worked out when asked.
    func townTargets(_ positions: [Int]) -> Targets {
        let towns = dataset.towns
        return Targets(count: positions.count) { .town(towns[positions[$0]].id) }
    }

    /// What a search matches a town by: its names, its county's, and its entities'.
    func townTerms(_ town: Town, entities: [String: OperatingEntity]) -> [String] {
        var terms = [town.nameZH, town.nameEN, town.countyZH, town.countyEN]
        for id in town.entityIDs {
            if let e = entities[id] { terms += [e.nameZH, e.nameEN] }
        }
        return terms
    }

    /// A completion bar with the expected-by-now mark at the share of the year elapsed.
    func bar(_ rate: ShownFigure?) -> TableCell {
        let marker = period.map { Double($0.through) / 12 }
        guard let v = rate?.quantity.exactValue else { return .bar(fraction: nil, role: .barFill, marker: nil) }
        let behind = period.map { DecimalMath.double(v) < $0.elapsedPercent } ?? false
        return .bar(fraction: DecimalMath.double(v) / 100, role: behind ? .behind : (rate!.isDerived ? .derived : .barFill), marker: marker)
    }

    /// Schedule variance in percentage points, "+17.7" or "-2.1▼" (behind schedule).
    func variance(_ rate: ShownFigure?, glyphs: Glyphs) -> TableCell {
        guard let period, let x = metrics.scheduleVarianceValue(rate: rate?.quantity, period: period) else {
            return .text(glyphs.unknown + " ", .unknown)
        }
        let text = DecimalMath.text(x, scale: 1)
        if x < 0 { return .text(text + glyphs.behind, .behind) }
        return .text((x > 0 ? "+" : "") + text + " ", nil)
    }

    func projects(_ started: ShownFigure?, _ planned: ShownFigure?, _ ft: FigureText) -> TableCell {
        func t(_ f: ShownFigure?) -> String {
            guard case let .text(s, _) = ft.value(f) else { return "" }
            return s
        }
        let derived = (started?.isDerived ?? false) || (planned?.isDerived ?? false)
        let role: Role? = derived ? .derived : (started == nil && planned == nil ? .unknown : nil)
        return .text("\(t(started))/\(t(planned))", role)
    }

    /// The four development types, each with its towns and subtotals of known figures.
    func typesTable(glyphs: Glyphs) -> ListContent {
        let year = period.map { String($0.year) } ?? ""
        let columns = [
            Column(tr("类型", "Type"), .right, priority: 100),
            Column(tr("名称", "Name"), priority: 100, minWidth: 8, maxWidth: 34),
            Column(tr("小镇", "Towns"), .right, priority: 90),
            Column(tr("\(year)计划(已知)", "\(year) plan (known)"), .right, priority: 80),
            Column(tr("完成(已知)", "Done (known)"), .right, priority: 80),
            // 36 columns: two names; beside the subtotals, the list fits in 120 at province scale too.
            Column(tr("小镇名单", "Town list"), priority: 50, minWidth: 8, maxWidth: 36),
        ]
        let facts = periodTable()
        let byType = cache.townsByType(dataset)
        var rows: [TableRow] = []
        for type in dataset.types {
            let positions = byType[type.number] ?? []
            var plan = Metrics.Tally(), done = Metrics.Tally()
            for i in positions {
                plan.add(facts[i].planYear)
                done.add(facts[i].completed)
            }
            rows.append(TableRow([
                .plain(String(type.number)), .plain(tr(type.nameZH, type.nameEN)), .plain(String(positions.count)),
                subtotal(plan, glyphs), subtotal(done, glyphs),
                .plain(nameList(positions, width: columns[5].maxWidth)),
            ]))
        }
        var content = ListContent(columns: columns, rows: rows, targets: dataset.types.map { .type($0.number) }, summary: [],
                                  emptyText: tr("没有类型 no development types in types.toml", "no development types in types.toml"))
        let types = dataset.types, towns = dataset.towns
        let index = searchIndex
        content.searchText = { i in
            index.haystack([types[i].nameZH, types[i].nameEN] + (byType[types[i].number] ?? []).flatMap { [towns[$0].nameZH, towns[$0].nameEN] })
        }
        return content
    }

    /// "Σ 9.3 (1/2)": the sum of the towns' known figures and how many are known.
    func subtotal(_ s: Metrics.Tally, _ glyphs: Glyphs) -> TableCell {
        if s.known == 0 { return .text("\(glyphs.unknown) (0/\(s.count))", .unknown) }
        let text = "\(s.derived == 0 ? "" : glyphs.derived)\(DecimalMath.text(s.sum, scale: s.decimals)) (\(s.known)/\(s.count))"
        return .text(text, s.derived == 0 ? nil : .derived)
    }

    /// The names of the towns at `positions` (in `dataset.towns`) joined
    /// ("海宁皮革时尚小镇、南湖基金小镇"), as many as fit in `width` cells, then how many more
    /// ("… 等 2,497 个" / "… and 2,497 more"): a type of 2,500 towns is not written out in
    /// full for a cell that shows 60 columns.
    func nameList(_ positions: [Int], width: Int) -> String {
        let separator = tr("、", ", ")
        func more(_ n: Int) -> String { tr("… 等 \(n) 个", "… and \(n) more") }
        var out = ""
        var used = 0
        var fitted: (text: String, count: Int)?  // the longest start that fits with its "more"
        for (i, position) in positions.enumerated() {
            let piece = (i == 0 ? "" : separator) + name(dataset.towns[position])
            used += DisplayWidth.of(piece)
            if used > width { break }
            out += piece
            if i == positions.count - 1 { return out }
            if used + DisplayWidth.of(more(positions.count - i - 1)) <= width { fitted = (out, i + 1) }
        }
        guard let fitted else { return more(positions.count) }
        return fitted.text + more(positions.count - fitted.count)
    }

    /// The operating entities, each with its kind, mode, how many towns it operates and
    /// their names; a last row for towns whose source names no entity. Rows are made when shown.
    func entitiesTable(glyphs: Glyphs) -> ListContent {
        let columns = [
            Column(tr("运营主体", "Operating entity"), priority: 100, minWidth: 8, maxWidth: 34),
            Column(tr("性质", "Kind"), priority: 40, maxWidth: 16),
            Column(tr("模式", "Mode"), priority: 60),
            Column(tr("数量", "Count"), .right, priority: 70),
            // 40 columns: with a 34-column name and the count, the list fits in 80.
            Column(tr("小镇", "Towns"), priority: 90, minWidth: 8, maxWidth: 40),
        ]
        let byEntity = cache.townsByEntity(dataset)
        let entities = dataset.entities
        let unnamed = dataset.towns.indices.filter { dataset.towns[$0].entityIDs.isEmpty }
        let rowState = forRows
        let listWidth = columns[4].maxWidth
        @Sendable func towns(_ positions: [Int]) -> [Town] { positions.map { rowState.dataset.towns[$0] } }
        let rows = Rows(count: entities.count + (unnamed.isEmpty ? 0 : 1)) { i in
            guard i < entities.count else {
                let list = towns(unnamed)
                return TableRow([.text(rowState.tr("（来源未载明运营主体）", "(the source names no entity)"), .unknown), .text(glyphs.unknown, .unknown),
                                 .text(glyphs.unknown, .unknown), .plain(String(unnamed.count)), .plain(rowState.nameList(unnamed, width: listWidth))],
                                searchTerms: list.flatMap { [$0.nameZH, $0.nameEN] })
            }
            let entity = entities[i]
            let positions = byEntity[entity.id] ?? []
            let list = towns(positions)
            let modes = Set(list.compactMap(\.mode)).sorted { $0.rawValue < $1.rawValue }
            return TableRow([
                .plain(rowState.tr(entity.nameZH, entity.nameEN)),
                entity.kind.map { .plain($0 == "central state-owned enterprise" ? rowState.tr("央企", "central SOE") : $0) } ?? .text(glyphs.unknown, .unknown),
                modes.isEmpty ? .text(glyphs.unknown, .unknown) : .plain(modes.map { rowState.language == .zh ? Self.modeName($0) : $0.rawValue }.joined(separator: "/")),
                .plain(String(list.count)),
                list.isEmpty ? .text(glyphs.unknown, .unknown) : .plain(rowState.nameList(positions, width: listWidth)),
            ], searchTerms: [entity.nameZH, entity.nameEN] + list.flatMap { [$0.nameZH, $0.nameEN, $0.countyZH] })
        }
        let targets = Targets(count: entities.count + (unnamed.isEmpty ? 0 : 1)) { i in i < entities.count ? .entity(entities[i].id) : .entity(nil) }
        return ListContent(columns: columns, rows: rows, targets: targets, summary: [],
                           emptyText: tr("没有运营主体 no operating entities in entities.toml", "no operating entities in entities.toml"))
    }

    /// A rule's column title in English (a few letters).
    static func ruleShortEN(_ rule: Rule) -> String {
        switch rule.kind {
        case .yearOneMinimum: return "Yr1"
        case .creationMinimum: return "3yr"
        case .creationPeriod: return "Term"
        case .featuredShare: return "Feat"
        case .plannedArea: return "Area"
        case .builtArea: return "Built"
        case .scenicRating: return "Scenic"
        case .visitors: return "Visit"
        case .landReward: return "Land+"
        case .landDeduction: return "Land-"
        }
    }

    static func modeName(_ mode: OperatingMode) -> String {
        switch mode {
        case .groupLed: return "集团引领"
        case .joint: return "联合投资"
        }
    }
}

