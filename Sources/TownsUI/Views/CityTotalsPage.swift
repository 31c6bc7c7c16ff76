import Foundation
import TownsCore

extension AppState {
    /// The city's reported totals, each with its source (or the formula of one derived from
    /// other totals), then the consistency checks on them (the paper's 42.5% against
    /// 45.06 / 106.8, what the towns' known figures leave unaccounted for, ...).
    func cityTotalsDetail(width: Int) -> [DetailLine] {
        let ft = FigureText()
        // In a period shown where the city reported nothing, its figures are the towns' sum: the
        // title says so (`Metrics.cityIsTownsSum`, the towns view's city row's rule).
        // Where the city reported nothing and the towns' sum is unknown too, the title says that
        // period was not reported (`Metrics.cityReportedNothing`), not "reported totals".
        let title = period.flatMap { p -> String? in
            if metrics.cityIsTownsSum(p.id) {
                return tr(Catalogue.cityTotalsTownsSum("\(dataset.regionZH)", "\(dataset.regionEN)",
                                                       periodZH: p.labelZH, periodEN: p.labelEN))
            }
            return metrics.cityReportedNothing(p.id)
                ? tr(Catalogue.cityTotalsNoneReported("\(dataset.regionZH)", "\(dataset.regionEN)",
                                                      periodZH: p.labelZH, periodEN: p.labelEN)) : nil
        } ?? tr(Catalogue.reportedTotals("\(dataset.regionZH)", "\(dataset.regionEN)"))
        let subtitle = drawable(tr(dataset.nameEN, dataset.nameZH))  // under LANG=C no `?` for the Chinese
        // The dataset's name in the other language beside the title, or under it when it does not fit.
        var out: [DetailLine] = DisplayWidth.of(title + "  " + subtitle) <= width
            ? [DetailLine([(title, .title), ("  " + subtitle, .label)])]
            // (unkeyed: a follower's anchor counts the title once, `isKeyed`)
            : [.text(title, .title)]
                + TextWrap.wrap(subtitle, width: width).map { DetailLine(cells: [("", nil), (CellText($0), .label)]) }
        out.append(.text(""))
        var cited: [String] = []
        func line(
            _ label: String, _ figure: Figure?, unit: String, key: FigureKey? = nil, unknownWhy: Bilingual? = nil,
            flaggedAlso: Bool = false
        ) {
            let flag = (key.map { flagged(nil, $0) } ?? false) || (figure != nil && flaggedAlso)
            let cell =
                unit == "%"
                ? ft.percent(figure, flagged: flag)
                : ft.value(figure, flagged: flag, suffix: unit.isEmpty || unit == "%" ? "" : " " + unit)
            guard case let .text(value, role) = cell else { return }
            // Worded in the reader's language; the data file and line on a line of their own.
            let note = figure.map { figureNote($0, cited: &cited) } ?? (tr(unknownWhy ?? Catalogue.unknown), .unknown)
            // The town page's layout (`pageField`): a long label wraps in its column, never cut.
            out += Self.pageField(
                CellText(label), value, role, note, width: width, labelWidth: 24,
                valueWidth: Self.valueColumn(base: 12, amount: tr(Catalogue.amountUnit(dataset.unit))))
        }
        func unit(_ m: Measure) -> String {
            switch m.unit {
            case .yi: return tr(Catalogue.amountUnit(dataset.unit))
            case .percent: return "%"
            case .count: return ""
            case .squareKilometres: return "km²"
            case .mu: return tr("亩", "mu")
            }
        }
        for m in Measure.allCases where m.periodKind == .none {
            if let f = metrics.total(FigureKey(m)) { line(measureLabel(m), f, unit: unit(m)) }
        }
        var years: [Int] = []
        for p in dataset.periods where !years.contains(p.year) { years.append(p.year) }
        for y in years {
            for m in Measure.allCases where m.periodKind == .year {
                if let f = metrics.total(FigureKey(m, String(y))) { line("\(y) " + measureLabel(m), f, unit: unit(m)) }
            }
        }
        for p in dataset.periods {
            out.append(.text(""))
            out.append(
                .cell(CellText(label(p)) + shownPeriodMark(p), .header))
            for m in Measure.allCases where m.periodKind == .cumulative {
                let f = metrics.total(FigureKey(m, p.id))
                if f != nil || [.completed, .completionRate].contains(m) {
                    // A rate refused (the completed figure on another basis than the plan) says why.
                    let refused = m == .completionRate && !metrics.progress(nil, period: p).comparesWithPlan
                    line(measureLabel(m), f, unit: unit(m), key: FigureKey(m, p.id),
                         unknownWhy: refused ? Catalogue.rateNotAgainstPlan : nil)
                }
            }
        }
        // Where the city stands in the period shown and where it heads, as a town's page says it
        // (`progressSection`): on the overview at 80x24 these lines are folded away.
        if let period {
            drawProgressSection(
                progressSection(nil, period: period, amount: unit(.completed)), period: period, width: width,
                line: { out.append($0) }, figure: { line($0, $1, unit: $2, flaggedAlso: $3) })
        }
        let mine = facts.findings.filter { $0.townID == nil }
        if !mine.isEmpty {
            out.append(.text(""))
            out.append(.text(tr(Catalogue.checksTownsCheck), .header))
            for f in mine {
                let mark: CellText = f.kind == .confirmed ? CellText(.met) : (f.kind == .inconsistency ? "!" : "…")
                let words = findingWords
                out += DetailLine.wrapped(
                    mark, "\(words.subject(f)): \(words.message(f))", width: width,
                    role: f.kind == .confirmed ? .legend : (f.kind == .inconsistency ? .warning : .row))
                for at in words.sources(f) { out += DetailLine.wrapped(" ", at, width: width, role: .source) }
            }
        }
        out += sourceLines(cited, width: width)
        return out
    }
}
