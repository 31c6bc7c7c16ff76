import Foundation
import TownsCore

extension AppState {
    /// The fewest cells the towns view's bar shrinks to before it gives way (at 60x14 it is
    /// that or no bar): 5 cells still show a fill against the `│` of expected-by-now.
    static let narrowestBar = 5

    /// The towns table: a row per town (`positions` in `dataset.towns`), then totals. Rows
    /// are made when shown; the totals, the sort keys and the search terms come from the
    /// period's figures (`periodTable`) without making rows.
    func townsTable(_ positions: [Int], withCity: Bool) -> ListContent {
        let ft = FigureText()
        let p = period?.id ?? ""
        let year = period.map { String($0.year) } ?? ""
        let columns = [
            Column(tr(Catalogue.town), priority: 100, minWidth: 8, maxWidth: 30),
            Column(tr(Catalogue.county), priority: 40, maxWidth: 12),
            Column(tr(Catalogue.type2), .right, priority: 30),
            Column(tr(Catalogue.plan2), .right, priority: 90),
            Column(tr(Catalogue.done), .right, priority: 95),
            // Presenting, the rate (its `▼`) stays before the names are whole (60x14 in English).
            Column(tr(Catalogue.done2), .right, priority: 95).namesGivingWayWhole(session.presentation),
            Column(tr(Catalogue.progress), priority: session.presentation ? 96 : 60, flexible: true,
                   minWidth: session.presentation ? Session.presentationBarWidth : 15)
                .narrowest(session.presentation ? nil : Self.narrowestBar)
                .titled(short: tr(Catalogue.progressShort)),
            // Presenting, 进度差 is left out at every width (the rate carries its `▼`): at 100
            // columns it showed, and `-2.1▼` beside `42.5%▼` said behind twice (wave 21).
            Column(tr(Catalogue.sched), .right, priority: 65).leftOut(session.presentation),
            // Projects give way before Δ完成 (59): at 80x24 in English the meeting's Δ stays.
            Column(tr(Catalogue.projects), .right, priority: 54),
            Column(tr(Catalogue.start), .right, priority: 50),
        ] + DeltaColumns.columns(self)
        let deltas = DeltaColumns(self)
        // The presentation layout leaves 进度差 out: the rate keeps its ▼ (colour is never the only signal).
        let presenting = session.presentation
        let facts = periodTable()
        let rowState = rowContext
        let sharedFacts = self.facts  // the entities' index asked for by a row made, not by the list
        let rows = Rows(count: positions.count) { i in
            let town = rowState.dataset.town(at: positions[i])
            let f = facts[positions[i]]
            let rate = f.completionRate
            // A plan the reports up to the period shown do not give (a later period's): `?` on it
            // and on a rate worked out over it, as on its undecided verdict (`markedLater`).
            let later = f.planYear != nil && rowState.planFromLater(town)
            return TableRow(
                [
                    .plain(rowState.name(town)),
                    .plain(rowState.county(town)),
                    .plain(String(town.type)),
                    rowState.markedLater(
                        ft.value(f.planYear, flagged: rowState.flagged(town, FigureKey(.planYear, year))),
                        when: later),
                    ft.value(f.completed, flagged: rowState.flagged(town, FigureKey(.completed, p))),
                    rowState.markedLater(
                        rowState.markedBehind(
                            ft.percent(rate, flagged: rowState.flagged(town, FigureKey(.completionRate, p))), rate,
                            when: presenting, town: town),
                        when: later && rate?.isDerived == true),
                    rowState.bar(rate, town: town),
                    rowState.variance(rate, town: town),
                    rowState.projects(f.projectsStarted, f.projectsPlanned, ft),
                    ft.percent(f.startRate, flagged: rowState.flagged(town, FigureKey(.startRate, p))),
                ] + deltas.cells(town, at: positions[i]),
                searchTermsMadeBy: { rowState.townTerms(town, entities: sharedFacts.entitiesByID) })
        }
        var summary: [TableRow] = []
        if withCity {
            let rate = ShownFigure(metrics.total(FigureKey(.completionRate, p)))
            summary.append(
                TableRow(
                    [
                        cityRowLabel(p), .plain(""),
                        .plain(""),
                        ft.value(
                            period.flatMap { metrics.totalYearPlan(asOf: $0) },
                            flagged: flagged(nil, FigureKey(.planYear, year))),
                        ft.value(
                            metrics.total(FigureKey(.completed, p)), flagged: flagged(nil, FigureKey(.completed, p))),
                        markedBehind(
                            ft.percent(rate, flagged: flagged(nil, FigureKey(.completionRate, p))), rate,
                            when: presenting),
                        bar(rate),
                        variance(rate, town: nil),
                        projects(
                            ShownFigure(metrics.total(FigureKey(.projectsStarted, p))),
                            ShownFigure(metrics.total(FigureKey(.projectsPlanned))), ft),
                        ft.percent(
                            metrics.total(FigureKey(.startRate, p)), flagged: flagged(nil, FigureKey(.startRate, p))),
                    ] + deltas.cells(nil), role: .totals))
        }
        let every = positions.count == dataset.townCount && filter.isEmpty
        // Every town's, the stored filter's (`storedFilteredTable`) or a development type's
        // (`storedTypeTable`), as the snapshot stores them.
        let stored = every ? nil : storedFilteredTable(positions).map { (sums: $0.sums, extremes: $0.extremes) }
            ?? storedTypeTable(positions)
        let sums = (every ? self.facts.derived?.sums(p).flatMap(TownSums.init(stored:)) : stored?.sums)
            ?? TownSums(facts, positions: positions)
        let (started, planned, leftOut) = (sums.started, sums.planned, sums.leftOut)
        // Plan, completed, their rate and bar over the same towns (`TownSums`), the group's cells.
        let both = groupCells(sums.progress(members: positions.count), flagged: sumFlags(positions))
        func projectSum(_ a: Metrics.Tally, _ b: Metrics.Tally) -> TableCell {
            let left: CellText =
                a.known == 0
                ? "\(Mark.unknown)" : "\(a.derived == 0 ? nil : Mark.derived)\(DecimalMath.text(a.sum, scale: 0))"
            let right: CellText =
                b.known == 0
                ? "\(Mark.unknown)" : "\(b.derived == 0 ? nil : Mark.derived)\(DecimalMath.text(b.sum, scale: 0))"
            return .text("\(left)/\(right)", (a.derived == 0 && b.derived == 0) ? nil : .derived)
        }
        func countCell(_ covered: Int) -> TableCell { .text("\(covered)/\(positions.count)", .legend) }
        let label =
            withCity
            ? tr(Catalogue.sumOfKnown)
            : (filter.isEmpty ? tr(Catalogue.subtotalKnown) : tr(Catalogue.subtotalFilteredKnown))
        // A list the filter (or a type, an entity) leaves empty has nothing to sum: no sum row of
        // `—` and no `0/0` of towns counted (wave 43's fresh user read `— — —/—` and `0/0` under
        // `筛选后没有小镇（c 清除筛选）`); the city's reported row, a report and not a sum, stays.
        if !positions.isEmpty {
            summary.append(
                TableRow(
                    [
                        .plain(label), .plain(""), .plain(""), both.plan, both.done, both.rate, both.bar,
                        .plain(""),
                        projectSum(started, planned), .plain(""), .plain(""), .plain(""), .plain(""),
                    ], role: .totals))
            summary.append(
                TableRow(
                    [
                        .text(CellText(tr(Catalogue.townsInTheSums)), .legend), .plain(""), .plain(""),
                        countCell(sums.plan.known), countCell(sums.done.known), .plain(""), .plain(""), .plain(""),
                        countCell(started.known), .plain(""), .plain(""), .plain(""), .plain(""),
                    ], role: .legend))
        }
        var content = ListContent(
            columns: columns, rows: rows, targets: townTargets(positions), summary: summary,
            emptyText: tr(Catalogue.noTowns))
        // What the same-towns rule leaves out of the plan and completed sums, said under the table.
        let planAlone = sums.planAlone.known + sums.planAlone.bounded
        let doneAlone = sums.doneAlone.known + sums.doneAlone.bounded
        if planAlone + doneAlone > 0 {
            content.noteColumns[content.notes.count] = 3  // the plan column, where the sums are
            content.sumNotes.insert(content.notes.count)
            content.notes.append(CellText(tr(Catalogue.leftOutOfTheSums(planAlone, doneAlone))))
        }
        if leftOut.known > 0 {
            content.noteColumns[content.notes.count] = 8  // the projects column, where the † figures are
            content.sumNotes.insert(content.notes.count)
            content.notes.append(
                "\(Mark.interpreted) " + CellText(tr(Catalogue.interpretedLeftOut("\(leftOut.known)"))))
        }
        // The sum row's rate carries no behind verdict (a group counts its towns behind, `groupBar`): said so.
        if sums.progress(members: positions.count).covered > 0 {
            content.sumNotes.insert(content.notes.count)
            // Presenting hides 进度差: the note points at the ▼ on the rates instead (F12, wave 22).
            content.notes.append(CellText(tr(session.presentation
                ? Catalogue.sumRowNoVerdictPresenting(label) : Catalogue.sumRowNoVerdict(label))))
        }
        // In a month the city reported nothing its row is its towns' sum and carries a ▼ where behind,
        // beside the note that the sum row carries none: said which is which (wave 33's fresh user).
        if withCity, let period, metrics.cityIsTownsSum(period.id) {
            content.sumNotes.insert(content.notes.count)
            content.notes.append(CellText(tr(Catalogue.cityRowTownsSumJudged(
                "\(dataset.regionZH)", "\(dataset.regionEN)", towns: dataset.townCount,
                periodZH: period.labelZH, periodEN: period.labelEN))))
        }
        // Plan, completed and Δ完成 are amounts (亿元); the rest rates, counts and names.
        content.amountColumns = [3, 4, 10]
        // An export's titles name those units, and points for 进度差 and Δ完成率 (the rates write `%`).
        content.exportTitles = exportTitles(columns, amounts: [3, 4, 10], points: [7, 11])
        if withCity { content.summaryTarget = .cityTotals }
        content.targetsUnique = true  // one row a town, the city's totals below them
        let names = self.facts.townTextWidths(language: language)
        content.knownWidths = [0: names.name, 1: names.county]
        if positions.count > ViewCache.widthSample {
            // As the snapshot stores them (`storedTownsExtremes`: no row made), else the extreme
            // rows made and measured (wave 33: a fifth of the towns view's first visit at 10,000 x 60).
            let measured = storedTownsExtremes(positions, columns: columns.count) ?? {
                let extremes = (every ? self.facts.derived?.extremeRows(p) : stored?.extremes)
                    ?? Self.extremeRows(facts, positions: positions)
                return TableLayout.naturalWidths(columns: columns, rows: [extremes.map { rows[$0] }])
            }()
            for column in 2..<columns.count { content.knownWidths[column] = measured[column] }
        }
        // The sampled rows' widths as the snapshot stores them (`storedTownsSample`): none made.
        content.sampleMeasure = storedTownsSample(positions, columns: columns.count)
        content.sortKey = townsSortKey(positions, table: facts, deltas: deltas)
        content.sortKeys = storedTownsSortKeys(positions, columns: columns.count)
        let texts = townSearchTexts()  // decoded by the first search, not by this list (issue 17)
        content.searchText = {
            let text = texts()
            return { i in text(positions[i]) }
        }
        content.searchTowns = self.facts.storedSearchTowns.map { (positions, $0) }
        return content
    }

    /// The pages of the towns at `positions` in `dataset.towns`, worked out when asked.
    /// Only a town's id is read, when its row's page is asked (`Dataset.townID(at:)`: from a
    /// snapshot's section heads, no town decoded for the list).
    func townTargets(_ positions: [Int]) -> Targets {
        let dataset = self.dataset
        return Targets(count: positions.count) { .townPage(dataset.townID(at: positions[$0])) }
    }
}

extension AppState {
    /// The towns view's city row's label in period `p`: "Jiaxing reported", or, where the city
    /// reported nothing for `p` and its completed amount is its towns' sum (the core's one rule,
    /// `Metrics.cityIsTownsSum`), "Jiaxing ≈sum (not reported)" in the derived style
    /// (`Catalogue.cityRowTownsSum`), as the changes view says `not reported`.
    /// `reported`: the label where the city reported (the overview's `全市 嘉兴市`).
    func cityRowLabel(_ p: String, reported: TableCell? = nil) -> TableCell {
        if metrics.cityIsTownsSum(p) {
            return .text(CellText(tr(Catalogue.cityRowTownsSum("\(dataset.regionZH)", "\(dataset.regionEN)"))),
                         .derived)
        }
        return reported ?? .plain(tr(Catalogue.reported4("\(dataset.regionZH)", "\(dataset.regionEN)")))
    }
}
