import Foundation

/// A group of towns' progress in one period (a development type, a filtered list), told
/// straight: the year's plan and the completed amount summed over the SAME towns, those with
/// both figures exact (and on one basis), so that their ratio is a completion rate; how many
/// towns that covers; and how many towns are behind schedule.
///
/// Summing each figure over whichever towns have it reads wrong: at province scale a type
/// showed plan ≈1312.60 over 49 towns beside completed ≈1366.97 over 54, which reads as over
/// 100% done (issue 14). Here a town with only one of the two counts in `members`, not in the sums.
///
/// ```swift
/// var g = GroupProgress()
/// g.add(plan: hainingPlan, completed: hainingDone, variance: -2.1)   // ≈18.60, 13.56
/// g.add(plan: nil, completed: nil, variance: 17.7)                     // Tongxiang: rate only
/// g.covered == 1; g.members == 2; g.behind == 1; g.rate ≈ 72.9
/// ```
public struct GroupProgress: Sendable, Equatable {
    /// Towns in the group.
    public var members = 0
    /// The year's plans of the covered towns (亿元); its `known` is `covered`.
    public var plan = Metrics.Tally()
    /// The completed amounts of the covered towns (亿元), cumulative from January.
    public var completed = Metrics.Tally()
    /// Towns whose schedule variance is known (a completion rate, reported or derived).
    public var withRate = 0
    /// Of those, towns behind schedule: completion rate below the share of the year elapsed
    /// (`Metrics.scheduleVarianceValue` below 0), as the towns view marks them ▼ and the
    /// `behind` filter keeps them.
    public var behind = 0
    /// The hull of the covered towns' own completion rates (%): for each town in the sums, what
    /// its completed ÷ plan can stand for (the quotient of their intervals), narrowed to its own
    /// completion rate's interval where the town has one on the same basis that overlaps it;
    /// nil when no town is covered or one covered town's quotient cannot be bounded. The sums'
    /// rate is a mean of these rates weighted by plan, so it lies inside the hull: Haining alone
    /// at Jan-Aug 2015 (9.3 at 50%, plan ≈19 derived from them) is [49.5%, 50.5%], where the
    /// sums' intervals alone, 9.3 ÷ [18.3, 18.9], allow 49.0-51.0% and the sum row read `≈49%`
    /// beside the town's `50%` (wave 26's fresh user, F1).
    public var memberRates: Interval?

    public init() {}

    /// Towns in both sums: plan and completed both exact, neither an interpretation, and
    /// comparable (`Metrics.comparable`: one basis, not two sources).
    public var covered: Int { plan.known }

    /// completed / plan x 100 over the covered towns (%), nil when none is covered or the plan
    /// sums to 0. Always derived.
    public var rate: Decimal? {
        guard covered > 0, plan.sum > 0 else { return nil }
        return completed.sum / plan.sum * 100
    }

    /// What `rate` can stand for given the rounding of the sums' inputs (%): the sums'
    /// intervals' quotient, narrowed to the towns' own rates' hull (`memberRates`) where the two
    /// overlap; nil when unknown.
    public var rateInterval: Interval? {
        guard let p = plan.interval, let c = completed.interval,
            let quotient = c.nonNegative.divided(by: p.nonNegative, scale: 100)
        else { return nil }
        if let hull = memberRates, let narrowed = quotient.intersection(hull) { return narrowed }
        return quotient
    }

    /// The rate as it may be printed beside its inputs as those are printed (each sum at its
    /// `Metrics.Tally.supportedDecimals`): digits (at most `limit`) that both the exact sums'
    /// interval (`rateInterval`) and the printed figures' interval (each printed figure ± half a
    /// unit of its last digit) support, and the value a reader gets by dividing the printed
    /// figures, rounded to those digits, where that (as rounded) lies in what the inputs allow (else the
    /// exact sums' rate: waves 22-23). So the rate checks against what is printed beside it:
    /// 11.30 / ≈47 stands for 46.5-47.5, i.e. 23.8-24.3%, printed ≈24% (not ≈23.9%, the exact
    /// sums' rate, which 11.30 / 47 = 24.0% contradicts). `interval`: the hull of both intervals
    /// (% values the rate can stand for). A rate under 100% is never printed as 100% (more digits,
    /// up to `limit` + 2, instead: the plan is not met). nil when `rate` is.
    public func printedRate(atMost limit: Int) -> (value: Decimal, decimals: Int, interval: Interval?)? {
        guard rate != nil else { return nil }
        let (pd, cd) = (plan.supportedDecimals, completed.supportedDecimals)
        let p = DecimalMath.rounded(plan.sum, scale: pd), c = DecimalMath.rounded(completed.sum, scale: cd)
        guard p > 0 else { return nil }
        let shown = Interval(printed: c, decimals: cd).nonNegative
            .divided(by: Interval(printed: p, decimals: pd).nonNegative, scale: 100)
        var digits = limit
        for interval in [rateInterval, shown].compactMap({ $0 }) {
            digits = min(digits, interval.supportedDecimals(atMost: limit))
        }
        let hull = [rateInterval, shown].compactMap { $0 }
            .reduce(nil as Interval?) { h, i in
                h.map { Interval(min($0.lower, i.lower), max($0.upper, i.upper)) } ?? i
            }
        // The printed figures' quotient where it lies in what the inputs allow (`rateInterval`),
        // else the exact sums' rate, which always does: 5.00 / ≈13 is 38.5%, but 5.00 over
        // Jiashan's plan 12.5 ([12.33, 12.67]) is 39.5-40.6%: ≈40% (wave 22's fresh user, F2).
        // The quotient as rounded must lie there too: 28.00 / ≈32 is 87.5%, inside Type 1's
        // [86.6%, 87.6%] at Jan-Oct, but printed with no decimals it is 88%, outside it; the exact
        // sums' 87.1% prints 87% (wave 23's fresh user, F19).
        guard let exact = rate else { return nil }
        // 100% is the plan met: a rate under it is never rounded up to it (nor the bar drawn
        // full). Type 1 in November, 31.0 / ≈31.1 (each town's reported rate under its plan's,
        // 94.1% and 108%, so the group's is 99.6-99.8%), was `≈100%` at no decimals (wave 25's
        // fresh user, F5): it takes the digits (up to two more) that keep it under, `≈99.7%`.
        func crossesFull(_ value: Decimal, _ shown: Decimal) -> Bool { value < 100 && shown >= 100 }
        func allowed(_ value: Decimal, _ digits: Int) -> Bool {
            guard let allowed = rateInterval else { return true }
            let rounded = DecimalMath.rounded(value, scale: digits)
            return rounded >= allowed.lower && rounded <= allowed.upper
        }
        var value = c / p * 100
        if !allowed(value, digits) { value = exact }
        // What the inputs allow straddles two printed values' roundings at these digits but fits in
        // one's (`holds`) at more: those (up to two more). Nanhu alone in type 3 at Jan-Sep
        // 2015, 3.52 / ≈15.0 over its own rate 23.5%, allows 23.45-23.55%: `≈23%` or `≈24%` each
        // hold half of it, and `≈23%` read as disagreeing with the town's 23.5% (wave 27's fresh
        // user); `≈23.5%` holds it all, as 3.52 / 15.0 = 23.47% rounds. (Type 1 at Jan-Sep, 72.85-72.95%,
        // held by `≈73%`, takes its one town's digits below.)
        if let allowed = rateInterval, digits < limit + 2 {
            func holds(_ digits: Int) -> Bool {
                let half = DecimalMath.halfUnit(decimals: digits)
                let centre = DecimalMath.rounded((allowed.lower + allowed.upper) / 2, scale: digits)
                return centre - half <= allowed.lower && allowed.upper <= centre + half
            }
            if !holds(digits), let fits = ((digits + 1)...(limit + 2)).first(where: holds) {
                digits = fits
                let quotient = c / p * 100
                value = quotient >= allowed.lower && quotient <= allowed.upper ? quotient : exact
            }
        }
        // One town's sums (`covered` 1): the digits what they allow supports, its own rate's (the hull,
        // `memberRates`), as the straddling rule above gives Nanhu's type 3 `≈23.5%`: type 1 at Jan-Sep,
        // Haining alone, 13.56 / ≈18.6 in 72.85-72.95% (its own 72.9%), is `≈72.9%`, not `≈73%` beside
        // type 3's `≈23.5%` (wave 30's fresh user: one digits rule for the same one-town situation).
        // The printed sums' quotient where it is among what they allow; else the exact sums' rate
        // (the town's own completed over its plan), else the middle of what they allow: a group of
        // one town gives that town's rate with its digits (Haiyan alone in type 4 at Jan-Oct, 11.30
        // at its reported 23.9%, was `≈24%`, the printed 11.30 / ≈47; Nanhu's 4.10 at 27.4% was
        // `≈27%` beside the town's 27.4%: session 27's fresh user, F4). ≈47 stands for 46.5-47.5,
        // so the reader's division of the printed inputs allows the town's rate too.
        if covered == 1, let allowed = rateInterval {
            let own = allowed.supportedDecimals(atMost: limit + 2)
            let quotient = c / p * 100
            if own > digits {
                digits = own
                func within(_ x: Decimal) -> Bool { allowed.lower <= x && x <= allowed.upper }
                value = within(quotient) ? quotient : within(exact) ? exact : (allowed.lower + allowed.upper) / 2
            }
        }
        while crossesFull(value, DecimalMath.rounded(value, scale: digits)), digits < limit + 2 { digits += 1 }
        return (DecimalMath.rounded(value, scale: digits), digits, hull)
    }

    /// Adds one town: its plan and completed as (quantity, derived, what it can stand for,
    /// interpreted, on another basis), its own completion rate's interval (% it can stand for;
    /// nil: unknown, interpreted, on another basis or a projection: `rateBound`), and its
    /// schedule variance in points (nil: unknown).
    /// The town joins the sums only when both figures are exact, reported or derived (not
    /// interpreted) and `comparable`: they may be set against each other by the rule a town's
    /// progress follows (`Metrics.comparable`, as `TownProgress.comparesWithPlan`: one basis, and
    /// not two reported figures from different sources).
    public mutating func add(
        plan: (quantity: Quantity, derived: Bool, interval: Interval?, interpreted: Bool)?,
        completed: (quantity: Quantity, derived: Bool, interval: Interval?, interpreted: Bool)?,
        rate: Interval? = nil, comparable: Bool, variance: Decimal?
    ) {
        members += 1
        if let variance {
            withRate += 1
            if variance < 0 { behind += 1 }
        }
        guard let plan, let completed, comparable, !plan.interpreted, !completed.interpreted,
            plan.quantity.exactValue != nil, completed.quantity.exactValue != nil
        else { return }
        let first = covered == 0
        self.plan.add(plan.quantity, derived: plan.derived, interval: plan.interval)
        self.completed.add(completed.quantity, derived: completed.derived, interval: completed.interval)
        // This town's completed ÷ plan, narrowed to its own rate where they overlap; the hull
        // stays nil once one covered town's cannot be bounded.
        func possible(_ q: Quantity, _ interval: Interval?) -> Interval? {
            if let interval { return interval }
            guard case let .exact(v, d) = q else { return nil }
            return Interval(printed: v, decimals: d)
        }
        var own = possible(completed.quantity, completed.interval).flatMap { c in
            possible(plan.quantity, plan.interval).flatMap { c.nonNegative.divided(by: $0.nonNegative, scale: 100) }
        }
        if let quotient = own, let rate, let narrowed = quotient.intersection(rate) { own = narrowed }
        if first {
            memberRates = own
        } else if let hull = memberRates, let own {
            memberRates = Interval(min(hull.lower, own.lower), max(hull.upper, own.upper))
        } else {
            memberRates = nil
        }
    }

    /// What a town's completion rate `figure` can stand for (%), as `add` takes it: nil for an
    /// unknown rate, a lower bound, an interpretation, a rate on another basis or a projection.
    public static func rateBound(_ figure: ShownFigure?) -> Interval? {
        guard let f = figure, !f.isInterpreted, !f.isWorkedFromInterpretation, !f.onOtherBasis, !f.isProjection,
            case let .exact(v, d) = f.quantity
        else { return nil }
        return f.interval ?? Interval(printed: v, decimals: d)
    }

    /// Adds one town from its figures (nil: unknown; `rate`, its completion rate, narrows
    /// `memberRates`) and its schedule variance in points.
    public mutating func add(plan: Figure?, completed: Figure?, rate: Figure? = nil, variance: Decimal?) {
        func parts(_ f: Figure?) -> (quantity: Quantity, derived: Bool, interval: Interval?, interpreted: Bool)? {
            f.map { ($0.quantity, $0.isDerived, $0.possible, $0.isInterpreted) }
        }
        let comparable = plan.flatMap { p in completed.map { Metrics.comparable($0, p) } } ?? false
        add(plan: parts(plan), completed: parts(completed), rate: Self.rateBound(ShownFigure(rate)),
            comparable: comparable, variance: variance)
    }
}

extension Metrics {
    /// The progress of `towns` together in `period` (`GroupProgress`): plan and completed
    /// over the towns with both, the rate over those, and the count behind schedule.
    /// Haining and Tongxiang (type 1), Jan-Sep 2015: 13.56 / ≈18.60 = ≈72.9% over 1 of 2
    /// towns, 1 behind (Haining, -2.1 points; Tongxiang is +17.7).
    public func groupProgress(_ towns: [Town], period: Period) -> GroupProgress {
        let lean = withoutFormulas
        var g = GroupProgress()
        for town in towns {
            let f = lean.periodFigures(town, period: period.id, year: String(period.year))
            g.add(plan: f.planYear, completed: f.completed, rate: f.completionRate,
                  variance: scheduleVarianceValue(f.completionRate, period: period))
        }
        return g
    }
}
