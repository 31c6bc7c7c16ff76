import Foundation

/// Whether a town (or the city: nil) is behind the linear schedule in a period, read two ways:
/// by its completed amount against its year's plan (`TownProgress.shortfall`, 亿元, above 0:
/// behind) and by its completion rate against the share of the year elapsed
/// (`Metrics.scheduleVarianceValue`, percentage points, below 0: behind).
///
/// A verdict is never more certain than its sources (the lead's decision, wave 14): when the two
/// readings disagree and a consistency check fails on a figure they rest on
/// (`Checker.isFlagged(workedFrom:)` of the plan, the completed amount or the rate), the verdict
/// is undecided, and every place says so the same way (`?`, not ▼ and not "ahead"): the overview,
/// the towns list, the town's page, the exports, the report and a copy. Haining with its
/// completed 13.56 printed as 14.56: behind by its rate (72.9% against 75%: -2.1 points), ahead
/// by the amount worked out from the flagged plan (≈1 亿元): undecided. A town with no flagged
/// input, or whose readings agree (the city's 42.5%!, behind either way), keeps its verdict.
public struct ScheduleReadings: Sendable, Equatable {
    /// The shortfall against the linear schedule (亿元; positive: behind), nil when unknown or
    /// when the completed amount may not be set against the plan (`Metrics.comparable`).
    public var byAmount: Decimal?
    /// The schedule variance of the completion rate (points; negative: behind), nil when unknown.
    public var byRate: Decimal?
    /// Whether a failing consistency check casts doubt on a figure the readings rest on.
    public var flagged: Bool
    /// The period (its id) the year's plan is first derivable from, when that is after the period
    /// judged and the readings rest on that plan (`Checker.laterPlanPeriod`): nil otherwise.
    public var laterPlan: String?
    /// What the completion rate can stand for (%, `Figure.possible`) when that holds values on both
    /// sides of the share of the year elapsed at the period's end (`Interval.settles(atLeast:)`, the
    /// land reward's rule for 100%): a reported 83.3% is [83.25, 83.35], Jan-Oct's 83.33 inside; a
    /// rate worked out as 16.95 / ≈17.0 (the plan [16.911, 17.028]) is [99.54, 100.26] at the
    /// year's end, 100 inside. The rounding of the figures the readings rest on cannot say behind
    /// or not, so neither may be said (wave 30's fresh user). Nil otherwise, or when unknown.
    public var withinRounding: Interval?
    /// What the shortfall can be (亿元, `TownProgress.shortfall`'s interval; positive: behind) when
    /// that holds values on both sides of 0: the plan's (or the completed amount's) rounding allows
    /// the town to be behind or ahead by the amount, so the amount reading may say neither, only
    /// the range (Nanhu at 2015-12 with 15.00 over its plan ≈15.0 from 3.52 / 23.5%: the point
    /// -0.02 read `ahead by ≈0.02`, where the shortfall may be -0.053 to +0.011; wave 31's fresh
    /// user). Nil otherwise, when the shortfall is unknown, or when it is not worked out (a town
    /// never undecided).
    public var amountEitherWay: Interval?
    /// What the schedule variance can be (percentage points, `withinRounding` less the share of the
    /// year elapsed; negative: behind) when the rate's rounding holds that share: its lower end
    /// below 0, its upper end above, so the rate reading may say neither behind nor ahead, only
    /// the range or `at` (wave 32's fresh user: Jiashan's 16.95 over a plan ≈17.0 read `by rate
    /// behind by 0.1 points` beside `the completion rate may be 99.51% to 100.26%`; the range is
    /// [-0.49, +0.26]). Nil exactly when `withinRounding` is nil.
    public var rateEitherWay: Interval?

    /// The two readings disagree (one behind, the other not) and a check fails on their figures,
    /// or both rest on a plan first derivable from a later period, or the rate's rounding holds the
    /// share elapsed (`withinRounding`): neither behind nor ahead may be said as of the period
    /// judged (README: evidence dated up to the period shown; a verdict is never more certain than
    /// its sources).
    public var isUndecided: Bool {
        if laterPlan != nil || withinRounding != nil { return byAmount != nil || byRate != nil }
        guard flagged, let a = byAmount, let r = byRate else { return false }
        return (a > 0) != (r < 0)
    }

    public init(byAmount: Decimal?, byRate: Decimal?, flagged: Bool, laterPlan: String? = nil,
                withinRounding: Interval? = nil, amountEitherWay: Interval? = nil, rateEitherWay: Interval? = nil) {
        (self.byAmount, self.byRate, self.flagged, self.laterPlan) = (byAmount, byRate, flagged, laterPlan)
        (self.withinRounding, self.amountEitherWay) = (withinRounding, amountEitherWay)
        self.rateEitherWay = rateEitherWay
    }
}

extension Checker {
    /// `town`'s (nil: the city's) two readings of being behind in `period` (`ScheduleReadings`).
    /// Only a town with a flagged input, a plan from a later period, or a completion rate whose
    /// rounding holds the share of the year elapsed (`withinRounding`) has its shortfall worked
    /// out (any other town is never undecided): a clean town costs its rate's look-up (a reported
    /// one) or derivation (completed / the plan as of `period`).
    public func scheduleReadings(_ town: Town?, period: Period) -> ScheduleReadings {
        let later = laterPlanPeriod(town, period: period)
        let flagged = isFlagged(workedFrom: [.planYear, .completed, .completionRate], town: town, period: period)
        let m = metrics.withoutFormulas
        let rate = town.map { m.figure($0, FigureKey(.completionRate, period.id)) }
            ?? m.total(FigureKey(.completionRate, period.id))
        let within = Self.withinRounding(rate, period: period)
        guard flagged || later != nil || within != nil else {
            return ScheduleReadings(byAmount: nil, byRate: nil, flagged: false)
        }
        let shortfall = m.progress(town, period: period).againstPlan.shortfall
        return ScheduleReadings(
            byAmount: shortfall?.quantity.exactValue, byRate: m.scheduleVarianceValue(rate, period: period),
            flagged: flagged, laterPlan: later, withinRounding: within,
            amountEitherWay: shortfall?.interval.flatMap { $0.settles(atLeast: 0) == nil ? $0 : nil },
            rateEitherWay: within.map {
                let elapsed = Self.elapsedShare(period)
                return Interval($0.lower - elapsed, $0.upper - elapsed)
            })
    }

    /// `scheduleReadings(_:period:)` of `town` (nil: the city) as a table's row asks it, with the
    /// row's completion rate (`rate`, %, as the period's table shows it: `ShownFigure`, the same
    /// figure `Metrics` gives, reported or worked out from completed / the year's plan): a clean
    /// town (no flagged input, no plan from a later period, a rate whose rounding does not hold the
    /// share elapsed) is answered from the row's rate without looking the rate up or deriving it
    /// again (wave 32: at 10,000 x 60 that was a fifth of the towns view's first visit); any other
    /// town is asked in full. The answer equals `scheduleReadings(_:period:)`'s
    /// (`W32ScheduleRowTests`: every town and period of a generated dataset, from the text's table
    /// and from a snapshot's).
    public func scheduleReadings(_ town: Town?, period: Period, rate: ShownFigure?) -> ScheduleReadings {
        guard laterPlanPeriod(town, period: period) == nil,
              !isFlagged(workedFrom: [.planYear, .completed, .completionRate], town: town, period: period),
              Self.withinRounding(possible: rate?.possible, period: period) == nil
        else { return scheduleReadings(town, period: period) }
        return ScheduleReadings(byAmount: nil, byRate: nil, flagged: false)
    }

    /// What `rate` (a completion rate, %) can stand for (`Figure.possible`) when it holds values on
    /// both sides of the share of `period`'s year elapsed at its end (`Interval.settles(atLeast:)`
    /// is nil): the rate's rounding cannot say behind or not (`ScheduleReadings.withinRounding`).
    /// Nil for an unknown rate, a bound, or one whose every possible value is on one side.
    public static func withinRounding(_ rate: Figure?, period: Period) -> Interval? {
        withinRounding(possible: rate?.possible, period: period)
    }

    /// `withinRounding(_:period:)` of what a rate can stand for (nil: unknown, or a bound); a
    /// table's row gives its `ShownFigure`'s (`interval`, else its printed digits').
    public static func withinRounding(possible: Interval?, period: Period) -> Interval? {
        guard let possible else { return nil }
        return possible.settles(atLeast: elapsedShare(period)) == nil ? possible : nil
    }

    /// The share of `period`'s year elapsed at its end (%): `Decimal(through) / 12 * 100`.
    static func elapsedShare(_ period: Period) -> Decimal {
        elapsedShares.indices.contains(period.through)
            ? elapsedShares[period.through] : Decimal(period.through) / 12 * 100
    }

    /// The share of the year elapsed at the end of month 0-12 (%), `Decimal(through) / 12 * 100`
    /// worked out once (a Decimal division per town and period was a third of a clean town's
    /// readings), the same digits.
    private static let elapsedShares: [Decimal] = (0...12).map { Decimal($0) / 12 * 100 }

    /// The period (id) `town`'s year's plan is first derivable from (completed / completion rate,
    /// `Metrics`), when that is after `period` and `period`'s readings of being behind rest on that
    /// plan: the year's plan is not given, `period` has a completed figure and no reported
    /// completion rate (a reported rate is `period`'s own reading), and no period of the year up to
    /// `period` allows the derivation. Nanhu in a Jan-Jul 2.05 with its plan ≈15.0 first from
    /// Jan-Sep's 3.52 / 23.5%: `"2015-09"`. Nil otherwise, and for the city (its plan is reported
    /// or unknown). A few look-ups of the town's figures; no derivation is made.
    public func laterPlanPeriod(_ town: Town?, period: Period) -> String? {
        guard let figures = town?.figures else { return nil }
        guard figures[FigureKey(.completionRate, period.id)] == nil,
              figures[FigureKey(.completed, period.id)] != nil,
              figures[FigureKey(.planYear, String(period.year))] == nil else { return nil }
        func derivable(_ p: Period) -> Bool {
            guard let done = figures[FigureKey(.completed, p.id)], case .exact = done.quantity,
                  let rate = figures[FigureKey(.completionRate, p.id)], case let .exact(rv, _) = rate.quantity
            else { return false }
            return rv > 0
        }
        var later: Period?
        for p in metrics.dataset.periods where p.year == period.year {
            if p.through <= period.through {
                if derivable(p) { return nil }
            } else if (later.map { p.through < $0.through } ?? true), derivable(p) {
                later = p
            }
        }
        return later?.id
    }

    /// Whether `town`'s (nil: the city's) verdict on being behind in `period` is undecided
    /// (`ScheduleReadings.isUndecided`).
    public func isVerdictUndecided(_ town: Town?, period: Period) -> Bool {
        scheduleReadings(town, period: period).isUndecided
    }
}
