import Foundation

/// How a town stands against one rule.
public struct RuleResult: Sendable, Equatable {
    /// `notYetDue`: the rule is judged at a date after the period shown (the end of the creation
    /// period, of the first year, of the year) and nothing so far settles it: a plan meeting the
    /// minimum is not the rule met. Counted apart from met, not met and unknown.
    public enum Status: String, Sendable { case met, notMet = "not met", unknown, info, notYetDue = "not yet due" }
    public var status: Status
    /// The reasoning with the figures used, e.g. "completed Jan-Sep 13.56 ≥ 10".
    public var detail: String
    /// The figures whose absence leaves the result unknown.
    public var missing: [String]
    /// A few characters for a table cell when the status is `info` ("3年").
    public var short: String? = nil

    static func met(_ detail: String, missing: [String] = []) -> RuleResult {
        RuleResult(status: .met, detail: detail, missing: missing)
    }
    static func notMet(_ detail: String) -> RuleResult { RuleResult(status: .notMet, detail: detail, missing: []) }
    static func unknown(_ detail: String, missing: [String]) -> RuleResult {
        RuleResult(status: .unknown, detail: detail, missing: missing)
    }
    static func notYetDue(_ detail: String, missing: [String] = []) -> RuleResult {
        RuleResult(status: .notYetDue, detail: detail, missing: missing)
    }
}

/// Checks towns against the province's rules (rules.toml): met, not met, or unknown with
/// the figure that is missing. Each check uses only reported or derived figures; a lower
/// bound ("more than 14") settles a rule when the bound alone is enough. A verdict is never
/// more certain than its sources, for the period shown: `evaluate(_:_:asOf:)` uses only
/// figures dated up to the period's end.
public struct Assessment: Sendable {
    public let metrics: Metrics
    public init(metrics: Metrics) { self.metrics = metrics }

    var dataset: Dataset { metrics.dataset }

    /// (year, month) of a date or period id: "2015-09" -> (2015, 9); "2019-09-27" -> (2019, 9);
    /// "2016" -> (2016, 12), a bare year read as its end (so it is never taken as earlier than it is).
    static func yearMonth(_ text: String) -> (Int, Int)? {
        guard let y = Int(text.prefix(4)) else { return nil }
        let rest = text.dropFirst(5)
        if let m = Int(rest.prefix(2)), text.count >= 7 { return (y, m) }
        return (y, 12)
    }

    /// Whether a figure is evidence about the period `asOf` (nil: any period): its period (for
    /// a measure with one) or its date (`Figure.asOf`) is not after the period's end. An undated
    /// figure with no period is taken as evidence; a figure dated later is not (Haining's 3.5 km²
    /// from a 2019 page says nothing about 2015).
    public func isEvidence(_ figure: Figure, _ key: FigureKey, asOf: Period?) -> Bool {
        guard let asOf else { return true }
        let end = (asOf.year, asOf.through)
        if let p = key.period, let ym = Assessment.yearMonth(p) {
            if key.measure.periodKind == .year { return ym.0 <= asOf.year }
            return ym <= end
        }
        if let d = figure.asOf, let ym = Assessment.yearMonth(d) { return ym <= end }
        return true
    }

    /// The town's figure for `key` when it is evidence as of `asOf` (see `isEvidence`), and the
    /// figure that was set aside because it is dated later (for the detail's words).
    func evidence(_ town: Town, _ key: FigureKey, asOf: Period?) -> (use: Figure?, later: Figure?) {
        guard let f = metrics.figure(town, key) else { return (nil, nil) }
        return isEvidence(f, key, asOf: asOf) ? (f, nil) : (nil, f)
    }

    /// The first year of the town's creation period: its list date's year, else the first
    /// period's year.
    public func firstYear(_ town: Town) -> Int? {
        if let d = town.listDate, let y = Int(d.prefix(4)) { return y }
        return dataset.periods.first?.year
    }

    /// The investment minimum that applies to `town` under a minimum rule (亿元), or nil
    /// when it depends on something unknown (industry, or whether the county is one of the 26).
    public func threshold(_ rule: Rule, _ town: Town) -> Decimal? {
        let lower = rule.industries["lower_industries"] ?? []
        if let industry = town.industry, lower.contains(industry) { return rule.number("lower_minimum") }
        if rule.lowerInAcceleratedCounties {
            guard let accelerated = town.acceleratedCounty else { return nil }
            if accelerated { return rule.number("lower_minimum") }
        }
        if town.industry == nil { return nil }
        return rule.number("minimum")
    }

    /// Whether the tier `threshold(rule, town)` picks rests on a value fitted to a reported
    /// total (towns.toml `accelerated_county_fitted` / `industry_fitted`) rather than on a source.
    public func tierIsFitted(_ rule: Rule, _ town: Town) -> Bool {
        let lower = rule.industries["lower_industries"] ?? []
        if let industry = town.industry, lower.contains(industry) { return town.industryFitted }
        if rule.lowerInAcceleratedCounties && town.acceleratedCountyFitted { return true }
        return town.industryFitted
    }

    func text(_ d: Decimal) -> String { NSDecimalNumber(decimal: d).stringValue }

    func describe(_ f: Figure) -> String {
        switch f.quantity {
        case let .exact(v, d): return (f.isDerived ? "≈" : "") + DecimalMath.text(v, scale: f.isDerived ? 2 : d)
        case let .moreThan(b): return ">\(text(b))"
        }
    }

    /// How `town` stands against `rule` on every figure the data holds, whatever its date.
    /// Views showing a period use `evaluate(_:_:asOf:)`.
    public func evaluate(_ rule: Rule, _ town: Town) -> RuleResult { evaluate(rule, town, asOf: nil) }

    /// How `town` stands against `rule` as of the end of period `asOf` (nil: on every figure,
    /// whatever its date): only figures whose period or date is not after the period's end are
    /// evidence (`isEvidence`); a figure set aside for its date is named in the detail.
    public func evaluate(_ rule: Rule, _ town: Town, asOf: Period?) -> RuleResult {
        switch rule.kind {
        case .yearOneMinimum:
            return yearOneMinimum(rule, town, asOf: asOf)

        case .creationMinimum:
            return creationMinimum(rule, town, asOf: asOf)

        case .creationPeriod:
            let years: Decimal? = town.acceleratedCounty.map { $0 ? rule.number("lower_years") : rule.number("years") }
            guard let years, let first = firstYear(town) else {
                return RuleResult(status: .unknown,
                    detail: "\(text(rule.number("years"))) years, or \(text(rule.number("lower_years"))) in the 26 " +
                        "counties", missing: ["whether the county is one of the 26"])
            }
            let last = first + NSDecimalNumber(decimal: years).intValue - 1
            return RuleResult(status: .info, detail: "\(text(years)) years: \(first)-\(last)", missing: [],
                short: "\(text(years))年")

        case .featuredShare:
            return featuredShare(rule, town, asOf: asOf)

        case .plannedArea:
            return areaResult(rule, town, .areaPlanned, "planned area", asOf: asOf, tourismMayExceed: true)

        case .builtArea:
            return areaResult(rule, town, .areaBuilt, "built area", asOf: asOf, tourismMayExceed: false)

        case .scenicRating:
            let needed = town.industry == "tourism"
                ? "\(text(rule.number("tourism_rating")))A standard"
                : "\(text(rule.number("minimum_rating")))A or better"
            return RuleResult(status: .unknown, detail: needed, missing: ["scenic-area rating"])

        case .visitors:
            return RuleResult(status: .unknown, detail: "at least \(text(rule.number("minimum"))) a year",
                missing: ["visitors a year"])

        case .landReward:
            return landReward(rule, town, asOf: asOf)

        case .landDeduction:
            let period = dataset.rules.first { $0.kind == .creationPeriod }.map { evaluate($0, town) }
            let words = "twice the reward deducted if the 3-year targets are missed"
            if creationEnded(town, asOf: asOf) == false {
                return .notYetDue("\(words); judged at \(creationEndText(town)) (\(period?.detail ?? "?"))")
            }
            return RuleResult(status: .unknown,
                detail: "\(words); judged when the creation period ends (\(period?.detail ?? "?"))",
                              missing: ["completed over the creation period"])
        }
    }

    /// The (year, month) a verdict is judged as of: the period shown, else the latest period of
    /// the data; nil when the data has no periods.
    func judgedAt(_ asOf: Period?) -> (Int, Int)? {
        (asOf ?? dataset.periods.last).map { ($0.year, $0.through) }
    }

    /// Whether the year `year` is over as of `asOf` (see `judgedAt`).
    func yearOver(_ year: Int, asOf: Period?) -> Bool {
        judgedAt(asOf).map { $0 >= (year, 12) } ?? false
    }

    /// Whether `town`'s creation period has ended by `asOf`: true when it has whichever its
    /// length, false when it has not whichever its length, nil when that depends on what is
    /// not known (whether the county is one of the 26, the first year).
    public func creationEnded(_ town: Town, asOf: Period?) -> Bool? {
        let years = lastYears(town)
        guard let now = judgedAt(asOf), !years.isEmpty else { return nil }
        let ended = years.map { now >= ($0, 12) }
        if !ended.contains(false) { return true }
        if !ended.contains(true) { return false }
        return nil
    }

    /// "the end of 2017", "the end of 2017 or 2019", "the end of the creation period".
    func creationEndText(_ town: Town) -> String {
        let years = lastYears(town)
        return years.isEmpty ? "the end of the creation period"
            : "the end of " + years.map(String.init).joined(separator: " or ")
    }

    /// The creation-period minimum (50, or 30 for the industries the rule names): judged on the
    /// investment completed over the creation period, when it ends. Before it ends the result is
    /// not yet due, whatever the 3-year plan (the detail says how the plan stands against the
    /// minimum: a plan is not a completion); after it, unknown while the data holds no completed
    /// figure over the creation period.
    func creationMinimum(_ rule: Rule, _ town: Town, asOf: Period?) -> RuleResult {
        let minimum = threshold(rule, town)
        var plan = "the minimum depends on the industry"
        var missing = minimum == nil ? ["industry"] : []
        if let minimum {
            if let f = metrics.figure(town, FigureKey(.planTotal)) {
                switch f.quantity {
                case let .exact(v, _):
                    plan = "plan \(describe(f)) \(v >= minimum ? "meets" : "is below") the minimum \(text(minimum))"
                case let .moreThan(b):
                    plan = "plan \(describe(f)) " + (b >= minimum ? "meets the minimum \(text(minimum))"
                        : "against the minimum \(text(minimum))")
                }
            } else {
                plan = "minimum \(text(minimum)); no 3-year plan"
                missing.append("3-year plan")
            }
        }
        let end = creationEndText(town)
        switch creationEnded(town, asOf: asOf) {
        case false?:
            return .notYetDue("\(plan); completion judged at \(end)", missing: missing)
        case true?:
            return .unknown("\(plan); the creation period ended (\(end)) and no completed figure over it is known",
                            missing: missing + ["completed over the creation period"])
        case nil:
            let which = lastYears(town).isEmpty ? "the first year" : "whether the county is one of the 26"
            return .unknown("\(plan); completion judged at \(end): whether that has come depends on \(which)",
                            missing: missing + [which])
        }
    }

    /// The featured share against its minimum, on the share of the period shown only: a share
    /// of an earlier period (a ratio of amounts cumulated to another month) says nothing certain
    /// of the period shown, so it leaves the result unknown and is named in the detail.
    func featuredShare(_ rule: Rule, _ town: Town, asOf: Period?) -> RuleResult {
        let minimum = rule.number("percent")
        for p in dataset.periods.reversed() {
            if let asOf, (p.year, p.through) > (asOf.year, asOf.through) { continue }
            guard let f = metrics.figure(town, FigureKey(.featuredShare, p.id)), let v = f.quantity.exactValue else {
                continue
            }
            let shown = "featured share \(p.labelEN) \(describe(f))% \(v >= minimum ? "≥" : "<") \(text(minimum))%"
            if let asOf, asOf.id != p.id {
                return .unknown("\(shown), of an earlier period: no share for \(asOf.labelEN)",
                                missing: ["featured-industry investment \(asOf.labelEN)"])
            }
            return RuleResult(status: v >= minimum ? .met : .notMet, detail: shown, missing: [])
        }
        return RuleResult(status: .unknown, detail: "at least \(text(minimum))%",
            missing: ["featured-industry investment"])
    }

    /// The first-year minimum: the year's completed investment (or a bound of it) against the
    /// town's tier; a figure that clears the higher tier is met whichever tier applies, and a
    /// tier fitted to a reported total says so.
    func yearOneMinimum(_ rule: Rule, _ town: Town, asOf: Period?) -> RuleResult {
        guard let year = firstYear(town) else { return .unknown("no first year", missing: ["list date"]) }
        if let asOf, asOf.year < year {
            return .notYetDue("the first year \(year) has not begun by \(asOf.labelEN)", missing: ["completed \(year)"])
        }
        let minimum = threshold(rule, town)
        let highest = max(rule.number("minimum"), rule.number("lower_minimum"))
        let fitted = minimum != nil && tierIsFitted(rule, town)
        let tierText = minimum.map { text($0) + (fitted ? " (tier fitted to the notice's total, not sourced)" : "") }
        let tierUnknown = RuleResult.unknown(
            "the minimum (\(text(rule.number("minimum"))) or \(text(rule.number("lower_minimum")))) "
                + "depends on the industry or the county",
            missing: [town.industry == nil ? "industry" : "whether the county is one of the 26"])
        let periods = dataset.periods.filter { q in
            q.year == year && (asOf.map { p in (q.year, q.through) <= (p.year, p.through) } ?? true)
        }
        for p in periods.reversed() {
            guard let f = metrics.figure(town, FigureKey(.completed, p.id)) else { continue }
            let label = "completed \(p.labelEN) \(describe(f))"
            let bound: Decimal
            switch f.quantity {
            case let .exact(v, _): bound = v
            case let .moreThan(b): bound = b
            }
            if bound >= highest {
                return .met("\(label) ≥ \(text(highest)), the higher tier: met whichever tier applies")
            }
            guard let minimum, let tierText else {
                return .unknown("\(label); " + tierUnknown.detail, missing: tierUnknown.missing)
            }
            if bound >= minimum { return .met("\(label) ≥ \(tierText)") }
            if case .exact = f.quantity {
                if p.through == 12 { return .notMet("\(label) < \(tierText)") }
                if yearOver(year, asOf: asOf) {
                    return .unknown("\(label), below \(tierText); no full-year figure",
                                    missing: ["completed \(year) full year"])
                }
                return .notYetDue("\(label) so far, below \(tierText); the year is not over",
                                  missing: ["completed \(year) full year"])
            }
        }
        guard let tierText else { return tierUnknown }
        let by = asOf.map { " by \($0.labelEN)" } ?? ""
        if !yearOver(year, asOf: asOf) {
            return .notYetDue("minimum \(tierText); no completed figure for \(year)\(by); the year is not over",
                              missing: ["completed \(year)"])
        }
        return .unknown("minimum \(tierText); no completed figure for \(year)\(by)", missing: ["completed \(year)"])
    }

    /// An area rule ("about 3 km²"): met at or under the number; above it, not met only when
    /// the rule states a tolerance (`tolerance`, km²) and the figure exceeds number + tolerance;
    /// without one, "about" has no edge, so the result is unknown and says so in words.
    func areaResult(_ rule: Rule, _ town: Town, _ measure: Measure, _ name: String, asOf: Period?,
                    tourismMayExceed: Bool) -> RuleResult {
        let maximum = rule.number("maximum")
        let about = "about \(text(maximum)) km²"
        let found = evidence(town, FigureKey(measure), asOf: asOf)
        guard let f = found.use, let v = f.quantity.exactValue else {
            if let later = found.later, let asOf {
                let date = later.asOf ?? "later"
                return .unknown("\(name) \(describe(later)) km² is dated \(date), after \(asOf.labelEN): "
                                    + "no evidence for the period shown; \(about)",
                                missing: ["\(name) as of \(asOf.labelEN)"])
            }
            return .unknown(about, missing: [name])
        }
        let shown = "\(name) \(describe(f)) km²" + (f.asOf.map { " (as of \($0))" } ?? "")
        if v <= maximum { return .met("\(shown) ≤ \(text(maximum))") }
        if tourismMayExceed && town.industry == "tourism" {
            return .met("\(shown) > \(text(maximum)), allowed for a tourism town")
        }
        if let tolerance = rule.numbers["tolerance"] {
            let edge = maximum + tolerance
            let detail = "\(shown) \(v > edge ? ">" : "≤") about \(text(maximum)) + \(text(tolerance)) tolerance"
            return v > edge ? .notMet(detail) : .met(detail)
        }
        return .unknown("\(shown) is above \(text(maximum)), but the rule says only '\(about)' and the source gives "
                            + "no tolerance: whether it is breached is not known",
                        missing: ["a tolerance for '\(about)'"])
    }

    /// The land-quota reward: only a town that completed its annual plan (paper 一: 只有完成年度
    /// 计划目标的) is rewarded, so the test is the year's completed investment against the year's
    /// plan, not the first-year minimum. Met when the full year's completed (or a bound of it)
    /// reaches the top of the plan's interval on a comparable basis; not met when the full year's
    /// completed is below its bottom; otherwise unknown, naming the missing figure.
    func landReward(_ rule: Rule, _ town: Town, asOf: Period?) -> RuleResult {
        let higher = rule.industries["higher_industries"] ?? []
        let percent = town.industry.map { higher.contains($0) ? rule.number("higher_percent") : rule.number("percent") }
        let rate = percent.map { "reward \(text($0))% of the quota used" }
            ?? "reward \(text(rule.number("percent")))% or \(text(rule.number("higher_percent")))% of the quota used"
        guard let year = asOf?.year ?? firstYear(town) else {
            return .unknown("\(rate) if the annual plan is completed", missing: ["list date"])
        }
        guard let plan = metrics.figure(town, FigureKey(.planYear, String(year))), let planRange = plan.possible else {
            return .unknown("\(rate) if the \(year) plan is completed; the \(year) plan is not known",
                            missing: ["\(year) plan"])
        }
        let planText = "\(year) plan \(describe(plan))"
        let fullYearMissing = "completed \(year) full year"
        let inYear = dataset.periods.filter { q in
            q.year == year && (asOf.map { p in q.through <= p.through } ?? true)
        }
        let fullYear = inYear.last { $0.through == 12 }
        var latest: (Period, Figure)?
        for p in inYear.reversed() {
            if let f = metrics.figure(town, FigureKey(.completed, p.id)) { latest = (p, f); break }
        }
        let over = yearOver(year, asOf: asOf)
        guard let (period, done) = latest else {
            if !over {
                return .notYetDue("\(planText); no completed figure for \(year) yet; the year is not over",
                                  missing: [fullYearMissing])
            }
            return .unknown("\(planText); no completed figure for \(year)", missing: [fullYearMissing])
        }
        let doneText = "completed \(period.labelEN) \(describe(done))"
        guard metrics.comparable(done, plan) else {
            return RuleResult(status: over ? .unknown : .notYetDue,
                detail: "\(doneText) and the \(planText) are on different bases; \(rate) if the plan is completed",
                missing: [fullYearMissing + " on the plan's basis"])
        }
        let bound: Decimal
        switch done.quantity {
        case let .exact(v, _): bound = v
        case let .moreThan(b): bound = b
        }
        if bound >= planRange.upper {
            return .met("\(doneText) ≥ \(planText): annual plan completed; \(rate) (quota used unknown)",
                        missing: percent == nil ? ["industry"] : [])
        }
        if case .exact = done.quantity, period.id == fullYear?.id, bound < planRange.lower {
            return .notMet("\(doneText) < \(planText): annual plan not completed; no reward")
        }
        let only = done.quantity.exactValue == nil ? " (only \(describe(done)) known)" : ""
        if !over {
            return .notYetDue("\(doneText) against the \(planText): the year is not over; \(rate) if the plan is "
                                  + "completed", missing: [fullYearMissing + only])
        }
        let why: String
        if period.id != fullYear?.id { why = "no full-year figure" }
        else if case .moreThan = done.quantity { why = "only a lower bound of the full year is known" }
        else { why = "within the rounding of the plan" }
        return .unknown("\(doneText) against the \(planText): \(why); \(rate) if the plan is completed",
                        missing: [fullYearMissing + only])
    }

    /// The city's first-year test: the sum of the towns' minimums against the city's
    /// completed investment for the year (Jiaxing 2015: 3 x 10 + 2 x 6 = 42; 63.06 completed,
    /// 21.06 above). nil when there is no year-one rule.
    public struct CityYearOne: Sendable {
        public var year: Int
        /// The minimum per town; nil where it cannot be determined.
        public var minimums: [(town: Town, minimum: Decimal?)]
        /// Sum of the minimums, when every one is known.
        public var required: Decimal?
        /// "3 x 10 + 2 x 6"
        public var formula: String
        /// The city's reported minimum for the year, if the data has it.
        public var reported: Figure?
        public var completed: Figure?
        /// completed - required, when both are exact.
        public var margin: Decimal?
        /// Towns whose tier rests on a value fitted to the reported total (`tierIsFitted`): when
        /// any, `required` agreeing with `reported` is consistent with the fit, not a confirmation.
        public var fitted: [Town] = []
    }

    public func cityYearOne() -> CityYearOne? {
        guard let rule = dataset.rules.first(where: { $0.kind == .yearOneMinimum }),
              let year = dataset.towns.compactMap(firstYear).min() ?? dataset.periods.first?.year else { return nil }
        let minimums = dataset.towns.map { ($0, threshold(rule, $0)) }
        let known = minimums.compactMap { $0.1 }
        let required: Decimal? = known.count == minimums.count ? known.reduce(0, +) : nil
        var groups: [(Decimal, Int)] = []
        for m in known {
            if let i = groups.firstIndex(where: { $0.0 == m }) { groups[i].1 += 1 } else { groups.append((m, 1)) }
        }
        groups.sort { $0.0 > $1.0 }
        var formula = groups.map { "\($0.1) x \(text($0.0))" }.joined(separator: " + ")
        if known.count < minimums.count { formula += " + \(minimums.count - known.count) unknown" }
        let fullYear = dataset.periods.last { $0.year == year && $0.through == 12 }
        let completed = fullYear.flatMap { metrics.total(FigureKey(.completed, $0.id)) }
        var margin: Decimal?
        if let required, let c = completed?.quantity.exactValue { margin = c - required }
        return CityYearOne(year: year, minimums: minimums, required: required, formula: formula,
                           reported: dataset.totals[FigureKey(.investmentMinimum, String(year))], completed: completed,
                           margin: margin,
                           fitted: dataset.towns.filter { threshold(rule, $0) != nil && tierIsFitted(rule, $0) })
    }
}
