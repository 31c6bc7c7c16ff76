import Foundation
import TownsCore

extension AppState {
    /// The changes view (变化, issue 14 point 2): what changed in the data between the previous
    /// period of the same year and the period shown (`Changes`), one row a figure: whose, which
    /// measure, how (new, rose, fell, corrected, other basis, no longer reported), the figure
    /// before and now, Δ (derived, `≈`) and the source of the change (section and source title;
    /// an import's title names its sheet and the date it was imported). `[` `]` move the pair
    /// of periods with the period shown; `:changes FROM` chooses the earlier one (`changesPair`).
    /// Enter opens the town's page (the city's totals for
    /// the city's rows). A filter lists only its towns' changes and leaves the city's out
    /// (a note says so); a search matches the towns' names and the measures. `given`: every
    /// town's changes against the previous period as a snapshot stores them, when being written
    /// (`viewSampleMeasures`); nil: as the snapshot read stores them, else worked out.
    func changesTable(stored given: DerivedChanges? = nil) -> ListContent {
        // An imported sheet's name in a source cell (`sourceText`): cut in the middle where the
        // column is narrower, so its month stays (`line 3 jiax…2015-10.csv`, not `line 3 jiaxing-…`).
        let sheets = dataset.sources.filter { $0.key.hasPrefix("import-") }.compactMap {
            Self.importedSheetName($0.value.title)
        }
        var source = Column(tr(Catalogue.sourceColumn), priority: 60, minWidth: 8, maxWidth: 60)
        if !sheets.isEmpty { source.cutInMiddle = { text in sheets.contains { text.hasSuffix($0) } } }
        // In print (exports, `towns report`) the source is whole, as a name column is: the text form
        // cut an import's title at 60 cells, its date lost, whatever `--width` (wave 22, F5).
        // Where a report's `--width` cuts the table, the source goes first and comes back cut to the room
        // left, the towns and measures whole (priority below `TableLayout.shrinkNamesBefore`: at 60 the
        // names gave up their width first, `海宁皮革时尚小…`).
        if printed { (source.names, source.priority) = (true, TableLayout.shrinkNamesBefore - 1) }
        // The measure whole in print too: `完成率（Δ：百分…` lost the Δ's unit, points, in `towns report
        // --view changes` at its default width (wave 33's fresh user).
        var measure = Column(tr(Catalogue.measureColumn), priority: 90, maxWidth: 16)
        // Its width in print is its own (the longest, `completion rate (Δ in points)`, 29 cells).
        if printed { (measure.names, measure.maxWidth) = (true, 40) }
        let columns = [
            // The names as drawn: English names are longer than Chinese ones (measured for Chinese,
            // `Haining Leather Fas…` was cut at 20 cells in English and under LANG=C).
            Column(tr(Catalogue.town), priority: 100, minWidth: 8, maxWidth: language == .zh ? 20 : 30),
            measure,
            Column(tr(Catalogue.changeColumn), priority: 95, maxWidth: 14),
            Column(tr(Catalogue.beforeColumn), .right, priority: 80),
            Column(tr(Catalogue.afterColumn), .right, priority: 85),
            Column("Δ", .right, priority: 88),
            // The source gives way first and comes back with what is left (at least 8 cells).
            source,
        ]
        guard let period else {
            return ListContent(columns: columns, rows: [], targets: [], summary: [], emptyText: tr(Catalogue.noTowns))
        }
        guard let pair = changesPair else {
            return ListContent(
                columns: columns, rows: [], targets: [], summary: [],
                emptyText: tr(Catalogue.noChangesBefore(label(period))) + screenHint(Catalogue.changePeriodHint))
        }
        let from = pair.from
        // Every town's changes against the previous period: stored in the snapshot (in order,
        // each row made when shown), else worked out here.
        let stored = given ?? (filter.isEmpty
            ? facts.derived?.views.changes(period.id).flatMap { $0.from == from.id ? $0 : nil } : nil)
        let rowState = rowContext
        let towns = dataset.towns
        let count: Int, unchanged: Int
        let entry: @Sendable (Int) -> (position: Int?, item: Changes.Item?)
        // A row's town (by position in `dataset.towns`; nil: the city's), without its item worked out:
        // what the row opens (`targets`), read for a whole list when its targets are indexed.
        let owner: @Sendable (Int) -> Int?
        if let stored {
            owner = { stored.items[$0].owner }
            let totals = Figures(dataset.totals), m = metrics
            (count, unchanged) = (stored.items.count, stored.unchanged)
            entry = { i in
                let e = stored.items[i]
                let figures = e.owner.map { towns[$0].figures } ?? totals
                let item = Changes.item(m, owner: e.owner.map { towns[$0].id }, figures, e.measure, from: from,
                                        to: period)
                return (e.owner, item)
            }
        } else {
            let changes = Changes(metrics, from: from, to: period)
            let shown = Set(filtered(dataset.towns).map(\.id))
            let items = changes.items.filter { $0.town.map { shown.contains($0) } ?? filter.isEmpty }
            // By the index of ids (`Dataset.town` looks through every town: seconds at 10,000 towns).
            let byID = facts.townIndex
            let positions = items.map { $0.town.flatMap { byID[$0] } }
            (count, unchanged) = (items.count, changes.unchanged)
            entry = { i in (positions[i], items[i]) }
            owner = { positions[$0] }
        }
        // Whether a row says `featured inv.` (English): the note then spells it out.
        let abbreviates = language == .en && (stored.map { $0.items.contains { $0.measure == .featuredInvestment } }
            ?? (0..<count).contains { entry($0).item?.measure == .featuredInvestment })
        let entities = facts.entitiesByID
        let wholeSources = printed  // exports and `y` name an import's source in full
        let rows = Rows(count: count) { i in
            let (position, found) = entry(i)
            let town = position.map { towns[$0] }
            guard let item = found else { return TableRow(Array(repeating: .plain(""), count: 7)) }
            return rowState.changeRow(item, town: town, from: from, to: period, entities: entities,
                                      wholeSources: wholeSources, withUnits: wholeSources)
        }
        let targets = Targets(count: count) { i in owner(i).map { .townPage(towns[$0].id) } ?? .cityTotals }
        var between = CellText(tr(Catalogue.changesBetween(label(from), label(period))))
        if let unchanged = Catalogue.unchangedCount(unchanged) { between += "  " + CellText(tr(unchanged)) }
        var notes: [CellText] = [between]
        // Before the long note, so that a short screen cuts that rather than this.
        if pair.chosenIgnored, let id = session.changesFrom {
            notes.append(CellText(tr(Catalogue.chosenPeriodIgnored(id)) + screenHint(Catalogue.changesPrevHint)))
        }
        notes.append(CellText(tr(Catalogue.changesNote) + (abbreviates ? tr(Catalogue.featuredInvNote) : "")
            + screenHint(Catalogue.changesKeysHint)))
        if !filter.isEmpty { notes.append(CellText(tr(Catalogue.cityLeftOutFiltered))) }
        var content = ListContent(
            columns: columns, rows: rows, targets: targets, summary: [], emptyText: tr(Catalogue.nothingChanged),
            notes: notes)
        // Δ sorts within each unit (亿元, then points, then counts...), never 亿元 against points
        // (wave 23): the unit's rank before the value; a new or unknown Δ sorts as its cell.
        content.sortKey = { row, column in
            guard column == 5, let item = entry(row).item, let d = item.delta?.quantity.exactValue else { return nil }
            let rank: Double
            switch item.measure.unit {
            case .yi: rank = 0
            case .percent: rank = 1
            case .count: rank = 2
            case .squareKilometres: rank = 3
            case .mu: rank = 4
            }
            return .number(rank * 1e12 + DecimalMath.double(d))
        }
        // Each row's two figures, cited by an export (`exportSources`), and the pair of periods in
        // the before and after columns' titles, as the period shown and its unit are not in a CSV
        // forwarded alone: `之前（2015年1-8月）` (wave 25's second fresh user, G7).
        content.rowFigures = { row in entry(row).item.map { [$0.before, $0.after].compactMap { $0 } } ?? [] }
        content.exportTitles = [3: titleWithUnit(columns[3].title, Bilingual(label(from), label(from))),
                                4: titleWithUnit(columns[4].title, Bilingual(label(period), label(period)))]
        // The sampled rows' widths as the snapshot stores them (`storedViewSample`): none made.
        content.sampleMeasure = storedViewSample(.changes, from: from.id, columns: columns.count)
        return content
    }
}

extension ShownFacts {
    /// The changes view's row of `item` (a figure of `town`, nil: the city's totals) between
    /// `from` and `to`: whose, which measure, how, before, after, Δ, source (`sourceText`;
    /// `wholeSources`: an import's whole title, as exports write it). `withUnits` (exports, `y`):
    /// the measure names the unit its row's figures do not write, as no column title can (each
    /// row its own unit): `完成投资（亿元）`, `完成率（Δ：百分点）` (wave 24's fresh user, F10).
    func changeRow(_ item: Changes.Item, town: Town?, from: Period, to: Period,
                   entities: [String: OperatingEntity], wholeSources: Bool = false,
                   withUnits: Bool = false) -> TableRow {
        let dataset = facts.dataset
        let ft = FigureText()
        func value(_ f: Figure?, _ m: Measure, _ flag: Bool) -> TableCell {
            m.unit == .percent ? ft.percent(f, flagged: flag) : ft.value(f, flagged: flag)
        }
        let who = town.map(name) ?? tr(Catalogue.regionRow(dataset.regionZH, dataset.regionEN))
        let kind: TableCell
        switch item.kind {
        // The mark apart from its word: ASCII draws ✦ as a letter, `n new`, not `nnew` (w11-fixa).
        case .appeared: kind = .text("\(Mark.newSince) " + CellText(tr(Catalogue.kind(item.kind))), nil)
        case .fell, .corrected: kind = .text(CellText(tr(Catalogue.kind(item.kind))), .warning)
        // Unknown now, not 0 and not behind: drawn as unknown is (never the behind/warning red).
        case .gone: kind = .text(CellText(tr(Catalogue.kind(item.kind))), .unknown)
        case .otherBasis: kind = .text("\(Mark.basis)" + CellText(tr(Catalogue.kind(item.kind))), .legend)
        default: kind = .plain(tr(Catalogue.kind(item.kind)))
        }
        // A figure a check casts doubt on keeps its `!` here as in the towns view; so does Δ
        // (`Checker.isFlagged(change:)`, the one place every view asks).
        let flagBefore = item.before != nil && flagged(town, FigureKey(item.measure, from.id))
        let flagAfter = item.after != nil && flagged(town, FigureKey(item.measure, to.id))
        let delta = DeltaColumns.cell(
            item.delta,
            flagged: facts.checker.isFlagged(change: item.measure, town: town, from: from, to: to))
        let terms = town.map { townTerms($0, entities: entities) }
            ?? [dataset.regionZH, dataset.regionEN, Catalogue.whole(dataset.regionZH), "city"]
        return TableRow(
            [.plain(who), .plain(withUnits ? measureWithUnit(item.measure) : tr(Catalogue.measureColumnName(item.measure))),
             kind,
             value(item.before, item.measure, flagBefore), value(item.after, item.measure, flagAfter), delta,
             .text(CellText(sourceText(item.sourced, whole: wholeSources)), .legend)],
            searchTerms: terms + [Catalogue.measureName(item.measure).zh, Catalogue.measureName(item.measure).en])
    }

    /// The measure's name with the unit its figures are written in where they do not write it
    /// (amounts: the dataset's, 亿元; areas), or, for a rate (written with `%`), its Δ's points.
    func measureWithUnit(_ measure: Measure) -> String {
        let name = Catalogue.measureName(measure)
        let unit: Bilingual?
        switch measure.unit {
        case .yi: unit = Catalogue.amountUnit(facts.dataset.unit)
        case .percent: unit = Bilingual("Δ：\(Catalogue.pointsUnit.zh)", "Δ in \(Catalogue.pointsUnit.en)")
        case .squareKilometres: unit = Bilingual("平方公里", "km²")
        case .mu: unit = Bilingual("亩", "mu")
        case .count: unit = nil
        }
        guard let unit else { return tr(name) }
        return tr(Bilingual("\(name.zh)（\(unit.zh)）", "\(name.en) (\(unit.en))"))
    }

    /// Where a figure comes from, in a cell: the section (`at`) and the source's title, or for
    /// an import its sheet's file name ("line 3 monthly-2015-10.csv": the title's "月报 monthly
    /// sheet 2015-10: " before the name left the name itself cut off); or the kind of working for
    /// a figure not reported. `whole` (exports, `y`): the import's whole title, its date too.
    /// A sheet's name wider than the column is cut in the middle, its month kept (`Column.cutInMiddle`).
    func sourceText(_ figure: Figure?, whole: Bool = false) -> String {
        guard let figure else { return "" }
        switch figure.provenance {
        case let .reported(source, at, _, _):
            let title = facts.dataset.sources[source]?.title ?? source
            let shown = !whole && source.hasPrefix("import-") ? Self.importedSheetName(title) ?? title : title
            return [at, shown].compactMap { $0 }.joined(separator: " ")
        case .derived: return tr("推算", "derived")
        case .interpreted: return tr("解读", "interpreted")
        }
    }

    /// The sheet's file name in the title `towns import` writes for its source
    /// ("月报 monthly sheet 2015-10: NAME, imported 2026-12-02 13:14"), or nil for another title.
    static func importedSheetName(_ title: String) -> String? {
        guard title.hasPrefix("月报 monthly sheet "), let colon = title.range(of: ": "),
            let imported = title.range(of: ", imported ", options: .backwards), colon.upperBound < imported.lowerBound
        else { return nil }
        return String(title[colon.upperBound..<imported.lowerBound])
    }
}
