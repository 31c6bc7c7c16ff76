import Foundation

/// A number as a source printed it: exact, or only a lower bound ("more than 14").
///
/// Amounts are `Decimal`, never binary floating point, so 45.06 stays 45.06. `decimals` is
/// the number of digits printed after the point (9.3 -> 1, 50 -> 0): the precision the
/// consistency checks allow for rounding.
public enum Quantity: Hashable, Sendable {
    case exact(Decimal, decimals: Int)
    /// The source says only that the true value is greater than this.
    case moreThan(Decimal)

    /// The exact value, or nil for a bound.
    public var exactValue: Decimal? {
        if case let .exact(v, _) = self { return v }
        return nil
    }
}

/// Where a figure comes from.
public enum Provenance: Hashable, Sendable {
    /// Printed in a source: `source` is a `Source.id`; `at` the section or page;
    /// `quote` the words printed, when kept; `note` a reading of them.
    case reported(source: String, at: String?, quote: String?, note: String?)
    /// Worked out from reported figures: `formula` states the arithmetic.
    case derived(formula: String)
    /// One reading of words that can be read more than one way (an interpretation, not
    /// arithmetic): `reasoning` says why this reading was chosen; `readings` lists every
    /// reading of the words, the one used first (paper 二(三) "共计30个项目": 30 each, or 30
    /// for the two towns together). Views mark it apart from derived figures; sums never count
    /// it as known.
    case interpreted(reasoning: String, readings: [String])

    /// True for `derived` only (arithmetic); an interpretation is not derived.
    public var isDerived: Bool {
        if case .derived = self { return true }
        return false
    }

    /// True for `interpreted`.
    public var isInterpreted: Bool {
        if case .interpreted = self { return true }
        return false
    }

    /// True for `reported`: printed in a source.
    public var isReported: Bool {
        if case .reported = self { return true }
        return false
    }
}

/// What a figure measures when a source's definition differs from the paper's plain amount
/// (dataset.toml `[[basis]]`): 2016 notice's fixed-asset investment excluding commercial
/// housing and commercial complexes is not the paper's 完成投资额.
public struct Basis: Hashable, Sendable {
    /// Identifier used by figures' `basis` field ("fai-excl-housing").
    public var id: String
    public var nameZH: String
    public var nameEN: String
    /// Where the definition is stated.
    public var provenance: Provenance?
}

/// One figure: a quantity with its provenance. An unknown figure is not a `Figure` with a
/// zero value: it is absent (`nil`) wherever figures are looked up.
public struct Figure: Hashable, Sendable {
    public var quantity: Quantity
    public var provenance: Provenance
    /// File and line the figure was read from; nil for figures `towns` derived itself.
    public var origin: SourceLocation?
    /// The `Basis` id when the figure measures something other than the paper's plain amount
    /// (nil: the paper's basis). Views mark such a figure, with a legend entry.
    public var basis: String?
    /// The date the figure describes ("2019-09-27", "2016", "2015-12"), when the source dates
    /// it: the figure's `as_of`, else its source's `date` for figures with no period. nil:
    /// undated (a figure with a period is dated by its period). `Assessment` uses it to keep
    /// later evidence out of an earlier period's verdict.
    public var asOf: String?
    /// For a derived figure: every value it can stand for given the rounding of the printed
    /// figures it comes from (Nanhu's 2015 plan 3.52 / 23.5%: [14.926, 15.032]); nil when not
    /// worked out. See `supportedDecimals`.
    public var interval: Interval?
    /// True for a projection to the year's end (`Metrics.progress`): never reported, never
    /// summed into reported totals; views mark it with a projection marker of its own.
    public var isProjection = false
    /// True for an interpretation that `Metrics` worked out by arithmetic from an interpreted input
    /// (a start rate over the paper's "共计30个项目" read as 30 each): derived AND interpreted, so
    /// views mark it with both (`≈†46.7%`), not as the reading itself (`†30`). Never set on a figure
    /// the loader reads, so not in snapshots' figure records (`ShownFigure` carries it).
    public var isWorkedFromInterpretation = false
    /// The fewest digits after the point a derived figure is written with, whatever its interval
    /// supports (`supportedDecimals`): the digits that keep a completion rate worked out from the
    /// plan on the same side of 100% and of the share of the year elapsed as the quotient itself
    /// (`Metrics.derivedCompletionRate`: 20.03 / 20.04 = 99.95%, not `≈100.0%`). 0: no floor. An `Int8`
    /// (1-5) beside the two flags, so that a figure (10,000 x 60 of them are held) does not grow.
    public var leastDecimals: Int8 = 0
    /// For a derived figure, its arithmetic as data for a view to word in its reader's
    /// language (`Explanation`); nil for other figures, and where formulas are off.
    public var explanation: Explanation?

    public init(quantity: Quantity, provenance: Provenance, origin: SourceLocation? = nil,
                basis: String? = nil, asOf: String? = nil, interval: Interval? = nil) {
        self.quantity = quantity
        self.provenance = provenance
        self.origin = origin
        self.basis = basis
        self.asOf = asOf
        self.interval = interval
    }

    /// A figure `towns` derived: exact `value` shown with `decimals` digits, and its formula.
    public static func derived(_ value: Decimal, decimals: Int, formula: String, interval: Interval? = nil) -> Figure {
        Figure(quantity: .exact(value, decimals: decimals), provenance: .derived(formula: formula), interval: interval)
    }

    /// True for figures not printed as such: derived by arithmetic or interpreted from words
    /// (views mark both with `≈`; `isInterpreted` tells an interpretation apart, which gets a
    /// marker of its own).
    public var isDerived: Bool { !provenance.isReported }

    /// True when the figure is one reading of ambiguous words (`Provenance.interpreted`).
    public var isInterpreted: Bool { provenance.isInterpreted }

    /// The values an exact figure can stand for: `interval` for a derived figure that has one,
    /// else what its printed digits allow (9.3 -> [9.25, 9.35]); nil for a lower bound.
    public var possible: Interval? {
        if let interval { return interval }
        guard case let .exact(v, d) = quantity else { return nil }
        return Interval(printed: v, decimals: d)
    }

    /// Digits after the point that the inputs support: the most digits (up to the figure's
    /// own) whose last digit the uncertainty does not exceed, i.e. half the interval's width
    /// is at most one unit of that digit (Nanhu's plan [14.926, 15.032]: 1, shown 15.0; Haining's
    /// [18.581, 18.620]: 1, shown 18.6). For a figure without an interval, its own decimals.
    /// Never fewer than the digits down to the value's first significant one (up to its own):
    /// written with fewer, a small figure becomes another one (Haining's shortfall -0.61 over a
    /// plan that two periods disagree on, [-0.83, -0.39], would read `≈1`, and 0.4 `≈0`); it is
    /// `≈0.6`, and its page gives the interval. Never fewer than `leastDecimals` (up to its own).
    public var supportedDecimals: Int? {
        guard case let .exact(v, d) = quantity else { return nil }
        guard let interval else { return d }
        var s = interval.supportedDecimals(atMost: d)
        if s < d, v != 0 {
            let size = v < 0 ? -v : v
            while s < d, size < Decimal(sign: .plus, exponent: -s, significand: 1) { s += 1 }
        }
        return max(s, min(Int(leastDecimals), d))
    }

    /// The value written with `supportedDecimals` digits ("15.0"); nil for a lower bound.
    public var supportedText: String? {
        guard case let .exact(v, _) = quantity, let d = supportedDecimals else { return nil }
        return DecimalMath.text(v, scale: d)
    }
}

/// A place in a data file: path and 1-based line.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) { self.file = file; self.line = line }
    public var description: String { "\(file):\(line)" }
}

/// A publication figures are taken from (sources.toml).
public struct Source: Hashable, Sendable {
    public var id: String
    /// The title as the source itself prints it.
    public var title: String
    public var author: String?
    public var url: String?
    public var note: String?
    /// Who published the page or document (a site, a newspaper, a school).
    public var publisher: String? = nil
    /// Publication date as printed ("2016-05-31", "2019"); nil when not known.
    public var date: String? = nil
    /// What the source reports, in a sentence (a news report of a notice is not the notice).
    public var reports: String? = nil
    /// Whether its title, publisher, date and URL were checked against a stored copy of the
    /// page (`checkedNote` says how, or why not); nil when the data does not say.
    public var checked: Bool? = nil
    public var checkedNote: String? = nil

    /// A source with its id and title; the other fields as sources.toml gives them (nil: not given).
    public init(id: String, title: String, author: String? = nil, url: String? = nil, note: String? = nil,
                publisher: String? = nil, date: String? = nil, reports: String? = nil,
                checked: Bool? = nil, checkedNote: String? = nil) {
        self.id = id; self.title = title; self.author = author; self.url = url; self.note = note
        self.publisher = publisher; self.date = date; self.reports = reports
        self.checked = checked; self.checkedNote = checkedNote
    }
}
