import Foundation

/// The figures a view shows for a town or for the city: each reported figure as the data
/// holds it, or one derived from reported figures by arithmetic, with its formula.
///
/// Derivations (each shown as `derived` with the numbers used):
/// - a year's plan = completed(p) / completion rate(p), from every period p of that year with
///   both reported (Haining: 9.3 / 50% = 18.6, confirmed by 13.56 / 72.9% = 18.60): one figure
///   for the year, in every period shown, lying in what all those derivations allow together
///   (their intervals' intersection; a derivation sharing no value with the earlier ones is
///   left out and flagged by `Checker`, a revised plan or a wrong figure);
/// - completion rate(p) = completed(p) / the year's plan x 100 (%);
/// - completed(p) = completion rate(p) x the year's plan, when the plan was reported;
/// - start rate(p) = projects started(p) / projects planned x 100 (%).
/// Rounding: amounts to 2 decimals, rates to 1 decimal (the paper's precision).
public struct Metrics: Sendable {
    public let dataset: Dataset
    /// The periods of each year ("2015"), oldest first.
    private let periodsByYear: [String: [Period]]
    /// Whether derived figures carry their formula text. A table shows only values and the
    /// derived mark, so `withoutFormulas` skips writing the text (most of a derivation's cost
    /// at 10,000 towns); a town page shows formulas and uses a `Metrics` that writes them.
    public private(set) var formulas = true

    /// This `Metrics` with derived figures whose formula text is empty (values, decimals and
    /// the derived mark unchanged). For tables only: never show such a figure's formula.
    public var withoutFormulas: Metrics {
        guard formulas else { return self }
        var m = self
        m.formulas = false
        m.remembered = nil  // worked out with their formulas
        return m
    }

    /// One town's derived year plans, worked out once by `remembering(_:)`, with the figures
    /// they were worked out from (asked again only for those same figures).
    struct RememberedPlans: Sendable {
        let figures: Figures
        /// The derived plan of each year remembered, by year ("2015"): nil when none can be
        /// derived; a year not there is worked out when asked.
        let plans: [String: Figure?]
    }

    private var remembered: RememberedPlans?

    /// Every town's derived year plans, kept as they are worked out and shared by this `Metrics`
    /// and every copy made of it (`rememberingYearPlans`), or nil.
    private var yearPlans: YearPlanMemo?

    /// This `Metrics` (and every copy made of it, with formulas or without) keeping each town's
    /// derived year plan once worked out, for each year and either way of `formulas`: the
    /// snapshot's write asks for the same town's plan of the same year many times a period (the
    /// overview's changes and progress, the rules, the places; 14% of its CPU at 10,000 x 14).
    /// The same figures as `self` gives. Towns whose figures are held in a dictionary (read from
    /// the text) are kept; others, and figures that are not a town's of this dataset, are worked
    /// out as before. Thread-safe (a lock), so copies may be used on every core.
    public func rememberingYearPlans() -> Metrics {
        var m = self
        m.yearPlans = YearPlanMemo(dataset.towns)
        return m
    }

    /// This `Metrics` with `town`'s derived year plans worked out once, for a town's page that
    /// asks for a year's plan for every figure of every period (each asking derived it again
    /// from the year's periods: 60 periods x 12 derivations with their formulas, most of a first
    /// Enter at 10,000 x 60). The same figures as `self` gives, for `town` and every other town;
    /// only towns read from a snapshot's figure area are remembered (others are worked out as before).
    /// `years`: only these years' plans ("2015"; nil: every year of the dataset's periods).
    public func remembering(_ town: Town, years: [String]? = nil) -> Metrics {
        guard town.figures.isMapped else { return self }
        var m = self
        m.remembered = nil
        var plans: [String: Figure?] = [:]
        for year in years ?? Array(periodsByYear.keys) {
            // One plan for the year, whatever the period shown (`yearPlan(_:asOf:)`, wave 43).
            plans[year] = .some(derivedYearPlan(year: year, town.figures))
        }
        m.remembered = RememberedPlans(figures: town.figures, plans: plans)
        return m
    }

    /// A derived figure; `formula` is only written when `formulas` is on. When one of `inputs`
    /// is an interpretation (`Provenance.interpreted`), the result is one too, never more
    /// certain than what it rests on: its reasoning is the formula and the input's reasoning,
    /// its readings the input's, and it is marked as worked out from one (`Figure.isWorkedFromInterpretation`:
    /// a start rate over the "30 projects" read as 30 each is `≈†`, derived and interpreted, where
    /// the 30 is `†`; sums never count it as known).
    private func derived(_ value: Decimal, decimals: Int, _ formula: @autoclosure () -> String,
                         from inputs: [Figure] = []) -> Figure {
        let worked = Figure.derived(value, decimals: decimals, formula: formulas ? formula() : "")
        let readings = inputs.compactMap { f -> (String, [String])? in
            if case let .interpreted(reasoning, readings) = f.provenance { return (reasoning, readings) }
            return nil
        }
        guard !readings.isEmpty else { return worked }
        var f = worked
        f.provenance = .interpreted(
            reasoning: formulas
                ? formula() + "; rests on an interpretation: " + readings.map(\.0).joined(separator: "; ")
                : "",
            readings: readings.flatMap(\.1))
        f.isWorkedFromInterpretation = true
        return f
    }

    /// `figure` with its arithmetic as data (`Figure.explanation`), when formulas are on.
    private func explained(_ figure: Figure, _ step: @autoclosure () -> Explanation.Step) -> Figure {
        guard formulas else { return figure }
        var f = figure
        f.explanation = Explanation(step: step(), interval: f.interval)
        return f
    }

    public init(dataset: Dataset) {
        self.dataset = dataset
        var byYear: [String: [Period]] = [:]
        for p in dataset.periods { byYear[String(p.year), default: []].append(p) }
        periodsByYear = byYear
    }

    // MARK: Towns

    /// The town's figure for `key`: reported, derived, or nil when unknown.
    public func figure(_ town: Town, _ key: FigureKey) -> Figure? {
        figure(key, in: town.figures)
    }

    /// The city's total for `key`: reported, derived from other totals, or nil when unknown. The
    /// city's completed amount of a period it gives none for (neither reported nor derivable from
    /// its rate) is the sum of its towns' (`townsSum`) where every town reported one, and its
    /// completion rate is worked out over that sum (F4: a month imported for all five towns).
    public func total(_ key: FigureKey) -> Figure? {
        let totals = Figures(dataset.totals)
        if let known = figure(key, in: totals) { return known }
        guard let p = key.period else { return nil }
        switch key.measure {
        case .completed:
            return townsSum(p)
        case .completionRate:
            guard totals[FigureKey(.completed, p)] == nil, var done = townsSum(p) else { return nil }
            // Over every value the towns' printed amounts allow together (each ± half its last digit).
            done.interval = townsSumInterval(p)
            return derivedCompletionRate(p, done: done, plan: planAsOf(p, totals))
        default:
            return nil
        }
    }

    /// The city's completed amount in period `p` as the sum of every town's reported one: only
    /// where every town of the dataset reported an exact amount for `p`, all on one basis (never
    /// where one is unknown, a lower bound, derived or an interpretation), marked derived with its
    /// parts as its formula (`Explanation.Step.sumOfTowns`) and the interval their rounding
    /// allows; nil otherwise. Written with the most digits of its parts, as a table's sum of known
    /// figures is (`Tally.supportedDecimals`: 15.00 + 13.0 + 6.0 + 4.10 + 10.0 is ≈48.10); what
    /// their rounding allows together is `townsSumInterval` (the rate over it is worked out on that).
    /// Stops at the first town without one (a few look-ups at 10,000 towns most months).
    public func townsSum(_ p: String) -> Figure? {
        let key = FigureKey(.completed, p)
        guard dataset.townCount > 0 else { return nil }
        var sum: Decimal = 0, decimals = 0
        var basis: String?? = .none
        var values: [String] = [], sources: [String] = []
        // The figures alone (`townFigures`: a snapshot's towns are not decoded for them).
        for i in dataset.townIndices {
            guard let f = dataset.townFigures(at: i)[key], case .reported = f.provenance, case let .exact(v, d) = f.quantity,
                  basis == .none || basis == .some(f.basis) else { return nil }
            basis = .some(f.basis)
            sum = DecimalMath.sum(sum, v)
            decimals = max(decimals, d)
            if formulas {
                values.append(show(f))
                if case let .reported(source, _, _, _) = f.provenance, !sources.contains(source) { sources.append(source) }
            }
        }
        let result = DecimalMath.text(sum, scale: decimals)
        var f = Figure.derived(sum, decimals: decimals,
                               formula: formulas ? "sum of the towns' reported completed \(p) (the city gives none): "
                                   + values.joined(separator: " + ") + " = " + result
                                   + " (sources: " + sources.joined(separator: ", ") + ")" : "",
                               interval: nil)
        f.basis = basis ?? nil
        if formulas {
            f.explanation = Explanation(
                step: .sumOfTowns(period: p, towns: dataset.towns.map(\.id), values: values, sources: sources,
                                  result: result))
        }
        return f
    }

    /// Every value `townsSum(p)` can stand for given the rounding of its printed parts (each ± half
    /// a unit of its last digit); nil where there is no such sum.
    func townsSumInterval(_ p: String) -> Interval? {
        guard let sum = townsSum(p)?.quantity.exactValue else { return nil }
        var half: Decimal = 0
        for i in dataset.townIndices {
            if case let .exact(_, d)? = dataset.townFigures(at: i)[FigureKey(.completed, p)]?.quantity {
                half += DecimalMath.halfUnit(decimals: d)
            }
        }
        return Interval(sum - half, sum + half)
    }

    /// The year of a period id ("2015-09" -> "2015").
    public func year(of period: String) -> String { String(period.prefix(4)) }

    /// `town`'s plan of `period`'s year shown at `period` (reported, or derived: nil when
    /// unknown): the year's plan (`figure(_:_:)` of `FigureKey(.planYear, year)`), the same
    /// figure with the same digits in every period of the year. A derived plan rests on every
    /// period of the year whose completed amount and completion rate give it, the range being
    /// what they allow together: the plan is one figure for the year, and each period's
    /// derivation holds it unless the plan was revised (then the derivations disagree and
    /// `Checker` reports it). Wave 43: Haining's plan read `≈19` at Jan-Aug (9.3 / 50% alone)
    /// and `≈18.6` at Jan-Sep, as though the plan had changed; both now read `≈18.6`, the page
    /// naming Jan-Sep's derivation as the later confirmation. Where no period up to `period`
    /// gives it, the verdicts resting on it stay undecided (`planFromLaterPeriod`, `?`).
    public func yearPlan(_ town: Town, asOf period: Period) -> Figure? {
        yearPlan(in: town.figures, year: String(period.year), through: period.through)
    }

    /// `yearPlan(_:asOf:)` given `town`'s plan of the year as a whole (`figure(town,
    /// FigureKey(.planYear, year))`, worked out once for a table of every town): that plan
    /// itself, the two being the same since wave 43 (one plan for the year in every period).
    public func yearPlan(_ town: Town, asOf period: Period, given yearsPlan: Figure?) -> Figure? {
        yearsPlan
    }

    /// The period (its id) `town`'s plan of `period`'s year comes from as of `period` when that
    /// is a later period: the plan is not reported, no period of the year up to `period` allows
    /// its derivation (completed ÷ completion rate), and the earliest later one does
    /// (`yearPlan(_:asOf:)` then rests on it alone). Nanhu at Jan-Aug 2015, its plan ≈15.0 from
    /// Jan-Sep's 3.52 / 23.5%: `"2015-09"`. Nil otherwise (the plan is known as of `period`, or
    /// unknown). What the lists mark `?` (the plan, and a rate or place worked out over it): the
    /// reports up to `period` did not give it. Look-ups only.
    public func planFromLaterPeriod(_ town: Town, asOf period: Period) -> String? {
        let year = String(period.year)
        guard town.figures[FigureKey(.planYear, year)] == nil,
              let first = derivableThroughs(year: year, town.figures).first, first > period.through
        else { return nil }
        return periodsByYear[year]?.first { $0.through == first }?.id
    }

    /// Whether `town`'s plan of `year`, derived, rests on two or more periods' derivations, so
    /// that as of an earlier period it may be another (`yearPlan(_:asOf:)`). Look-ups only.
    /// Never since wave 43: the plan shown at every period is the year's (`yearPlan(_:asOf:)`).
    public func planMayNarrow(_ town: Town, year: String) -> Bool { false }

    /// The city's plan of `period`'s year as known at `period` (`yearPlan(_:asOf:)` of the totals).
    public func totalYearPlan(asOf period: Period) -> Figure? {
        yearPlan(in: Figures(dataset.totals), year: String(period.year), through: period.through)
    }

    /// The plan of `year` in `figures` shown at the period ending in month `through` of it: the
    /// year's plan, whatever the period (`yearPlan(_:asOf:)`; `through` is kept for the callers
    /// that name a period).
    func yearPlan(in figures: Figures, year: String, through: Int?) -> Figure? {
        // Reported, none, or derived from every period of the year that gives it (remembered
        // where a memo is kept).
        if let given = figures[FigureKey(.planYear, year)] { return given }
        return figure(FigureKey(.planYear, year), in: figures)
    }


    /// The months (`Period.through`) of `year`'s periods whose completed amount and completion
    /// rate allow the plan's derivation, earliest first. Look-ups only.
    private func derivableThroughs(year: String, _ figures: Figures) -> [Int] {
        var out: [Int] = []
        for period in periodsByYear[year] ?? [] {
            guard let done = figures[FigureKey(.completed, period.id)], case .exact = done.quantity,
                  let rate = figures[FigureKey(.completionRate, period.id)], case let .exact(rv, _) = rate.quantity,
                  rv > 0 else { continue }
            out.append(period.through)
        }
        return out
    }

    /// How many of `year`'s derivations the plan as of month `through` rests on (those up to
    /// it, at least the earliest), or nil when that is every one (the year's plan as a whole).
    func derivationsIncluded(year: String, through: Int, _ figures: Figures) -> Int? {
        let months = derivableThroughs(year: year, figures)
        guard let first = months.first, let last = months.last, last > max(through, first) else { return nil }
        let bound = max(through, first)
        return months.filter { $0 <= bound }.count
    }

    func figure(_ key: FigureKey, in figures: Figures) -> Figure? {
        if let reported = figures[key] { return reported }
        switch key.measure {
        case .planYear:
            if let remembered, remembered.figures.sharesStorage(with: figures),
               let known = remembered.plans[key.period ?? ""] {
                return known
            }
            if let yearPlans, let town = yearPlans.position(of: figures) {
                return yearPlans.plan(town: town, year: key.period ?? "", formulas: formulas) {
                    derivedYearPlan(year: key.period ?? "", figures)
                }
            }
            return derivedYearPlan(year: key.period ?? "", figures)
        case .completionRate:
            guard let p = key.period else { return nil }
            return derivedCompletionRate(p, figures, plan: planAsOf(p, figures))
        case .completed:
            guard let p = key.period,
                  let rate = figures[FigureKey(.completionRate, p)], let rateV = rate.quantity.exactValue,
                  let plan = figures[FigureKey(.planYear, year(of: p))], let planV = plan.quantity.exactValue,
                  comparable(rate, plan)
            else { return nil }
            let value = rateV / 100 * planV
            // What the printed rate and plan can stand for, multiplied: the digits the product
            // supports (72% x 100 is [71.1, 72.9]: `≈72`, not `≈72.00`; `Figure.supportedDecimals`).
            // The product kept whole (a product of two printed figures ends), written to 2
            // decimals or to the fewer its range supports, rounded once from it: rounded to 2 first,
            // 99.5% x 28.19 = 28.04905 was 28.05 and then `≈28.1` (wave 40's fresh user), not `≈28.0`.
            var worked = derived(value, decimals: 2,
                                 "completion \(show(rate))% × \(year(of: p)) plan \(show(plan)) = " +
                                 "\(DecimalMath.text(value, scale: 3))", from: [rate, plan])
            if let r = rate.possible?.nonNegative, let q = plan.possible?.nonNegative {
                worked.interval = Interval(r.lower / 100 * q.lower, r.upper / 100 * q.upper)
            }
            return explained(worked,
                             .completedFromRate(rate: show(rate), year: year(of: p), plan: show(plan),
                                                result: DecimalMath.text(value, scale: 3)))
        case .startRate:
            guard let p = key.period,
                  let started = figures[FigureKey(.projectsStarted, p)], let s = started.quantity.exactValue,
                  let planned = figures[FigureKey(.projectsPlanned)], let n = planned.quantity.exactValue, n > 0
            else { return nil }
            let rate = s / n * 100
            return explained(derived(DecimalMath.rounded(rate, scale: 1), decimals: 1,
                            "started \(show(started)) / planned \(show(planned)) × 100 = " +
                            "\(DecimalMath.text(rate, scale: 2))%", from: [started, planned]),
                             .startRate(started: show(started), planned: show(planned),
                                        result: DecimalMath.text(rate, scale: 2)))
        case .planShare:
            guard let y = key.period,
                  let plan = figures[FigureKey(.planYear, y)], let pv = plan.quantity.exactValue,
                  let total = figures[FigureKey(.planTotal)], let tv = total.quantity.exactValue, tv > 0
            else { return nil }
            let share = pv / tv * 100
            return explained(derived(DecimalMath.rounded(share, scale: 1), decimals: 1,
                            "\(y) plan \(show(plan)) / 3-year plan \(show(total)) × 100 = " +
                            "\(DecimalMath.text(share, scale: 2))%", from: [plan, total]),
                             .planShare(year: y, plan: show(plan), total: show(total),
                                        result: DecimalMath.text(share, scale: 2)))
        default:
            return nil
        }
    }

    /// The plan of period `id`'s year as known at it (`yearPlan(in:year:through:)`).
    private func planAsOf(_ id: String, _ figures: Figures) -> Figure? {
        let through = periodsByYear[year(of: id)]?.first { $0.id == id }?.through
        return yearPlan(in: figures, year: year(of: id), through: through)
    }

    /// Whether two figures may be combined: not two figures on different bases (`Figure.basis`),
    /// and not two reported figures from different sources,
    /// which may define the measure differently (the 2016 notice's 63.06 is fixed-asset
    /// investment without commercial housing; the paper's 106.8 plan is not said to be).
    /// The one rule for setting a completed figure against a plan: a town's progress
    /// (`TownProgress.comparesWithPlan`), its derived rate, and a group's sums (`GroupProgress`).
    public func comparable(_ a: Figure, _ b: Figure) -> Bool { Self.comparable(a, b) }

    /// `comparable(_:_:)`, for callers without a `Metrics` (it reads nothing but the two figures).
    public static func comparable(_ a: Figure, _ b: Figure) -> Bool {
        if a.basis != b.basis { return false }
        if case let .reported(x, _, _, _) = a.provenance, case let .reported(y, _, _, _) = b.provenance {
            return x == y
        }
        return true
    }

    /// completed(p) / the year's plan x 100, given the plan as `figure` gives it, with the interval
    /// its inputs' rounding allows (`Figure.interval`: the digits shown are those it supports).
    private func derivedCompletionRate(_ p: String, _ figures: Figures, plan: Figure?) -> Figure? {
        derivedCompletionRate(p, done: figures[FigureKey(.completed, p)], plan: plan)
    }

    /// The digits after the point a completion rate worked out from the plan keeps (its value:
    /// places, variances and verdicts read it), beyond the 1-5 it is written with: enough that
    /// writing it rounds once, few enough that its mantissa stays within 64 bits
    /// (`DecimalMath`'s and `RoughDecimal`'s fast paths).
    public static let keptRateDecimals = 6

    /// completed(p) / the year's plan x 100 for a completed figure given (`done`), to 1 decimal, or
    /// to the more digits (`rateDecimals`) that keep it on the quotient's side of 100% and of the
    /// share of the year elapsed at `p`: a rate is never judged (`scheduleVarianceValue`, the
    /// behind filter) nor printed on a rounding the quotient does not stand on (20.03 / 20.04 at
    /// the year's end is 99.95%, behind as its shortfall 0.01 says, not 100.0% on schedule).
    private func derivedCompletionRate(_ p: String, done: Figure?, plan: Figure?) -> Figure? {
        guard let done, let doneV = done.quantity.exactValue,
              let plan, let planV = plan.quantity.exactValue, planV > 0, comparable(done, plan) else { return nil }
        let rate = doneV / planV * 100
        let through = periodsByYear[year(of: p)]?.first { $0.id == p }?.through
        let elapsedShare = through.flatMap { Self.elapsed.indices.contains($0) ? Self.elapsed[$0] : nil }
        // What the completed figure's and the plan's rounding let the rate be: the digits shown are
        // those it supports (4.5 over a plan of [14.926, 15.032] is [29.6, 30.5]: `≈30%`, not `≈30.0%`).
        let interval = zip2(done.possible?.nonNegative, plan.possible?.nonNegative)
            .flatMap { $0.divided(by: $1, scale: 100) }
        // Where that range holds the share elapsed on both sides, no digits keep the quotient's
        // side of it (15.50 / 18.60 at Jan-Oct is 83.333%, 83.21-83.45, on 10/12 = 83.333...%): no
        // side is claimed (the verdict is `?`, `ScheduleReadings.withinRounding`), and the rate is
        // written with the digits its range supports (`≈83%`, not `≈83.333%`: session 27's fresh
        // user, F1), its formula's quotient with 2 (`= 83.33%`). Its value is the quotient to
        // `keptRateDecimals` digits, written to `digits` or fewer rounded once from it: kept to
        // `digits` and written with fewer, 39.47% was 39.5 and then `≈40%`, not `≈39%` (18 of
        // 1,315 derived rates of a generated 300 x 60, wave 42).
        let sideOfElapsed = elapsedShare.flatMap { e in interval.map { $0.lower < e && e < $0.upper } == true ? nil : e }
        let digits = Self.rateDecimals(rate, elapsed: elapsedShare)
        let sideDigits = sideOfElapsed == elapsedShare ? digits : Self.rateDecimals(rate, elapsed: sideOfElapsed)
        // The formula's quotient to 2 digits, or to every digit the rate keeps (`≈99.95%`, `= 99.95%`).
        func shown() -> String { DecimalMath.text(rate, scale: max(2, sideDigits)) }
        var worked = derived(DecimalMath.rounded(rate, scale: max(digits, Self.keptRateDecimals)), decimals: digits,
                             "completed \(show(done)) / \(year(of: p)) plan \(show(plan)) × 100 = " +
                             "\(shown())%", from: [done, plan])
        worked.interval = interval
        // Written with the digits its interval supports, it must not land on a side the quotient is
        // not on either (16.95 / ≈17.0 = 99.88% was `≈100%` at no decimals, 9.3 / 12.45 = 74.70%
        // `≈75%` beside Jan-Sep's 75.0%: wave 30's fresh user): then with the digits that keep it.
        if let s = worked.supportedDecimals, !Self.keepsSides(rate, digits: s, elapsed: sideOfElapsed) {
            worked.leastDecimals = Int8(sideDigits)
        }
        // Where what its rounding allows holds values on both sides of 100%, no side of it is
        // claimed: written with the most digits (up to those above) at which it reads 100 (15.00
        // over ≈14.98 at the year's end, 99.75-100.54, is `≈100%`, not `≈100.1%`, read as the plan
        // exceeded; session 26's fresh user, F3). Its formula keeps the quotient (`= 100.13%`).
        if let i = worked.interval, i.lower < 100, 100 < i.upper,
           let k = (0...digits).reversed().first(where: { DecimalMath.rounded(rate, scale: $0) == 100 }),
           DecimalMath.rounded(rate, scale: digits) != 100 {
            let interval = worked.interval
            worked = derived(100, decimals: k, "completed \(show(done)) / \(year(of: p)) plan \(show(plan)) × 100 = "
                                 + "\(shown())%", from: [done, plan])
            worked.interval = interval
        }
        return explained(worked,
                         .rateFromPlan(completed: show(done), year: year(of: p), plan: show(plan),
                                       result: shown()))
    }

    /// The digits after the point (1 to 3) a completion rate `value` (%) is kept with, so that,
    /// rounded to them, it stands on the same side of 100% and of `elapsed` (the share of the year
    /// elapsed at its period's end, %; nil: unknown) as `value` itself, and on either only where
    /// `value` does: 99.95 at the year's end is 99.95 (not 100.0: the plan is not met, and the
    /// town is behind), 74.96 at Jan-Sep 74.96 (not 75.0, on schedule), 58.334 at Jan-Jul 58.334
    /// (not 58.3, under 7/12's 58.33...). One decimal wherever that keeps both, as most rates are.
    /// At most 3, which holds every rate over a plan up to 100 亿元 with inputs of 2 decimals; a
    /// quotient closer still to the share elapsed is written on it (wave 30's fresh user saw
    /// `≈16.66667%` beside a variance of `+0.000003` at 5 digits: precision the inputs lack).
    /// Where `value` is off `elapsed`, also the digits that give the variance worked out from the
    /// rate so rounded a nonzero value at them (1.78 / 21.56 = 8.256% in January: 8.3 - 8.33 is
    /// 0.0 at 1 decimal, on schedule, while its amount is short; `≈8.26%`, -0.07: wave 30).
    public static func rateDecimals(_ value: Decimal, elapsed: Decimal?) -> Int {
        func holdsVariance(_ digits: Int) -> Bool {
            guard let elapsed, value != elapsed else { return true }
            return DecimalMath.rounded(DecimalMath.rounded(value, scale: digits) - elapsed, scale: digits) != 0
        }
        var digits = 1
        while digits < 3, !keepsSides(value, digits: digits, elapsed: elapsed) || !holdsVariance(digits) { digits += 1 }
        return digits
    }

    /// Whether `value` (%) rounded to `digits` stands on the same side of 100% and of `elapsed`
    /// (%, nil: unknown) as `value` itself, and on either only where `value` does.
    public static func keepsSides(_ value: Decimal, digits: Int, elapsed: Decimal?) -> Bool {
        func side(_ a: Decimal, _ b: Decimal) -> Int { a < b ? -1 : (a > b ? 1 : 0) }
        let r = DecimalMath.rounded(value, scale: digits)
        return side(r, 100) == side(value, 100) && (elapsed.map { side(r, $0) == side(value, $0) } ?? true)
    }

    /// Whether `town`'s completed figure of `period` may be set against its year's plan
    /// (`TownProgress.comparesWithPlan` of `progress(town, period:)`, without working out the
    /// rest of its progress): false only when both are there and not `comparable`.
    public func comparesWithPlan(_ town: Town, period: Period) -> Bool {
        guard let plan = yearPlan(town, asOf: period),
              let done = figure(town, FigureKey(.completed, period.id)) else { return true }
        return comparable(done, plan)
    }

    /// What the towns table shows of one town for one period, each figure as
    /// `figure(_:_:)` gives it (reported, derived, or nil), the year's plan worked out once.
    public struct PeriodFigures: Sendable {
        public var planYear: Figure?
        public var completed: Figure?
        public var completionRate: Figure?
        public var projectsStarted: Figure?
        public var projectsPlanned: Figure?
        public var startRate: Figure?
        /// False when the completed figure and the year's plan are both there but may not be set
        /// against each other (`Metrics.comparable`: another basis, or two sources).
        public var completedComparesWithPlan = true
    }

    /// The town's figures for period `period` ("2015-09") and the plan of `year` ("2015"), as
    /// known at `period` when it is of that year (`yearPlan(_:asOf:)`).
    public func periodFigures(_ town: Town, period: String, year: String) -> PeriodFigures {
        let plan = year == self.year(of: period)
            ? planAsOf(period, town.figures) : figure(FigureKey(.planYear, year), in: town.figures)
        return periodFigures(town, period: period, year: year, plan: plan)
    }

    /// `periodFigures(_:period:year:)` given the plan of `year` as `periodFigures(_:period:year:)`
    /// would work it out (as known at `period`; worked out once per year for a table of every
    /// town, not once per period, where that is the same: `derivationsIncluded`).
    public func periodFigures(_ town: Town, period: String, year: String, plan: Figure?) -> PeriodFigures {
        let figures = town.figures
        let rateKey = FigureKey(.completionRate, period)
        let rate: Figure?
        if let reported = figures[rateKey] {
            rate = reported
        } else if year == self.year(of: period) {
            rate = derivedCompletionRate(period, figures, plan: plan)  // the same plan `figure` would derive
        } else {
            rate = figure(rateKey, in: figures)
        }
        let completed = figure(FigureKey(.completed, period), in: figures)
        return PeriodFigures(
            planYear: plan,
            completed: completed,
            completionRate: rate,
            projectsStarted: figure(FigureKey(.projectsStarted, period), in: figures),
            projectsPlanned: figure(FigureKey(.projectsPlanned), in: figures),
            startRate: figure(FigureKey(.startRate, period), in: figures),
            completedComparesWithPlan: zip2(plan, completed).map { Self.comparable($1, $0) } ?? true)
    }

    /// The year's plan from completed / completion rate, earliest period first. Its value is the
    /// narrowest agreeing derivation's (see below), the others named beside it. Later periods
    /// that allow the same derivation are named as confirmations when their intervals (given
    /// the rounding of the printed figures) share a value with the standing plan (the
    /// intersection of the earlier agreeing ones), and as disagreeing when they do not
    /// (`Checker` then flags the disagreeing period's figures, not the earlier ones: a later
    /// month never changes an earlier period's figures). The figure's `interval` is the
    /// intersection of the agreeing derivations' intervals: what the inputs support (see
    /// `Figure.supportedDecimals`).
    /// The one plan of the year, shown at every period of it (`yearPlan(in:year:through:)`; a
    /// view words the derivations of periods after the one shown as later).
    private func derivedYearPlan(year: String, _ figures: Figures) -> Figure? {
        var derivations: [(value: Decimal, interval: Interval?, text: String, step: Explanation.Step?)] = []
        for period in periodsByYear[year] ?? [] {
            guard let done = figures[FigureKey(.completed, period.id)], case let .exact(dv, dd) = done.quantity,
                  let rate = figures[FigureKey(.completionRate, period.id)], case let .exact(rv, rd) = rate.quantity,
                  rv > 0 else { continue }
            let value = dv / (rv / 100)
            let interval = Interval(printed: dv, decimals: dd).nonNegative
                .divided(by: Interval(printed: rv, decimals: rd).nonNegative, scale: 100)
            // The text only when formulas are on (most of a derivation's cost in a large table).
            let text = formulas ? "completed \(period.labelEN) \(show(done)) / completion \(show(rate))% = "
                + DecimalMath.text(value, scale: 2) : ""
            let step: Explanation.Step? = formulas
                ? .planFromCompleted(period: period.id, completed: show(done), rate: show(rate),
                                     result: DecimalMath.text(value, scale: 2)) : nil
            derivations.append((value, interval, text, step))
        }
        guard let first = derivations.first else { return nil }
        // Which derivations agree with the standing plan (the earlier agreeing ones'
        // intersection), as `Checker` judges it: the later one that contradicts it is flagged.
        var common = first.interval
        var agreeing = [0]
        var disagreeing: [Int] = []
        var shown = first.interval  // what the agreeing ones allow together
        for (i, other) in derivations.enumerated().dropFirst() {
            if let a = common, let b = other.interval, a.intersection(b) == nil {
                disagreeing.append(i)
            } else {
                agreeing.append(i)
                if let c = common, let b = other.interval { common = c.intersection(b) ?? c }
                shown = common
            }
        }
        // The earliest derivation's value where what every agreeing one allows together contains
        // it, else the narrowest agreeing derivation's (the earliest of equals): July's 7.50 / 40%
        // = 18.75 lies outside [18.58, 18.62], which Jan-Sep's 13.56 / 72.9% = 18.60 allows, so
        // 18.60 is written: a consistent month more never moves the plan outside what the others
        // allow (wave 22). Should that value lie outside too, the middle of what all allow is written.
        func width(_ i: Int) -> Decimal? { derivations[i].interval.map { $0.upper - $0.lower } }
        let firstInside = shown.map { first.value >= $0.lower && first.value <= $0.upper } ?? true
        let best = firstInside ? 0 : agreeing.min { a, b in
            switch (width(a), width(b)) {
            case let (x?, y?): return x < y || (x == y && a < b)
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a < b
            }
        } ?? 0
        var value = derivations[best].value
        var middleOf: Interval?
        if let c = shown, value < c.lower || value > c.upper {
            value = (c.lower + c.upper) / 2
            middleOf = c
        }
        let main = derivations[best]
        var formula = main.text
        if formulas, let interval = main.interval {
            formula += " (given the rounding of the printed figures: \(interval))"
        }
        var explanation = main.step.map { Explanation(step: $0, interval: main.interval) }
        for i in derivations.indices where i != best {
            let other = derivations[i]
            if disagreeing.contains(i) {
                if let step = other.step {
                    explanation?.disagreeing.append(step)
                    explanation?.disagreeingIntervals.append(other.interval)
                }
                if formulas, let b = other.interval {
                    formula += "; but \(other.text) (\(b)) disagrees (a plan revised in the year, or a wrong "
                        + "figure): a consistency check fails, see towns check"
                }
            } else {
                if formulas { formula += "; confirmed by \(other.text)" }
                if let step = other.step { explanation?.confirmedBy.append(step) }
            }
        }
        if agreeing.count > 1 {
            explanation?.together = shown
            if formulas, let shown {
                formula += "; together they allow \(shown), the year's one plan"
            }
        }
        if let middleOf {
            explanation?.middleOf = middleOf
            if formulas { formula += "; written as the middle of \(middleOf), which every agreeing derivation allows" }
        }
        var plan = Figure.derived(
            DecimalMath.rounded(value, scale: 2), decimals: 2, formula: formula, interval: shown)
        plan.explanation = explanation
        return plan
    }

    /// A figure's value as printed, for formulas ("9.3", ">14").
    func show(_ figure: Figure) -> String {
        switch figure.quantity {
        case let .exact(v, d):
            return DecimalMath.text(v, scale: figure.isDerived ? min(d, max(2, Int(figure.leastDecimals))) : d)
        case let .moreThan(b): return ">\(b)"
        }
    }

    // MARK: Schedule

    /// Schedule variance of a completion rate, in percentage points: completion minus the
    /// share of the year elapsed at the period's end (Jan-Sep: 9 of 12 months = 75%).
    /// Negative means behind schedule. Always derived (formula given); nil when the rate is
    /// unknown or only a bound.
    /// Source of the rule: the annual plan is a year's target (paper 二(三), "占年度计划");
    /// a linear schedule is this dashboard's reading, stated in the formula.
    public func scheduleVariance(_ rate: Figure?, period: Period) -> Figure? {
        guard let rate, let r = rate.quantity.exactValue else { return nil }
        let elapsed = Decimal(period.through) / 12 * 100
        let variance = r - elapsed
        // To the rate's own digits: a derived rate keeps those that hold its side and a nonzero
        // variance (`rateDecimals`: 99.95, -0.05); a reported one has what its source printed, and
        // 83.3% at Jan-Oct's 83.33 is 0.0 (its source cannot say behind or not), not -0.03.
        let digits = max(1, decimalsOf(rate))
        let rateText = DecimalMath.text(r, scale: decimalsOf(rate))
        return .derived(DecimalMath.rounded(variance, scale: digits), decimals: digits,
                        formula: "completion \(rateText)% − \(DecimalMath.text(elapsed, scale: 1))% of the year " +
                            "elapsed (\(period.through) of 12 months) = \(DecimalMath.text(variance, scale: digits)) pp")
    }

    /// The value of `scheduleVariance(rate, period:)` without its formula (for tables), in
    /// percentage points rounded to 1 decimal, or to the more (`varianceDecimals`) that keep a
    /// nonzero variance from reading 0 (99.95% at the year's end: -0.05, behind; not 0.0); nil
    /// when the rate is unknown or a bound. Below 0 exactly when the rate is below the share of
    /// the year elapsed: the one reading by rate (`ScheduleReadings.byRate`, the behind filter).
    public func scheduleVarianceValue(_ rate: Figure?, period: Period) -> Decimal? {
        scheduleVarianceValue(rate: rate?.quantity, period: period)
    }

    /// `scheduleVarianceValue(_:period:)` of a rate given by its quantity alone.
    public func scheduleVarianceValue(rate: Quantity?, period: Period) -> Decimal? {
        guard case let .exact(r, d)? = rate else { return nil }
        let elapsed = Metrics.elapsed.indices.contains(period.through)
            ? Metrics.elapsed[period.through] : Decimal(period.through) / 12 * 100
        let variance = r - elapsed
        // To the rate's own digits, at least 1 (a derived rate kept at 99.95: -0.05, as the rate
        // beside it reads; a derived rate's digits never give a nonzero variance 0, `rateDecimals`;
        // a reported 83.3% at Jan-Oct is 0.0: its source does not say which side it is on).
        return DecimalMath.rounded(variance, scale: max(1, d))
    }

    /// The digits after the point (at least `atLeast`, at most 3, as a rate's) a schedule variance `value`
    /// (points) is written with so that a nonzero one does not read 0: -0.05 is `-0.05`, not
    /// `-0.1`'s neighbour `0.0` or `-0.0` (a town 0.01 亿元 short is behind, and says so); `atLeast`
    /// (the digits a derived rate supports, 1 or fewer) where those keep it nonzero.
    public static func varianceDecimals(_ value: Decimal, atLeast: Int) -> Int {
        var digits = min(3, max(0, atLeast))
        while value != 0, digits < 3, DecimalMath.rounded(value, scale: digits) == 0 { digits += 1 }
        return digits
    }

    /// The digits after the point (1 to 6) of a schedule variance as `scheduleVarianceValue` gives
    /// it (-2.1: 1; -0.05, beside a derived rate kept at 99.95: 2): what a view writes it with where
    /// the rate is not beside it (`varianceShown` where it is).
    public static func varianceDigits(of value: Decimal) -> Int {
        value == 0 ? 1 : max(1, min(6, -value.exponent))
    }

    /// A schedule variance `value` (points, as `scheduleVarianceValue` gives it) as a view writes
    /// it beside its rate: with its own digits (`varianceDigits`: 1, or the more a rate kept at
    /// more gives, `≈99.95%`'s `≈-0.05`), or, where the rate is derived (`rateDecimals`: its
    /// `supportedDecimals`; nil for a reported rate) and supports none, to none (`≈30%` gives
    /// `≈-62`, not `≈-61.7`), though never so few that a nonzero variance reads 0
    /// (`varianceDecimals`); the value rounded to those digits, so that it sorts as its cell reads.
    ///
    /// `rate` (%, the rate's value as kept, e.g. 73.5 for 22.1 / 30.05 = 73.54%) and `period`: where
    /// the rate is written with none, the variance is worked out from that value less the share
    /// elapsed, unrounded (52.00 / 106.8 kept as 48.7 at Jan-Oct: -34.63, `≈-35`), not from the
    /// variance already rounded to a decimal; where that lies halfway between two whole points (a
    /// share elapsed of whole points, a rate kept at x.5), which one the kept rate cannot say, from
    /// the rate as written: `≈74%` at Jan-Sep is `≈-1` (74 - 75; the quotient's -1.46), not -1.5
    /// rounded to `≈-2` beside it (wave 30's fresh user: a variance beside a rate with no decimals
    /// was rounded twice); never so few digits that a nonzero one reads 0.
    ///
    /// `rateRange`: what the derived rate can stand for (`Figure.interval`). Where it holds the share
    /// elapsed at `period` on both sides (the verdict is `?`: `ScheduleReadings.withinRounding`), the
    /// variance keeps the rate's digits and no more, reading 0 where it does: no digit it adds to read
    /// nonzero is supported (`≈83%` at Jan-Oct beside `≈0?`, not `≈-0.03?`: session 27's fresh user, V).
    public static func varianceShown(_ value: Decimal, rateDecimals: Int?, rate: Decimal? = nil,
                                     period: Period? = nil, rateRange: Interval? = nil) -> (value: Decimal, digits: Int) {
        let undecided: Bool = {
            guard rateDecimals != nil, let period, let rateRange else { return false }
            let e = elapsed.indices.contains(period.through) ? elapsed[period.through] : Decimal(period.through) / 12 * 100
            return rateRange.lower < e && e < rateRange.upper
        }()
        if let d = rateDecimals, d < 1, let rate, let period {
            let elapsed = elapsed.indices.contains(period.through)
                ? elapsed[period.through] : Decimal(period.through) / 12 * 100
            var worked = rate - elapsed
            let digits = undecided ? max(0, d) : varianceDecimals(worked, atLeast: max(0, d))
            let whole = DecimalMath.rounded(worked, scale: 0)
            if digits == 0, worked != whole, DecimalMath.rounded(worked * 2, scale: 0) == worked * 2 {
                worked = DecimalMath.rounded(rate, scale: 0) - elapsed
            }
            return (DecimalMath.rounded(worked, scale: digits), digits)
        }
        let digits = undecided ? min(max(0, rateDecimals ?? 0), varianceDigits(of: value))
            : rateDecimals.map { $0 < 1 } == true
            ? varianceDecimals(value, atLeast: max(0, rateDecimals ?? 0)) : varianceDigits(of: value)
        return (DecimalMath.rounded(value, scale: digits), digits)
    }

    /// The share of the year elapsed after 0-12 months, in % (`Decimal(month) / 12 * 100`),
    /// worked out once: a table of towns needs it for every row.
    private static let elapsed: [Decimal] = (0...12).map { Decimal($0) / 12 * 100 }

    private func decimalsOf(_ f: Figure) -> Int {
        if case let .exact(_, d) = f.quantity { return d }
        return 0
    }

    // MARK: Sums

    /// The sum of what is known of `key` over `towns`: exact figures (reported or derived)
    /// are added; towns with only a lower bound and towns with nothing are counted apart.
    public struct KnownSum: Sendable {
        /// Sum of the exact figures.
        public var sum: Decimal
        /// Towns whose exact figure is in `sum`.
        public var known: [Town]
        /// Of those, towns whose figure is derived.
        public var derived: [Town]
        /// Towns with only a lower bound, and the sum of those bounds.
        public var bounded: [Town]
        public var boundSum: Decimal
        /// Towns with no figure at all.
        public var unknown: [Town]
        /// Most digits after the point among the exact figures summed (derived ones count 2).
        public var decimals: Int
        /// Of the known towns, those whose figure is an interpretation (`Provenance.interpreted`).
        public var interpreted: [Town] = []
        /// What the sum can stand for given the rounding of its inputs; nil when nothing is known.
        public var interval: Interval? = nil
        /// Digits after the point the inputs support (see `Tally.supportedDecimals`).
        public var supportedDecimals: Int = 0
        /// Number of towns considered.
        public var count: Int { known.count + bounded.count + unknown.count }
    }

    /// `KnownSum` without the towns: how many figures are exact (and of those derived),
    /// bounds or unknown, the sum of the exact ones and of the bounds. What a table's
    /// subtotal shows; adding 10,000 figures copies no town.
    public struct Tally: Sendable, Equatable {
        /// Sum of the exact figures (亿元, or a count).
        public var sum: Decimal = 0
        /// Exact figures in `sum`; of those, derived ones.
        public var known = 0, derived = 0
        /// Lower bounds only, and their sum.
        public var bounded = 0
        public var boundSum: Decimal = 0
        /// No figure.
        public var unknown = 0
        /// Most digits after the point among the exact figures (derived ones count 2).
        public var decimals = 0
        /// Of the `derived` figures, those that are interpretations (`Provenance.interpreted`):
        /// a sum with any is itself an interpretation, never a known total as if reported.
        public var interpreted = 0
        /// Every value the sum of the exact figures can take given the rounding of each
        /// (a derived figure's own `interval` where it has one); nil when nothing was added.
        /// Worked out from the parts below when asked: the sum of the values, less (and plus)
        /// half a unit of each figure's last digit, with the own intervals' ends added as they
        /// are (Decimal sums are exact, so this is the interval the figures' intervals add up
        /// to, at one Decimal addition a figure rather than five).
        public var interval: Interval? {
            guard known > 0 else { return nil }
            var half: Decimal = 0
            for (decimals, n) in halfUnits.enumerated() where n > 0 {
                half += DecimalMath.halfUnit(decimals: decimals) * Decimal(n)
            }
            let printed = sum - ownValues
            return Interval(printed - half + ownLower, printed + half + ownUpper)
        }
        /// Of the exact figures without an interval of their own, how many have each number of
        /// decimals (by index); the figures with one: the sums of their values and ends.
        /// Internal, not private: a snapshot stores a tally whole (`DerivedTables`).
        var halfUnits: [Int] = []
        var ownValues: Decimal = 0, ownLower: Decimal = 0, ownUpper: Decimal = 0
        /// Figures considered.
        public var count: Int { known + bounded + unknown }

        public init() {}

        /// Digits after the point the sum's inputs support: the fewest digits of its figures
        /// without an interval of their own (a printed trailing zero counts: 15.21 + 12.40 + 6.85
        /// + 4.10 + 11.30 is 49.86, written as its inputs are, not 49.9; but 16.00 + 13.0 + 7.0 is
        /// 36.0, not 36.00, which would claim a digit 13.0 and 7.0 do not give: wave 26's fresh
        /// user, F3), fewer as far as the derived figures' own intervals allow
        /// (`Interval.supportedDecimals` of their summed widths): Haining ≈18.60 + Nanhu ≈14.98
        /// is ≈33.6, not ≈33.58. The printed figures' rounding widens `interval` (what a check
        /// compares), not the digits the sum is written with.
        public var supportedDecimals: Int {
            let fewest = halfUnits.firstIndex { $0 > 0 }.map { min($0, decimals) } ?? decimals
            return Interval(ownLower, ownUpper).supportedDecimals(atMost: fewest)
        }

        /// Adds one town's figure (nil: unknown), as `knownSum` does.
        public mutating func add(_ figure: Figure?) {
            add(figure?.quantity, derived: figure?.isDerived == true, interval: figure?.possible)
            if figure?.isInterpreted == true { interpreted += 1 }
        }

        /// Adds one town's figure given by its quantity (nil: unknown) and whether it is derived;
        /// `interval` is what it can stand for (nil: what its printed digits allow).
        public mutating func add(_ quantity: Quantity?, derived isDerived: Bool, interval: Interval? = nil) {
            switch quantity {
            case let .exact(v, d)?:
                // `DecimalMath.sum`: Foundation's `+`, bit for bit, at a tenth of its cost.
                sum = DecimalMath.sum(sum, v)
                known += 1
                if isDerived { derived += 1 }
                decimals = max(decimals, isDerived ? 2 : d)
                if let interval {
                    ownValues = DecimalMath.sum(ownValues, v)
                    ownLower = DecimalMath.sum(ownLower, interval.lower)
                    ownUpper = DecimalMath.sum(ownUpper, interval.upper)
                } else {
                    let digits = max(0, isDerived ? 2 : d)
                    if halfUnits.count <= digits {
                        halfUnits += Array(repeating: 0, count: digits + 1 - halfUnits.count)
                    }
                    halfUnits[digits] += 1
                }
            case let .moreThan(b)?:
                bounded += 1
                boundSum = DecimalMath.sum(boundSum, b)
            case nil:
                unknown += 1
            }
        }
    }

    public func knownSum(_ key: FigureKey, over towns: [Town]) -> KnownSum {
        knownSum(towns.map { ($0, figure($0, key)) })
    }

    /// The sum of what is known of figures already looked up, one per town (as
    /// `knownSum(_:over:)` adds them).
    public func knownSum(_ figures: [(town: Town, figure: Figure?)]) -> KnownSum {
        var result = KnownSum(sum: 0, known: [], derived: [], bounded: [], boundSum: 0, unknown: [], decimals: 0)
        var tally = Tally()
        for (town, figure) in figures {
            tally.add(figure)
            switch figure?.quantity {
            case .exact?:
                result.known.append(town)
                if figure?.isDerived == true { result.derived.append(town) }
                if figure?.isInterpreted == true { result.interpreted.append(town) }
            case .moreThan?: result.bounded.append(town)
            case nil: result.unknown.append(town)
            }
        }
        result.sum = tally.sum
        result.boundSum = tally.boundSum
        result.decimals = tally.decimals
        result.interval = tally.interval
        result.supportedDecimals = tally.supportedDecimals
        return result
    }
}

/// Both values, or nil when either is nil.
private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

/// The derived year plans of a dataset's towns, by town, year and whether formulas are written
/// (`Metrics.rememberingYearPlans`). A town is known by its figures' dictionary storage
/// (`Figures.heldIdentity`), which the towns given keep alive for as long as the memo's
/// `Metrics` holds its dataset. `@unchecked Sendable` beside its lock.
final class YearPlanMemo: @unchecked Sendable {
    private struct Key: Hashable {
        var town: Int
        var year: String
        var formulas: Bool
    }

    private let positions: [ObjectIdentifier: Int]
    private let lock = NSLock()
    private var plans: [Key: Figure?] = [:]

    init(_ towns: [Town]) {
        var positions: [ObjectIdentifier: Int] = [:]
        positions.reserveCapacity(towns.count)
        // Towns sharing a storage hold the same figures, so the same plans: the first one's kept.
        for (i, town) in towns.enumerated() {
            if let id = town.figures.heldIdentity, positions[id] == nil { positions[id] = i }
        }
        self.positions = positions
    }

    /// The position of the town whose figures `figures` are (the same storage), or nil.
    func position(of figures: Figures) -> Int? {
        guard !positions.isEmpty, let id = figures.heldIdentity else { return nil }
        return positions[id]
    }

    /// The plan of `town` for `year` with or without `formulas`: the one kept, else `derive()`'s
    /// (worked out outside the lock, then kept; two threads may both work it out, alike).
    func plan(town: Int, year: String, formulas: Bool, derive: () -> Figure?) -> Figure? {
        let key = Key(town: town, year: year, formulas: formulas)
        lock.lock()
        let known = plans[key]
        lock.unlock()
        if let known { return known }
        let made = derive()
        lock.lock()
        plans[key] = .some(made)
        lock.unlock()
        return made
    }
}
