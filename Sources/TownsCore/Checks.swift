import Foundation

/// A consistency finding about a loaded dataset: figures that contradict each other, or a
/// reported total that the towns' known figures do not account for.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Two figures cannot both be right (beyond the rounding of what was printed).
        case inconsistency
        /// The towns' known figures fall short of a reported total: a gap in the data.
        case shortfall
        /// A check that passed, stated for the record (e.g. a derivation confirmed).
        case confirmed
        /// Agrees, but only with figures that were fitted to it (the five towns' first-year tiers
        /// chosen so that they sum to the notice's 42): consistent, not a confirmation.
        case consistent
        /// Words a source prints that read more than one way; the data uses one reading (an
        /// interpretation) and the finding names every reading ("共计30个项目").
        case ambiguous
    }
    public var kind: Kind
    /// What the finding is about: "Jiaxing", or a town's name (English; `townID` names the town).
    public var subject: String
    /// Where the figures involved were read from.
    public var locations: [SourceLocation]
    /// The town the finding is about (nil: the city's totals).
    public var townID: String? = nil
    /// The figure the finding casts doubt on (a printed rate that does not match).
    public var flagged: FigureKey? = nil
    /// Every figure of `townID` (nil: the city's totals) the finding casts doubt on, `flagged`
    /// included: a derivation that disagrees between periods flags all the figures it used,
    /// since the data cannot say which one is wrong. Only inconsistencies flag figures.
    public var flaggedKeys: [FigureKey] = []
    /// What was found, with its figures, for wording in the reader's language by TownsUI's
    /// `FindingWords`, the one worder of findings in both languages (code debt D4).
    public var detail: Detail

    public init(kind: Kind, subject: String, locations: [SourceLocation], townID: String? = nil,
                flagged: FigureKey? = nil, flaggedKeys: [FigureKey] = [], detail: Detail) {
        self.kind = kind; self.subject = subject; self.locations = locations; self.townID = townID
        self.flagged = flagged; self.flaggedKeys = flaggedKeys; self.detail = detail
    }

    /// Whether this finding flags the figure `key` (it is an inconsistency naming it).
    public func flags(_ key: FigureKey) -> Bool {
        kind == .inconsistency && (flagged == key || flaggedKeys.contains(key))
    }

    /// Every figure the finding flags, `flagged` first: none unless it is an inconsistency.
    public var flaggedFigures: [FigureKey] {
        guard kind == .inconsistency else { return [] }
        var keys = flaggedKeys
        if let flagged, !keys.contains(flagged) { keys.insert(flagged, at: 0) }
        return keys
    }

    /// For logs only, not worded: "FILE:LINE: kind: subject" and the figures flagged by their keys
    /// ("[flags completion_rate[2015-09]]"). Readers get `FindingWords.line`.
    public var description: String {
        let at = locations.first.map { "\($0): " } ?? ""
        let keys = flaggedFigures
        return "\(at)\(kind.rawValue): \(subject)"
            + (keys.isEmpty ? "" : " [flags \(keys.map(\.description).joined(separator: ", "))]")
    }
}

/// Runs the consistency checks on a dataset (`towns check`).
///
/// - Ratios: a reported rate against its reported numerator and denominator, allowing for
///   the rounding of every printed figure (interval arithmetic): the paper's 42.5% for
///   Jan-Sep is inconsistent with 45.06 / 106.8 = 42.19%.
/// - Derivations: a year's plan derived from two periods must agree (Haining: 9.3 / 50% and
///   13.56 / 72.9% both give 18.6).
/// - Totals: the sum of the towns' known figures against the city's reported total; what
///   is unaccounted for, and whether the towns' lower bounds fit in it.
public struct Checker: Sendable {
    public let metrics: Metrics
    public init(dataset: Dataset) { metrics = Metrics(dataset: dataset) }
    /// A checker over the dataset of `metrics` (formulas on or off: checks do not use them).
    public init(metrics: Metrics) { self.metrics = metrics }

    private var dataset: Dataset { metrics.dataset }

    /// One town's `planDisagreement` of each year, worked out once by `remembering(_:)`, with
    /// the figures it was worked out from (used only for those same figures).
    private var remembered: (figures: Figures, byYear: [Int: Set<String>])?

    /// The towns whose figures a check may cast doubt on, when known without running the checks
    /// (a snapshot stores them: those an inconsistency of `run()` names); nil: any town's may be.
    /// A town not among them has no flagged figure (a town's figure is flagged only by its own rate
    /// check or its own plan agreement, each of which `run()` reports as an inconsistency naming
    /// the town), so its questions are answered without its derivations (issue 17 point 3: a
    /// row's `!` cost most of the 0.1-0.3 ms of a towns table's row at 10,000 x 60).
    public var suspects: SuspectTowns?

    /// This checker with `town`'s plan agreement worked out once per year, for a town's page
    /// that asks whether each of its figures is flagged (each question worked the year's
    /// agreement out again: 12 derived plans per figure at 12 periods a year), and its metrics
    /// remembering the town's year plans (`Metrics.remembering`). The same answers as `self`
    /// for every town; only towns read from a snapshot's figure area are remembered.
    /// `years`: only these years (nil: every year of the dataset's periods).
    public func remembering(_ town: Town, years: [Int]? = nil) -> Checker {
        guard town.figures.isMapped else { return self }
        let years = years ?? Set(dataset.periods.map(\.year)).sorted()
        var c = Checker(metrics: metrics.withoutFormulas.remembering(town, years: years.map { String($0) }))
        c.suspects = suspects
        var byYear: [Int: Set<String>] = [:]
        for year in years { byYear[year] = planDisagreement(town, year: year) }
        c.remembered = (town.figures, byYear)
        return c
    }

    public func run() -> [Finding] {
        var findings: [Finding] = []
        let city = dataset.regionEN
        findings += ratioChecks(subject: city, townID: nil, figures: Figures(dataset.totals))
        findings += rateOrderChecks(subject: city, townID: nil, figures: Figures(dataset.totals))
        for town in dataset.towns {
            findings += ratioChecks(subject: town.nameEN, townID: town.id, figures: town.figures)
            findings += rateOrderChecks(subject: town.nameEN, townID: town.id, figures: town.figures)
            findings += planAgreement(town)
        }
        findings += sumChecks()
        findings += ambiguityChecks()
        findings += yearOneCheck()
        findings += provinceCheck()
        return findings
    }

    /// (rate, numerator, denominator) triples that a dataset may hold for one subject.
    private func triples(_ figures: Figures) -> [(rate: FigureKey, num: FigureKey, den: FigureKey)] {
        var out: [(FigureKey, FigureKey, FigureKey)] = []
        let years = Set(dataset.periods.map { String($0.year) }).sorted()
        for y in years {
            out.append((FigureKey(.planShare, y), FigureKey(.planYear, y), FigureKey(.planTotal)))
        }
        for p in dataset.periods {
            let y = String(p.year)
            out.append((FigureKey(.completionRate, p.id), FigureKey(.completed, p.id), FigureKey(.planYear, y)))
            out.append((FigureKey(.startRate, p.id), FigureKey(.projectsStarted, p.id), FigureKey(.projectsPlanned)))
            out.append((FigureKey(.featuredShare, p.id), FigureKey(.featuredInvestment, p.id),
                FigureKey(.completed, p.id)))
        }
        return out
    }

    private func ratioChecks(subject: String, townID: String?, figures: Figures) -> [Finding] {
        triples(figures).compactMap { ratioCheck($0, subject: subject, townID: townID, figures: figures) }
    }

    /// The consistency findings about one town's own rates (a printed rate against its
    /// reported numerator and denominator): what `run()` reports for the town with its
    /// `townID` set, without checking every other town.
    public func ratioFindings(for town: Town) -> [Finding] {
        ratioChecks(subject: town.nameEN, townID: town.id, figures: town.figures)
    }

    /// Every finding about one town: its rate checks, whether its completion rates rise through
    /// each year (`rateOrderChecks`) and whether its derived plans agree across periods (Haining:
    /// 9.3 / 50% and 13.56 / 72.9% both give 18.6).
    public func findings(for town: Town) -> [Finding] {
        ratioFindings(for: town) + rateOrderChecks(subject: town.nameEN, townID: town.id, figures: town.figures)
            + planAgreement(town)
    }

    /// Whether a cumulative completion rate printed as `later` (value %, decimals) of a later
    /// period of the same year is below `earlier` beyond the rounding of both (`earlier`'s lowest
    /// value above `later`'s highest: 20.7% then 19% falls, 20.7% then 20.66% does not). A rate is
    /// cumulative over one year's plan, so it falls only if the plan changed. The one rule of
    /// `towns import`'s warning (`SheetProblem.rateOutOfOrder`) and of `towns check`
    /// (`rateOrderChecks`; wave 24's fresh user, F5).
    public static func rateFalls(earlier: (value: Decimal, decimals: Int), later: (value: Decimal, decimals: Int))
        -> Bool
    {
        (earlier.value - DecimalMath.halfUnit(decimals: earlier.decimals))
            - (later.value + DecimalMath.halfUnit(decimals: later.decimals)) > 0
    }

    /// The periods (of `year`; nil: of every year) whose completion rate as the data gives it
    /// (reported, exact) falls below an earlier period's of the same year (`rateFalls`), each with
    /// the earlier period of the highest rate, and both figures; oldest first. Judged against the
    /// periods before it only, as the plans' agreement is (README: evidence dated up to the period
    /// shown). One pass over the periods.
    private func fallingRates(_ figures: Figures, year: Int? = nil)
        -> [(earlier: Period, earlierRate: Figure, later: Period, laterRate: Figure)]
    {
        var out: [(Period, Figure, Period, Figure)] = []
        // Each year's earlier rate whose lowest value is highest: a later rate falls below some
        // earlier one of its year iff it falls below that one.
        var highest: [Int: (period: Period, rate: Figure, lowest: Decimal, value: Decimal, decimals: Int)] = [:]
        for p in dataset.periods where year == nil || p.year == year {
            guard let f = figures[FigureKey(.completionRate, p.id)], !f.isDerived,
                  case let .exact(v, d) = f.quantity else { continue }
            let h = highest[p.year]
            if let h, Self.rateFalls(earlier: (h.value, h.decimals), later: (v, d)) { out.append((h.period, h.rate, p, f)) }
            let lowest = v - DecimalMath.halfUnit(decimals: d)
            if h == nil || lowest > h!.lowest { highest[p.year] = (p, f, lowest, v, d) }
        }
        return out
    }

    /// A completion rate below an earlier period's of the same year beyond both's rounding
    /// (`fallingRates`): an inconsistency flagging the later rate (the earlier stands: a later
    /// report never puts `!` on an earlier period's figure), naming both figures' lines.
    private func rateOrderChecks(subject: String, townID: String?, figures: Figures) -> [Finding] {
        fallingRates(figures).map { earlier, e, later, l in
            Finding(
                kind: .inconsistency, subject: subject, locations: [l.origin, e.origin].compactMap { $0 },
                townID: townID, flagged: FigureKey(.completionRate, later.id),
                detail: .rateFalls(earlier: earlier.id, earlierRate: Self.printed(e), earlierAt: e.origin,
                                   later: later.id, laterRate: Self.printed(l)))
        }
    }

    /// An exact figure's value as printed ("20.7"); "" for another quantity.
    private static func printed(_ f: Figure) -> String {
        guard case let .exact(v, d) = f.quantity else { return "" }
        return DecimalMath.text(v, scale: d)
    }

    /// The inconsistencies that flag the figure `key` of `town` (nil: the city's totals): which
    /// check fails and why (each finding's `detail`). Empty when no check casts doubt on it.
    /// Covers a town's rate checks and the agreement of its derived plans across periods (Haining's
    /// Jan-Sep completed edited to 10.0 or 0 flags it and the figures it disagrees with), and the
    /// city's rate checks.
    public func findings(flagging key: FigureKey, town: Town?) -> [Finding] {
        let totals = Figures(dataset.totals)
        let candidates = town.map { findings(for: $0) }
            ?? ratioChecks(subject: dataset.regionEN, townID: nil, figures: totals)
                + rateOrderChecks(subject: dataset.regionEN, townID: nil, figures: totals)
        return candidates.filter { $0.flags(key) }
    }

    /// Whether any check casts doubt on the figure `key` of a town (or, with nil, of the city's
    /// totals): the same answer as looking for an inconsistency flagging `key` among `run()`'s
    /// findings, found by checking that town alone.
    /// Whether a change of `measure` between two periods (`Metrics.change`: the Δ) is worked out
    /// from a figure a check casts doubt on, at either end (`isFlagged`): the one place that
    /// decides the Δ's `!`, so the changes view, the towns view's Δ columns, the overview's
    /// changes panel, a town's page and their exports agree (the city's Jan-Sep rate 42.5%!
    /// gives ≈+12.1! in each).
    public func isFlagged(change measure: Measure, town: Town?, from: Period, to: Period) -> Bool {
        isFlagged(FigureKey(measure, from.id), town: town) || isFlagged(FigureKey(measure, to.id), town: town)
    }

    /// Whether a figure worked out from `town`'s (nil: the city's) figures of `period` carries the
    /// `!` of one it rests on (README: a figure worked out from a flagged one carries `!`): any of
    /// `inputs` flagged (`isFlagged(_:town:)`), a derived input by the figures it is derived from
    /// (a derived year's plan by the completed figures and rates of its year, a derived completion
    /// rate or completed figure by the other two). The one place that decides the `!` of a schedule
    /// variance (from the rate), a shortfall (plan and completed) and a projection (completed): the
    /// city's 42.5%! gives 进度差 -32.5▼!.
    public func isFlagged(workedFrom inputs: [Measure], town: Town?, period: Period) -> Bool {
        if let town, let suspects, !suspects.mayBeFlagged(town.id) { return false }
        let figures = town?.figures ?? Figures(dataset.totals)
        let year = String(period.year)
        // The year's plan agreement, worked out once for every figure of the year asked about
        // here (it was once per figure: 24 agreements of 12 periods each for one derived plan).
        var disagreeing: Set<String>?
        func flagged(_ m: Measure) -> Bool {
            isFlaggedAsGiven(FigureKey(m, m == .planYear ? year : period.id), town: town, disagreement: &disagreeing)
        }
        func plan() -> Bool {
            if figures[FigureKey(.planYear, year)] != nil { return flagged(.planYear) }
            // As of `period`: a later period's disagreeing derivation flags that later period's
            // figures only (`planDisagreement`), so it does not reach back to `period`'s plan.
            func flaggedAt(_ p: Period) -> Bool {
                isFlaggedAsGiven(FigureKey(.completed, p.id), town: town, disagreement: &disagreeing)
                    || isFlaggedAsGiven(FigureKey(.completionRate, p.id), town: town, disagreement: &disagreeing)
            }
            var derivableUpTo = false
            for p in dataset.periods where p.year == period.year && p.id <= period.id {
                if flaggedAt(p) { return true }
                if !derivableUpTo { derivableUpTo = Self.allowsPlan(figures, p) }
            }
            // No period up to `period` allows the plan: it is the earliest later derivation's alone
            // (`Metrics.yearPlan(_:asOf:)`), so it carries that derivation's `!` (wave 25b's G3:
            // Haiyan's ≈53 from October's flagged 19% was `≈53!` at Jan-Oct, `≈53` at Jan-Sep).
            if !derivableUpTo,
               let later = dataset.periods
                   .filter({ $0.year == period.year && $0.through > period.through && Self.allowsPlan(figures, $0) })
                   .min(by: { $0.through < $1.through })
            {
                return flaggedAt(later)
            }
            return false
        }
        for m in inputs {
            switch m {
            case .planYear where plan(): return true
            case .completed, .completionRate:
                if figures[FigureKey(m, period.id)] != nil {
                    if flagged(m) { return true }
                } else if plan() || flagged(m == .completed ? .completionRate : .completed) {
                    return true
                }
            case .planYear: continue
            default: if isFlagged(FigureKey(m, period.id), town: town) { return true }
            }
        }
        return false
    }

    /// Whether period `p`'s completed amount and completion rate in `figures` allow the year's
    /// plan's derivation (both exact, the rate above 0), as `Metrics` derives it. Look-ups only.
    static func allowsPlan(_ figures: Figures, _ p: Period) -> Bool {
        guard let done = figures[FigureKey(.completed, p.id)], case .exact = done.quantity,
              let rate = figures[FigureKey(.completionRate, p.id)], case let .exact(rv, _) = rate.quantity
        else { return false }
        return rv > 0
    }

    /// A figure the data does not give but that is worked out (a derived year's plan, completed
    /// figure or completion rate: `Metrics.figure`) is flagged when one it is worked out from is
    /// (`isFlagged(workedFrom:)`): Haining's plan ≈19, derived from a flagged completed 14.56, is ≈19!.
    /// A derived year's plan asked for by its year alone is judged on the whole year's periods
    /// in the data (its latest period); `isFlagged(_:town:asOf:)` judges it as of a period.
    public func isFlagged(_ key: FigureKey, town: Town?) -> Bool {
        isFlagged(key, town: town, asOf: nil)
    }

    /// `isFlagged(_:town:)` as of the end of `asOf` (nil: the data's latest period of the key's
    /// year): a derived year's plan of `asOf`'s year carries `!` only when a derivation of a
    /// period up to `asOf` is flagged (README: evidence dated up to the period shown; Haining's
    /// plan at Jan-Sep is not flagged by a November that disagrees with it). Other keys are
    /// judged as `isFlagged(_:town:)` judges them (a figure's own flag does not depend on the
    /// period shown: a later disagreeing figure flags itself, not the earlier ones).
    public func isFlagged(_ key: FigureKey, town: Town?, asOf: Period?) -> Bool {
        if let town, let suspects, !suspects.mayBeFlagged(town.id) { return false }
        let figures = town?.figures ?? Figures(dataset.totals)
        if figures[key] == nil, [.planYear, .completed, .completionRate].contains(key.measure),
           let id = key.period {
            let period: Period?
            if key.measure == .planYear {
                period = asOf.flatMap { String($0.year) == id ? $0 : nil }
                    ?? dataset.periods.last(where: { String($0.year) == id })
            } else {
                period = dataset.period(id)
            }
            if let period { return isFlagged(workedFrom: [key.measure], town: town, period: period) }
        }
        return isFlaggedAsGiven(key, town: town)
    }

    /// Whether a check casts doubt on the figure `key` as the data gives it (false when it does not).
    private func isFlaggedAsGiven(_ key: FigureKey, town: Town?) -> Bool {
        var disagreement: Set<String>?
        return isFlaggedAsGiven(key, town: town, disagreement: &disagreement)
    }

    /// `isFlaggedAsGiven(_:town:)`, keeping in `disagreement` the `planDisagreement` of `town` for
    /// the year of `key`'s period once worked out (nil: not yet), for the caller's next figure of
    /// the same town and year (no closure: one capturing the checker copied it per question).
    private func isFlaggedAsGiven(_ key: FigureKey, town: Town?, disagreement: inout Set<String>?) -> Bool {
        if let town, let suspects, !suspects.mayBeFlagged(town.id) { return false }
        let figures = town?.figures ?? Figures(dataset.totals)
        guard figures[key] != nil else { return false }
        if let t = triple(for: key), ratioDisagrees(t, figures: figures) { return true }
        // A completion rate below an earlier one's of its year (`fallingRates`).
        if key.measure == .completionRate, let period = key.period.flatMap(dataset.period),
           fallingRates(figures, year: period.year).contains(where: { $0.later.id == period.id }) {
            return true
        }
        // A completed amount or rate is also flagged when the year's plan derived from it
        // disagrees with another period's (checked for that year only: a table asks per row).
        guard let town, key.measure == .completed || key.measure == .completionRate,
              let period = key.period.flatMap(dataset.period), figures[FigureKey(.completed, period.id)] != nil,
              figures[FigureKey(.completionRate, period.id)] != nil else { return false }
        if disagreement == nil { disagreement = planDisagreement(town, year: period.year) }
        return disagreement?.contains(period.id) ?? false
    }

    /// The periods of `year` whose completed figure and completion rate `planAgreement` flags for
    /// `town` (its inconsistency's `flaggedKeys`), without making the findings (`disagreeing`).
    /// Each period is judged only against the periods before it (README: evidence dated up to
    /// the period shown), so a period's flag never changes when a later month is imported; the
    /// memo of `remembering(_:years:)` keeps this set per year, which holds for every period.
    private func planDisagreement(_ town: Town, year: Int) -> Set<String> {
        if let remembered, remembered.figures.sharesStorage(with: town.figures),
           let known = remembered.byYear[year] { return known }
        var intervals: [(String, Interval)] = []
        for p in dataset.periods where p.year == year {
            guard let (i, _, _) = derivedPlan(town, p) else { continue }
            intervals.append((p.id, i))
        }
        return Self.disagreeing(intervals)
    }

    /// Of the plans derived from the periods of one year (oldest first), the periods whose
    /// derivation contradicts what was reported before it: one sharing no value with all the
    /// earlier derivations not themselves contradicting (a standing plan). The earliest is never
    /// one; a later period agreeing with the standing plan is not one (Jan-Aug 18.6, Jan-Sep
    /// 18.6, Nov 16.3: Nov only). `Metrics` derives the plan by the same rule.
    static func disagreeing(_ intervals: [(String, Interval)]) -> Set<String> {
        guard var standing = intervals.first?.1 else { return [] }
        var out: Set<String> = []
        for (id, i) in intervals.dropFirst() {
            if let both = standing.intersection(i) { standing = both } else { out.insert(id) }
        }
        return out
    }

    /// The (rate, numerator, denominator) triple whose rate is `key`, as `triples` lists it.
    private func triple(for key: FigureKey) -> (rate: FigureKey, num: FigureKey, den: FigureKey)? {
        guard let id = key.period else { return nil }
        switch key.measure {
        case .planShare:
            guard dataset.periods.contains(where: { String($0.year) == id }) else { return nil }
            return (key, FigureKey(.planYear, id), FigureKey(.planTotal))
        case .completionRate, .startRate, .featuredShare:
            guard let p = dataset.period(id) else { return nil }
            let y = String(p.year)
            switch key.measure {
            case .completionRate: return (key, FigureKey(.completed, p.id), FigureKey(.planYear, y))
            case .startRate: return (key, FigureKey(.projectsStarted, p.id), FigureKey(.projectsPlanned))
            default: return (key, FigureKey(.featuredInvestment, p.id), FigureKey(.completed, p.id))
            }
        default:
            return nil
        }
    }

    /// One ratio check: nil when a figure is missing, not exact, or the denominator is 0.
    private func ratioCheck(_ t: (rate: FigureKey, num: FigureKey, den: FigureKey), subject: String,
                            townID: String?, figures: Figures) -> Finding? {
        guard let rate = figures[t.rate], case let .exact(rv, rd) = rate.quantity,
              let num = figures[t.num], case let .exact(nv, nd) = num.quantity,
              let den = figures[t.den], case let .exact(dv, dd) = den.quantity, dv > 0 else { return nil }
        let computed = nv / dv * 100
        let printed = Interval(printed: rv, decimals: rd)
        let possible = Interval(printed: nv, decimals: nd).nonNegative
            .divided(by: Interval(printed: dv, decimals: dd), scale: 100)
        let where_ = [rate.origin, num.origin, den.origin].compactMap { $0 }
        var ratio = Finding.Ratio(topic: topic(of: t.rate), printed: DecimalMath.text(rv, scale: rd),
            numerator: DecimalMath.text(nv, scale: nd), denominator: DecimalMath.text(dv, scale: dd),
            computed: DecimalMath.text(computed, scale: 2))
        if let possible, !possible.overlaps(printed) {
            // What denominator would the printed rate need?
            ratio.possible = possible
            ratio.needed = DecimalMath.text(nv / (rv / 100), scale: 1)
            return Finding(kind: .inconsistency, subject: subject, locations: where_, townID: townID, flagged: t.rate,
                flaggedKeys: [t.rate], detail: .ratio(ratio))
        } else {
            return Finding(kind: .confirmed, subject: subject, locations: where_, townID: townID, detail: .ratio(ratio))
        }
    }

    /// Whether `ratioCheck` finds an inconsistency in `t`, without making its finding (no text):
    /// the printed rate outside what the numerator and denominator as printed allow.
    private func ratioDisagrees(_ t: (rate: FigureKey, num: FigureKey, den: FigureKey), figures: Figures) -> Bool {
        guard let rate = figures[t.rate], case let .exact(rv, rd) = rate.quantity,
              let num = figures[t.num], case let .exact(nv, nd) = num.quantity,
              let den = figures[t.den], case let .exact(dv, dd) = den.quantity, dv > 0,
              let possible = Interval(printed: nv, decimals: nd).nonNegative
                .divided(by: Interval(printed: dv, decimals: dd), scale: 100) else { return false }
        return !possible.overlaps(Interval(printed: rv, decimals: rd))
    }

    /// What the rate `key` is a share of, for `Finding.Detail.ratio`.
    private func topic(of key: FigureKey) -> Finding.RateTopic {
        let id = key.period ?? ""
        switch key.measure {
        case .planShare: return .planShare(year: id)
        case .startRate: return .startRate(period: id)
        case .featuredShare: return .featuredShare(period: id)
        default: return .completion(period: id)
        }
    }

    /// The year's plan period `p`'s completed amount and completion rate give for `town`
    /// (completed ÷ rate × 100, in the amount's unit, 亿元), as an interval from the printed
    /// digits, with the two figures; nil unless both are exact. A printed 0 stands for [0, half
    /// a unit]: amounts are never negative. `planAgreement` and `planDisagreement` both read it.
    private func derivedPlan(_ town: Town, _ p: Period) -> (Interval, done: Figure, rate: Figure)? {
        guard let done = town.figures[FigureKey(.completed, p.id)], case let .exact(dv, dd) = done.quantity,
              let rate = town.figures[FigureKey(.completionRate, p.id)],
              case let .exact(rv, rd) = rate.quantity,
              let i = Interval(printed: dv, decimals: dd).nonNegative
                .divided(by: Interval(printed: rv, decimals: rd).nonNegative, scale: 100)
        else { return nil }
        return (i, done, rate)
    }

    /// A year's plan derived from several periods must be one value.
    /// `years`: only these (nil: every year of the dataset's periods).
    private func planAgreement(_ town: Town, years: [Int]? = nil) -> [Finding] {
        var findings: [Finding] = []
        for year in years ?? Set(dataset.periods.map { $0.year }).sorted() {
            var intervals: [(Period, Interval, [SourceLocation])] = []
            for p in dataset.periods where p.year == year {
                guard let (i, done, rate) = derivedPlan(town, p) else { continue }
                intervals.append((p, i, [done.origin, rate.origin].compactMap { $0 }))
            }
            guard intervals.count >= 2 else { continue }
            let detail = Finding.Detail.planAgreement(year: year,
                derivations: intervals.map { Finding.PlanDerivation(period: $0.0.id, plan: $0.1) })
            // The finding names every derivation of the year; it flags only the later ones that
            // contradict what was reported before them (`disagreeing`).
            let disagreeing = Self.disagreeing(intervals.map { ($0.0.id, $0.1) })
            if !disagreeing.isEmpty {
                let keys = intervals.filter { disagreeing.contains($0.0.id) }
                    .flatMap { [FigureKey(.completed, $0.0.id), FigureKey(.completionRate, $0.0.id)] }
                findings.append(Finding(kind: .inconsistency, subject: town.nameEN,
                    locations: intervals.flatMap { $0.2 }, townID: town.id, flaggedKeys: keys, detail: detail))
            } else {
                findings.append(Finding(kind: .confirmed, subject: town.nameEN,
                    locations: intervals.flatMap { $0.2 }, townID: town.id, detail: detail))
            }
        }
        return findings
    }

    /// Additive measures: towns' known figures against the city's reported totals.
    private func sumChecks() -> [Finding] {
        var findings: [Finding] = []
        let additive: Set<Measure> = [.planTotal, .planYear, .completed, .projectsPlanned, .projectsStarted,
            .featuredInvestment, .revenue]
        let keys = dataset.totals.keys.filter { additive.contains($0.measure) }
            .sorted { ($0.period ?? "", $0.measure.rawValue) < ($1.period ?? "", $1.measure.rawValue) }
        for key in keys {
            guard let total = dataset.totals[key], case let .exact(tv, td) = total.quantity else { continue }
            // An interpretation is never counted as known: it is summed apart and named as such. A
            // town's figure on another basis than the total's is another measure (README: figures on
            // different bases are never combined): left out as unknown, never set against the total
            // (wave 23: Nanhu's plain 14.98 was subtracted from the notice's 63.06 excluding housing).
            let all = dataset.towns.map { town -> (Town, Figure?) in
                let f = metrics.figure(town, key)
                return (town, f.flatMap { $0.basis == total.basis ? $0 : nil })
            }
            let s = metrics.knownSum(all.map { ($0.0, $0.1?.isInterpreted == true ? nil : $0.1) })
            let interpreted = metrics.knownSum(all.filter { $0.1?.isInterpreted == true })
            let locs = [total.origin].compactMap { $0 }
            // Derived figures in the sum: the digits their inputs support (≈33.6, not 33.58).
            let scale = key.measure.unit == .count ? 0
                : (s.derived.isEmpty ? max(td, 1) : min(max(td, 1), s.supportedDecimals))
            let sumValue = (s.derived.isEmpty ? "" : "≈") + DecimalMath.text(s.sum, scale: scale)
            let sum = Finding.TotalSum(value: sumValue, interval: s.derived.isEmpty ? nil : s.interval)
            let totalText = DecimalMath.text(tv, scale: td)
            if s.known.count == s.count {
                let tolerance = DecimalMath.halfUnit(decimals: td) * Decimal(s.count + 1)
                let off = abs(DecimalMath.double(s.sum - tv)) > DecimalMath.double(tolerance)
                findings.append(Finding(kind: off ? .inconsistency : .confirmed, subject: dataset.regionEN,
                    locations: locs, detail: .totalOfAll(key: key, total: totalText, sum: sum)))
                continue
            }
            let rest = tv - s.sum
            let ids = { (towns: [Town]) in Finding.Names(towns.map(\.id)) }
            let gap = { (exceeds: Bool) in
                Finding.Detail.totalGap(Finding.TotalGap(key: key, total: totalText, known: ids(s.known),
                    derived: ids(s.derived),
                    towns: s.count, sum: s.known.isEmpty ? nil : sum, interpreted: ids(interpreted.known),
                    interpretedSum: DecimalMath.text(interpreted.sum, scale: scale),
                    rest: s.known.isEmpty ? nil : DecimalMath.text(rest, scale: scale),
                    among: ids(s.bounded + s.unknown),
                    bounded: ids(s.bounded), boundSum: DecimalMath.text(s.boundSum, scale: 0), boundsExceed: exceeds))
            }
            if !s.bounded.isEmpty && s.boundSum > rest {
                findings.append(Finding(kind: .inconsistency, subject: dataset.regionEN, locations: locs,
                    detail: gap(true)))
            } else if rest < 0 {
                findings.append(Finding(kind: .inconsistency, subject: dataset.regionEN, locations: locs,
                    detail: .knownExceedTotal(key: key, total: totalText, sum: sum)))
            } else {
                findings.append(Finding(kind: .shortfall, subject: dataset.regionEN, locations: locs,
                    detail: gap(false)))
            }
        }
        return findings
    }

    /// Whether the check on the sum of the year's plans `key` (`FigureKey(.planYear, "2015")`)
    /// against the city's reported total fails as of `period`: with only the plans known then (a
    /// reported plan, or one derivable from a period of the year up to `period`). A later month
    /// that makes every town's plan derivable (the towns then summing to ≈92 against 106.8) puts
    /// `!` on the sums of the periods from that month on, never on earlier ones (wave 22: the
    /// paper's Jan-Aug sum of Haining's plan alone read `≈18.6!`). True for another key that
    /// fails at all: only a year's plan is derived from other periods' figures.
    public func sumCheckFails(_ key: FigureKey, asOf period: Period) -> Bool {
        guard let total = dataset.totals[key], case let .exact(tv, td) = total.quantity else { return false }
        guard key.measure == .planYear else { return true }
        let earlier = dataset.periods.filter { $0.year == period.year && $0.through <= period.through }.map(\.id)
        let all = dataset.towns.map { town -> (Town, Figure?) in
            // The plan as known at `period` (`Metrics.yearPlan(_:asOf:)`: a later month never narrows it).
            guard let f = metrics.yearPlan(town, asOf: period), !f.isInterpreted, f.basis == total.basis
            else { return (town, nil) }
            guard f.isDerived else { return (town, f) }
            let known = earlier.contains { id in
                town.figures[FigureKey(.completed, id)]?.quantity.exactValue != nil
                    && (town.figures[FigureKey(.completionRate, id)]?.quantity.exactValue ?? 0) > 0
            }
            return (town, known ? f : nil)
        }
        let s = metrics.knownSum(all)
        if s.known.count == s.count {
            let tolerance = DecimalMath.halfUnit(decimals: td) * Decimal(s.count + 1)
            return abs(DecimalMath.double(s.sum - tv)) > DecimalMath.double(tolerance)
        }
        let rest = tv - s.sum
        return (!s.bounded.isEmpty && s.boundSum > rest) || rest < 0
    }

    /// Words that read more than one way: one finding per interpretation in the data (the
    /// figures sharing the same reasoning), naming the towns, the value used and every reading.
    /// Paper 二(三) "共计30个项目": 30 each (used) or 30 for Nanhu and Haiyan together.
    private func ambiguityChecks() -> [Finding] {
        var groups: [(reasoning: String, readings: [String], items: [(Town, FigureKey, Figure)])] = []
        for town in dataset.towns {
            for key in town.figures.keys.sorted(by: { $0.description < $1.description }) {
                guard let f = town.figures[key], case let .interpreted(reasoning, readings) = f.provenance else {
                    continue
                }
                if let i = groups.firstIndex(where: { $0.reasoning == reasoning }) {
                    groups[i].items.append((town, key, f))
                } else {
                    groups.append((reasoning, readings, [(town, key, f)]))
                }
            }
        }
        return groups.map { g in
            Finding(kind: .ambiguous, subject: dataset.regionEN, locations: g.items.compactMap { $0.2.origin },
                detail: .ambiguous(readings: g.readings, used: g.items.map {
                    Finding.InterpretedUse(town: $0.0.id, measure: $0.1.measure, value: metrics.show($0.2))
                }, reasoning: g.reasoning))
        }
    }

    /// The city's first-year minimum from rules.toml against the reported minimum and the
    /// completed total (Jiaxing 2015: 3 x 10 + 2 x 6 = 42; 63.06 completed, 21.06 above).
    private func yearOneCheck() -> [Finding] {
        guard let city = Assessment(metrics: metrics).cityYearOne(), let required = city.required else { return [] }
        var findings: [Finding] = []
        let req = DecimalMath.text(required, scale: 0)
        let unknownTiers = city.tiers.filter { $0 == nil }.count
        let knownPart = unknownTiers == 0 ? city.formula
            : String(city.formula.dropLast(" + \(unknownTiers) unknown".count))
        if let reported = city.reported, let r = reported.quantity.exactValue {
            let kind: Finding.Kind = r != required ? .inconsistency : city.fitted.isEmpty ? .confirmed : .consistent
            findings.append(Finding(kind: kind, subject: dataset.regionEN,
                locations: [reported.origin].compactMap { $0 },
                detail: .yearOneMinimum(year: city.year, formula: knownPart, unknownTiers: unknownTiers, required: req,
                    reported: DecimalMath.text(r, scale: 0), fitted: kind == .consistent ? city.fitted.map(\.id) : [])))
        }
        if let margin = city.margin, let completed = city.completed?.quantity.exactValue {
            findings.append(Finding(kind: .confirmed, subject: dataset.regionEN,
                locations: [city.completed?.origin].compactMap { $0 },
                detail: .yearOneMargin(year: city.year, completed: "\(completed)", required: req,
                    margin: DecimalMath.text(abs(margin), scale: 2), above: margin >= 0)))
        }
        return findings
    }

    /// The province list: towns listed per city against the counts reported per city, and
    /// the total against the list's reported count.
    private func provinceCheck() -> [Finding] {
        guard let list = dataset.province else { return [] }
        var findings: [Finding] = []
        for city in list.cities {
            guard let reported = city.reportedCount else { continue }
            let n = list.towns(in: city.nameZH).count
            findings.append(Finding(kind: n == reported ? .confirmed : .inconsistency, subject: city.nameEN,
                locations: [city.origin].compactMap { $0 },
                detail: .listedCount(city: city.nameZH, listed: n, reported: reported)))
        }
        if let total = list.reportedCount {
            let n = list.listed.count
            findings.append(Finding(kind: n == total ? .confirmed : .inconsistency, subject: list.nameEN,
                locations: [], detail: .listedCount(city: nil, listed: n, reported: total)))
        }
        return findings
    }
}

extension Metrics {
    /// The consistency findings that flag the figure `key` of `town` (nil: the city's totals):
    /// which check fails and why. Views show `!` beside every figure with any, wherever it is
    /// shown, and the figure's page lists them. See `Checker.findings(flagging:town:)`.
    public func findings(for key: FigureKey, of town: Town?) -> [Finding] {
        Checker(metrics: self).findings(flagging: key, town: town)
    }
}

/// The ids of the towns an inconsistency names (`Checker.suspects`), made by `make` when first
/// asked for (nil from it: not known, then every town may be flagged). `@unchecked Sendable`:
/// `made` is read and written only under `lock`.
public final class SuspectTowns: @unchecked Sendable {
    private let make: @Sendable () -> Set<String>?
    private var made: Set<String>??
    private let lock = NSLock()

    /// `make` gives the ids, or nil when they are not known; called at most once.
    public init(_ make: @escaping @Sendable () -> Set<String>?) { self.make = make }

    /// Whether a check may cast doubt on a figure of the town `id`: false only for a town known
    /// to be named by no inconsistency.
    public func mayBeFlagged(_ id: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if made == nil { made = .some(make()) }
        guard case let .some(.some(ids)) = made else { return true }
        return ids.contains(id)
    }
}
