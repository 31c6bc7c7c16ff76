import Foundation

/// How a town stands against one rule: its status, what was found (`finding`, worded by a
/// view in its reader's language), the figures whose absence leaves it unknown, and the file
/// lines of the figures used.
public struct RuleResult: Sendable, Equatable {
    /// `notYetDue`: the rule is judged at a date after the period shown (the end of the creation
    /// period, of the first year, of the year) and nothing so far settles it: a plan meeting the
    /// minimum is not the rule met. Counted apart from met, not met and unknown.
    public enum Status: String, Sendable { case met, notMet = "not met", unknown, info, notYetDue = "not yet due" }
    public var status: Status
    /// What was found, as data ("completed Jan-Sep 13.56 ≥ 10" once worded by TownsUI's `RuleWords`).
    public var finding: RuleFinding
    /// The figures whose absence leaves the result unknown, as data.
    public var missingItems: [RuleMissing]
    /// Where the figures the result uses are written (figures.toml:43), in the order used.
    public var sources: [SourceLocation] = []
    /// A few characters for a table cell when the status is `info` ("3年").
    public var short: String? = nil
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

    /// Why `threshold(rule, town)` is the rule's lower tier (the industry, else the county's being
    /// one of the 26), or nil when the standard tier applies or the tier is unknown.
    /// `alsoMeetsHigher`: whether the figure meets the higher tier too.
    func tierNote(_ rule: Rule, _ town: Town, alsoMeetsHigher: Bool = false) -> RuleFinding.TierNote? {
        let lowerValue = rule.number("lower_minimum")
        guard let minimum = threshold(rule, town), minimum == lowerValue, lowerValue != rule.number("minimum") else {
            return nil
        }
        let lower = rule.industries["lower_industries"] ?? []
        let why: RuleFinding.TierNote.Why = town.industry.map { lower.contains($0) } == true
            ? .industry(town.industry!) : .acceleratedCounty
        return RuleFinding.TierNote(why: why, lower: text(lowerValue), higher: text(rule.number("minimum")),
                                    alsoMeetsHigher: alsoMeetsHigher,
                                    whateverTheCounty: rule.lowerInAcceleratedCounties && town.acceleratedCounty == nil)
    }

    /// `finding` with the note of why the lower tier applies, when it does (`tierNote`).
    func tiered(_ finding: RuleFinding, _ rule: Rule, _ town: Town, alsoMeetsHigher: Bool = false) -> RuleFinding {
        tierNote(rule, town, alsoMeetsHigher: alsoMeetsHigher).map { .tier($0, finding) } ?? finding
    }

    func describe(_ f: Figure) -> String {
        // A figure on another basis (dataset.toml `[[basis]]`, the 2016 notice's fixed-asset
        // investment) keeps its ◇ wherever a verdict rests on it, as the tables mark it; a derived
        // one has the digits its inputs support, as the tables write it (`Figure.supportedDecimals`).
        let basis = f.basis == nil ? "" : "◇"
        switch f.quantity {
        case let .exact(v, d):
            return basis + (f.isDerived ? "≈" : "")
                + DecimalMath.text(v, scale: f.isDerived ? min(f.supportedDecimals ?? d, 2) : d)
        case let .moreThan(b): return basis + ">\(text(b))"
        }
    }

    /// A result: its status and finding, what is missing, and the figures used (as data; worded by a view).
    func result(_ status: RuleResult.Status, _ finding: RuleFinding, missing: [RuleMissing] = [],
                figures: [Figure?] = [], short: String? = nil) -> RuleResult {
        RuleResult(status: status, finding: finding, missingItems: missing, sources: figures.compactMap { $0?.origin },
                   short: short)
    }

    /// How `town` stands against `rule` on every figure the data holds, whatever its date.
    /// Views showing a period use `evaluate(_:_:asOf:)`.
    public func evaluate(_ rule: Rule, _ town: Town) -> RuleResult { evaluate(rule, town, asOf: nil) }

    /// How `town` stands against `rule` as of the end of period `asOf` (nil: on every figure,
    /// whatever its date, judged as of the data's latest period): only figures whose period or
    /// date is not after the period's end are evidence (`isEvidence`); a figure set aside for its
    /// date is named in the finding. A rule judged after the period (the year's end, the creation
    /// period's end) is not yet due until then unless a figure so far settles it.
    ///
    /// A verdict is never more certain than its sources (w15-verdict): a met or not met resting on
    /// a figure a failing check flags (`Checker.isFlagged`, the `!` of the towns list) is unknown,
    /// its finding `.doubted` naming the flagged figures and the checks (`doubted(_:_:_:)`). Every
    /// view judging a rule (the assessment table, the overview's counts and stakes, a town's page,
    /// exports, the snapshot's stored tables) asks here, so they agree.
    public func evaluate(_ rule: Rule, _ town: Town, asOf: Period?) -> RuleResult {
        doubted(judgedAsGiven(rule, town, asOf: asOf), rule, town, asOf: asOf)
    }

    /// `r` made unknown when it is met or not met on a figure a failing check flags (see
    /// `evaluate(_:_:asOf:)`); unchanged otherwise (a town without flagged inputs is judged as before).
    /// `asOf`: the period judged at; a derived year's plan is doubted only on evidence up to it
    /// (`Checker.isFlagged(_:town:asOf:)`).
    func doubted(_ r: RuleResult, _ rule: Rule, _ town: Town, asOf: Period? = nil) -> RuleResult {
        // Met on a plain amount whose basis is not the rule's (`basisNotStated`): a failing check on
        // that amount is said first (`?!`, the check named), as it is for a rule met outright.
        if case let .basisNotStated(_, inner) = r.finding {
            var met = r
            (met.status, met.finding) = (.met, inner)
            let d = doubted(met, rule, town, asOf: asOf)
            return d.status == .met ? r : d
        }
        guard r.status == .met || r.status == .notMet else { return r }
        let keys = judgedOn(r.finding, rule)
        guard !keys.isEmpty else { return r }
        let checker = Checker(metrics: metrics)
        let flagged = keys.filter { checker.isFlagged($0, town: town, asOf: asOf) }
        guard !flagged.isEmpty else { return r }
        // The failing checks: those flagging a figure judged on, else (a derived figure, such as a
        // year's plan worked out from flagged figures) the town's inconsistencies.
        var checks: [Finding] = []
        for key in flagged {
            for f in checker.findings(flagging: key, town: town) where !checks.contains(f) { checks.append(f) }
        }
        if checks.isEmpty { checks = checker.findings(for: town).filter { $0.kind == .inconsistency } }
        var out = r
        out.status = .unknown
        out.finding = .doubted(flagged: flagged, checks: checks, r.finding)
        return out
    }

    /// The figures a met or not met finding is judged on (their keys), for `doubted`.
    func judgedOn(_ finding: RuleFinding, _ rule: Rule) -> [FigureKey] {
        switch finding {
        case let .tier(_, inner): return judgedOn(inner, rule)
        case let .doubted(_, _, inner): return judgedOn(inner, rule)
        case let .atTheMinimum(_, _, _, inner): return judgedOn(inner, rule)
        case let .clearsHigherTier(period, _, _): return [FigureKey(.completed, period)]
        case let .againstTier(period, _, _, _, _, _): return [FigureKey(.completed, period)]
        case let .featuredShare(period, _, _, _, _): return [FigureKey(.featuredShare, period)]
        case let .area(which, _): return [FigureKey(which == .planned ? .areaPlanned : .areaBuilt)]
        case let .landReward(_, land):
            switch land {
            case let .completed(period, _, year, _), let .missed(period, _, year, _):
                return [FigureKey(.completed, period), FigureKey(.planYear, String(year))]
            case let .rate(period, _, _, _): return [FigureKey(.completionRate, period)]
            default: return []
            }
        default: return []
        }
    }

    /// How `town` stands against `rule` as of `asOf` on its figures as given, before a failing
    /// check's doubt is taken into account (`evaluate(_:_:asOf:)`).
    func judgedAsGiven(_ rule: Rule, _ town: Town, asOf: Period?) -> RuleResult {
        switch rule.kind {
        case .yearOneMinimum:
            return yearOneMinimum(rule, town, asOf: asOf)

        case .creationMinimum:
            return creationMinimum(rule, town, asOf: asOf)

        case .creationPeriod:
            let years: Decimal? = town.acceleratedCounty.map { $0 ? rule.number("lower_years") : rule.number("years") }
            guard let years, let first = firstYear(town) else {
                return result(.unknown, .creationYearsUnknown(years: text(rule.number("years")),
                                                              lower: text(rule.number("lower_years"))),
                              missing: [.acceleratedCounty])
            }
            let last = first + NSDecimalNumber(decimal: years).intValue - 1
            return result(.info, .creationYears(years: text(years), first: first, last: last),
                          short: "\(text(years))年")

        case .featuredShare:
            return featuredShare(rule, town, asOf: asOf)

        case .plannedArea:
            return areaResult(rule, town, .areaPlanned, .planned, asOf: asOf, tourismMayExceed: true)

        case .builtArea:
            return areaResult(rule, town, .areaBuilt, .built, asOf: asOf, tourismMayExceed: false)

        case .scenicRating:
            let tourism = town.industry == "tourism"
            let rating = text(rule.number(tourism ? "tourism_rating" : "minimum_rating"))
            return result(.unknown, .scenicRating(tourism: tourism, rating: rating), missing: [.scenicRating])

        case .visitors:
            return result(.unknown, .visitors(minimum: text(rule.number("minimum"))), missing: [.visitors])

        case .landReward:
            return landReward(rule, town, asOf: asOf)

        case .landDeduction:
            let times = text(rule.number("times"))
            if creationEnded(town, asOf: asOf) == false {
                return result(.notYetDue, .landDeduction(times: times, end: lastYears(town), notYetDue: true))
            }
            return result(.unknown, .landDeduction(times: times, end: lastYears(town), notYetDue: false),
                          missing: [.completedOverCreation])
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

    /// The creation-period minimum (50, or 30 for the industries the rule names): judged on the
    /// investment completed over the creation period, when it ends. Before it ends the result is
    /// not yet due, whatever the 3-year plan (the finding says how the plan stands against the
    /// minimum: a plan is not a completion); after it, unknown while the data holds no completed
    /// figure over the creation period.
    func creationMinimum(_ rule: Rule, _ town: Town, asOf: Period?) -> RuleResult {
        let minimum = threshold(rule, town)
        var plan = RuleFinding.PlanStanding.industryUnknown
        var missing: [RuleMissing] = minimum == nil ? [.industry] : []
        let f = metrics.figure(town, FigureKey(.planTotal))
        if let minimum {
            let m = text(minimum)
            switch f?.quantity {
            case let .exact(v, _)?:
                plan = v >= minimum ? .meets(plan: describe(f!), minimum: m) : .below(plan: describe(f!), minimum: m)
            case let .moreThan(b)?:
                plan = b >= minimum ? .meets(plan: describe(f!), minimum: m)
                    : .boundAgainst(plan: describe(f!), minimum: m)
            case nil:
                plan = .noPlan(minimum: m)
                missing.append(.threeYearPlan)
            }
        }
        let end = lastYears(town)
        // A plan meeting the lower tier says whether it meets the higher one too (>50 meets 50 as well as 30).
        let higher = rule.number("minimum")
        let meetsHigher: Bool
        switch f?.quantity {
        case let .exact(v, _)?: meetsHigher = v >= higher
        case let .moreThan(b)?: meetsHigher = b >= higher
        case nil: meetsHigher = false
        }
        func finding(_ judged: RuleFinding.Judged) -> RuleFinding {
            tiered(.creationMinimum(plan: plan, end: end, judged: judged), rule, town, alsoMeetsHigher: meetsHigher)
        }
        switch creationEnded(town, asOf: asOf) {
        case false?:
            return result(.notYetDue, finding(.notYet), missing: missing, figures: [f])
        case true?:
            return result(.unknown, finding(.ended), missing: missing + [.completedOverCreation], figures: [f])
        case nil:
            let which: RuleMissing = end.isEmpty ? .firstYear : .acceleratedCounty
            return result(.unknown, finding(.dependsOn(which)), missing: missing + [which], figures: [f])
        }
    }

    /// The featured share against its minimum, on the share of the period shown only: a share
    /// of an earlier period (a ratio of amounts cumulated to another month) says nothing certain
    /// of the period shown, so it leaves the result unknown and is named in the finding.
    func featuredShare(_ rule: Rule, _ town: Town, asOf: Period?) -> RuleResult {
        let minimum = rule.number("percent")
        for p in dataset.periods.reversed() {
            if let asOf, (p.year, p.through) > (asOf.year, asOf.through) { continue }
            guard let f = metrics.figure(town, FigureKey(.featuredShare, p.id)), let v = f.quantity.exactValue else {
                continue
            }
            let earlier = asOf.flatMap { $0.id == p.id ? nil : $0.id }
            let finding = RuleFinding.featuredShare(period: p.id, share: describe(f),
                                                    relation: v >= minimum ? .atLeast : .below,
                                                    minimum: text(minimum), earlierThan: earlier)
            if let earlier {
                return result(.unknown, finding, missing: [.featuredInvestment(period: earlier)], figures: [f])
            }
            return result(v >= minimum ? .met : .notMet, finding, figures: [f])
        }
        return result(.unknown, .featuredShareUnknown(minimum: text(minimum)),
                      missing: [.featuredInvestment(period: nil)])
    }

    /// The first-year minimum: the year's completed investment (or a bound of it) against the
    /// town's tier; a figure that clears the higher tier is met whichever tier applies, and a
    /// tier fitted to a reported total says so. Before the year's end a figure below the tier is
    /// not yet due.
    func yearOneMinimum(_ rule: Rule, _ town: Town, asOf: Period?) -> RuleResult {
        guard let year = firstYear(town) else { return result(.unknown, .noFirstYear, missing: [.listDate]) }
        if let asOf, asOf.year < year {
            return result(.notYetDue, .firstYearNotBegun(year: year, by: asOf.id), missing: [.completedYear(year)])
        }
        let minimum = threshold(rule, town)
        let highest = max(rule.number("minimum"), rule.number("lower_minimum"))
        let fitted = minimum != nil && tierIsFitted(rule, town)
        let tierMissing: [RuleMissing] = [town.industry == nil ? .industry : .acceleratedCounty]
        let (m, l) = (text(rule.number("minimum")), text(rule.number("lower_minimum")))
        let periods = dataset.periods.filter { q in
            q.year == year && (asOf.map { p in (q.year, q.through) <= (p.year, p.through) } ?? true)
        }
        // The rule counts fixed-asset investment excluding commercial housing and complexes (the
        // guidelines); a dataset declaring that basis (`[[basis]]`) says its plain amounts (the paper's
        // 完成投资额, basis not stated) are not on it. A plain amount below the minimum is below on the
        // rule's basis too (that basis excludes part of an amount, never adds to it); one at or above
        // it does not settle the rule: `?`, met on the plain amount, the bases named (wave 23).
        let ruleBasis = dataset.bases.values.sorted { $0.id < $1.id }.first
        func met(_ finding: RuleFinding, _ f: Figure) -> RuleResult {
            guard let ruleBasis, f.basis == nil else { return result(.met, finding, figures: [f]) }
            return result(.unknown, .basisNotStated(basis: ruleBasis.id, inner: finding),
                          missing: [.completedOnBasis(year, basis: ruleBasis.id)], figures: [f])
        }
        for p in periods.reversed() {
            guard let f = metrics.figure(town, FigureKey(.completed, p.id)) else { continue }
            let bound: Decimal
            switch f.quantity {
            case let .exact(v, _): bound = v
            case let .moreThan(b): bound = b
            }
            // A figure at the line that its printed digits (or its derivation) let fall under it.
            func atTheLine(_ finding: RuleFinding, _ line: Decimal) -> RuleResult {
                guard case let .exact(_, d) = f.quantity, let possible = f.possible, possible.lower < line else {
                    return met(finding, f)
                }
                let digits = d + 1
                let range = DecimalMath.text(DecimalMath.rounded(possible.lower, scale: digits), scale: digits) + "-"
                    + DecimalMath.text(DecimalMath.rounded(possible.upper, scale: digits), scale: digits)
                let edge = RuleFinding.atTheMinimum(minimum: text(line), possible: range, derived: f.isDerived, finding)
                return f.isDerived
                    ? result(.unknown, edge, missing: [.completedYear(year)], figures: [f])
                    : met(edge, f)
            }
            if bound >= highest {
                return atTheLine(.clearsHigherTier(period: p.id, completed: describe(f), highest: text(highest)),
                                 highest)
            }
            guard let minimum else {
                return result(.unknown, .tierUnknown(period: p.id, completed: describe(f), minimum: m, lower: l),
                              missing: tierMissing, figures: [f])
            }
            func against(_ r: RuleFinding.Relation, _ s: RuleFinding.Standing) -> RuleFinding {
                tiered(.againstTier(period: p.id, completed: describe(f), relation: r, tier: text(minimum),
                                    fitted: fitted, standing: s), rule, town)
            }
            if bound >= minimum { return atTheLine(against(.atLeast, .settled), minimum) }
            if case .exact = f.quantity {
                if p.through == 12 { return result(.notMet, against(.below, .settled), figures: [f]) }
                if yearOver(year, asOf: asOf) {
                    return result(.unknown, against(.below, .noFullYear),
                                  missing: [.completedFullYear(year, onPlanBasis: false, only: nil)], figures: [f])
                }
                return result(.notYetDue, against(.below, .soFar),
                              missing: [.completedFullYear(year, onPlanBasis: false, only: nil)], figures: [f])
            }
        }
        guard let minimum else {
            return result(.unknown, .tierUnknown(period: nil, completed: nil, minimum: m, lower: l),
                          missing: tierMissing)
        }
        let notOver = !yearOver(year, asOf: asOf)
        return result(notOver ? .notYetDue : .unknown,
                      tiered(.noCompletedFigure(year: year, by: asOf?.id, tier: text(minimum), fitted: fitted,
                                                yearNotOver: notOver), rule, town),
                      missing: [.completedYear(year)])
    }

    /// An area rule ("about 3 km²"): met at or under the number; above it, not met only when
    /// the rule states a tolerance (`tolerance`, km²) and the figure exceeds number + tolerance;
    /// without one, "about" has no edge, so the result is unknown and says so in words.
    func areaResult(_ rule: Rule, _ town: Town, _ measure: Measure, _ area: RuleFinding.Area, asOf: Period?,
                    tourismMayExceed: Bool) -> RuleResult {
        let maximum = rule.number("maximum")
        let m = text(maximum)
        let found = evidence(town, FigureKey(measure), asOf: asOf)
        guard let f = found.use, let v = f.quantity.exactValue else {
            if let later = found.later, let asOf {
                return result(.unknown, .area(area, .datedAfter(value: describe(later), date: later.asOf ?? "later",
                                                                 shown: asOf.id, maximum: m)),
                              missing: [.area(area, asOf: asOf.id)], figures: [later])
            }
            return result(.unknown, .area(area, .noFigure(maximum: m)), missing: [.area(area, asOf: nil)])
        }
        let value = describe(f)
        if v <= maximum {
            return result(.met, .area(area, .within(value: value, asOf: f.asOf, maximum: m)), figures: [f])
        }
        if tourismMayExceed && town.industry == "tourism" {
            return result(.met, .area(area, .tourism(value: value, asOf: f.asOf, maximum: m)), figures: [f])
        }
        if let tolerance = rule.numbers["tolerance"] {
            let above = v > maximum + tolerance
            return result(above ? .notMet : .met,
                          .area(area, .tolerance(value: value, asOf: f.asOf, above: above, maximum: m,
                                                 tolerance: text(tolerance))), figures: [f])
        }
        return result(.unknown, .area(area, .noTolerance(value: value, asOf: f.asOf, maximum: m)),
                      missing: [.tolerance(maximum: m)], figures: [f])
    }

    /// The land-quota reward: only a town that completed its annual plan (paper 一: 只有完成年度
    /// 计划目标的) is rewarded, so the test is the year's completed investment against the year's
    /// plan, not the first-year minimum. Met when the full year's completed (or a bound of it)
    /// reaches the top of the plan's interval on a comparable basis; not met when the full year's
    /// completed is below its bottom; not yet due before the year's end; otherwise unknown, naming
    /// the missing figure.
    func landReward(_ rule: Rule, _ town: Town, asOf: Period?) -> RuleResult {
        let higher = rule.industries["higher_industries"] ?? []
        let percents = town.industry.map {
            [text(higher.contains($0) ? rule.number("higher_percent") : rule.number("percent"))]
        }
            ?? [text(rule.number("percent")), text(rule.number("higher_percent"))]
        func reward(_ f: RuleFinding.LandFinding) -> RuleFinding { .landReward(percents: percents, f) }
        guard let year = asOf?.year ?? firstYear(town) else {
            return result(.unknown, reward(.noListDate), missing: [.listDate])
        }
        let inYear = dataset.periods.filter { q in
            q.year == year && (asOf.map { p in q.through <= p.through } ?? true)
        }
        let fullYear = inYear.last { $0.through == 12 }
        // The plan as known at the period judged (a later month's derivation never narrows it).
        let known = asOf.map { $0.year == year ? metrics.yearPlan(town, asOf: $0) : metrics.figure(town, FigureKey(.planYear, String(year))) }
            ?? metrics.figure(town, FigureKey(.planYear, String(year)))
        guard let plan = known, let planRange = plan.possible else {
            return landRewardOnRate(year: year, inYear: inYear, fullYear: fullYear, town: town, asOf: asOf,
                                    reward: reward)
        }
        let planText = describe(plan)
        // The latest completed figure that may be set against the plan: completed is cumulative
        // from January, so Jan-Nov's 12.60 against a plan of ≈12.5 settles the year even where the
        // full year has only a figure on another basis (`◇>14`: wave 22, Tongxiang's reward was `?`
        // at the full year after `✓` at Jan-Nov).
        var latest: (Period, Figure)?
        var latestAny: (Period, Figure)?
        for p in inYear.reversed() {
            guard let f = metrics.figure(town, FigureKey(.completed, p.id)) else { continue }
            if latestAny == nil { latestAny = (p, f) }
            if metrics.comparable(f, plan) { latest = (p, f); break }
        }
        let over = yearOver(year, asOf: asOf)
        guard let (anyPeriod, anyDone) = latestAny else {
            return result(over ? .unknown : .notYetDue,
                          reward(.noCompleted(year: year, plan: planText, yearNotOver: !over)),
                          missing: [.completedFullYear(year, onPlanBasis: false, only: nil)], figures: [plan])
        }
        // An earlier comparable figure settles the year only when it reaches the plan; otherwise
        // the latest figure is judged as before (another basis named as such).
        func lowest(_ f: Figure) -> Decimal {
            switch f.quantity {
            case let .exact(v, _): return v
            case let .moreThan(b): return b
            }
        }
        if let (period, done) = latest, period.id != anyPeriod.id, lowest(done) >= planRange.upper {
            return result(.met, reward(.completed(period: period.id, completed: describe(done), year: year,
                                                  plan: planText)),
                          missing: percents.count > 1 ? [.industry] : [], figures: [done, plan])
        }
        guard metrics.comparable(anyDone, plan) else {
            return result(over ? .unknown : .notYetDue,
                          reward(.differentBases(period: anyPeriod.id, completed: describe(anyDone), year: year,
                                                 plan: planText)),
                          missing: [.completedFullYear(year, onPlanBasis: true, only: nil)], figures: [anyDone, plan])
        }
        let (period, done) = (anyPeriod, anyDone)
        let doneText = describe(done)
        let bound: Decimal
        switch done.quantity {
        case let .exact(v, _): bound = v
        case let .moreThan(b): bound = b
        }
        if bound >= planRange.upper {
            return result(.met, reward(.completed(period: period.id, completed: doneText, year: year, plan: planText)),
                          missing: percents.count > 1 ? [.industry] : [], figures: [done, plan])
        }
        if case .exact = done.quantity, period.id == fullYear?.id, bound < planRange.lower {
            return result(.notMet, reward(.missed(period: period.id, completed: doneText, year: year, plan: planText)),
                          figures: [done, plan])
        }
        let only = done.quantity.exactValue == nil ? doneText : nil
        let why: RuleFinding.Open
        if !over { why = .yearNotOver }
        else if period.id != fullYear?.id { why = .noFullYear }
        else if case .moreThan = done.quantity { why = .lowerBound }
        else { why = .rounding }
        return result(over ? .unknown : .notYetDue,
                      reward(.open(period: period.id, completed: doneText, year: year, plan: planText, why: why)),
                      // Within the plan's rounding, the full year's figure is there: what settles it is
                      // the plan's exact amount (wave 23's fresh user, F11: it named the figure just used).
                      missing: why == .rounding ? [.exactPlanOfYear(year)]
                        : [.completedFullYear(year, onPlanBasis: false, only: only)], figures: [done, plan])
    }

    /// The land reward when the year's plan amount is unknown: the rule asks whether the year's
    /// plan was completed, which the completion rate (completed / the year's plan, %) answers
    /// without the amount. Before the year's end not yet due (met already if the rate's lowest
    /// possible value is 100% or more); at the year's end judged on the full year's rate: met
    /// at 100% or more, not met below, unknown within the rate's rounding of 100% or with no
    /// full-year rate, naming the missing figure.
    func landRewardOnRate(year: Int, inYear: [Period], fullYear: Period?, town: Town, asOf: Period?,
                          reward: (RuleFinding.LandFinding) -> RuleFinding) -> RuleResult {
        let over = yearOver(year, asOf: asOf)
        var latest: (Period, Figure)?
        for p in inYear.reversed() {
            if let f = metrics.figure(town, FigureKey(.completionRate, p.id)), f.possible != nil {
                latest = (p, f)
                break
            }
        }
        let planMissing = RuleMissing.planOfYear(year)
        guard let (period, rate) = latest, let range = rate.possible else {
            return result(over ? .unknown : .notYetDue, reward(.planUnknown(year: year, yearNotOver: !over)),
                          missing: [planMissing])
        }
        func found(_ status: RuleResult.Status, _ outcome: RuleFinding.RateOutcome,
                   missing: [RuleMissing] = []) -> RuleResult {
            result(status, reward(.rate(period: period.id, rate: describe(rate), year: year, outcome: outcome)),
                   missing: missing, figures: [rate])
        }
        let settled = range.settles(atLeast: 100)
        if settled == true { return found(.met, .completed) }
        let fullYearMissing = RuleMissing.completedFullYear(year, onPlanBasis: false, only: nil)
        if !over { return found(.notYetDue, .yearNotOver, missing: [fullYearMissing]) }
        guard period.id == fullYear?.id else {
            return found(.unknown, .noFullYear, missing: [planMissing, fullYearMissing])
        }
        if settled == false { return found(.notMet, .missed) }
        return found(.unknown, .rounding, missing: [planMissing])
    }

    /// The city's first-year test: the sum of the towns' minimums against the city's
    /// completed investment for the year (Jiaxing 2015: 3 x 10 + 2 x 6 = 42; 63.06 completed,
    /// 21.06 above). nil when there is no year-one rule.
    public struct CityYearOne: Sendable {
        public var year: Int
        /// Every town of the data (`dataset.towns`: the array shared, no town copied), beside `tiers`.
        public var towns: [Town]
        /// The minimum of each town of `towns` (by position); nil where it cannot be determined.
        public var tiers: [Decimal?]
        /// The minimum per town; nil where it cannot be determined (`towns` and `tiers` paired
        /// when asked: the assessment's first visit reads only the sums, not 10,000 towns copied).
        public var minimums: [(town: Town, minimum: Decimal?)] { zip(towns, tiers).map { ($0, $1) } }
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
        public var fitted: [Town] { fittedPositions.map { towns[$0] } }
        /// The positions in `towns` of those in `fitted`.
        public var fittedPositions: [Int] = []
    }

    /// The year a town's list date starts with: `Int` of its first four characters (nil when
    /// they are not a number), read from the bytes when they are four ASCII digits not joined
    /// to what follows (every date the data holds), else as `Int(date.prefix(4))`.
    static func leadingYear(_ date: String) -> Int? {
        var utf8 = date.utf8.makeIterator(), value = 0
        for _ in 0..<4 {
            guard let b = utf8.next(), b >= 0x30, b <= 0x39 else { return Int(date.prefix(4)) }
            value = value * 10 + Int(b - 0x30)
        }
        // A fifth byte that is ASCII cannot join the fourth digit into a longer character (a
        // non-ASCII one may: a combining mark; it and a CR are left to `prefix`).
        if let b = utf8.next(), b >= 0x80 || b == 0x0D { return Int(date.prefix(4)) }
        return value
    }

    /// Each town's part in the city's first-year minimum (`cityYearOne`), as one pass over the
    /// towns reads it, apart from the rule's two minimums: which tier each town is (or that it
    /// cannot be determined), whether that rests on a fitted value, and the earliest first year.
    /// What a snapshot stores (`numbers`), so the assessment's first visit reads no town for the
    /// city's line (issue 17: that pass over 10,000 towns was a sixth of the key).
    public struct CityYearOneTiers: Sendable, Equatable {
        /// A town's tier cannot be determined (its minimum is nil).
        public static let unknown: UInt8 = 0
        /// A town's minimum is the rule's `lower_minimum`.
        public static let lower: UInt8 = 1
        /// A town's minimum is the rule's `minimum`.
        public static let standard: UInt8 = 2
        /// Added to `lower` or `standard`: the tier rests on a value fitted to a reported total.
        public static let fitted: UInt8 = 4
        /// The bits of a code that say its tier (`unknown`, `lower` or `standard`).
        static let kindMask: UInt8 = 3

        /// The earliest first year of a town (its list date's year, else the data's first
        /// period's); nil when there is none.
        public var firstYear: Int?
        /// Each town's code (by position in `dataset.towns`): `unknown`, or `lower` or
        /// `standard` plus `fitted` when its tier rests on a fitted value.
        public var codes: [UInt8]

        /// The earliest first year and each town's code.
        public init(firstYear: Int?, codes: [UInt8]) {
            self.firstYear = firstYear
            self.codes = codes
        }

        /// As a snapshot stores it (`numbers`) for `towns` towns; nil when not of that shape (another
        /// number of towns, a code that is none of these).
        public init?(numbers: [Int], towns: Int) {
            guard numbers.count == towns + 1, numbers[0] >= 0 else { return nil }
            var codes: [UInt8] = []
            codes.reserveCapacity(towns)
            for n in numbers.dropFirst() {
                guard n == 0 || n == 1 || n == 2 || n == 5 || n == 6 else { return nil }
                codes.append(UInt8(n))
            }
            self.init(firstYear: numbers[0] == 0 ? nil : numbers[0] - 1, codes: codes)
        }

        /// The stored form: `firstYear` + 1 (0: none), then each town's code.
        public var numbers: [Int] {
            var out = [firstYear.map { $0 + 1 } ?? 0]
            out.reserveCapacity(codes.count + 1)
            for c in codes { out.append(Int(c)) }
            return out
        }
    }

    /// `CityYearOneTiers` worked out over every town (never read from a snapshot); nil when the
    /// rules have no `yearOneMinimum`.
    public func cityYearOneTiers() -> CityYearOneTiers? {
        let start = dataset.periods.first?.year
        guard let rule = dataset.rules.first(where: { $0.kind == .yearOneMinimum }) else { return nil }
        // The lower industries a short list compared by `==` (as a set's `contains` compares them):
        // one or two names, cheaper to compare than a string to hash per town.
        let lower = Array(Set(rule.industries["lower_industries"] ?? []))
        let byCounty = rule.lowerInAcceleratedCounties
        let towns = dataset.towns
        var codes: [UInt8] = []
        codes.reserveCapacity(towns.count)
        var firstYear: Int?
        towns.withUnsafeBufferPointer { towns in
            for i in towns.indices {
                let town = UnsafePointer(towns.baseAddress! + i)
                // `firstYear` of the town: its list date's year, else the data's first.
                if let y = town.pointee.listDate.flatMap(Self.leadingYear) ?? start {
                    firstYear = min(firstYear ?? y, y)
                }
                let industry = town.pointee.industry
                let inLower = industry.map { lower.contains($0) } ?? false
                // Which of the rule's two minimums the town's tier is (nil: cannot be determined),
                // and whether it rests on a value fitted to a reported total (`tierIsFitted`).
                let isLower: Bool?
                let fitted: Bool
                if inLower {
                    (isLower, fitted) = (true, town.pointee.industryFitted)
                } else if byCounty, let accelerated = town.pointee.acceleratedCounty, accelerated {
                    (isLower, fitted) = (true, town.pointee.acceleratedCountyFitted || town.pointee.industryFitted)
                } else if byCounty && town.pointee.acceleratedCounty == nil {
                    (isLower, fitted) = (nil, false)
                } else {
                    (isLower, fitted) = (industry == nil ? nil : false,
                                         (byCounty && town.pointee.acceleratedCountyFitted) || town.pointee.industryFitted)
                }
                guard let isLower else {
                    codes.append(CityYearOneTiers.unknown)
                    continue
                }
                codes.append((isLower ? CityYearOneTiers.lower : CityYearOneTiers.standard)
                                 | (fitted ? CityYearOneTiers.fitted : 0))
            }
        }
        return CityYearOneTiers(firstYear: firstYear, codes: codes)
    }

    /// The city's first-year minimum (the rule `yearOneMinimum`): each town's minimum by its
    /// tier, their sum when every one is known, the formula, the reported minimum and the
    /// completed total of the first year; nil when the rules have no such rule or no year is known.
    /// Every town is read once, in one pass, its fields in place (a town copied per field read was
    /// most of the assessment's first visit at 10,000 towns: 1.7 ms), and the sum is each tier's
    /// minimum times its count (the same value as adding every town's: exact in `Decimal`).
    /// `stored`: each town's tier as a snapshot keeps it (`CityYearOneTiers`, used when of as many
    /// towns), else each is worked out here (`cityYearOneTiers`).
    public func cityYearOne(tiers stored: CityYearOneTiers? = nil) -> CityYearOne? {
        let start = dataset.periods.first?.year
        guard let rule = dataset.rules.first(where: { $0.kind == .yearOneMinimum }) else { return nil }
        let towns = dataset.towns
        // Each town's tier as the snapshot stores it (read, no town read), else worked out.
        guard let read = (stored?.codes.count == towns.count ? stored : nil) ?? cityYearOneTiers() else { return nil }
        let (lowerMinimum, minimum) = (rule.number("lower_minimum"), rule.number("minimum"))
        var tiers: [Decimal?] = []
        tiers.reserveCapacity(towns.count)
        var fittedPositions: [Int] = []
        // Each kind's count, in the order each kind first appears (the formula's groups' order).
        var counted: [(lower: Bool, count: Int)] = []
        var unknown = 0
        for (i, code) in read.codes.enumerated() {
            let kind = code & CityYearOneTiers.kindMask
            guard kind != CityYearOneTiers.unknown else {
                tiers.append(nil)
                unknown += 1
                continue
            }
            let isLower = kind == CityYearOneTiers.lower
            tiers.append(isLower ? lowerMinimum : minimum)
            if code & CityYearOneTiers.fitted != 0 { fittedPositions.append(i) }
            if let k = counted.firstIndex(where: { $0.lower == isLower }) {
                counted[k].count += 1
            } else {
                counted.append((isLower, 1))
            }
        }
        let firstYear = read.firstYear
        guard let year = firstYear ?? start else { return nil }
        // The towns counted by tier value (two kinds of equal value are one group), largest first.
        var groups: [(Decimal, Int)] = []
        for (isLower, n) in counted {
            let m = isLower ? lowerMinimum : minimum
            if let i = groups.firstIndex(where: { $0.0 == m }) { groups[i].1 += n } else { groups.append((m, n)) }
        }
        groups.sort { $0.0 > $1.0 }
        let required: Decimal? = unknown == 0 ? groups.reduce(Decimal(0)) { $0 + $1.0 * Decimal($1.1) } : nil
        var formula = groups.map { "\($0.1) x \(text($0.0))" }.joined(separator: " + ")
        if unknown > 0 { formula += " + \(unknown) unknown" }
        let fullYear = dataset.periods.last { $0.year == year && $0.through == 12 }
        let completed = fullYear.flatMap { metrics.total(FigureKey(.completed, $0.id)) }
        var margin: Decimal?
        if let required, let c = completed?.quantity.exactValue { margin = c - required }
        return CityYearOne(year: year, towns: towns, tiers: tiers, required: required, formula: formula,
                           reported: dataset.totals[FigureKey(.investmentMinimum, String(year))], completed: completed,
                           margin: margin, fittedPositions: fittedPositions)
    }
}
