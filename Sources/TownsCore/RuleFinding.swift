import Foundation

/// What a rule's evaluation found, as data (issue 14 point 7): which case, with its figures as
/// printed ("13.56", "≈18.60", ">50") and its periods by id ("2015-09"), so that a view words it
/// in its reader's language: TownsUI's `RuleWords` is its one worder, in both languages (code debt D4).
///
/// ```swift
/// // Haiyan's 3-year minimum in September 2015:
/// RuleFinding.creationMinimum(plan: .meets(plan: "140", minimum: "50"), end: [2017], judged: .notYet)
/// // RuleWords: "plan 140 meets the minimum 50; completion judged at the end of 2017"
/// ```
public indirect enum RuleFinding: Hashable, Sendable {
    /// Why a minimum rule's lower tier (6 in the first year, 30 over the creation period) applies
    /// to a town, so that a finding quoting it says so (fresh user: Nanhu's "below 6" and "meets
    /// the minimum 30" quoted the lower tier without a word).
    public struct TierNote: Hashable, Sendable {
        public enum Why: Hashable, Sendable {
            /// The town's industry (towns.toml `industry`, "finance") is one the rule names.
            case industry(String)
            /// The town's county is one of the 26 accelerated-development counties.
            case acceleratedCounty
        }
        public var why: Why
        /// The lower tier quoted and the higher one it stands for ("6", "10").
        public var lower: String
        public var higher: String
        /// Whether the figure meets the higher tier too (the tier then does not decide it).
        public var alsoMeetsHigher = false
        /// Whether the county's being one of the 26 is unknown and would give the lower tier as well
        /// (so the industry decides the tier whatever the county).
        public var whateverTheCounty = false
        public init(why: Why, lower: String, higher: String, alsoMeetsHigher: Bool = false,
                    whateverTheCounty: Bool = false) {
            self.why = why; self.lower = lower; self.higher = higher; self.alsoMeetsHigher = alsoMeetsHigher
            self.whateverTheCounty = whateverTheCounty
        }
    }

    /// A finding quoting a rule's lower tier, with why that tier applies (`TierNote`).
    case tier(TierNote, RuleFinding)

    /// A met or not met finding on figures a failing consistency check flags (`flagged`, each
    /// `Checker.isFlagged`; `checks`: the inconsistencies): the verdict is unknown (`?` with `!`),
    /// never more certain than its sources (w15-verdict; `Assessment.evaluate`).
    case doubted(flagged: [FigureKey], checks: [Finding], RuleFinding)

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
        /// The year's plan amount unknown and no completion rate for the year; `yearNotOver`:
        /// judged at the year's end, so not yet due.
        case planUnknown(year: Int, yearNotOver: Bool)
        /// The year's plan amount unknown, judged on the completion rate (completed / the year's
        /// plan, %), which answers the rule (was the year's plan completed?) without the amount.
        case rate(period: String, rate: String, year: Int, outcome: RateOutcome)
        case noCompleted(year: Int, plan: String, yearNotOver: Bool)
        case differentBases(period: String, completed: String, year: Int, plan: String)
        case completed(period: String, completed: String, year: Int, plan: String)
        case missed(period: String, completed: String, year: Int, plan: String)
        case open(period: String, completed: String, year: Int, plan: String, why: Open)
    }

    /// Where a completion rate leaves the land reward when the plan amount is unknown.
    public enum RateOutcome: Hashable, Sendable {
        /// Below 100% so far and the year not over: not yet due.
        case yearNotOver
        /// The rate's lowest possible value (given its printed digits) is at least 100%: met.
        case completed
        /// The full year's rate is below 100% even at its highest possible value: not met.
        case missed
        /// The full year's rate is within the rounding of 100%: unknown.
        case rounding
        /// The year is over and the rate is of an earlier period: unknown.
        case noFullYear
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
    /// A completed figure at or above the minimum whose possible values (`Figure.possible`) reach
    /// below it: `derived` false, a reported figure printed at the minimum (10.0 stands for
    /// 9.95-10.05): judged as reported, and said so; `derived` true, a figure worked out whose
    /// inputs allow a value under the minimum: undecided (wave 23's fresh user, F22: the land
    /// reward already left a figure within the plan's rounding undecided).
    case atTheMinimum(minimum: String, possible: String, derived: Bool, RuleFinding)
    /// `inner` (the first-year minimum met) rests on a plain amount (the paper's 完成投资额, its
    /// basis not stated) while the rule counts fixed-asset investment on the dataset's declared
    /// basis `basis` (its name; dataset.toml `[[basis]]`: excluding commercial housing and
    /// complexes), which the plain amount may exceed: not settled.
    case basisNotStated(basis: String, inner: RuleFinding)

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
    /// The year's completed investment on the rule's basis (dataset.toml `[[basis]]` id).
    case completedOnBasis(Int, basis: String)
    /// The year's plan to more digits than known (a completed figure within its rounding).
    case exactPlanOfYear(Int)
    case completedOverCreation
    case featuredInvestment(period: String?)
    case area(RuleFinding.Area, asOf: String?)
    case tolerance(maximum: String)
    case scenicRating, visitors
    case planOfYear(Int)
}
