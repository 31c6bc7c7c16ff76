import Foundation

/// How a town stands against one rule.
public struct RuleResult: Sendable, Equatable {
    public enum Status: String, Sendable { case met, notMet = "not met", unknown, info }
    public var status: Status
    /// The reasoning with the figures used, e.g. "completed Jan-Sep 13.56 ≥ 10".
    public var detail: String
    /// The figures whose absence leaves the result unknown.
    public var missing: [String]
    /// A few characters for a table cell when the status is `info` ("3年").
    public var short: String? = nil
}

/// Checks towns against the province's rules (rules.toml): met, not met, or unknown with
/// the figure that is missing. Each check uses only reported or derived figures; a lower
/// bound ("more than 14") settles a rule when the bound alone is enough.
public struct Assessment: Sendable {
    public let metrics: Metrics
    public init(metrics: Metrics) { self.metrics = metrics }

    var dataset: Dataset { metrics.dataset }

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

    func text(_ d: Decimal) -> String { NSDecimalNumber(decimal: d).stringValue }

    func describe(_ f: Figure) -> String {
        switch f.quantity {
        case let .exact(v, d): return (f.isDerived ? "≈" : "") + DecimalMath.text(v, scale: f.isDerived ? 2 : d)
        case let .moreThan(b): return ">\(text(b))"
        }
    }

    public func evaluate(_ rule: Rule, _ town: Town) -> RuleResult {
        switch rule.kind {
        case .yearOneMinimum:
            guard let year = firstYear(town) else { return RuleResult(status: .unknown, detail: "no first year", missing: ["list date"]) }
            guard let minimum = threshold(rule, town) else {
                return RuleResult(status: .unknown, detail: "the minimum (\(text(rule.number("minimum"))) or \(text(rule.number("lower_minimum")))) depends on the industry or the county",
                                  missing: [town.industry == nil ? "industry" : "whether the county is one of the 26"])
            }
            let periods = dataset.periods.filter { $0.year == year }
            for p in periods.reversed() {
                guard let f = metrics.figure(town, FigureKey(.completed, p.id)) else { continue }
                let label = "completed \(p.labelEN) \(describe(f))"
                switch f.quantity {
                case let .exact(v, _):
                    if v >= minimum { return RuleResult(status: .met, detail: "\(label) ≥ \(text(minimum))", missing: []) }
                    if p.through == 12 { return RuleResult(status: .notMet, detail: "\(label) < \(text(minimum))", missing: []) }
                    return RuleResult(status: .unknown, detail: "\(label) so far, below \(text(minimum)); the year is not over", missing: ["completed \(year) full year"])
                case let .moreThan(b):
                    if b >= minimum { return RuleResult(status: .met, detail: "\(label) ≥ \(text(minimum))", missing: []) }
                }
            }
            return RuleResult(status: .unknown, detail: "minimum \(text(minimum)); no completed figure for \(year)", missing: ["completed \(year)"])

        case .creationMinimum:
            guard let minimum = threshold(rule, town) else {
                return RuleResult(status: .unknown, detail: "the minimum depends on the industry", missing: ["industry"])
            }
            guard let plan = metrics.figure(town, FigureKey(.planTotal)) else {
                return RuleResult(status: .unknown, detail: "minimum \(text(minimum)); no 3-year plan", missing: ["3-year plan"])
            }
            switch plan.quantity {
            case let .exact(v, _):
                return RuleResult(status: v >= minimum ? .met : .notMet,
                                  detail: "3-year plan \(describe(plan)) \(v >= minimum ? "≥" : "<") \(text(minimum)) (the plan; completion is judged when the period ends)", missing: [])
            case let .moreThan(b):
                if b >= minimum {
                    return RuleResult(status: .met, detail: "3-year plan \(describe(plan)) ≥ \(text(minimum)) (the plan; completion is judged when the period ends)", missing: [])
                }
                return RuleResult(status: .unknown, detail: "3-year plan \(describe(plan)), minimum \(text(minimum))", missing: ["3-year plan"])
            }

        case .creationPeriod:
            let years: Decimal? = town.acceleratedCounty.map { $0 ? rule.number("lower_years") : rule.number("years") }
            guard let years, let first = firstYear(town) else {
                return RuleResult(status: .unknown, detail: "\(text(rule.number("years"))) years, or \(text(rule.number("lower_years"))) in the 26 counties", missing: ["whether the county is one of the 26"])
            }
            let last = first + NSDecimalNumber(decimal: years).intValue - 1
            return RuleResult(status: .info, detail: "\(text(years)) years: \(first)-\(last)", missing: [], short: "\(text(years))年")

        case .featuredShare:
            let minimum = rule.number("percent")
            for p in dataset.periods.reversed() {
                if let f = metrics.figure(town, FigureKey(.featuredShare, p.id)), let v = f.quantity.exactValue {
                    return RuleResult(status: v >= minimum ? .met : .notMet, detail: "featured share \(p.labelEN) \(describe(f))% \(v >= minimum ? "≥" : "<") \(text(minimum))%", missing: [])
                }
            }
            return RuleResult(status: .unknown, detail: "at least \(text(minimum))%", missing: ["featured-industry investment"])

        case .plannedArea:
            let maximum = rule.number("maximum")
            guard let f = metrics.figure(town, FigureKey(.areaPlanned)), let v = f.quantity.exactValue else {
                return RuleResult(status: .unknown, detail: "about \(text(maximum)) km²", missing: ["planned area"])
            }
            if v <= maximum { return RuleResult(status: .met, detail: "planned area \(describe(f)) km² ≤ \(text(maximum))", missing: []) }
            if town.industry == "tourism" { return RuleResult(status: .met, detail: "planned area \(describe(f)) km² > \(text(maximum)), allowed for a tourism town", missing: []) }
            return RuleResult(status: .notMet, detail: "planned area \(describe(f)) km² > about \(text(maximum))", missing: [])

        case .builtArea:
            let maximum = rule.number("maximum")
            guard let f = metrics.figure(town, FigureKey(.areaBuilt)), let v = f.quantity.exactValue else {
                return RuleResult(status: .unknown, detail: "about \(text(maximum)) km²", missing: ["built area"])
            }
            return RuleResult(status: v <= maximum ? .met : .notMet, detail: "built area \(describe(f)) km², about \(text(maximum))", missing: [])

        case .scenicRating:
            let needed = town.industry == "tourism" ? "\(text(rule.number("tourism_rating")))A standard" : "\(text(rule.number("minimum_rating")))A or better"
            return RuleResult(status: .unknown, detail: needed, missing: ["scenic-area rating"])

        case .visitors:
            return RuleResult(status: .unknown, detail: "at least \(text(rule.number("minimum"))) a year", missing: ["visitors a year"])

        case .landReward:
            let higher = rule.industries["higher_industries"] ?? []
            let percent = town.industry.map { higher.contains($0) ? rule.number("higher_percent") : rule.number("percent") }
            let yearOne = dataset.rules.first { $0.kind == .yearOneMinimum }.map { evaluate($0, town) }
            let rate = percent.map { "\(text($0))% of the quota used" } ?? "\(text(rule.number("percent")))% or \(text(rule.number("higher_percent")))%"
            switch yearOne?.status {
            case .met?: return RuleResult(status: .met, detail: "eligible: annual target met; reward \(rate) (quota used unknown)", missing: percent == nil ? ["industry"] : [])
            case .notMet?: return RuleResult(status: .notMet, detail: "not eligible: annual target missed", missing: [])
            default: return RuleResult(status: .unknown, detail: "reward \(rate) if the annual target is met", missing: yearOne?.missing ?? ["annual target"])
            }

        case .landDeduction:
            let period = dataset.rules.first { $0.kind == .creationPeriod }.map { evaluate($0, town) }
            return RuleResult(status: .unknown, detail: "twice the reward deducted if the 3-year targets are missed; judged when the creation period ends (\(period?.detail ?? "?"))",
                              missing: ["completed over the creation period"])
        }
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
                           reported: dataset.totals[FigureKey(.investmentMinimum, String(year))], completed: completed, margin: margin)
    }
}
