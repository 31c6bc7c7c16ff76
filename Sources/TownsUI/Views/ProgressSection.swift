import TownsCore

/// What the town page and the city's totals page show of a progress against the plan
/// (`Metrics.progress`, for a town or, with `nil`, for the city's reported totals): the figures
/// worked out, each with its formula in the reader's language, and why nothing is worked out
/// where that is so. One function for both pages, so that the city's "will it make its plan"
/// (folded away on the overview at 80x24) reads as a town's does.
struct ProgressSection {
    /// A figure's label and unit (亿元 shown as the page's amount unit, or `%`).
    /// `flagged`: worked out from a figure a check casts doubt on (`Checker.isFlagged(workedFrom:)`),
    /// so shown with `!` (README: a figure worked out from a flagged one carries `!`).
    var items: [(label: Bilingual, figure: Figure, unit: String, flagged: Bool)]
    /// Why nothing is set against the plan (a completed figure on another basis, ◇), or nil.
    var refused: Bilingual?
    /// Which figures are missing where nothing could be worked out, or nil.
    var missing: Bilingual?
    /// When the verdict is undecided (`ScheduleReadings.isUndecided`): "落后/超前 ?" with both
    /// readings, then the failing check named; the shortfall's "落后差额"/"超前" is left out.
    var undecided: [Bilingual] = []
    /// The verdict by the completion rate as the towns list gives it (its 进度差, `+17.7`), with
    /// the reading named (`Catalogue.rateVerdictLine`); nil when the rate is unknown or the verdict
    /// undecided (`undecided` gives both readings then).
    var byRate: Bilingual?

    var isEmpty: Bool { items.isEmpty && refused == nil && missing == nil && undecided.isEmpty && byRate == nil }
}

extension AppState {
    /// The progress section of `town` (nil: the city's totals) in `period`; `amount` is the page's
    /// unit for amounts ("亿元" / "100M yuan").
    func progressSection(_ town: Town?, period: Period, amount: String) -> ProgressSection {
        // Nothing against the plan from a completed figure on another basis (◇): the overview's rule.
        let whole = metrics.progress(town, period: period)
        let p = whole.againstPlan
        // Each figure's `!` by the figures it is worked out from (plan, completed, rate).
        func from(_ inputs: [Measure]) -> Bool { checker.isFlagged(workedFrom: inputs, town: town, period: period) }
        // Each formula in the reader's language (`progressFormula`), the core's English one replaced;
        // the plan named as the list shows it, with its `!`.
        let planFlagged = from([.planYear])
        func worded(_ f: Figure?, _ item: ProgressItem) -> Figure? {
            guard var f, let formula = progressFormula(p, item, planFlagged: planFlagged) else { return f }
            f.provenance = .derived(formula: formula)
            return f
        }
        let recentFlagged = from([.completed])
            || dataset.periods.contains { $0.year == period.year && $0.through < period.through
                && checker.isFlagged(workedFrom: [.completed], town: town, period: $0) }
        let all0: [(Bilingual, Figure?, String, Bool)] = [
            (Catalogue.expectedField, worded(p.expected, .expected), amount, from([.planYear])),
            (Catalogue.expectedRateField, worded(p.expectedRate, .expectedRate), "%", false),
            (Catalogue.shortfallField, worded(p.shortfall, .shortfall), amount, from([.planYear, .completed])),
            (Catalogue.projectionField, worded(p.projection, .projection), amount, from([.completed])),
            (Catalogue.rateProjectionField, worded(p.rateProjection, .rateProjection), "%", from([.completionRate])),
            (Catalogue.recentField, worded(p.recentProjection, .recent), amount, recentFlagged),
            (Catalogue.gapField, worded(p.projectedGap, .gap), amount, from([.planYear, .completed])),
            (Catalogue.neededField, worded(p.neededPerMonth, .needed), amount, from([.planYear, .completed])),
        ]
        // A town ahead (a negative shortfall or gap) is said to be ahead, by how much: "超前 ≈0.6
        // 亿元", not "落后差额 ≈-0.6 亿元". The formula beside keeps its sign and says the same fact
        // in words after it ("= -0.61，即超前 0.61"): `= -0.61` beside `超前` alone read as a contradiction.
        func ahead(_ label: Bilingual, _ f: Figure?) -> (Bilingual, Figure?) {
            guard var f, case let .exact(v, decimals) = f.quantity, v < 0 else { return (label, f) }
            f.quantity = .exact(-v, decimals: decimals)
            f.interval = f.interval.map { Interval(-$0.upper, -$0.lower) }
            let isShortfall = label == Catalogue.shortfallField
            if case let .derived(formula) = f.provenance {
                let size = DecimalMath.text(-v, scale: 2)
                f.provenance = .derived(
                    formula: formula + tr(isShortfall ? Catalogue.aheadBy(size) : Catalogue.abovePlanBy(size)))
            }
            return (isShortfall ? Catalogue.aheadField : Catalogue.abovePlanField, f)
        }
        let all = all0.map { label, f, unit, flag in
            label == Catalogue.shortfallField || label == Catalogue.gapField
                ? { let (l, g) = ahead(label, f); return (l, g, unit, flag) }() : (label, f, unit, flag)
        }
        let refused = Catalogue.notAgainstPlan(whole)
        // Nothing worked out: which figure is missing, rather than silence (the refusal says why
        // already when the completed figure is on another basis).
        let missing = refused == nil && !p.missing.isEmpty
            ? Catalogue.noProjection(p.missing, expectedKnown: p.expected != nil || p.expectedRate != nil,
                                     projectionKnown: p.projection != nil || p.rateProjection != nil) : nil
        var section = ProgressSection(
            items: all.compactMap { label, f, unit, flag in f.map { (label, $0, unit, flag) } }, refused: refused,
            missing: missing)
        // Behind by one reading, ahead by the other, a check failing on their figures: neither is said.
        let readings = checker.scheduleReadings(town, period: period)
        // Otherwise the rate's reading, as the list says it (a town ahead by its rate alone, Tongxiang's
        // +17.7 with no amount, was said ahead nowhere on its page: wave 20's fresh user).
        let rate = town.map { metrics.figure($0, FigureKey(.completionRate, period.id)) }
            ?? metrics.total(FigureKey(.completionRate, period.id))
        if !readings.isUndecided, var v = metrics.scheduleVarianceValue(rate, period: period) {
            // The digits the rate supports, as the list's 进度差 (`≈30%` gives `≈-62`, not `≈-61.7`: F4).
            let digits: Int
            (v, digits) = Metrics.varianceShown(v, rateDecimals: rate?.isDerived == true ? rate?.supportedDecimals : nil,
                                                rate: rate?.quantity.exactValue, period: period,
                                                rateRange: rate?.interval)
            section.byRate = Catalogue.rateVerdictLine(v, flag: from([.completionRate]) ? "!" : "",
                                                       derived: rate?.isDerived == true, digits: digits)
        }
        if readings.isUndecided, readings.byRate != nil || readings.byAmount != nil,
           readings.laterPlan != nil || readings.withinRounding != nil
            || readings.byRate != nil && readings.byAmount != nil && p.shortfall != nil {
            section.items.removeAll { $0.label == Catalogue.shortfallField || $0.label == Catalogue.aheadField }
            var words: [(zh: String, en: String)] = []
            if let byRate = readings.byRate {
                let digits = Metrics.varianceDigits(of: byRate), flag = from([.completionRate]) ? "!" : ""
                // Within the rate's rounding and not 0 at its digits: no direction, the range (wave
                // 32's fresh user read `by rate ahead by 0.1 points` beside the range it may be).
                // A derived rate's range is given at 0 too: its variance's digits are not the
                // rate's (session 27's fresh user, F7: the overview gives the same range).
                let atZero = DecimalMath.rounded(byRate, scale: digits) == 0 && rate?.isDerived != true
                let r = (atZero ? nil : readings.rateEitherWay).map { Catalogue.rateEitherWayReading($0, flag: flag) }
                    ?? Catalogue.rateReading(byRate, flag: flag, digits: digits)
                words.append((r.zh, r.en))
            }
            if let range = readings.amountEitherWay, readings.byAmount != nil, p.shortfall != nil {
                // Its range holds both sides of 0: no direction, the range (wave 31's fresh user).
                let a = Catalogue.amountEitherWayReading(range, unit: amount,
                                                         flag: from([.planYear, .completed]) ? "!" : "")
                words.append((a.zh, a.en))
            } else if let byAmount = readings.byAmount, let shortfall = p.shortfall {
                var size = shortfall
                if case let .exact(v, d) = size.quantity { size.quantity = .exact(abs(v), decimals: d) }
                let shown = FigureText().value(size).cellText.text(.unicode)
                let a = Catalogue.amountReading(
                    behind: byAmount > 0, shown, unit: amount, flag: from([.planYear, .completed]) ? "!" : "")
                words.append((a.zh, a.en))
            }
            let checks = !readings.flagged ? [] : facts.findings.filter { f in
                f.kind == .inconsistency && f.townID == town?.id
                    && f.flaggedKeys.contains { [.planYear, .completed, .completionRate].contains($0.measure) }
            }
            let zh = FindingWords(dataset: dataset, language: .zh), en = FindingWords(dataset: dataset, language: .en)
            // Resting on a plan first derivable from a later period: which one, and that the reports
            // up to the period shown do not settle it (wave 23: Nanhu's Jan-Jul on Jan-Sep's plan).
            let later: [Bilingual] = readings.laterPlan.flatMap { dataset.period($0) }.map {
                [Catalogue.laterPlanVerdict(shown: Bilingual(period.labelZH, period.labelEN),
                                            from: Bilingual($0.labelZH, $0.labelEN))]
            } ?? []
            // Within the rate's rounding: what the rate can stand for, and the share elapsed it holds.
            let rounding: [Bilingual] = readings.withinRounding.map {
                [Catalogue.roundingVerdict(possible: $0, through: period.through)]
            } ?? []
            section.undecided = [
                Bilingual("\(Catalogue.undecidedField.zh) ?  " + words.map(\.zh).joined(separator: "；"),
                          "\(Catalogue.undecidedField.en) ?  " + words.map(\.en).joined(separator: "; ")),
            ] + later + rounding + checks.map { Catalogue.failingCheck(zh.message($0), en.message($0)) }
        }
        return section
    }
}

extension AppState {
    /// `section` drawn as both pages draw it (code debt D6): a blank line and its header for
    /// `period` ("2015年1-9月进度"), why nothing is set against the plan, each figure by the
    /// page's own `figure` line (with its source or formula), which figures are missing; then
    /// `after` (the town page's changes since the previous period). Nothing at all when the
    /// section is empty and `hasMore` is false. Lines go out through `line`, in order.
    func drawProgressSection(
        _ section: ProgressSection, period: Period, width: Int, hasMore: Bool = false,
        line: (DetailLine) -> Void, figure: (_ label: String, _ figure: Figure, _ unit: String, _ flagged: Bool) -> Void,
        after: () -> Void = {}
    ) {
        guard !section.isEmpty || hasMore else { return }
        line(.text(""))
        line(.text(tr(Catalogue.progressHeader(label(period))), .header))
        for l in section.refused.map({ TextWrap.wrap(tr($0), width: width) }) ?? [] { line(.text(l, .legend)) }
        for l in section.undecided.flatMap({ TextWrap.wrap(tr($0), width: width) }) { line(.text(l, .warning)) }
        for l in section.byRate.map({ TextWrap.wrap(tr($0), width: width) }) ?? [] { line(.text(l, .derived)) }
        for item in section.items { figure(tr(item.label), item.figure, item.unit, item.flagged) }
        for l in section.missing.map({ TextWrap.wrap(tr($0), width: max(10, width - 2)) }) ?? [] {
            line(.text("  " + l, .unknown))
        }
        after()
    }
}
