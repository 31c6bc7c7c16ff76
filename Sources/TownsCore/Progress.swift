import Foundation

/// Where a town, or the city, stands in a period against its annual plan on a linear
/// schedule, how it moved since the previous period of the same year, and where it heads at
/// the pace so far: the meeting's questions "who is behind, by how much", "what changed" and
/// "will it reach its plan". Every figure here is worked out (`Provenance.derived`, formula
/// stated, with the interval its inputs allow); projections also carry `Figure.isProjection`.
///
/// Figures that may not be combined (`Metrics.comparable`: another basis, or two sources that
/// may define the measure differently, as the 2016 notice's full-year ◇63.06 beside the paper's
/// plan 106.8) give no shortfall, gap or amount a month: unknown, as the towns view's rate.
/// A change between figures on different bases has no delta.
///
/// The linear schedule is this dashboard's reading of an annual plan (paper 二(三) "占年度计划"),
/// as `Metrics.scheduleVariance` states. Amounts in the dataset's unit (亿元), rates in %.
public struct TownProgress: Sendable {
    /// The period this is for, and the year's plan and completed amount used (nil: unknown).
    public var period: Period
    public var plan: Figure?
    public var completed: Figure?
    /// plan x months elapsed / 12: what a linear schedule expects by the period's end.
    public var expected: Figure?
    /// expected - completed: positive when behind (亿元).
    public var shortfall: Figure?
    /// completed / months elapsed x 12: the year's end at the pace so far (a projection); nil
    /// at the year's end (December), when the year's figure is known and nothing is projected.
    public var projection: Figure?
    /// completed + (completed - completed three months before) / 3 x months left: the year's
    /// end at the last three months' pace, where the data has the period three months before.
    public var recentProjection: Figure?
    /// The period three months before and its completed figure, that `recentProjection` used.
    public var recentFrom: (period: Period, completed: Figure)?
    /// plan - projection: positive when the pace so far falls short of the plan.
    public var projectedGap: Figure?
    /// (plan - completed) / months left: what each remaining month must add to reach the plan;
    /// nil in December or when plan or completed is unknown.
    public var neededPerMonth: Figure?
    /// False when the completed figure and the plan are both known but may not be combined
    /// (`Metrics.comparable`: another basis ◇, as the 2016 notice's full-year ◇63.06 or ◇>14, or
    /// two sources that may define the measure differently): then nothing is set against the plan.
    /// Shortfall, gap and amount a month are nil already; a view shows neither `expected` nor the
    /// projections beside that completed figure, and says why in one line (`againstPlan`).
    public var comparesWithPlan = true

    /// The figures a view may show against the plan: these, or, when `comparesWithPlan` is false,
    /// these without the expected amount and the projections (the one rule the overview and the
    /// pages follow; the plan and the completed figure themselves are kept).
    public var againstPlan: TownProgress {
        guard !comparesWithPlan else { return self }
        var p = self
        (p.expected, p.shortfall, p.projection, p.recentProjection, p.recentFrom) = (nil, nil, nil, nil, nil)
        (p.projectedGap, p.neededPerMonth) = (nil, nil)
        return p
    }

    /// Where the year's plan is unknown as an amount, or the period's completed amount is (so no
    /// projection in amounts), but the period's completion rate is known (Tongxiang 92.7%, Haiyan
    /// 20.7% by September): the rate used (a share of the year's plan, %), and the same schedule
    /// and pace in % of the plan, by the same rules as the amounts (`Metrics.onSchedule`,
    /// `Metrics.atPace`): expected by now = 100% x months elapsed / 12, only where the plan's
    /// amount is unknown (`expected` nil); projection = rate / months elapsed x 12 (a projection),
    /// while the year goes on. nil otherwise.
    public var rate: Figure?
    public var expectedRate: Figure?
    public var rateProjection: Figure?
    /// The figures (of the year's plan, completed, completion rate) not known exactly when the
    /// expected-by-now or the projection is unknown in amounts and in % of plan alike (a bound
    /// such as ◇>14 is not exact); empty when both are known. What a page names as the reason.
    public var missing: [Measure] = []

    /// True when the town is behind the linear schedule (shortfall above 0).
    public var isBehind: Bool { (shortfall?.quantity.exactValue ?? 0) > 0 }
}

/// How one figure moved from the previous period of the same year to this one.
public struct Change: Sendable, Equatable {
    /// The figure before (nil: not in the data then) and now (nil: not in the data now).
    public var before: Figure?
    public var after: Figure?
    /// after - before, when both are exact (derived; in the figure's unit, or points for a rate).
    public var delta: Figure?
    /// The city's figure rests on its towns' sum (`Metrics.townsSum`, the city giving none) in one
    /// period and is the city's own (reported, or worked out from its reported totals) in the
    /// other: not one measure, so no `delta` (wave 32's fresh user, F2: Jan-Sep's reported 45.06
    /// subtracted from Jan-Oct's towns' sum 49.86 read `≈+4.80`, where the changes view said the
    /// city's figure was no longer reported). The towns' sum is not known to cover what the city
    /// reports (the city's total comes from another source and may count investment outside the
    /// listed towns). `afterIsTownsSum` says which side is the sum.
    public var acrossSources = false
    /// Where `acrossSources`: true when the later figure is the towns' sum (the city stopped
    /// reporting), false when the earlier one is.
    public var afterIsTownsSum = false

    /// Whether the figure is new since the previous period.
    public var isNew: Bool { before == nil && after != nil }
    /// Whether the figure was known in the previous period and is unknown now (not reported,
    /// nor worked out): the changes view's `不再报告` / `not reported`. Unknown, not 0: no Δ.
    public var isGone: Bool { before != nil && after == nil }
}

extension Metrics {
    /// The period before `period` in the same year (Jan-Aug before Jan-Sep); nil for the year's
    /// first period in the data.
    public func previousPeriod(_ period: Period) -> Period? {
        dataset.periods.filter { $0.year == period.year && $0.through < period.through }
            .max { $0.through < $1.through }
    }

    /// What a linear schedule expects of `plan` after `months` of 12: plan x months / 12. The one
    /// rule for amounts (亿元) and for shares of the plan (% : 100 x 9/12 = 75).
    public static func onSchedule(_ plan: Decimal, months: Int) -> Decimal { plan * Decimal(months) / 12 }

    /// The year's end at the pace of `done` after `months` (1-12): done / months x 12; the one
    /// rule for amounts and for completion rates (% of the plan).
    public static func atPace(_ done: Decimal, months: Int) -> Decimal { done / Decimal(months) * 12 }

    /// A worked-out figure whose value is shown with the digits its interval supports.
    private func worked(
        _ value: Decimal, _ interval: Interval?, _ formula: String, projection: Bool = false, decimals: Int = 2
    ) -> Figure {
        var f = Figure.derived(DecimalMath.rounded(value, scale: decimals), decimals: decimals, formula: formula,
                               interval: interval)
        f.isProjection = projection
        return f
    }

    private func possible(_ f: Figure) -> Interval? { f.possible?.nonNegative }

    /// The digits after the point (1 to 3) a projection in % of the year's plan (`rateProjection`)
    /// is written with: 1, or the fewest more with which its rounded value lies on the same side of
    /// 100% as the value (a projection of 99.9867% is `→99.99%`: `→100.0%` said the plan is met,
    /// beside the rate's `-0.01▼`; wave 31's fresh user) and inside `possible` (what the rate's
    /// rounding allows the projection to be), where the value is. 3 at most.
    public static func projectionDecimals(_ value: Decimal, possible: Interval?) -> Int {
        func fits(_ digits: Int) -> Bool {
            let r = DecimalMath.rounded(value, scale: digits)
            let side = (value < 100) == (r < 100) && (value > 100) == (r > 100)
            guard let possible, possible.lower <= value, value <= possible.upper else { return side }
            return side && possible.lower <= r && r <= possible.upper
        }
        var digits = 1
        while digits < 3, !fits(digits) { digits += 1 }
        return digits
    }

    private func text(_ f: Figure) -> String {
        if let t = f.supportedText, f.isDerived { return "≈" + t }
        return show(f)
    }

    private func text(_ v: Decimal) -> String { DecimalMath.text(v, scale: 2) }

    /// `town`'s progress in `period` (nil town: the city's reported totals). Haining Jan-Sep
    /// 2015: plan ≈18.60, completed 13.56, expected 13.95, shortfall ≈0.39, projection 18.08,
    /// gap ≈0.52, ≈1.68 a month from October. The city: 106.8 x 75% = 80.10 expected, 45.06
    /// completed, 35.04 behind.
    public func progress(_ town: Town?, period: Period) -> TownProgress {
        let look: (FigureKey) -> Figure? = { key in town.map { figure($0, key) } ?? total(key) }
        // The plan as known at `period` (`yearPlan(_:asOf:)`): a later month never narrows it.
        let plan = town.map { yearPlan($0, asOf: period) } ?? totalYearPlan(asOf: period)
        let done = look(FigureKey(.completed, period.id))
        var p = TownProgress(period: period, plan: plan, completed: done)
        if let plan, let done, !comparable(done, plan) { p.comparesWithPlan = false }
        let months = Decimal(period.through)
        let left = Decimal(12 - period.through)
        if let plan, let pv = plan.quantity.exactValue {
            let interval = possible(plan).map {
                Interval(Self.onSchedule($0.lower, months: period.through),
                         Self.onSchedule($0.upper, months: period.through))
            }
            let e = Self.onSchedule(pv, months: period.through)
            p.expected = worked(
                e, interval, "plan \(text(plan)) x \(period.through)/12 of the year elapsed = \(text(e))")
            if let done, let dv = done.quantity.exactValue, let e = p.expected?.quantity.exactValue,
               comparable(done, plan) {
                let i = zip2(p.expected?.interval, possible(done)).map {
                    Interval($0.lower - $1.upper, $0.upper - $1.lower)
                }
                p.shortfall = worked(
                    pv * months / 12 - dv, i,
                    "expected \(text(e)) (plan \(text(plan)) x \(period.through)/12) − completed \(text(done))"
                        + " = \(text(pv * months / 12 - dv))")
            }
        }
        // At the year's end there is nothing to project: the year's figure is the figure itself
        // (a projection "→42098.4" equal to the reported 42098.4 read as a forecast: fresh user).
        let yearGoesOn = period.through < 12
        if let done, let dv = done.quantity.exactValue, period.through > 0, yearGoesOn {
            let i = possible(done).map {
                Interval(Self.atPace($0.lower, months: period.through), Self.atPace($0.upper, months: period.through))
            }
            let pace = Self.atPace(dv, months: period.through)
            p.projection = worked(
                pace, i, "completed \(text(done)) / \(period.through) months x 12 = →\(text(pace)) (a projection at the"
                    + " pace so far, not a reported figure)", projection: true)
            let threeBefore = dataset.periods.first { $0.year == period.year && $0.through == period.through - 3 }
            if let earlier = threeBefore,
               let before = look(FigureKey(.completed, earlier.id)), let bv = before.quantity.exactValue,
               before.basis == done.basis {
                let recent = dv + (dv - bv) / 3 * left
                let i = zip2(possible(done), possible(before)).map {
                    Interval($0.lower + ($0.lower - $1.upper) / 3 * left, $0.upper + ($0.upper - $1.lower) / 3 * left)
                }
                p.recentFrom = (earlier, before)
                p.recentProjection = worked(
                    recent, i, "completed \(text(done)) + (\(text(done)) − \(text(before)) \(earlier.labelEN)) / 3 x"
                        + " \(12 - period.through) months left = →\(text(recent)) (a projection at the last three"
                        + " months' pace)", projection: true)
            }
            if let plan, let pv = plan.quantity.exactValue, let proj = p.projection, comparable(done, plan) {
                let i = zip2(possible(plan), proj.interval).map { Interval($0.lower - $1.upper, $0.upper - $1.lower) }
                p.projectedGap = worked(
                    pv - pace, i, "plan \(text(plan)) − projection →\(text(pace)) = \(text(pv - pace))",
                    projection: true)
                // Nothing more is needed once the completed amount reaches the plan: no negative amount a
                // month (wave 23's fresh user, F15: "needed a month ≈-0.5"); the gap line says it is above.
                if period.through < 12, pv > dv {
                    let need = (pv - dv) / left
                    let i = zip2(possible(plan), possible(done)).map {
                        Interval(($0.lower - $1.upper) / left, ($0.upper - $1.lower) / left)
                    }
                    p.neededPerMonth = worked(
                        need, i, "(plan \(text(plan)) − completed \(text(done))) / \(12 - period.through) months left"
                            + " = \(text(need)) a month")
                }
            }
        }
        // The plan's amount unknown, or the completed amount (so the projection in amounts), and the
        // period's own completion rate known: the same schedule and pace in % of the plan. Each is
        // asked of its own gap: a plan worked out from a later period (Haiyan's ≈47 from 2015-10's
        // completed and rate) gives the expected amount but no completed amount for January-September,
        // and must not take the projection from that period's own 20.7% away (wave 20's fresh user).
        let rateWanted = p.expected == nil || yearGoesOn && p.projection == nil
        if rateWanted, period.through > 0, let rate = look(FigureKey(.completionRate, period.id)),
           let rv = rate.quantity.exactValue {
            let m = period.through
            let e = Self.onSchedule(100, months: m), pace = Self.atPace(rv, months: m)
            p.rate = rate
            if p.expected == nil {
                p.expectedRate = worked(
                    e, nil, "100% of the year's plan x \(m)/12 of the year elapsed = \(DecimalMath.text(e, scale: 1))%"
                        + " (in % of the plan: its amount is unknown)", decimals: 1)
            }
            let i = possible(rate).map { Interval(Self.atPace($0.lower, months: m), Self.atPace($0.upper, months: m)) }
            // To 1 digit, or the more that keep it on its own side of 100% and inside what the
            // rate's rounding allows (74.99% at Jan-Sep: →99.99%, not →100.0% beside -0.01▼).
            let digits = Self.projectionDecimals(pace, possible: i)
            p.rateProjection = !yearGoesOn ? nil : worked(
                pace, i, "completion \(show(rate))% / \(m) months x 12 = →\(DecimalMath.text(pace, scale: digits))% of"
                    + " the plan (a projection at the pace so far, not a reported figure)", projection: true,
                decimals: digits)
        }
        if p.expected == nil && p.expectedRate == nil || yearGoesOn && p.projection == nil && p.rateProjection == nil {
            let rate = look(FigureKey(.completionRate, period.id))
            p.missing = [(Measure.planYear, plan), (.completed, done), (.completionRate, rate)]
                .filter { $0.1?.quantity.exactValue == nil }.map(\.0)
        }
        return p
    }

    /// How `key`'s figure of `town` (nil: the city) moved from `from` to `to`: Haining's completed
    /// 9.3 -> 13.56 (+4.26), its completion rate 50% -> 72.9% (+22.9 points); no delta across
    /// bases (`Metrics.delta`).
    public func change(_ town: Town?, _ measure: Measure, from: Period, to: Period) -> Change {
        let look: (FigureKey) -> Figure? = { key in town.map { figure($0, key) } ?? total(key) }
        let before = look(FigureKey(measure, from.id)), after = look(FigureKey(measure, to.id))
        var c = Change(before: before, after: after)
        if town == nil, before != nil, after != nil {
            let (b, a) = (totalIsTownsSum(FigureKey(measure, from.id)), totalIsTownsSum(FigureKey(measure, to.id)))
            if a != b {
                c.acrossSources = true
                c.afterIsTownsSum = a
                return c
            }
        }
        c.delta = delta(before, after, measure, from: from, to: to)
        return c
    }

    /// Whether the city's total for `key` (`total`), where there is one, rests on its towns' sum
    /// (`townsSum`): the city's totals give none for it, reported or worked out from them.
    public func totalIsTownsSum(_ key: FigureKey) -> Bool {
        figure(key, in: Figures(dataset.totals)) == nil
    }

    /// Whether the city reported nothing for period `p` (an id, "2015-10") and its figures there
    /// are its towns' sum: its totals give neither a completed amount nor a completion rate for
    /// `p`, reported or worked out from other totals (`totalIsTownsSum` of each, the rule `change`
    /// reads per measure), and its completed amount is the towns' sum (`townsSum`, `≈`). The one
    /// rule every view reads for "the city reported nothing this period": the towns view's city
    /// row (`Jiaxing ≈sum (not reported)`), the overview's city line, the city's totals page's
    /// title, and the changes (no Δ across it, `Change.acrossSources`). False where the city
    /// reported either figure, or where the towns' sum is unknown too (nothing to call a sum).
    public func cityIsTownsSum(_ p: String) -> Bool {
        cityReportedNothing(p) && total(FigureKey(.completed, p)) != nil
    }

    /// Whether the city's totals give neither a completed amount nor a completion rate for
    /// period `p` (an id, "2015-10"), reported or worked out from other totals: the city reported
    /// nothing there, whether or not its towns' sum stands in (`cityIsTownsSum` adds that it does).
    /// Read by the city's totals page's title, which must not say "reported totals" of such a
    /// period even where the towns' sum is unknown (wave 33's second fresh user, F13).
    public func cityReportedNothing(_ p: String) -> Bool {
        totalIsTownsSum(FigureKey(.completed, p)) && totalIsTownsSum(FigureKey(.completionRate, p))
    }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
