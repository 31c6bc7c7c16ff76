import Foundation
import TownsCore

/// The towns a town's page names as within its completion rate's rounding
/// (`AppState.placeWithinRoundingWords`): those whose rates' ranges (`ShownFigure.possible`, in
/// percent) meet the town's own, each range's lower end below the other's upper end, as
/// `DecimalMath.less` decides it.
///
/// Each end is first compared as a `Double` with a bound on its error (`RoughDecimal`), and only
/// a comparison the bounds cannot settle (ends within ~10^-13 of each other, as two printed
/// ranges that touch: 83.3's 83.35 and 83.4's) is made on the exact `Decimal`s, as before. At
/// 10,000 x 60 the exact comparisons of derived rates' 38-digit ends (Foundation's `<`) were half
/// of the scan and a fifth of a town's page (wave 36).
struct RoundingNeighbours {
    /// The town's own range (percent), exact, and its ends read roughly (nil: not readable so).
    let own: Interval
    private let ownLower: RoughDecimal?, ownUpper: RoughDecimal?
    /// Comparisons the rough ends could not settle, made on the exact values (a measuring aid
    /// for tests: they must happen on generated data, or the exact path is not tested).
    private(set) var exactComparisons = 0

    /// Neighbours of a town whose rate can stand for `own`.
    init(own: Interval) {
        self.own = own
        ownLower = DecimalMath.rough(own.lower)
        ownUpper = DecimalMath.rough(own.upper)
    }

    /// Whether `rate`'s range (`ShownFigure.possible`; none for a bound or no rate) meets `own`:
    /// `DecimalMath.less(r.lower, own.upper) && DecimalMath.less(own.lower, r.upper)`, the same
    /// answer always.
    mutating func meets(_ rate: ShownFigure?) -> Bool {
        guard let rate else { return false }
        if let oL = ownLower, let oU = ownUpper, let (lower, upper) = Self.roughEnds(rate) {
            switch RoughDecimal.less(lower, oU) {
            case false?: return false
            case true?:
                if let settled = RoughDecimal.less(oL, upper) { return settled }
            case nil: break
            }
        } else if rate.interval == nil, rate.quantity.exactValue == nil {
            return false  // a bound: no range
        }
        exactComparisons += 1
        guard let r = rate.possible else { return false }
        return DecimalMath.less(r.lower, own.upper) && DecimalMath.less(own.lower, r.upper)
    }

    /// `rate.possible`'s ends, rough: its interval's, or its printed value's less and plus half a
    /// unit of its last digit (`Interval(printed:decimals:)`); nil for a bound or an end not read.
    static func roughEnds(_ rate: ShownFigure) -> (RoughDecimal, RoughDecimal)? {
        if let interval = rate.interval {
            guard let l = DecimalMath.rough(interval.lower), let u = DecimalMath.rough(interval.upper) else {
                return nil
            }
            return (l, u)
        }
        guard case let .exact(v, d) = rate.quantity, let value = DecimalMath.rough(v),
              let half = DecimalMath.rough(DecimalMath.halfUnit(decimals: d)) else { return nil }
        return (RoughDecimal.combined(value, half, sign: -1), RoughDecimal.combined(value, half, sign: 1))
    }

    /// The towns at the positions in `close` but `position`, placed (`places`), whose rate in
    /// `table` meets `own` (`meets`): the first three by position (ascending) and how many in all.
    /// The set is marked on a list of flags by position, not sorted, and the table read in
    /// position order: read in the set's order, each town's row (~600 bytes, 6 MB at 10,000
    /// towns) was a cache miss, most of the scan once the ends were compared roughly (wave 36).
    mutating func towns(in close: Set<Int>, except position: Int, places: [Int?], table: PeriodTable)
        -> (first: [Int], count: Int) {
        var marked = [Bool](repeating: false, count: places.count)
        for i in close where i >= 0 && i < marked.count { marked[i] = true }
        var first: [Int] = []
        var count = 0
        for i in marked.indices where marked[i] && i != position && places[i] != nil {
            guard meets(table.withRow(i) { $0.completionRate }) else { continue }
            count += 1
            if first.count < 3 { first.append(i) }
        }
        return (first, count)
    }
}
