import Foundation

/// What a rule's evaluation found, as data (issue 14 point 7): which case, with its figures as
/// printed ("13.56", "≈18.60", ">50") and its periods by id ("2015-09"), so that a view words it
/// in its reader's language (TownsUI `ruleText`). `english(_:)` words it in English for the core's
/// `RuleResult.detail` (tests, logs), as `Provenance.derived` keeps an English formula beside
/// `Explanation`.
///
/// ```swift
/// // Haiyan's 3-year minimum in September 2015:
/// RuleFinding.creationMinimum(plan: .meets(plan: "140", minimum: "50"), end: [2017], judged: .notYet)
/// // "plan 140 meets the minimum 50; completion judged at the end of 2017"
/// ```
public enum RuleFinding: Hashable, Sendable {
    /// ≥ or <.
    public enum Relation: Hashable, Sendable { case atLeast, below }

    /// Where a figure below the minimum leaves the first-year test.
    public enum Standing: Hashable, Sendable {
        /// Met (≥), or not met (<) on the full year's figure.
        case settled
        /// Below so far, the year not over: not yet due.
        case soFar
        /// Below, the year over and no full-year figure: unknown.
        case noFullYear
    }

    /// How the 3-year plan stands against the creation minimum (a plan is not a completion).
    public enum PlanStanding: Hashable, Sendable {
        case industryUnknown
        case noPlan(minimum: String)
        case meets(plan: String, minimum: String)
        case below(plan: String, minimum: String)
        /// A lower bound below the minimum: it may or may not meet it.
        case boundAgainst(plan: String, minimum: String)
    }

    /// Whether the creation period has ended by the period shown.
    public enum Judged: Hashable, Sendable {
        case notYet, ended
        /// It depends on what is not known (the first year, whether the county is one of the 26).
        case dependsOn(RuleMissing)
    }

    /// The planned or built area.
    public enum Area: Hashable, Sendable { case planned, built }

    /// What an area rule found ("about N km²").
    public enum AreaFinding: Hashable, Sendable {
        /// No figure: "about N km²".
        case noFigure(maximum: String)
        /// The figure is dated after the period shown: no evidence for it.
        case datedAfter(value: String, date: String, shown: String, maximum: String)
        /// value ≤ maximum (met).
        case within(value: String, asOf: String?, maximum: String)
        /// Above the maximum, allowed for a tourism town (met).
        case tourism(value: String, asOf: String?, maximum: String)
        /// Against maximum + the rule's tolerance.
        case tolerance(value: String, asOf: String?, above: Bool, maximum: String, tolerance: String)
        /// Above the maximum with no tolerance stated: unknown.
        case noTolerance(value: String, asOf: String?, maximum: String)
    }

    /// What the land-reward rule found about the year's plan and completion.
    public enum LandFinding: Hashable, Sendable {
        case noListDate
        case planUnknown(year: Int)
        case noCompleted(year: Int, plan: String, yearNotOver: Bool)
        case differentBases(period: String, completed: String, year: Int, plan: String)
        case completed(period: String, completed: String, year: Int, plan: String)
        case missed(period: String, completed: String, year: Int, plan: String)
        case open(period: String, completed: String, year: Int, plan: String, why: Open)
    }

    /// Why a land-reward comparison is not settled.
    public enum Open: Hashable, Sendable { case yearNotOver, noFullYear, lowerBound, rounding }

    // The first-year minimum.
    case noFirstYear
    case firstYearNotBegun(year: Int, by: String)
    /// completed ≥ the higher tier: met whichever tier applies.
    case clearsHigherTier(period: String, completed: String, highest: String)
    /// The tier (minimum or lower) is not known; with the latest completed figure when there is one.
    case tierUnknown(period: String?, completed: String?, minimum: String, lower: String)
    case againstTier(period: String, completed: String, relation: Relation, tier: String, fitted: Bool,
                     standing: Standing)
    case noCompletedFigure(year: Int, by: String?, tier: String, fitted: Bool, yearNotOver: Bool)

    // The creation-period minimum.
    case creationMinimum(plan: PlanStanding, end: [Int], judged: Judged)

    // The creation period.
    case creationYears(years: String, first: Int, last: Int)
    case creationYearsUnknown(years: String, lower: String)

    // The featured share (%); `earlierThan`: the period shown when the share is of an earlier one.
    case featuredShare(period: String, share: String, relation: Relation, minimum: String, earlierThan: String?)
    case featuredShareUnknown(minimum: String)

    case area(Area, AreaFinding)
    case scenicRating(tourism: Bool, rating: String)
    case visitors(minimum: String)

    /// The land-quota reward: its share(s) of the quota used, %, and what was found.
    case landReward(percents: [String], LandFinding)
    /// The deduction (times the reward) judged when the creation period ends.
    case landDeduction(times: String, end: [Int], notYetDue: Bool)
}

/// A figure or fact whose absence leaves a rule's result unknown.
public enum RuleMissing: Hashable, Sendable {
    case industry, listDate, threeYearPlan, acceleratedCounty, firstYear
    case completedYear(Int)
    /// The year's full figure; `onPlanBasis`: on the plan's basis; `only`: the bound that is known.
    case completedFullYear(Int, onPlanBasis: Bool, only: String?)
    case completedOverCreation
    case featuredInvestment(period: String?)
    case area(RuleFinding.Area, asOf: String?)
    case tolerance(maximum: String)
    case scenicRating, visitors
    case planOfYear(Int)

    /// In English, as `RuleResult.missing` holds it ("completed 2015 full year").
    public func english(_ label: (String) -> String) -> String {
        switch self {
        case .industry: return "industry"
        case .listDate: return "list date"
        case .threeYearPlan: return "3-year plan"
        case .acceleratedCounty: return "whether the county is one of the 26"
        case .firstYear: return "the first year"
        case let .completedYear(y): return "completed \(y)"
        case let .completedFullYear(y, basis, only):
            return "completed \(y) full year" + (basis ? " on the plan's basis" : "")
                + (only.map { " (only \($0) known)" } ?? "")
        case .completedOverCreation: return "completed over the creation period"
        case let .featuredInvestment(p): return "featured-industry investment" + (p.map { " " + label($0) } ?? "")
        case let .area(a, asOf):
            return (a == .planned ? "planned area" : "built area") + (asOf.map { " as of " + label($0) } ?? "")
        case let .tolerance(m): return "a tolerance for 'about \(m) km²'"
        case .scenicRating: return "scenic-area rating"
        case .visitors: return "visitors a year"
        case let .planOfYear(y): return "\(y) plan"
        }
    }
}

extension RuleFinding {
    /// "the end of 2017", "the end of 2017 or 2019", "the end of the creation period".
    static func endEnglish(_ years: [Int]) -> String {
        years.isEmpty ? "the end of the creation period"
            : "the end of " + years.map(String.init).joined(separator: " or ")
    }

    /// The finding in English; `label` gives a period's English label from its id.
    public func english(_ label: (String) -> String) -> String {
        func rel(_ r: Relation) -> String { r == .atLeast ? "≥" : "<" }
        func fit(_ f: Bool) -> String { f ? " (tier fitted to the notice's total, not sourced)" : "" }
        switch self {
        case .noFirstYear: return "no first year"
        case let .firstYearNotBegun(y, by): return "the first year \(y) has not begun by \(label(by))"
        case let .clearsHigherTier(p, c, h):
            return "completed \(label(p)) \(c) ≥ \(h), the higher tier: met whichever tier applies"
        case let .tierUnknown(p, c, m, l):
            let head = p.map { "completed \(label($0)) \(c ?? "?"); " } ?? ""
            return head + "the minimum (\(m) or \(l)) depends on the industry or the county"
        case let .againstTier(p, c, r, tier, fitted, standing):
            let head = "completed \(label(p)) \(c)"
            switch standing {
            case .settled: return "\(head) \(rel(r)) \(tier)\(fit(fitted))"
            case .soFar: return "\(head) so far, below \(tier)\(fit(fitted)); the year is not over"
            case .noFullYear: return "\(head), below \(tier)\(fit(fitted)); no full-year figure"
            }
        case let .noCompletedFigure(y, by, tier, fitted, notOver):
            return "minimum \(tier)\(fit(fitted)); no completed figure for \(y)" + (by.map { " by \(label($0))" } ?? "")
                + (notOver ? "; the year is not over" : "")
        case let .creationMinimum(plan, end, judged):
            let planText: String
            switch plan {
            case .industryUnknown: planText = "the minimum depends on the industry"
            case let .noPlan(m): planText = "minimum \(m); no 3-year plan"
            case let .meets(p, m): planText = "plan \(p) meets the minimum \(m)"
            case let .below(p, m): planText = "plan \(p) is below the minimum \(m)"
            case let .boundAgainst(p, m): planText = "plan \(p) against the minimum \(m)"
            }
            let at = Self.endEnglish(end)
            switch judged {
            case .notYet: return "\(planText); completion judged at \(at)"
            case .ended:
                return "\(planText); the creation period ended (\(at)) and no completed figure over it is known"
            case let .dependsOn(m):
                return "\(planText); completion judged at \(at): whether that has come depends on \(m.english(label))"
            }
        case let .creationYears(n, a, b): return "\(n) years: \(a)-\(b)"
        case let .creationYearsUnknown(n, l): return "\(n) years, or \(l) in the 26 counties"
        case let .featuredShare(p, s, r, m, earlier):
            let shown = "featured share \(label(p)) \(s)% \(rel(r)) \(m)%"
            return earlier.map { "\(shown), of an earlier period: no share for \(label($0))" } ?? shown
        case let .featuredShareUnknown(m): return "at least \(m)%"
        case let .area(a, f):
            let name = a == .planned ? "planned area" : "built area"
            func shown(_ v: String, _ asOf: String?) -> String {
                "\(name) \(v) km²" + (asOf.map { " (as of \($0))" } ?? "")
            }
            switch f {
            case let .noFigure(m): return "about \(m) km²"
            case let .datedAfter(v, d, s, m):
                return "\(name) \(v) km² is dated \(d), after \(label(s)): no evidence for the period shown; "
                    + "about \(m) km²"
            case let .within(v, d, m): return "\(shown(v, d)) ≤ \(m)"
            case let .tourism(v, d, m): return "\(shown(v, d)) > \(m), allowed for a tourism town"
            case let .tolerance(v, d, above, m, t):
                return "\(shown(v, d)) \(above ? ">" : "≤") about \(m) + \(t) tolerance"
            case let .noTolerance(v, d, m):
                return "\(shown(v, d)) is above \(m), but the rule says only 'about \(m) km²' and the source gives "
                    + "no tolerance: whether it is breached is not known"
            }
        case let .scenicRating(tourism, r): return tourism ? "\(r)A standard" : "\(r)A or better"
        case let .visitors(m): return "at least \(m) a year"
        case let .landReward(percents, f):
            let rate = "reward " + percents.map { "\($0)%" }.joined(separator: " or ") + " of the quota used"
            switch f {
            case .noListDate: return "\(rate) if the annual plan is completed"
            case let .planUnknown(y): return "\(rate) if the \(y) plan is completed; the \(y) plan is not known"
            case let .noCompleted(y, plan, notOver):
                return "\(y) plan \(plan); no completed figure for \(y)" + (notOver ? " yet; the year is not over" : "")
            case let .differentBases(p, c, y, plan):
                return "completed \(label(p)) \(c) and the \(y) plan \(plan) are on different bases; \(rate) if the "
                    + "plan is completed"
            case let .completed(p, c, y, plan):
                return "completed \(label(p)) \(c) ≥ \(y) plan \(plan): annual plan completed; \(rate) "
                    + "(quota used unknown)"
            case let .missed(p, c, y, plan):
                return "completed \(label(p)) \(c) < \(y) plan \(plan): annual plan not completed; no reward"
            case let .open(p, c, y, plan, why):
                let reason: String
                switch why {
                case .yearNotOver: reason = "the year is not over"
                case .noFullYear: reason = "no full-year figure"
                case .lowerBound: reason = "only a lower bound of the full year is known"
                case .rounding: reason = "within the rounding of the plan"
                }
                return "completed \(label(p)) \(c) against the \(y) plan \(plan): \(reason); \(rate) if the plan is "
                    + "completed"
            }
        case let .landDeduction(times, end, notYetDue):
            return "\(times) x the reward deducted if the 3-year targets are missed; judged "
                + (notYetDue ? "at \(Self.endEnglish(end))" : "when the creation period ends (\(Self.endEnglish(end)))")
        }
    }
}
