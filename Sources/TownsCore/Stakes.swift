import Foundation

/// What follows for a town, under the province's rules, from a rule it does not meet or is not
/// known to meet (issue 14 point 6): the meeting's question "what is at stake". Structured, so
/// that a view words it in the reader's language; the rule stating the consequence is named
/// (`statedBy`) for its source.
///
/// The rules in `rules.toml` state two consequences (paper 一; 金华日报 2019-11-25):
/// - a town that does not complete its annual plan gets no land-quota reward, which is 50% of
///   the quota it actually used (60% for the industries the rule names);
/// - a town that misses its 3-year targets has twice the rewarded quota deducted.
/// No other rule in the data states a consequence of its own; `Consequence.noneStated` says so.
public struct Stake: Sendable, Equatable {
    public enum Consequence: Sendable, Equatable {
        /// The annual plan of `year` not completed: the land-quota reward forgone.
        case rewardForgone
        /// The 3-year targets missed by the end of the creation period: `times` the rewarded
        /// quota deducted.
        case deductionMultiplied
        /// The rules in the data state no consequence of this rule alone.
        case noneStated
    }

    /// The rule judged (its id) and whether it is not met (true) or unknown or not yet due (false).
    public var ruleID: String
    public var notMet: Bool
    /// Whether the rule is judged after the period shown (`RuleResult.Status.notYetDue`).
    public var notYetDue = false
    public var consequence: Consequence
    /// The id of the rule that states the consequence (the land-reward or land-deduction rule).
    public var statedBy: String?
    /// The year whose annual plan decides the reward (rewardForgone).
    public var year: Int?
    /// Whether that year is over as of the period shown (its end reached): the stake is then
    /// worded in the past tense, as something already decided, not still to come.
    public var yearOver = false
    /// Whether the creation period has ended as of the period shown (deductionMultiplied), whichever
    /// its length (`Assessment.creationEnded`); false when it has not or that is not known.
    public var creationEnded = false
    /// The reward's share of the quota used, % (50 or 60): one value when the town's industry
    /// decides it, both when the industry is unknown.
    public var percents: [Decimal] = []
    /// The industries the higher share is for (rules.toml `higher_industries`).
    public var higherIndustries: [String] = []
    /// How many times the reward is deducted (deductionMultiplied).
    public var times: Decimal?
    /// The last year of the creation period, by which the 3-year targets are judged: one value,
    /// or both (3 and 5 years) when it is not known whether the county is one of the 26.
    public var lastYears: [Int] = []
    /// Whether `lastYears` rests on a value fitted to a reported total (towns.toml
    /// `accelerated_county_fitted`) rather than on a source.
    public var lastYearsFitted = false
    /// The town's land quota used in `year` (亩), when the data holds it.
    public var quotaUsed: Figure?
    /// The reward at stake in 亩 (quota used x percent), or the deduction (x times as well), when
    /// the quota used and the percent are both known; derived.
    public var amount: Decimal?
}

extension Assessment {
    /// What is at stake for `town` under `rule` as of `asOf`: nil when the rule is met or is
    /// for information (the creation period); else (not met, unknown, not yet due) the
    /// consequence the rules state, with its share, its dates and, where the data holds the quota used, its amount.
    public func stake(_ rule: Rule, _ town: Town, asOf: Period?) -> Stake? {
        stake(rule, town, asOf: asOf, judged: evaluate(rule, town, asOf: asOf).status)
    }

    /// `stake(_:_:asOf:)` for a town already judged: `status` is `evaluate(rule, town,
    /// asOf: asOf).status`, worked out by the caller (the snapshot's write judges each town by each
    /// rule once per period for the overview's counts and the assessment's stakes both).
    public func stake(_ rule: Rule, _ town: Town, asOf: Period?, judged status: RuleResult.Status) -> Stake? {
        guard [.notMet, .unknown, .notYetDue].contains(status) else { return nil }
        var stake = Stake(ruleID: rule.id, notMet: status == .notMet, consequence: .noneStated)
        stake.notYetDue = status == .notYetDue
        switch rule.kind {
        case .landReward:
            var reward = rewardAtStake(rule, town, asOf: asOf)
            reward.notMet = stake.notMet
            reward.notYetDue = stake.notYetDue
            return reward
        case .landDeduction:
            stake.consequence = .deductionMultiplied
            stake.statedBy = rule.id
            stake.times = rule.number("times")
            stake.lastYears = lastYears(town)
            stake.lastYearsFitted = town.acceleratedCounty != nil && town.acceleratedCountyFitted
            stake.creationEnded = creationEnded(town, asOf: asOf) == true
            let reward = dataset.rules.first { $0.kind == .landReward }
            if let reward {
                // The deduction takes back the reward, whether or not the reward is yet decided.
                let s = rewardAtStake(reward, town, asOf: asOf)
                stake.percents = s.percents
                stake.higherIndustries = s.higherIndustries
                stake.quotaUsed = s.quotaUsed
                stake.year = s.year
                if let a = s.amount, let times = stake.times { stake.amount = a * times }
            }
        default:
            break
        }
        return stake
    }

    /// The land-quota reward for `town` under the land-reward rule: the year whose plan decides
    /// it, its share (50 or 60%, both when the industry is unknown), and the quota used and the
    /// amount where the data holds the quota used.
    private func rewardAtStake(_ reward: Rule, _ town: Town, asOf: Period?) -> Stake {
        let year = asOf?.year ?? firstYear(town)
        let higher = reward.industries["higher_industries"] ?? []
        var s = Stake(ruleID: reward.id, notMet: false, consequence: .rewardForgone, statedBy: reward.id, year: year)
        s.yearOver = year.map { yearOver($0, asOf: asOf) } ?? false
        s.higherIndustries = higher
        s.percents =
            town.industry.map { [higher.contains($0) ? reward.number("higher_percent") : reward.number("percent")] }
            ?? [reward.number("percent"), reward.number("higher_percent")]
        if let year, let used = metrics.figure(town, FigureKey(.landQuotaUsed, String(year))) {
            s.quotaUsed = used
            if let q = used.quantity.exactValue, s.percents.count == 1 { s.amount = q * s.percents[0] / 100 }
        }
        return s
    }

    /// The last year of `town`'s creation period (first year + 3 - 1, or + 5 - 1 in the 26
    /// accelerated-development counties); both when that is not known.
    public func lastYears(_ town: Town) -> [Int] {
        guard let rule = dataset.rules.first(where: { $0.kind == .creationPeriod }), let first = firstYear(town) else {
            return []
        }
        let years = [rule.number("years"), rule.number("lower_years")].map { NSDecimalNumber(decimal: $0).intValue }
        switch town.acceleratedCounty {
        case true?: return [first + years[1] - 1]
        case false?: return [first + years[0] - 1]
        case nil: return years.map { first + $0 - 1 }
        }
    }
}
