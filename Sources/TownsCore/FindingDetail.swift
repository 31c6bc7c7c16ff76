import Foundation

extension Finding {
    /// What a check found, as data (issue 14 point 7): which check, and its figures as printed, so
    /// that a view or `towns check` words it in its reader's language (TownsUI's `FindingWords`,
    /// the one worder of findings in both languages; code debt D4).
    ///
    /// Values are texts as printed ("42.5", "≈33.6"), rates without "%"; periods by id; towns by
    /// their ids (`Names`, at most 8 kept, with how many there are in all).
    ///
    /// ```swift
    /// // The paper's Jan-Sep rate: 42.5% printed, 45.06 / 106.8 = 42.19% computed.
    /// Finding.Detail.ratio(Ratio(topic: .completion(period: "2015-09"), printed: "42.5", numerator: "45.06",
    ///     denominator: "106.8", computed: "42.19", possible: Interval(42.14, 42.25), needed: "106.0"))
    /// ```
    public enum Detail: Hashable, Sendable {
        /// A printed rate against its printed numerator and denominator (`Finding.kind` says
        /// whether it agrees: `.confirmed`, or `.inconsistency`).
        case ratio(Ratio)
        /// A year's plan derived (completed ÷ completion rate) from each period of the year: one
        /// interval per period; they agree (`.confirmed`) or have no value in common (`.inconsistency`).
        case planAgreement(year: Int, derivations: [PlanDerivation])
        /// The towns' figures, all known, against the city's reported total: they sum to it
        /// (`.confirmed`) or not (`.inconsistency`).
        case totalOfAll(key: FigureKey, total: String, sum: TotalSum)
        /// Some towns' figures unknown: what the known ones leave of the reported total.
        case totalGap(TotalGap)
        /// The known towns alone sum to more than the reported total (`.inconsistency`).
        case knownExceedTotal(key: FigureKey, total: String, sum: TotalSum)
        /// A source's words read more than one way (`.ambiguous`): every reading, the figures
        /// that use the first (an interpretation), and the data's reasoning (as the data words it).
        case ambiguous(readings: [String], used: [InterpretedUse], reasoning: String)
        /// The city's first-year minimum from the rules (`formula`, e.g. "3 x 10 + 2 x 6", plus
        /// `unknownTiers` towns whose tier is unknown) against the reported minimum:
        /// `.confirmed`, `.consistent` (towns, by id, `fitted` to that total) or `.inconsistency`.
        case yearOneMinimum(year: Int, formula: String, unknownTiers: Int, required: String, reported: String,
                            fitted: [String])
        /// The city's completed amount in its first year against the minimum (亿元).
        case yearOneMargin(year: Int, completed: String, required: String, margin: String, above: Bool)
        /// A completion rate (`laterRate`, % as printed, of the period `later`) below an earlier
        /// period's of the same year (`earlierRate` of `earlier`) beyond both's rounding
        /// (`Checker.rateFalls`): `.inconsistency`, as `towns import` warns of it. `earlierAt`: where
        /// the earlier rate is read from (the finding's first location is the later one's), so that
        /// `towns check`'s one line names both figures' lines.
        case rateFalls(earlier: String, earlierRate: String, earlierAt: SourceLocation?, later: String, laterRate: String)
        /// Towns listed for a city (or the province: `city` nil) against the count reported.
        case listedCount(city: String?, listed: Int, reported: Int)
    }

    /// A rate a consistency check compares: which one.
    public enum RateTopic: Hashable, Sendable {
        /// The year's plan as a share of the 3-year plan.
        case planShare(year: String)
        /// Completed as a share of the year's plan, cumulative to `period`.
        case completion(period: String)
        /// Projects started as a share of those planned, by `period`.
        case startRate(period: String)
        /// Featured-industry investment as a share of completed, by `period`.
        case featuredShare(period: String)
    }

    /// A printed rate and what its printed numerator and denominator give.
    public struct Ratio: Hashable, Sendable {
        public var topic: RateTopic
        /// The rate as printed (%), its numerator and denominator as printed.
        public var printed: String, numerator: String, denominator: String
        /// numerator / denominator x 100, to 2 decimals (%).
        public var computed: String
        /// Every value the rate can take given the rounding of its printed operands (%); set
        /// when it disagrees.
        public var possible: Interval?
        /// The denominator the printed rate would need (1 decimal); set when it disagrees.
        public var needed: String?

        public init(topic: RateTopic, printed: String, numerator: String, denominator: String, computed: String,
                    possible: Interval? = nil, needed: String? = nil) {
            self.topic = topic; self.printed = printed; self.numerator = numerator
            self.denominator = denominator; self.computed = computed; self.possible = possible; self.needed = needed
        }
    }

    /// The year's plan derived from one period (亿元, as an interval given rounding).
    public struct PlanDerivation: Hashable, Sendable {
        public var period: String
        public var plan: Interval
        public init(period: String, plan: Interval) { self.period = period; self.plan = plan }
    }

    /// Towns by their ids: at most 8 kept (`shown`), `count` in all.
    public struct Names: Hashable, Sendable {
        public var shown: [String]
        public var count: Int
        public init(_ all: [String]) { shown = Array(all.prefix(8)); count = all.count }
        /// Whether there are none.
        public var isEmpty: Bool { count == 0 }
    }

    /// A sum of the towns' known figures: its value as printed ("≈33.6" when derived figures
    /// are in it) and, with derived figures, every value it can take given their rounding.
    public struct TotalSum: Hashable, Sendable {
        public var value: String
        public var interval: Interval?
        public init(value: String, interval: Interval?) { self.value = value; self.interval = interval }
    }

    /// What the towns' known figures leave of a reported total, when some are unknown.
    public struct TotalGap: Hashable, Sendable {
        public var key: FigureKey
        /// The reported total as printed.
        public var total: String
        /// Towns with a figure (`known`, derived ones among them in `derived`), and how many towns.
        public var known: Names, derived: Names
        public var towns: Int
        /// The known figures' sum (nil: none known).
        public var sum: TotalSum?
        /// Towns whose figure rests on an interpretation, and their sum (not counted as known).
        public var interpreted: Names
        public var interpretedSum: String
        /// total − sum as printed (nil: none known, all of it is unaccounted for).
        public var rest: String?
        /// The towns among which the rest is: those with a lower bound only, and unknown ones.
        public var among: Names
        /// Towns with only a lower bound, and those bounds summed (`boundSum`).
        public var bounded: Names
        public var boundSum: String
        /// Whether the lower bounds exceed the rest (then the finding is an inconsistency).
        public var boundsExceed: Bool

        public init(key: FigureKey, total: String, known: Names, derived: Names, towns: Int, sum: TotalSum?,
                    interpreted: Names, interpretedSum: String, rest: String?, among: Names, bounded: Names,
                    boundSum: String, boundsExceed: Bool) {
            self.key = key; self.total = total; self.known = known; self.derived = derived; self.towns = towns
            self.sum = sum; self.interpreted = interpreted; self.interpretedSum = interpretedSum; self.rest = rest
            self.among = among; self.bounded = bounded; self.boundSum = boundSum; self.boundsExceed = boundsExceed
        }
    }

    /// One figure that uses a reading of ambiguous words: the town (its id), the measure
    /// and the value as shown.
    public struct InterpretedUse: Hashable, Sendable {
        public var town: String
        public var measure: Measure
        public var value: String
        public init(town: String, measure: Measure, value: String) {
            self.town = town; self.measure = measure; self.value = value
        }
    }
}
