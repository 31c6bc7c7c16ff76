import Foundation

/// A `Decimal` read as a `Double` with a bound on how far that `Double` may be from it, so that
/// most comparisons of two values are settled without Foundation's `Decimal` arithmetic, and
/// those too close to call are left to it (`DecimalMath.less`). A derived rate's ends have
/// 38-digit mantissas, which `DecimalMath.less` hands to Foundation's `<`: a town's page naming
/// the towns within its rate's rounding compared ~10,000 of them, half of its scan (wave 36).
///
/// `value` is within `error` of the exact value (both in the value's own unit).
public struct RoughDecimal: Sendable, Equatable {
    /// The value, rounded to a `Double` (at most ~5 roundings of 2^-53 each away, relative).
    public var value: Double
    /// At least how far `value` may be from the exact value: 10^-13 of its size, over 100 times
    /// what reading it can cost (`DecimalMath.rough`), plus what adding or taking away added.
    public var error: Double

    /// `value` within `error` (both in the value's unit).
    public init(_ value: Double, error: Double) {
        self.value = value
        self.error = error
    }

    /// The relative bound given to a value read from a `Decimal`: reading its mantissa's two
    /// 64-bit halves and adding them adds at most 3 roundings of 2^-53 (1.1e-16) relative, its
    /// power of ten and the product 2 more: ~6e-16 in all, here 1e-13.
    static let readError = 1e-13

    /// `a - b` (or `a + b` with `sign` 1), within the sum of their errors and the rounding of the
    /// subtraction itself (counted as 1e-13 of the operands' sizes, ~900 times a rounding).
    public static func combined(_ a: RoughDecimal, _ b: RoughDecimal, sign: Double) -> RoughDecimal {
        let v = a.value + sign * b.value
        return RoughDecimal(v, error: a.error + b.error + readError * (abs(a.value) + abs(b.value)))
    }

    /// Whether `a < b`, when the bounds settle it: true when every value `a` can be lies below
    /// every value `b` can be, false when every value of `a` is at or above every value of `b`,
    /// nil when they overlap (the exact values must then be compared: `DecimalMath.less`).
    public static func less(_ a: RoughDecimal, _ b: RoughDecimal) -> Bool? {
        if a.value + a.error < b.value - b.error { return true }
        if a.value - a.error > b.value + b.error { return false }
        return nil
    }
}

extension DecimalMath {
    /// `value` as a `RoughDecimal`, read from its bytes (its mantissa's words and exponent), not
    /// through `NSDecimalNumber`; nil for NaN, an exponent outside -100...100 (10^±100 read as a
    /// `Double` neither overflows nor loses digits), or where `Decimal`'s layout is not the one
    /// `sum` and `less` read (`layoutKnown`).
    public static func rough(_ value: Decimal) -> RoughDecimal? {
        guard layoutKnown else { return nil }
        return withUnsafeBytes(of: value) { r -> RoughDecimal? in
            let flags = r[1], length = Int(flags >> 4), negative = flags & 0x08 != 0
            guard flags & 0x03 == 0, r[2] == 0, r[3] == 0, length <= 8 else { return nil }
            // Length 0: zero, or NaN when negative.
            if length == 0 { return negative ? nil : RoughDecimal(0, error: 0) }
            let exponent = Int(Int8(bitPattern: r[0]))
            guard exponent >= -100, exponent <= 100 else { return nil }
            // The mantissa's words 0-3 and 4-7 (little-endian), each read as one 64-bit integer,
            // the words past `length` masked off (not assumed zero): three roundings, not eight.
            let low = UInt64(littleEndian: r.loadUnaligned(fromByteOffset: 4, as: UInt64.self))
            let high = UInt64(littleEndian: r.loadUnaligned(fromByteOffset: 12, as: UInt64.self))
            let m = length >= 4
                ? Double(low) + Double(length >= 8 ? high : high & (1 << (16 * (length - 4)) - 1)) * 0x1p64
                : Double(low & (1 << (16 * length) - 1))
            let x = m * roughPowersOfTen[exponent + 100]
            return RoughDecimal(negative ? -x : x, error: RoughDecimal.readError * x)
        }
    }

    /// 10^-100 ... 10^100 as `Double`s, each correctly rounded (parsed from its text).
    private static let roughPowersOfTen: [Double] = (-100...100).map { Double("1e\($0)")! }
}
