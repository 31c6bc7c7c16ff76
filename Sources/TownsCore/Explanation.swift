import Foundation

/// A derived figure's arithmetic as data (issue 14 point 7): which derivation, its operands as
/// printed and its result, so that a view words it in its reader's language. The English
/// formula of `Provenance.derived` stays beside it for `towns check` and the exports.
///
/// ```swift
/// // Haining's 2015 plan: completed Jan-Aug 9.3 / completion 50% = 18.60, confirmed by Jan-Sep.
/// Explanation(step: .planFromCompleted(period: "2015-08", completed: "9.3", rate: "50", result: "18.60"),
///             interval: Interval(18.317, 18.889),
///             confirmedBy: [.planFromCompleted(period: "2015-09", completed: "13.56", rate: "72.9", result: "18.60")])
/// ```
public struct Explanation: Hashable, Sendable {
    /// One derivation; values as printed ("9.3", "≈18.6", ">14"), rates without "%"; periods by id.
    public enum Step: Hashable, Sendable {
        /// completed in `period` / completion rate % = the year's plan (亿元)
        case planFromCompleted(period: String, completed: String, rate: String, result: String)
        /// completion rate % x the plan of `year` = completed (亿元)
        case completedFromRate(rate: String, year: String, plan: String, result: String)
        /// completed / the plan of `year` x 100 = completion rate (%)
        case rateFromPlan(completed: String, year: String, plan: String, result: String)
        /// projects started / planned x 100 = start rate (%)
        case startRate(started: String, planned: String, result: String)
        /// the plan of `year` / the 3-year plan x 100 = the year's share (%)
        case planShare(year: String, plan: String, total: String, result: String)
        /// the city's completed amount in `period` as the sum of every town's reported one (亿元):
        /// `towns` (ids) and their `values` as printed, in the data's order; `sources`: the ids
        /// of the sources those figures come from, each once
        case sumOfTowns(period: String, towns: [String], values: [String], sources: [String], result: String)
    }

    public var step: Step
    /// Every value the result can stand for given the rounding of the printed operands.
    public var interval: Interval?
    /// The same value derived from other periods, agreeing with `step` within rounding.
    public var confirmedBy: [Step] = []
    /// Derivations from other periods that disagree (a consistency check fails), with theirs.
    public var disagreeing: [Step] = []
    public var disagreeingIntervals: [Interval?] = []
    /// Set when the value written is the middle of this interval (what every agreeing derivation
    /// allows together) because `step`'s own result lies outside it.
    public var middleOf: Interval?
    /// For a year's plan derived from two or more periods that agree: every value all of them
    /// allow together (the intersection of their intervals), the range the one plan of the year
    /// is known to lie in, in every period shown (wave 43); nil for one derivation.
    public var together: Interval?

    public init(step: Step, interval: Interval? = nil, confirmedBy: [Step] = []) {
        self.step = step
        self.interval = interval
        self.confirmedBy = confirmedBy
    }
}
