import Foundation

/// What changed in the data between two periods of the same year (issue 14 point 2): the
/// figures that appeared, rose, fell, were corrected, went on another basis or are no longer
/// reported, for every town and for the city's reported totals, each with both figures (and so
/// their sources: an import's source names its sheet and the date it was imported).
///
/// Only figures the data holds (reported or interpreted) are compared, not figures `towns`
/// works out itself: a derived rate that appears because a completed amount did is not a
/// change of its own. Only cumulative measures (`Measure.PeriodKind.cumulative`: completed,
/// completion rate, projects started, start rate, ...) have a figure per period.
///
/// ```swift
/// let c = Changes(metrics, from: aug, to: sep)
/// c.items.first { $0.town == "haining" && $0.measure == .completed }?.delta  // +4.26 (derived)
/// ```
public struct Changes: Sendable {
    /// How one figure moved.
    public enum Kind: String, Sendable, CaseIterable {
        /// In the later period's data, not in the earlier one's.
        case appeared
        /// Larger than before (a lower bound counts when it is above the earlier figure).
        case rose
        /// Smaller than before: a rate (completion, start) that went down.
        case fell
        /// Smaller than before for an amount or count that runs from January (completed,
        /// projects started): it cannot go down, so the later figure corrects the earlier one.
        case corrected
        /// Both known but on different bases (`Figure.basis`): not compared.
        case otherBasis
        /// Changed, but a lower bound leaves the direction unknown.
        case undetermined
        /// In the earlier period's data, not in the later one's: unknown now, not 0.
        case gone
    }

    /// One figure's move: whose (town id, nil for the city's reported totals), which measure,
    /// how, and the two figures with their provenance.
    public struct Item: Sendable, Equatable {
        public var town: String?
        public var measure: Measure
        public var kind: Kind
        /// The figure in the earlier period (nil: not in the data then) and in the later one.
        public var before: Figure?
        public var after: Figure?
        /// after - before, when both are exact and on the same basis (derived, with its
        /// formula; in the figure's unit, points for a rate).
        public var delta: Figure?

        /// The figure whose source says where the change comes from: the later one, or the
        /// earlier one for a figure no longer reported.
        public var sourced: Figure? { after ?? before }
    }

    /// The earlier and the later period.
    public let from: Period
    public let to: Period
    /// Every change, the city's totals first, then the towns in the data's order, each
    /// measure in `Measure`'s order.
    public let items: [Item]
    /// How many figures both periods hold with the same value.
    public let unchanged: Int

    /// The measures compared: those with a figure per period.
    public static let measures = Measure.allCases.filter { $0.periodKind == .cumulative }

    /// Compares every town's and the city's figures of `from` with those of `to`.
    public init(_ metrics: Metrics, from: Period, to: Period) {
        self.from = from
        self.to = to
        var items: [Item] = []
        var unchanged = 0
        let owners: [(String?, Figures)] =
            [(nil, Figures(metrics.dataset.totals))] + metrics.dataset.towns.map { ($0.id, $0.figures) }
        for (owner, figures) in owners {
            for measure in Self.measures {
                if let item = Self.item(metrics, owner: owner, figures, measure, from: from, to: to) {
                    items.append(item)
                } else if figures[FigureKey(measure, from.id)] != nil {
                    unchanged += 1
                }
            }
        }
        self.items = items
        self.unchanged = unchanged
    }

    /// The change of one owner's (`owner`: a town's id, nil for the city's totals, whose
    /// `figures` these are) `measure` from `from` to `to`, as `items` holds it; nil when neither
    /// period has the figure or both hold the same. What `init` works out for each figure, so
    /// that a list stored in order (`DerivedChanges`) makes its rows one at a time.
    public static func item(_ metrics: Metrics, owner: String?, _ figures: Figures, _ measure: Measure,
                            from: Period, to: Period) -> Item? {
        let before = figures[FigureKey(measure, from.id)], after = figures[FigureKey(measure, to.id)]
        guard let kind = Self.kind(before, after, measure) else { return nil }
        return Item(town: owner, measure: measure, kind: kind, before: before, after: after,
                    delta: metrics.delta(before, after, measure, from: from, to: to))
    }

    /// The previous period of the same year before `to` and `to` itself, compared; nil for the
    /// year's first period in the data.
    public init?(_ metrics: Metrics, to: Period) {
        guard let from = metrics.previousPeriod(to) else { return nil }
        self.init(metrics, from: from, to: to)
    }

    /// How `before` moved to `after`; nil when neither is there or both are the same.
    static func kind(_ before: Figure?, _ after: Figure?, _ measure: Measure) -> Kind? {
        switch (before, after) {
        case (nil, nil): return nil
        case (nil, _): return .appeared
        case (_, nil): return .gone
        case let (b?, a?):
            if a.basis != b.basis { return .otherBasis }
            switch (b.quantity, a.quantity) {
            case let (.exact(x, _), .exact(y, _)):
                if y == x { return nil }
                if y > x { return .rose }
                return measure.unit == .percent ? .fell : .corrected
            case let (.exact(x, _), .moreThan(y)):
                return y >= x ? .rose : .undetermined
            case let (.moreThan(x), .moreThan(y)):
                return x == y ? nil : .undetermined
            case (.moreThan, .exact):
                return .undetermined
            }
        }
    }

}

/// A town's place among the towns by completion rate in two periods, and how it moved.
///
/// The move is counted among the towns placed in both periods only (wave 24, fresh user F3):
/// a town does not rise because others reported no rate this period (Nanhu "up one", from 3rd
/// of 4 to 2nd of 2, when Tongxiang and Haiyan gave no November rate), nor fall because towns
/// ahead of it reported for the first time.
public struct RankMove: Sendable, Equatable {
    /// 1 for the highest rate; towns with the same rate share a place (1, 2, 2, 4). nil: the
    /// town has no exact rate in that period, so no place.
    public var before: Int?
    public var after: Int?
    /// The town's places among the towns placed in both periods (as `before` and `after`, ties
    /// sharing a place); nil unless the town is placed in both.
    public var amongBothBefore: Int?
    public var amongBothAfter: Int?
    /// Places gained among the towns placed in both periods (positive: up, `▲`; negative: down);
    /// nil unless placed in both.
    public var places: Int? { amongBothBefore.flatMap { b in amongBothAfter.map { b - $0 } } }
    /// Placed now, not placed in the previous period.
    public var isNew: Bool { before == nil && after != nil }

    /// A town's places before and after (nil: no place), as `Metrics.ranks` gives them, and among
    /// the towns placed in both periods (`PlacesAmongBoth`).
    public init(before: Int?, after: Int?, amongBothBefore: Int?, amongBothAfter: Int?) {
        self.before = before
        self.after = after
        self.amongBothBefore = amongBothBefore
        self.amongBothAfter = amongBothAfter
    }
}

/// Every town's places in two periods (by position in `dataset.towns`, nil: no place) and the
/// places among the towns placed in both, which a move is counted by (`RankMove`). Made in one
/// pass over the towns and two over the places (no sort: a place is a rank, so a town's place
/// among those in both is one more than the count of them placed strictly before it).
public struct PlacesAmongBoth: Sendable {
    /// The places in the earlier and the later period, by position.
    public let before: [Int?]
    public let after: [Int?]
    /// How many towns placed in both periods hold a place below p (index p), in each period.
    private let aheadBefore: [Int32]
    private let aheadAfter: [Int32]
    /// How many towns are placed in both periods.
    public let count: Int

    /// - Parameters: `before`, `after`: every town's place in each period, by position (equal
    ///   counts), as `Metrics.ranks` gives them.
    public init(before: [Int?], after: [Int?]) {
        self.before = before
        self.after = after
        let n = min(before.count, after.count)
        var atBefore = [Int32](repeating: 0, count: n + 2), atAfter = [Int32](repeating: 0, count: n + 2)
        var both = 0
        for i in 0..<n {
            guard let b = before[i], let a = after[i], b <= n, a <= n else { continue }
            atBefore[b] += 1; atAfter[a] += 1; both += 1
        }
        func ahead(_ at: [Int32]) -> [Int32] {
            var out = [Int32](repeating: 0, count: at.count), sum: Int32 = 0
            for p in at.indices { out[p] = sum; sum += at[p] }
            return out
        }
        aheadBefore = ahead(atBefore)
        aheadAfter = ahead(atAfter)
        count = both
    }

    /// The move of the town at `position`.
    public func move(at position: Int) -> RankMove {
        let b = position < before.count ? before[position] : nil
        let a = position < after.count ? after[position] : nil
        guard let b, let a, b < aheadBefore.count, a < aheadAfter.count else {
            return RankMove(before: b, after: a, amongBothBefore: nil, amongBothAfter: nil)
        }
        return RankMove(before: b, after: a, amongBothBefore: Int(aheadBefore[b]) + 1,
                        amongBothAfter: Int(aheadAfter[a]) + 1)
    }
}

extension Metrics {
    /// Each town's place by completion rate (`figure`, reported or derived; exact rates only,
    /// highest first, ties sharing a place), by town id. Every town of the dataset is ranked,
    /// whatever a view's filter lists.
    public func ranks(by measure: Measure = .completionRate, period: Period) -> [String: Int] {
        let rated = dataset.towns.compactMap { town in
            figure(town, FigureKey(measure, period.id))?.quantity.exactValue.map { (town.id, $0) }
        }
        let sorted = rated.sorted { $0.1 > $1.1 }
        var out: [String: Int] = [:]
        for (i, (id, v)) in sorted.enumerated() {
            out[id] = i > 0 && sorted[i - 1].1 == v ? out[sorted[i - 1].0] : i + 1
        }
        return out
    }

    /// after - before (Haining's completed 13.56 − 9.3 = +4.26; its rate 72.9 − 50 = +22.9
    /// points), to the digits of the finer figure (a derived one: those its inputs support, at most 2), derived with
    /// its formula; nil unless both are exact and on the same basis (`Figure.basis`).
    public func delta(_ before: Figure?, _ after: Figure?, _ measure: Measure, from: Period, to: Period) -> Figure? {
        guard let before, let after, before.basis == after.basis,
              case let .exact(a, ad) = after.quantity, case let .exact(b, bd) = before.quantity
        else { return nil }
        // A derived figure counts with the digits its inputs support (`Figure.supportedDecimals`:
        // 72% x 100 is `≈72`, so 72 − 139 is `≈-67`, not `≈-67.00`), a reported one as printed.
        func digits(_ f: Figure, _ own: Int) -> Int { f.isDerived ? min(f.supportedDecimals ?? own, 2) : own }
        var d = max(digits(after, ad), digits(before, bd))
        // Over a derived figure with a range (`Figure.interval`), no more digits than the range
        // of the difference supports (Nanhu's ≈83%, 82.98-83.65, less 23.5: 59.43-60.20, `≈+60`,
        // not `≈+59.8`; session 26's fresh user, F1), yet down to the first significant digit.
        if after.interval != nil || before.interval != nil, let pa = after.possible, let pb = before.possible {
            let range = Interval(pa.lower - pb.upper, pa.upper - pb.lower)
            var s = range.supportedDecimals(atMost: d)
            let size = a - b < 0 ? b - a : a - b
            while s < d, size != 0, size < Decimal(sign: .plus, exponent: -s, significand: 1) { s += 1 }
            d = s
        }
        let unit = measure.unit == .percent ? " points" : ""
        func shown(_ f: Figure) -> String { (f.isDerived ? f.supportedText.map { "≈" + $0 } : nil) ?? show(f) }
        // The value to those digits, as shown (a rate over a derived plan may support none: `≈+3`
        // is 3 when sorted, not the 2.6 its unsupported tenths would make it).
        let value = DecimalMath.rounded(a - b, scale: d)
        guard formulas else { return .derived(value, decimals: d, formula: "") }
        return .derived(
            value, decimals: d,
            formula: "\(to.labelEN) \(shown(after)) − \(from.labelEN) \(shown(before)) = "
                + "\(DecimalMath.text(a - b, scale: d))\(unit)")
    }

    /// How every town's place by completion rate moved from `from` to `to`, by town id: counted
    /// among the towns placed in both periods (`RankMove`, `PlacesAmongBoth`).
    public func rankMoves(from: Period, to: Period) -> [String: RankMove] {
        let b = ranks(period: from), a = ranks(period: to)
        let places = PlacesAmongBoth(before: dataset.towns.map { b[$0.id] }, after: dataset.towns.map { a[$0.id] })
        var out: [String: RankMove] = [:]
        for (i, town) in dataset.towns.enumerated() { out[town.id] = places.move(at: i) }
        return out
    }
}
