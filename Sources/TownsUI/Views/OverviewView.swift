import Foundation
import TownsCore

extension AppState {
    /// The overview (概览), the screen a meeting opens with: the city's progress against its
    /// plan (expected-by-now mark, schedule variance, shortfall, projection), the towns behind
    /// schedule worst first with their shortfall in 亿元, the four types over the same towns,
    /// the largest changes since the previous period, the open consistency findings, and the
    /// assessment one line per rule. Panels are runs of rows under a header row; their lengths
    /// follow the terminal's height (at 80x24 every panel is there, compact). Enter on a row
    /// opens what it summarises. Worked-out figures carry their marks (≈ derived, → projected).
    func overviewTable() -> ListContent {
        let barWidth = width >= 160 ? 30 : width >= 100 ? 16 : 8
        // The figures column's width as the columns before it allow at most (the panel and bar
        // columns at their widest, their gaps).
        let figuresWidth = width - 4 - (width < 100 ? 16 : 30) - barWidth
        let columns = [
            Column(tr(Catalogue.panel), priority: 100, minWidth: 10, maxWidth: width < 100 ? 16 : 30),
            // The bars, named where the width leaves them out (60x14: `未显示列: 进度`), as the types view's.
            Column("", priority: 60, minWidth: barWidth, maxWidth: barWidth).named(whenLeftOut: tr(Catalogue.progress)),
            // Figures, never cut to make room for the bar: the panel's names give way first, then
            // the bar (`Column.figures`; `落后 1▼` was cut to `落后…` at 60x14 in Chinese, wave 22).
            // Its title names the amounts' unit (`数字（金额：亿元）`), so the legend need not: at 80x24 in
            // English the legend's words were cut to `calc` and `due` to make room for it (wave 31).
            Column(titleWithUnit(tr(Catalogue.figuresColumn), Catalogue.overviewAmounts(Catalogue.amountUnit(dataset.unit))),
                   priority: 100, minWidth: 10, maxWidth: 90).holdingFigures(),
        ]
        guard let period else {
            return ListContent(columns: columns, rows: [], targets: [], summary: [], emptyText: tr(Catalogue.noTowns))
        }
        let ft = FigureText()
        let m = metrics
        let positions = filtered(Array(dataset.townIndices))
        // With no filter every town, by position (`Dataset.town(at:)`: a snapshot's towns are decoded
        // only as far as the rows shown ask); with one, the towns listed.
        let listedTowns: [Town]? = filter.isEmpty ? nil : positions.map { dataset.town(at: $0) }
        let townCount = listedTowns?.count ?? dataset.townCount
        // The towns rows were made for, by id: their search terms below need no lookup by id
        // (which reads every town's id).
        var shownTowns: [String: Town] = [:]
        func townAt(_ k: Int) -> Town {
            let town = listedTowns?[k] ?? dataset.town(at: k)
            shownTowns[town.id] = town
            return town
        }
        let marker = Double(period.through) / 12
        func amount(_ f: Figure?) -> CellText { ft.value(f).cellText }
        func bar(_ done: Figure?, _ plan: Figure?) -> TableCell {
            guard let done, let plan, let d = done.quantity.exactValue, let p = plan.quantity.exactValue, p > 0,
                  m.comparable(done, plan) else {
                return .bar(fraction: nil, role: .barFill, marker: marker)
            }
            let f = DecimalMath.double(d / p)
            return .bar(fraction: f, role: f < marker ? .behind : .barFill, marker: marker)
        }
        // Rows are made only for what is shown (`row`); `count` rows in all.
        var panels: [(header: CellText, count: Int, row: (Int) -> (TableRow, Screen.Kind?))] = []
        func panel(_ header: CellText, _ rows: [(TableRow, Screen.Kind?)]) {
            panels.append((header, rows.count, { rows[$0] }))
        }
        // What the panels work out over every town: stored in the snapshot for the whole city.
        let stored = filter.isEmpty ? facts.derived?.overview(period.id) : nil
        let orders = stored.flatMap { $0.rules.count == dataset.rules.count && $0.types.count == dataset.types.count
            ? $0 : nil }
            ?? overviewOrders(listedTowns ?? dataset.towns, period: period, undecided: undecidedAmong(positions))
        func note(_ text: Bilingual) -> TableRow {
            TableRow([.plain(""), .plain(""), .text(CellText(tr(text)), .legend)])
        }

        // The city against its plan.
        let city = m.progress(nil, period: period)
        var cityRows: [(TableRow, Screen.Kind?)] = []
        // A completed figure that may not be set against the plan (◇ another basis, another
        // source) is shown alone: `◇63.06 / 106.8` read as 59% of the plan (fresh user, 2015-12).
        // Its reason in a word on the row itself, so that it shows at 80x24 where the line below is counted only.
        var cityText: CellText = city.comparesWithPlan
            ? "\(amount(city.completed)) / \(amount(city.plan))"
            : amount(city.completed) + "  " + CellText(tr(Catalogue.notAgainstPlanShort(city)))
        let cityRate = m.total(FigureKey(.completionRate, period.id))
        let cityUndecided = checker.scheduleReadings(nil, period: period).isUndecided
        if var v = m.scheduleVarianceValue(cityRate, period: period) {
            // Worked out from a derived rate (the towns' sum where the city did not report): `≈`, to
            // the digits the rate supports, as the towns view and the city's page write it (`≈-35▼`,
            // not `-34.6▼`: wave 26's fresh user, F2).
            let derived = cityRate?.isDerived == true
            let digits: Int
            (v, digits) = Metrics.varianceShown(v, rateDecimals: derived ? cityRate?.supportedDecimals : nil,
                                                rate: cityRate?.quantity.exactValue, period: period,
                                                rateRange: cityRate?.interval)
            cityText += CellText("  " + tr(Catalogue.sched) + " ") + "\(derived ? Mark.derived : nil)"
                + CellText((v > 0 ? "+" : "") + DecimalMath.text(v, scale: digits))
            // Undecided (`ScheduleReadings.isUndecided`: its rate's rounding holds the share elapsed,
            // a check failing on readings that disagree, a plan from a later period): `?` in the
            // place of ▼, as the towns view's city row and the city's page say it (wave 31's fresh
            // user: a reported 75.0% at Jan-Sep read `0.0?` there and `进度差 0.0` here).
            if cityUndecided { cityText += "\(Mark.undetermined)" } else if v < 0 { cityText += "\(Mark.behind)" }
            // Worked out from a flagged figure (the city's 42.5%!): it carries the `!` too.
            if checker.isFlagged(workedFrom: [.completionRate], town: nil, period: period) { cityText += "!" }
        }
        cityRows.append(
            // Where the city reported nothing and its completed is its towns' sum, the label says
            // so, as the towns view's city row does (`cityRowLabel`, wave 32's fresh user, F2:
            // `全市 嘉兴市 ≈49.86` read as the city's own figure).
            (TableRow([cityRowLabel(period.id, reported: .plain(tr(Catalogue.regionRow(dataset.regionZH,
                                                                                        dataset.regionEN)))),
                       bar(city.completed, city.plan),
                       .text(cityText, nil)]), .cityTotals))
        // A completed figure on another basis than the plan's: said once, and nothing worked out
        // against the plan from it (no expected, projection or amount a month: fresh user, 2015-12).
        let againstPlan = city.comparesWithPlan  // the rule the pages follow too (`TownProgress.againstPlan`)
        if let why = Catalogue.notAgainstPlan(city) {
            cityRows.append((TableRow([.plain(""), .plain(""), .text(CellText(tr(why)), .legend)]), .cityTotals))
        }
        if againstPlan, let e = city.expected {
            var t: CellText = "\(CellText(tr(Catalogue.expectedByNow))) \(amount(e))"
                + (checker.isFlagged(workedFrom: [.planYear], town: nil, period: period) ? "!" : "")
            if let s = city.shortfall, city.isBehind, !cityUndecided {
                let flagged = checker.isFlagged(workedFrom: [.planYear, .completed], town: nil, period: period)
                t += "  \(CellText(tr(Catalogue.behindBy))) \(ft.value(s, flagged: flagged).cellText)"
            }
            cityRows.append((TableRow([.plain(""), .plain(""), .text(t, .legend)]), .cityTotals))
        }
        if againstPlan, let proj = city.projection {
            let flagged = checker.isFlagged(workedFrom: [.completed], town: nil, period: period)
            let t: CellText = "\(CellText(tr(Catalogue.yearEndAtPace))) \(ft.value(proj, flagged: flagged).cellText)"
            cityRows.append((TableRow([.plain(""), .plain(""), .text(t, .derived)]), .cityTotals))
        }
        // A line of its own: beside the projection it was cut at 100x30.
        if againstPlan, let need = city.neededPerMonth {
            let flagged = checker.isFlagged(workedFrom: [.planYear, .completed], town: nil, period: period)
            let t: CellText = "\(CellText(tr(Catalogue.neededAMonth))) \(ft.value(need, flagged: flagged).cellText)"
            cityRows.append((TableRow([.plain(""), .plain(""), .text(t, .derived)]), .cityTotals))
        }
        panel(CellText(tr(Catalogue.overviewRegion(dataset.regionZH))), cityRows)

        // Towns behind, worst first (`overviewOrders`), then those behind by their rate alone.
        let lean = m.withoutFormulas
        let behindCount = orders.behind.count + orders.behindByRate.count
        let rowCount = behindCount + orders.undecided.count
        // None known behind: how many of the towns the panel judges (the filter's, the behind
        // filter's own left aside) have no completion rate in the period, so no verdict. All of
        // them: the count is unknown (`落后 — 镇`), as a type with none says `落后 —`; some: said
        // on the panel's line (wave 26's fresh user, F7: "0 behind" in a month no town reported).
        // Looked at only when the panel lists no town (the period table is read then).
        var unjudged = 0, judgedAmong = 0
        if rowCount == 0 {
            var rest = self
            rest.filter.behindSchedule = false
            let candidates = rest.filter.isEmpty ? Array(dataset.townIndices) : rest.filtered(Array(dataset.townIndices))
            let table = periodTable()
            unjudged = candidates.filter { table.withRow($0) { $0.completionRate?.quantity.exactValue == nil } }.count
            judgedAmong = candidates.count
        }
        func behindRow(_ k: Int) -> (TableRow, Screen.Kind?) {
            guard rowCount > 0 else {
                return (note(unjudged > 0 ? Catalogue.overviewUnjudged(unjudged) : Catalogue.noneKnownBehind), nil)
            }
            if k >= behindCount { return undecidedRow(townAt(orders.undecided[k - behindCount])) }
            if k < orders.behind.count {
                let town = townAt(orders.behind[k])
                let p = lean.progress(town, period: period)
                // Worked out from a flagged figure (Haining's plans disagreeing after an import): `!`.
                let short = checker.isFlagged(workedFrom: [.planYear, .completed], town: town, period: period)
                let shortText = ft.value(p.shortfall, flagged: short).cellText
                var t: CellText = "\(CellText(tr(Catalogue.shortBy2))) \(shortText)"
                if let proj = p.projection {
                    let flagged = checker.isFlagged(workedFrom: [.completed], town: town, period: period)
                    t += "  \(ft.value(proj, flagged: flagged).cellText)"
                }
                return (TableRow([.plain(name(town)), bar(p.completed, p.plan), .text(t, .behind)]), .townPage(town.id))
            }
            // Behind by their completion rate, plan (so shortfall) unknown (Haiyan: 20.7% by
            // September): behind as the towns view marks them, amount "—".
            let town = townAt(orders.behindByRate[k - orders.behind.count])
            let rateFigure = m.figure(town, FigureKey(.completionRate, period.id))
            let v = rateFigure.flatMap { m.scheduleVarianceValue($0, period: period) } ?? 0
            let rate = rateFigure?.quantity.exactValue
            let p = lean.progress(town, period: period)
            let rateFlagged = checker.isFlagged(workedFrom: [.completionRate], town: town, period: period)
            var t: CellText = "\(CellText(tr(Catalogue.shortBy2))) \(amount(nil))  "
                + CellText(tr(Catalogue.sched) + " " + DecimalMath.text(v, scale: Metrics.varianceDigits(of: v)))
                + "\(Mark.behind)"
                + (rateFlagged ? "!" : "")
            if let proj = p.rateProjection {
                t += "  " + CellText(tr(Catalogue.rateProjectionShort("")))
                    + ft.percent(proj, flagged: rateFlagged).cellText
            }
            let fill = rate.map { DecimalMath.double($0 / 100) }
            let bar = TableCell.bar(fraction: fill, role: .behind, marker: marker)
            return (TableRow([.plain(name(town)), bar, .text(t, .behind)]), .townPage(town.id))
        }
        // Towns neither behind nor ahead (`ScheduleReadings.isUndecided`): `?`, both readings with `!`.
        func undecidedRow(_ town: Town) -> (TableRow, Screen.Kind?) {
            let r = checker.scheduleReadings(town, period: period)
            let shortfall = lean.progress(town, period: period).againstPlan.shortfall
            let size = shortfall.map { f -> Figure in
                var f = f
                if case let .exact(v, d) = f.quantity { f.quantity = .exact(abs(v), decimals: d) }
                return f
            }
            // The rate's reading as the towns view writes it: to the digits its rate supports
            // (`Metrics.varianceShown`), `≈` when worked out from a derived rate.
            let rate = m.figure(town, FigureKey(.completionRate, period.id))
            let derived = rate?.isDerived == true
            let (v, digits) = Metrics.varianceShown(
                r.byRate ?? 0, rateDecimals: derived ? rate?.supportedDecimals : nil,
                rate: rate?.quantity.exactValue, period: period, rateRange: rate?.interval)
            let words = Catalogue.undecidedRow(UndecidedRowReadings(
                rate: v, rateDigits: digits, rateDerived: derived && r.byRate != nil,
                amount: ft.value(size).cellText.text(.unicode), amountBehind: (r.byAmount ?? 0) > 0,
                amountKnown: r.byAmount != nil,
                amountAtZero: size.map { f in
                    guard case let .exact(v, d) = f.quantity else { return false }
                    return DecimalMath.rounded(v, scale: d) == 0
                } ?? false,
                amountRange: r.amountEitherWay, rateRange: r.byRate == nil ? nil : r.rateEitherWay,
                flagged: r.flagged, laterPlan: r.laterPlan != nil, withinRounding: r.withinRounding != nil))
            let bar = TableCell.bar(fraction: nil, role: .barFill, marker: marker)
            return (TableRow([.plain(name(town)), bar, .text(CellText(tr(words)), .warning)]), .townPage(town.id))
        }
        let undecidedWords = orders.undecided.isEmpty ? "" : tr(Catalogue.undecidedCount(orders.undecided.count))
        // The heading in its forms, widest first: where the panel column is narrower, it gives way
        // on words, never on its `?N` (part of the figure: wave 34, session 27's F5 read `657 behin…`
        // at 60x14; `behindForms` chosen once the rows are laid out, below).
        let behindForms: [CellText] = unjudged > 0 && unjudged == judgedAmong
            ? Catalogue.overviewBehindUnknownWords.map { CellText(tr($0)) }
                + [CellText(tr(Catalogue.overviewBehindUnknown.before)) + "\(Mark.unknown)"
                    + CellText(tr(Catalogue.overviewBehindUnknown.after))]
            : [CellText(tr(Catalogue.overviewBehind("\(behindCount)")) + undecidedWords),
               CellText(tr(Catalogue.overviewBehindShort("\(behindCount)")) + undecidedWords),
               CellText("\(behindCount)") + CellText(Mark.behind) + CellText(undecidedWords)]
        // Unknown, the narrowest form lays the columns out (the words wider than `落后 — 镇` widened
        // the panel column at 100 in Chinese); `fitHeadings` then puts the widest that fits.
        let unknownCount = unjudged > 0 && unjudged == judgedAmong
        panels.append((unknownCount ? behindForms[behindForms.count - 1] : behindForms[0], max(1, rowCount), behindRow))

        // The four types over the same towns.
        var typeRows: [(TableRow, Screen.Kind?)] = []
        // Each row's figures in each form, widest first; the panel then takes one form for all its
        // rows (wave 28's fresh user read `1/2镇` beside `0/1 镇` at 60x14).
        var typeForms: [[CellText]] = []
        var typeCellsBefore: [(String, TableCell)] = []
        var typeTargets: [Screen.Kind?] = []
        // What `/` finds a type's row by: its names, as the types view's rows.
        var typeTerms: [[String]] = []
        for (k, (type, positions)) in typesKept().enumerated() {
            // The same computation and the same types as the types view's (`GroupProgress`): plan
            // and completed over the towns with both, behind by the completion rate as the towns
            // view marks it (`—` when none has a rate); a filter leaves out a type with none of its towns.
            // Worked out in `overviewOrders` (stored for the whole city).
            let g = orders.types[k]
            let cells = groupCells(g, flagged: sumFlags(positions))
            // Where the figures column cannot hold it (60 columns), one space fewer before the
            // count, its words spaced as the panel's heading (`≈73% 1/2 镇 落后 1▼` beside
            // `落后 3 镇`; wave 12's `1/2镇` stood beside `0/1 镇`, wave 28's fresh user): never
            // cut (`Column.figures`: the names, then the bar, give way first).
            let covered = tr(Catalogue.typeCovered("\(g.covered)", "\(g.members)"))
            typeForms.append([
                cells.summary + CellText("  " + covered) + cells.behindText,
                cells.summary + CellText(" " + covered) + cells.behindText,
            ])
            typeCellsBefore.append(("\(type.number) " + tr(type.nameZH, type.nameEN), cells.bar))
            typeTerms.append([type.nameZH, type.nameEN])
            typeTargets.append(.townsOfType(type.number))
        }
        // The widest form every row's figures fit in, else the narrower.
        let typeForm = typeForms.allSatisfy { DisplayWidth.of($0[0].text(.unicode)) <= figuresWidth } ? 0 : 1
        for (k, forms) in typeForms.enumerated() {
            typeRows.append((TableRow([.plain(typeCellsBefore[k].0), typeCellsBefore[k].1, .text(forms[typeForm], nil)],
                                      searchTerms: typeTerms[k]),
                             typeTargets[k]))
        }
        // A filter keeping no town: the types heading says so, as the changes panel does (F12), not
        // nothing under it (wave 43's fresh user: `类型` with no row).
        if typeRows.isEmpty, townCount == 0, !filter.isEmpty { typeRows = [(note(Catalogue.overviewNoTownListed), nil)] }
        panel(CellText(tr(Catalogue.overviewTypes)), typeRows)

        // The largest changes since the previous period (in `overviewOrders`' order).
        if let previous = m.previousPeriod(period) {
            let new = CellText(tr(Catalogue.newSince))
            // The other measures gone unknown (projects started, the start rate...: F14), said on a
            // line of their own under the town's amount and rate (on its line where those did not
            // change): at 100x30 the city's `projects started not reported  start rate not reported`
            // beside its Δs pushed the bars out. Each entry's lines: (entry, whether the second).
            func goneWords(_ town: Town?) -> CellText? {
                let gone = Self.goneOnlyMeasures.filter { lean.change(town, $0, from: previous, to: period).isGone }
                guard !gone.isEmpty else { return nil }
                return CellText(gone.map { tr(Catalogue.measureName($0)) }.joined(separator: tr("、", ", ")))
                    + " " + CellText(tr(Catalogue.kind(.gone)))
            }
            // Each entry's lines, from the rows taking two stored with their order (no change
            // worked out here but the rows shown: at 10,000 towns, half the first frame).
            var changeLines: [(entry: Int, second: Bool)] = []
            changeLines.reserveCapacity(orders.changes.count + orders.changesTwoLines.count)
            var twoLines = orders.changesTwoLines.makeIterator(), nextTwo = twoLines.next()
            for k in orders.changes.indices {
                changeLines.append((k, false))
                if nextTwo == k { changeLines.append((k, true)); nextTwo = twoLines.next() }
            }
            func changeLine(_ n: Int) -> (TableRow, Screen.Kind?) {
                guard !orders.changes.isEmpty else { return changeRow(0) }
                let (k, second) = changeLines[n]
                guard second else { return changeRow(k) }
                let town = orders.changes[k].map { townAt($0) }
                let target: Screen.Kind = town.map { .townPage($0.id) } ?? .cityTotals
                return (TableRow([.plain(""), .plain(""), .text(goneWords(town) ?? "", nil)]), target)
            }
            func changeRow(_ k: Int) -> (TableRow, Screen.Kind?) {
                guard !orders.changes.isEmpty else {
                    // A filter keeping no town: nothing to say of changes, not that none changed (F12).
                    return (note(townCount == 0 && !filter.isEmpty ? Catalogue.overviewNoTownListed : Catalogue.noChanges), nil)
                }
                let town = orders.changes[k].map { townAt($0) }
                let done = lean.change(town, .completed, from: previous, to: period)
                let rate = lean.change(town, .completionRate, from: previous, to: period)
                func deltaFlagged(_ measure: Measure) -> Bool {
                    checker.isFlagged(change: measure, town: town, from: previous, to: period)
                }
                var parts: [CellText] = []
                let (doneName, rateName) = (CellText(tr(Catalogue.completed3)), CellText(tr(Catalogue.rate)))
                let basis = CellText(tr(Catalogue.kind(.otherBasis)))
                // The city's own figure in one period, its towns' sum in the other: not one
                // measure, no Δ; said as the changes view says it (`Change.acrossSources`, F2).
                func acrossSources(_ c: Change) -> CellText {
                    CellText(tr(Catalogue.kind(c.afterIsTownsSum ? .gone : .appeared)))
                }
                // Known before, unknown now: said as the changes view says it, with the earlier figure
                // (wave 33's fresh user: the city's figures going unknown were left out of the panel).
                let gone = CellText(tr(Catalogue.kind(.gone)))
                if done.acrossSources {
                    parts.append("\(doneName) \(acrossSources(done))")
                } else if done.isGone {
                    parts.append("\(doneName) \(gone)")
                } else if done.isNew {
                    parts.append("\(doneName) \(new) \(amount(done.after))")
                } else if Self.onOtherBasis(done) {  // listed, marked ◇, not subtracted
                    parts.append("\(doneName) \(basis) \(amount(done.after))")
                } else if let d = done.delta, d.quantity.exactValue != 0 {
                    parts.append("\(doneName) \(signed(d, flagged: deltaFlagged(.completed)))")
                }
                if rate.acrossSources {
                    parts.append("\(rateName) \(acrossSources(rate))")
                } else if rate.isGone {
                    parts.append("\(rateName) \(gone)")
                } else if rate.isNew {
                    parts.append("\(rateName) \(new) \(ft.percent(rate.after).cellText)")
                } else if Self.onOtherBasis(rate) {
                    parts.append("\(rateName) \(basis) \(ft.percent(rate.after).cellText)")
                } else if let r = rate.delta, r.quantity.exactValue != 0 {
                    parts.append("\(rateName) \(signed(r, flagged: deltaFlagged(.completionRate)))")
                }
                // The other measures gone unknown (F14), here where nothing else of the town's is
                // listed (else on the next line, `changeLine`).
                if parts.isEmpty, let words = goneWords(town) { parts.append(words) }
                let t = parts.reduce(CellText("")) { $0.parts.isEmpty ? $1 : $0 + "  " + $1 }
                let who = town.map(name)
                    ?? tr(Catalogue.regionRow(dataset.regionZH, dataset.regionEN))
                let target: Screen.Kind = town.map { .townPage($0.id) } ?? .cityTotals
                return (TableRow([.plain(who), .plain(""), .text(t, nil)]), target)
            }
            panels.append((CellText(tr(Catalogue.overviewChanges(label(previous)))), max(1, changeLines.count),
                           changeLine))
        } else {
            panel(
                // No previous period: unknown, marked (ASCII `_`, `NA` in files; not a dash read as minus).
                CellText(tr(Catalogue.overviewChanges(""))) + CellText(Mark.unknown),
                [(note(Catalogue.noPreviousPeriod), nil)])
        }

        // Open findings: the whole city's (stored in the snapshot: no checks run for it), or under a
        // filter those of the towns listed, the heading saying so (`不符 1` was the city's, under 县 海宁市).
        let findingCounts: [Finding.Kind: Int]
        if filter.isEmpty {
            findingCounts = facts.findingCounts
        } else {
            let listed = Set((listedTowns ?? []).map(\.id))
            // And the city's checks on sums that put `!` on these towns' sums (the plans summing
            // past the city's total): the `!` shown above is counted here (wave 22's fresh user
            // read `≈31.1!` over `0 inconsistent`). Only where the filter keeps every town: a
            // subtotal of some carries no `!` of the city's check (`sumFlags`, wave 43).
            let plan = FigureKey(.planYear, String(period.year)), done = FigureKey(.completed, period.id)
            let onSums = !coversEveryTown(positions) ? [] : Set(sumCheckedKeys().filter {
                $0 == done || ($0 == plan && facts.sumCheckFails(plan, asOf: period))
            })
            // And the city's own checks whose `!` its row above carries (its figures of the period
            // shown: the paper's 42.5%!, wave 24's fresh user, F7), and an ambiguity read for a town
            // listed (the "30 projects" of Nanhu and Haiyan, their `†30` in the towns view).
            let cityRow: Set<FigureKey> = [plan, done, FigureKey(.completionRate, period.id)]
            let theirs = facts.findings.filter { f in
                if let town = f.townID { return listed.contains(town) }
                if case let .ambiguous(_, used, _) = f.detail { return used.contains { listed.contains($0.town) } }
                // A gap in the data of a figure the city's row shows (its plan or completed amount:
                // the towns' known figures short of it) is the row's too: the heading says "the
                // city's row", not the city, whose other gaps are on its page (wave 32's fresh user:
                // `核对（所列1镇及全市）` counted none of the city's 9 data gaps).
                if f.kind == .shortfall, case let .totalGap(gap) = f.detail { return cityRow.contains(gap.key) }
                guard f.kind == .inconsistency else { return false }
                if f.flaggedKeys.contains(where: cityRow.contains) || f.flagged.map(cityRow.contains) == true {
                    return true
                }
                guard townCount != 0 else { return false }
                switch f.detail {
                case let .knownExceedTotal(key, _, _), let .totalOfAll(key, _, _): return onSums.contains(key)
                default: return false
                }
            }
            findingCounts = Dictionary(theirs.map { ($0.kind, 1) }, uniquingKeysWith: +)
        }
        let count = { (k: Finding.Kind) in findingCounts[k] ?? 0 }
        // Each count in its own colour: the inconsistencies (when any) in `warning`, the rest
        // plain; a match (拟合一致) is never drawn as a problem, on any theme or terminal.
        var checksRow = TableRow([.plain(""), .plain(""), .text(CellText(tr(Catalogue.findingCounts(
            "\(count(.inconsistency))", "\(count(.ambiguous))", "\(count(.shortfall))", "\(count(.consistent))"))),
            nil)])
        if count(.inconsistency) > 0 {
            checksRow.tints = [TableRow.Tint(tr(Catalogue.findingCountInconsistent("\(count(.inconsistency))")),
                                             .warning)]
        }
        panel(
            CellText(tr(filter.isEmpty ? Catalogue.overviewChecks : Catalogue.overviewChecksOfListed(townCount))),
            [(checksRow, .cityTotals)])

        // The assessment, one line per rule (several to a line when the screen is short).
        var ruleTexts: [CellText] = []
        for (rule, counts) in zip(dataset.rules, orders.rules) {
            let (met, notMet, unknown, info, due) = (counts.met, counts.notMet, counts.unknown, counts.info, counts.due)
            let title = language == .zh ? rule.shortZH : Self.ruleShortEN(rule)
            ruleTexts.append(
                // A rule that informs (a term) and judged none: its ? and the words, as wide as `·3`
                // was; the same form whether every town listed is only informed about or some (a
                // filter's `期限 仅说明 1` beside the whole city's `期限 ?2 仅说明 3`: wave 34, F11).
                // Not when none is listed (a filter that lists no town called the first-year
                // minimum "info only 0": wave 26's fresh user, F8).
                // A rule that only informs (the creation term: `Assessment` never judges it met or not)
                // keeps that form where the towns listed all lack its years (`?1`): `期限 ✓0 ✗0 ?1` read as
                // a rule judged (wave 34's second fresh user, `:filter type 2`).
                (info > 0 || (rule.kind == .creationPeriod && unknown > 0)) && met + notMet == 0
                    ? "\(CellText(title)) \(Mark.undetermined)\(unknown)"
                        + (due > 0 ? " \(Mark.notYetDue)\(due)" : "")
                        + " \(CellText(tr(Catalogue.ruleInfoOnly("\(info)"))))"
                    : "\(CellText(title)) \(Mark.met)\(met) \(Mark.notMet)\(notMet) \(Mark.undetermined)\(unknown)"
                        + (due > 0 ? " \(Mark.notYetDue)\(due)" : "")  // judged after the period shown
                        // Towns the rule only informs about (a term's years), in words: no legend lists `·`.
                        + (info > 0 ? " \(CellText(tr(Catalogue.ruleInfoOnly("\(info)"))))" : ""))
        }

        // Lengths: every panel's header and first row, and every type, always; then the towns
        // behind; then the rest as the height allows, the rules several to a line when it is short.
        let room = max(1, Renderer.bodyRect(width: width, height: height).height - 1)
        let typesPanel = 2
        var shown = panels.indices.map { $0 == typesPanel ? panels[$0].count : 1 }
        let fixed = panels.count + 1 + shown.reduce(0, +)  // headers, the rules' header, first rows
        func ruleLines(_ k: Int) -> Int { (ruleTexts.count + k - 1) / max(1, k) }
        // Rules one to a line when every panel fits in full beside them, else two or more to a line.
        let wanted = panels.indices.reduce(0) { $0 + panels[$1].count - shown[$1] }
        // No more to a line than the figures column holds whole (`figuresWidth`).
        let ruleWidths: [Int] = ruleTexts.map { $0.width }
        func holds(_ k: Int) -> Bool {
            for start in stride(from: 0, to: ruleWidths.count, by: k) {
                let chunk: [Int] = Array(ruleWidths[start..<min(ruleWidths.count, start + k)])
                let total: Int = chunk.reduce(0, +) + 2 * (chunk.count - 1)
                if total > figuresWidth { return false }
            }
            return true
        }
        let fits: Int = (1...4).last(where: holds) ?? 1
        let perLine = min(fits,
            (1...4).first { fixed + wanted + ruleLines($0) <= room }
            ?? (2...4).first { fixed + ruleLines($0) <= room } ?? 4)
        var left = room - fixed - ruleLines(perLine)
        // The towns behind first, all of them before any other panel grows (the city's expected,
        // shortfall and projection lines fold first): at 80x24 the bundled data's three show.
        // Where that needs more room, secondary lines fold: the changes' first row (the heading
        // counts them and opens the changes view), then the checks' counts go onto their heading's line.
        let (behindPanel, changesPanel, checksPanel) = (1, 3, 4)
        var onHeading = Set<Int>()
        if left < panels[behindPanel].count - shown[behindPanel], !orders.changes.isEmpty,
            m.previousPeriod(period) != nil, panels.count > changesPanel
        {
            shown[changesPanel] = 0
            left += 1
        }
        if left < panels[behindPanel].count - shown[behindPanel], panels.count > checksPanel,
            panels[checksPanel].count == 1
        {
            onHeading.insert(checksPanel)
            shown[checksPanel] = 0
            left += 1
        }
        let behindMore = min(max(0, left), panels[behindPanel].count - shown[behindPanel])
        shown[behindPanel] += behindMore
        left -= behindMore
        var grew = true
        while left > 0 && grew {
            grew = false
            for i in panels.indices where left > 0 && shown[i] < panels[i].count {
                shown[i] += 1; left -= 1; grew = true
            }
        }
        var rows: [TableRow] = []
        var targets: [Screen.Kind?] = []
        var behindHeading: Int?
        var headingRows: [Int: Int] = [:]  // each panel's heading's row
        var checksRows = Set<Int>()  // the checks' row(s): Enter opens the city page at its checks
        for (i, panel) in panels.enumerated() {
            let start = rows.count
            defer {
                if i == checksPanel { checksRows.formUnion((start..<rows.count).filter { targets[$0] == .cityTotals }) }
            }
            // What does not fit is counted, never silently dropped: on the panel's header row, where
            // it is never cut with a row's figures (a cut count read "……" at 60 columns).
            headingRows[i] = rows.count
            if onHeading.contains(i) {  // its one row's figures on the heading's line, opening what the row opens
                let (row, target) = panel.row(0)
                rows.append(TableRow([.text(panel.header, .header), .plain(""), row.cells[2]], role: .legend))
                targets.append(target)
                continue
            }
            let more = panel.count - shown[i]
            // The towns behind count towns (`… 另 2 个`); the other panels' rows are lines of figures
            // (the city's `达成计划每月需 ≈20.6`), counted as lines, not as more of the heading.
            let left = i == behindPanel ? Catalogue.andMore("\(more)") : Catalogue.panelLinesLeftOut(more)
            let count: TableCell = more > 0 ? .text(CellText(tr(left)), .legend) : .plain("")
            rows.append(TableRow([.text(panel.header, .header), .plain(""), count], role: .legend))
            // A heading with rows left out opens them all: the towns behind (the towns view with the
            // behind filter), the changes (their view). (The city's rows all open its totals.)
            let full: Screen.Kind? = switch i {
            case 1: .townList
            case 3: .changes
            default: nil
            }
            if more > 0, i == 1 { behindHeading = rows.count - 1 }
            targets.append(more > 0 ? full : nil)
            for (row, target) in (0..<shown[i]).map(panel.row) { rows.append(row); targets.append(target) }
        }
        // Under a filter the counts are of the towns listed: said beside the heading (F11).
        rows.append(
            TableRow([.text(CellText(tr(Catalogue.overviewRules)), .header), .plain(""),
                      filter.isEmpty ? .plain("") : .text(CellText(tr(Catalogue.overviewRulesScope(townCount))), .legend)],
                     role: .legend))
        targets.append(nil)
        for start in stride(from: 0, to: ruleTexts.count, by: perLine) {
            let line = ruleTexts[start..<min(ruleTexts.count, start + perLine)].reduce(CellText("")) {
                $0.parts.isEmpty ? $1 : $0 + "  " + $1
            }
            rows.append(TableRow([.plain(""), .plain(""), .text(line, nil)]))
            targets.append(.assessment)
        }
        fitHeadings(&rows, columns: columns, behind: headingRows[behindPanel].map { ($0, behindForms) },
                    checks: filter.isEmpty ? nil : headingRows[checksPanel].map {
                        ($0, townCount, onHeading.contains(checksPanel))
                    })
        // What `/` finds a panel row by (wave 31's fresh user: `/海盐` found nothing on the overview
        // with 海盐核电小镇 on it): a town's row by the towns view's search text (its names, county's
        // and entities', made only when a search reads them), the city's rows by the city's names.
        let shared = self.facts
        let rowState = rowContext
        let cityTerms = [dataset.regionZH, dataset.regionEN,
                         Catalogue.totals(dataset.regionZH, dataset.regionEN).zh,
                         Catalogue.totals(dataset.regionZH, dataset.regionEN).en]
        for i in rows.indices {
            switch targets[i] {
            case let .townPage(id)?:
                guard let town = shownTowns[id] ?? town(id) else { continue }
                var row = TableRow(rows[i].cells, role: rows[i].role,
                                   searchTermsMadeBy: { rowState.townTerms(town, entities: shared.entitiesByID) })
                row.tints = rows[i].tints
                rows[i] = row
            case .cityTotals?:
                rows[i].searchTerms = cityTerms
            default:
                break
            }
        }
        var content = ListContent(
            columns: columns, rows: rows, targets: targets, summary: [], emptyText: tr(Catalogue.noTowns))
        // The figures column holds amounts and variances: an export's title names both units.
        content.exportTitles = [2: titleWithUnit(tr(Catalogue.figuresColumn),
                                                 Catalogue.overviewFiguresUnits(Catalogue.amountUnit(dataset.unit)))]
        // The unit is in the figures column's title: the legend names none (`amountColumns` empty).
        content.amountColumns = []
        content.skipsRowsOpeningNothing = true
        content.headingsKeepTheirRows = true
        content.opensWithBehindFilter = Set(behindHeading.map { [$0] } ?? [])
        content.opensAtChecks = checksRows
        return content
    }

    /// The overview's headings given way on words where the panel column, as the screen lays out
    /// `rows` (under a filter with the whole overview's widths, as `Renderer.naturalWidths` keeps
    /// them), is narrower than they are: the towns behind's (`behind`: its row and forms, widest
    /// first; its `?N` kept: F5), and under a filter the checks' (`checks`: its row, the towns
    /// listed, whether its counts are on its line), whose scope then goes to the figures column
    /// (`核对` over `所列1镇及全市行`: F6, cut at 120 columns).
    private func fitHeadings(_ rows: inout [TableRow], columns: [Column], behind: (row: Int, forms: [CellText])?,
                             checks: (row: Int, towns: Int, withCounts: Bool)?) {
        var natural = TableLayout.naturalWidths(columns: columns, rows: [rows])
        if !filter.isEmpty {
            var whole = self
            whole.filter = TownFilter()
            whole.screen.narrow = nil
            if let all = whole.list(for: Screen(.overview)), all.content.columns.count == columns.count {
                natural = zip(natural, cache.naturalWidths(all, visible: 0..<0)).map { max($0, $1) }
            }
        }
        let layout = TableLayout(columns: columns, naturalWidths: natural,
                                 width: Renderer.bodyRect(width: width, height: height).width,
                                 columnGap: Renderer.columnGap(self))
        guard let room = layout.widths.first ?? nil else { return }
        if let behind, let first = behind.forms.first {
            let form = behind.forms.first { $0.width <= room } ?? behind.forms.last ?? first
            rows[behind.row].cells[0] = .text(form, .header)
        }
        if let checks, DisplayWidth.of(tr(Catalogue.overviewChecksOfListed(checks.towns))) > room {
            rows[checks.row].cells[0] = .text(CellText(tr(Catalogue.overviewChecks)), .header)
            let scope = tr(Catalogue.overviewChecksScope(checks.towns))
            if checks.withCounts, case let .text(counts, role) = rows[checks.row].cells[2] {
                rows[checks.row].cells[2] = .text(CellText(scope + tr("：", ": ")) + counts, role)
            } else {
                rows[checks.row].cells[2] = .text(CellText(scope), .legend)
            }
        }
    }

    /// What the overview's panels work out over every one of `towns` in `period`: the towns
    /// behind worst first, those behind by their rate alone, the changes since the previous
    /// period in order (with the city's reported totals first when no filter is on), each rule's
    /// counts. Positions are in `towns`. Stored in a snapshot for the whole city
    /// (`derivedTables`), so that the overview from a snapshot works out only the rows it shows.
    /// `ruleCounts`, when given, are each rule's counts over `towns` in `period` worked out by the
    /// caller (`stakeGroupsCounted`), not judged again here. `undecided`, when given, are the
    /// undecided towns among `towns` (positions in `towns`; `undecidedTowns` of the period shown),
    /// not asked again here.
    func overviewOrders(_ towns: [Town], period: Period, ruleCounts: [DerivedOverview.RuleCounts]? = nil,
                        undecided given: Set<Int>? = nil) -> DerivedOverview
    {
        let m = metrics, lean = m.withoutFormulas
        let progress = towns.map { lean.progress($0, period: period) }
        // Sorted by position with each key worked out once (not two towns and their progress
        // copied at every comparison: most of this panel's time at 10,000 towns); ties in order.
        let shortfalls = progress.map { $0.shortfall?.quantity.exactValue ?? 0 }
        // A town whose verdict is undecided (`ScheduleReadings.isUndecided`: behind by one reading
        // and not by the other with a check failing on its figures, or its readings resting on a
        // plan first derivable from a later period) is neither behind nor ahead: listed apart, after
        // those behind. Every such town, as the towns list marks it `?` and the behind filter keeps
        // it, not only those a reading says behind: the 27 at 2016-06 of the 3,000 generated towns
        // that are ahead by every reading over a plan from a later period were in `b`'s 720 and not
        // in the overview's 626 behind ?67 (wave 30).
        let undecided = given ?? Set(towns.indices.filter { checker.isVerdictUndecided(towns[$0], period: period) })
        func decided(_ i: Int) -> Bool { !undecided.contains(i) }
        let behind = progress.indices.filter { progress[$0].isBehind && decided($0) }
            .sorted { shortfalls[$0] != shortfalls[$1] ? shortfalls[$0] > shortfalls[$1] : $0 < $1 }
        // Then the towns behind by their completion rate whose plan, so shortfall, is unknown.
        let byRate: [(Int, Decimal)] = towns.indices.compactMap { i in
            guard !progress[i].isBehind, let rate = m.figure(towns[i], FigureKey(.completionRate, period.id)),
                  let v = m.scheduleVarianceValue(rate, period: period), v < 0, decided(i) else { return nil }
            return (i, v)
        }.sorted { $0.1 < $1.1 }
        var changes: [Int?] = []
        var changesTwoLines: [Int] = []
        if let previous = m.previousPeriod(period) {
            // A town whose amount or rate moved, is new or went on another basis: by the size of
            // its amount's change (a new amount: the amount), then of its rate's, so a rate that
            // moved alone (Tongxiang's 72% -> 92.7%) is listed too; equal sizes (a change onto
            // another basis, never subtracted) in the data's order. The city's reported totals
            // first, as the changes view lists them (not with a filter on: its towns only).
            func size(_ c: Change) -> Decimal {
                abs((c.isNew ? c.after : c.delta)?.quantity.exactValue ?? 0)
            }
            func moved(_ c: Change) -> Bool {
                c.isNew || c.isGone || c.acrossSources || size(c) != 0 || Self.onOtherBasis(c)
            }
            // Each town's row, and whether it takes a second line (its amount or rate listed and
            // another measure gone unknown: `changesTwoLines`).
            var twoLineTowns = Set<Int>()
            let moves = towns.indices.compactMap { i -> (Int, Change, Change)? in
                let done = lean.change(towns[i], .completed, from: previous, to: period)
                let rate = lean.change(towns[i], .completionRate, from: previous, to: period)
                let listed = moved(done) || moved(rate)
                let gone = Self.goneCounts(lean, towns[i], from: previous, to: period)
                guard listed || gone else { return nil }
                if listed && gone { twoLineTowns.insert(i) }
                return (i, done, rate)
            }
            // Each size worked out once, and positions sorted rather than the changes copied.
            // A town with a change worked out (its amount's, or its rate's when the amount did
            // not move) first; a newly reported figure (no previous one) after, by its size.
            func isNewFigure(_ m: (Int, Change, Change)) -> Bool {
                m.1.isNew || (size(m.1) == 0 && !Self.onOtherBasis(m.1) && m.2.isNew)
            }
            let keys = moves.map { (isNewFigure($0) ? 1 : 0, size($0.1), size($0.2)) }
            let sorted = moves.indices.sorted { a, b in
                if keys[a].0 != keys[b].0 { return keys[a].0 < keys[b].0 }
                let (x, y) = ((keys[a].1, keys[a].2), (keys[b].1, keys[b].2))
                return x != y ? x > y : moves[a].0 < moves[b].0
            }.map { moves[$0].0 }
            let cityListed = moved(lean.change(nil, .completed, from: previous, to: period))
                || moved(lean.change(nil, .completionRate, from: previous, to: period))
            let cityGone = Self.goneCounts(lean, nil, from: previous, to: period)
            let city = filter.isEmpty && (cityListed || cityGone)
            changes = (city ? [nil] : []) + sorted.map { $0 }
            changesTwoLines = changes.indices.filter { k in
                changes[k].map { twoLineTowns.contains($0) } ?? (cityListed && cityGone)
            }
        }
        let assessment = Assessment(metrics: m)
        let rules = ruleCounts ?? dataset.rules.map { rule in
            var c = DerivedOverview.RuleCounts()
            for town in towns { c.add(assessment.evaluate(rule, town, asOf: period).status) }
            return c
        }
        // The types panel's figures (the types view's computation, `GroupProgress`).
        let types = typesKept().map { groupProgress($0.positions) }
        return DerivedOverview(behind: behind, behindByRate: byRate.map(\.0), undecided: undecided.sorted(),
                               changes: changes, changesTwoLines: changesTwoLines, rules: rules,
                               types: types)
    }

    /// Of `positions` (in `dataset.towns`), the indices (in `positions`) of those whose verdict is
    /// undecided in the period shown (`undecidedTowns`, worked out once per period). One set is
    /// made, the answer: under a filter each position is looked up in the ascending list by
    /// bisection (a review found the list made into a set of its own first, then the answer).
    func undecidedAmong(_ positions: [Int]) -> Set<Int> {
        let all = undecidedTowns()
        if positions.count == dataset.townCount, positions.elementsEqual(dataset.townIndices) { return Set(all) }
        return Set(positions.indices.filter { Self.ascending(all, contains: positions[$0]) })
    }

    /// Whether `list` (ascending, as `undecidedTowns` gives it) holds `value`: by bisection.
    static func ascending(_ list: [Int], contains value: Int) -> Bool {
        var (low, high) = (0, list.count)
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < list.count && list[low] == value
    }

    /// The measures the changes panel lists beside completed and the completion rate, and only
    /// where their figure went unknown (`Change.isGone`): the changes view's other measures
    /// (`Changes.measures`: projects started, the start rate...). Wave 34, session 27's fresh
    /// user, F14: the panel said the amounts and rates gone unknown and left out the counts.
    static let goneOnlyMeasures = Changes.measures.filter { $0 != .completed && $0 != .completionRate }

    /// Whether any of `goneOnlyMeasures` of `town` (nil: the city's) was known in `from` and is
    /// not in `to`.
    static func goneCounts(_ m: Metrics, _ town: Town?, from: Period, to: Period) -> Bool {
        goneOnlyMeasures.contains { m.change(town, $0, from: from, to: to).isGone }
    }

    /// A change between figures on different bases (listed, marked ◇, never subtracted).
    static func onOtherBasis(_ c: Change) -> Bool {
        c.before != nil && c.after != nil && c.before?.basis != c.after?.basis
    }

    /// A change with its sign, marked as worked out ("≈+4.26", "≈+22.9"); `flagged`: with the
    /// `!` of a figure it is worked out from (`Checker.isFlagged(change:)`, "≈+12.1!").
    private func signed(_ f: Figure, flagged: Bool) -> CellText {
        guard case let .exact(v, d) = f.quantity else { return "" }
        return "\(f.isDerived ? Mark.derived : nil)\(CellText((v > 0 ? "+" : "") + DecimalMath.text(v, scale: d)))"
            + (flagged ? "!" : "")
    }
}
