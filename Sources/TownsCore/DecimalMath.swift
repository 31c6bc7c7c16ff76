import Foundation

/// Decimal arithmetic the metrics need: rounding half away from zero (as the paper rounds:
/// 29.65 -> 29.7), and text without binary floating point.
public enum DecimalMath {
    /// `value` rounded to `scale` digits after the point, halves away from zero.
    public static func rounded(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// `value` rounded to `scale` digits and written with exactly that many digits after the
    /// point ("18.60", "72.9", "140"). ASCII digits, no grouping.
    /// Worked out in 64-bit integers where the value allows (`fastText`), else through
    /// Foundation (`foundationText`): the same text either way.
    public static func text(_ value: Decimal, scale: Int) -> String {
        fastText(value, scale: scale) ?? foundationText(value, scale: scale)
    }

    /// `text` through Foundation: `NSDecimalRound` then `NSDecimalNumber`'s text, padded.
    static func foundationText(_ value: Decimal, scale: Int) -> String {
        let r = rounded(value, scale: scale)
        var s = NSDecimalNumber(decimal: r).stringValue
        if scale > 0 {
            if !s.contains(".") { s += "." }
            let have = s.count - (s.firstIndex(of: ".").map { s.distance(from: s.startIndex, to: $0) } ?? s.count) - 1
            if have < scale { s += String(repeating: "0", count: scale - have) }
        }
        return s
    }

    /// Half a unit of the last printed digit: the rounding a printed figure may hide
    /// (9.3 -> 0.05, 50 -> 0.5).
    public static func halfUnit(decimals: Int) -> Decimal {
        if halfUnits.indices.contains(decimals) { return halfUnits[decimals] }
        return computeHalfUnit(decimals: decimals)
    }

    /// `halfUnit` for 0-12 decimals, made once (Decimal division is slow and every interval of a
    /// check or a derivation needs one): 5 x 10^-(decimals + 1) made from its exponent, not by
    /// dividing (the 90 divisions took ~0.5 ms of the dashboard's first frame); the same value and
    /// the same bytes as `computeHalfUnit` gives (W24FirstHalfUnitTests).
    private static let halfUnits: [Decimal] = (0...12).map {
        Decimal(sign: .plus, exponent: -($0 + 1), significand: Decimal(5))
    }

    private static func computeHalfUnit(decimals: Int) -> Decimal {
        var d = Decimal(5)
        for _ in 0...max(0, decimals) { d /= 10 }
        return d
    }

    public static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
}

/// A closed interval of real values: what a rounded printed figure can stand for.
public struct Interval: Hashable, Sendable, CustomStringConvertible {
    public var lower: Decimal
    public var upper: Decimal

    /// The interval between `lower` and `upper`, in either order. Ordered as `min` and `max` order
    /// them, by `DecimalMath.less` (Foundation's `<`, in integers where the values allow): Foundation's
    /// `<` made each value's integer twice, a third of decoding a period's table from a snapshot
    /// (issue 17, cold keys).
    public init(_ lower: Decimal, _ upper: Decimal) {
        if DecimalMath.less(upper, lower) {
            (self.lower, self.upper) = (upper, lower)
        } else {
            (self.lower, self.upper) = (lower, upper)
        }
    }

    /// The interval `lower`...`upper` as a snapshot's writer wrote an `Interval`'s ends (so in
    /// order), not compared again. A snapshot is decoded only once its checksum matches
    /// (`SnapshotStore.open`). A derived figure's ends have 38-digit mantissas, which
    /// `DecimalMath.less` leaves to Foundation's `<`: comparing them was an eighth of the towns
    /// view's first visit at 10,000 x 60 (every row of the period's table decoded; issue 17, cold keys).
    init(ordered lower: Decimal, _ upper: Decimal) {
        (self.lower, self.upper) = (lower, upper)
    }

    /// The values a figure printed as `value` with `decimals` digits can stand for. Its ends
    /// added in integers where they can be (`DecimalMath.sum`, bit for bit Foundation's): a town's
    /// page naming the towns within its rate's rounding made one for each of them (wave 35).
    public init(printed value: Decimal, decimals: Int) {
        let h = DecimalMath.halfUnit(decimals: decimals)
        self.init(DecimalMath.sum(value, -h), DecimalMath.sum(value, h))
    }

    /// Interval quotient (both intervals positive), times `scale` (100 for a percentage).
    public func divided(by other: Interval, scale: Decimal = 1) -> Interval? {
        guard other.lower > 0, lower >= 0 else { return nil }
        return Interval(lower / other.upper * scale, upper / other.lower * scale)
    }

    /// Which side of `threshold` every value of the interval is on: true when all are at or above
    /// it (the lowest is), false when all are below it, nil when it holds values on both sides, so
    /// that its figure's rounding cannot settle the side. A printed figure is rounded half up, so
    /// it stands for [v - h, v + h), its upper end never reached (83.3 is [83.25, 83.35)), nor is
    /// a quotient's upper end (20.03 / 20.04 is under (20.035 / 20.035) = 100%): an upper end at
    /// `threshold` is below it. One rule for the land reward's 100% (a full year's rate printed
    /// 100.0 is `?`, within its rounding) and the schedule's share of the year elapsed (83.3% at
    /// Jan-Oct's 83.33: `ScheduleReadings.withinRounding`). `threshold`: in the interval's unit.
    public func settles(atLeast threshold: Decimal) -> Bool? {
        if lower >= threshold { return true }
        if upper <= threshold { return false }
        return nil
    }

    /// This interval with a negative lower end raised to 0: a printed 0 of an amount stands for
    /// [0, 0.05], not [-0.05, 0.05] (amounts and rates are never negative).
    public var nonNegative: Interval { Interval(max(lower, 0), max(upper, 0)) }

    /// The sum of two intervals: every value a sum of one value from each can take.
    public static func + (a: Interval, b: Interval) -> Interval { Interval(a.lower + b.lower, a.upper + b.upper) }

    /// Half the width: how far the true value may be from the middle.
    public var halfWidth: Decimal { (upper - lower) / 2 }

    /// The most digits after the point, up to `limit`, whose last digit the uncertainty does
    /// not exceed: the largest d with `halfWidth` <= 10^-d (at least 0).
    /// [14.926, 15.032] -> 1; [18.581, 18.620] -> 1; [33.507, 33.652] -> 1.
    public func supportedDecimals(atMost limit: Int) -> Int {
        // halfWidth > 10^-(d+1) exactly when the width > 2 x 10^-(d+1): compared without
        // dividing (Decimal division is slow, and a table of 10,000 towns asks per figure).
        let width = upper - lower
        var d = 0
        while d < limit {
            if width > Self.twoUnits(d + 1) { break }
            d += 1
        }
        return d
    }

    /// 2 x 10^-digits (digits 1-18 worked out once).
    private static func twoUnits(_ digits: Int) -> Decimal {
        if twoUnitTable.indices.contains(digits) { return twoUnitTable[digits] }
        return Decimal(sign: .plus, exponent: -digits, significand: 2)
    }

    private static let twoUnitTable: [Decimal] = (0...18).map {
        Decimal(sign: .plus, exponent: -$0, significand: 2)
    }

    public func overlaps(_ other: Interval) -> Bool { lower <= other.upper && other.lower <= upper }

    public func intersection(_ other: Interval) -> Interval? {
        overlaps(other) ? Interval(max(lower, other.lower), min(upper, other.upper)) : nil
    }

    public var description: String { "[\(DecimalMath.text(lower, scale: 3)), \(DecimalMath.text(upper, scale: 3))]" }
}
