import Foundation

extension DecimalMath {
    /// `a + b`, the same `Decimal` bit for bit as Foundation's `+` gives (value, exponent,
    /// length and flags: its result is compacted, trailing zeros dropped), worked out in 64-bit
    /// integers when both have a mantissa under 2^63 and neither is zero, and the sum is not
    /// zero; by Foundation's `+` otherwise (and everywhere if `Decimal`'s layout is not the one
    /// this reads, `layoutKnown`). A tenth of the cost: the towns table's sums over a filter
    /// (`TownSums`) add five figures a town, 12,500 additions for 2,500 towns.
    @inline(__always)
    public static func sum(_ a: Decimal, _ b: Decimal) -> Decimal {
        guard layoutKnown, let (ma, ea) = small(a), let (mb, eb) = small(b) else { return a + b }
        return fastSum(ma, ea, mb, eb) ?? a + b
    }

    /// Whether `a < b`, as Foundation's `<` decides it, in 64-bit integers where both mantissas
    /// are under 2^63 and their exponents within 18 of each other.
    @inline(__always)
    public static func less(_ a: Decimal, _ b: Decimal) -> Bool {
        guard layoutKnown, let (ma, ea) = small(a), let (mb, eb) = small(b) else { return a < b }
        let e = min(ea, eb)
        guard ea - e <= 18, eb - e <= 18 else { return a < b }
        let (sa, oa) = ma.multipliedReportingOverflow(by: powersOfTen[ea - e])
        let (sb, ob) = mb.multipliedReportingOverflow(by: powersOfTen[eb - e])
        guard !oa, !ob else { return a < b }
        return sa < sb
    }

    private static func fastSum(_ ma: Int64, _ ea: Int, _ mb: Int64, _ eb: Int) -> Decimal? {
        // A zero operand or result: Foundation's own cases (it gives an operand back as it is).
        guard ma != 0, mb != 0 else { return nil }
        let e = min(ea, eb)
        guard ea - e <= 18, eb - e <= 18 else { return nil }
        let (sa, oa) = ma.multipliedReportingOverflow(by: powersOfTen[ea - e])
        let (sb, ob) = mb.multipliedReportingOverflow(by: powersOfTen[eb - e])
        guard !oa, !ob else { return nil }
        let (s, o) = sa.addingReportingOverflow(sb)
        guard !o, s != 0 else { return nil }
        return compact(s, exponent: e)
    }

    /// `text(_:scale:)` in 64-bit integers: the value rounded half away from zero to `scale`
    /// digits (as `NSDecimalRound`'s `.plain`) and written with exactly `scale` digits after the
    /// point, a `-` before a negative one that does not round to zero. Nil (Foundation's path)
    /// where the mantissa passes 2^63, `scale` is outside 0-18, the digits dropped or added pass
    /// 18 or the scaled value passes 2^64, and where `Decimal`'s layout is not the one read. A
    /// tenth of the cost of `NSDecimalNumber`'s text: a town's page writes ~600 figures at 60
    /// periods, a period's table every row it draws.
    static func fastText(_ value: Decimal, scale: Int) -> String? {
        guard layoutKnown, scale >= 0, scale <= 18, let (m, e) = small(value) else { return nil }
        var n = m.magnitude
        let shift = e + scale
        if shift >= 0 {
            guard shift <= 18 else { return nil }
            let (scaled, overflow) = n.multipliedReportingOverflow(by: UInt64(powersOfTen[shift]))
            guard !overflow else { return nil }
            n = scaled
        } else {
            guard -shift <= 18 else { return nil }
            let p = UInt64(powersOfTen[-shift])
            let (q, r) = n.quotientAndRemainder(dividingBy: p)
            // Half or more of the unit dropped rounds away from zero (r >= p / 2, without overflow).
            n = r >= p - r ? q + 1 : q
        }
        var digits = String(n)
        if scale > 0 {
            if digits.utf8.count <= scale {
                digits = String(repeating: "0", count: scale + 1 - digits.utf8.count) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return m < 0 && n != 0 ? "-" + digits : digits
    }

    private static let powersOfTen: [Int64] = (0...18).map { n in (0..<n).reduce(Int64(1)) { p, _ in p * 10 } }

    /// A `Decimal`'s signed mantissa and exponent, read from its bytes, when the mantissa is
    /// under 2^63 and the reserved bits are clear; nil otherwise (NaN, long mantissas).
    /// Layout (swift-foundation): byte 0 the exponent, byte 1 the length in 16-bit words (high
    /// nibble), negative (0x08), compact (0x04); bytes 2-3 reserved; then 8 words, least first.
    private static func small(_ d: Decimal) -> (Int64, Int)? {
        withUnsafeBytes(of: d) { r -> (Int64, Int)? in
            let flags = r[1], length = Int(flags >> 4), negative = flags & 0x08 != 0
            guard flags & 0x03 == 0, r[2] == 0, r[3] == 0, length <= 4 else { return nil }
            if length == 0 { return negative ? nil : (0, 0) }
            var m: UInt64 = 0
            for w in stride(from: length - 1, through: 0, by: -1) {
                m = m << 16 | UInt64(r[4 + 2 * w]) | UInt64(r[5 + 2 * w]) << 8
            }
            guard m <= UInt64(Int64.max) else { return nil }
            return (negative ? -Int64(m) : Int64(m), Int(Int8(bitPattern: r[0])))
        }
    }

    /// The compact `Decimal` of `value` x 10^`exponent` (`value` not zero), as Foundation
    /// writes one: trailing zeros moved into the exponent; nil if the exponent leaves Int8.
    private static func compact(_ value: Int64, exponent: Int) -> Decimal? {
        var m = value.magnitude, e = exponent
        while m % 10 == 0 { m /= 10; e += 1 }
        guard e >= -128, e <= 127 else { return nil }
        var d = Decimal()
        withUnsafeMutableBytes(of: &d) { r in
            for i in r.indices { r[i] = 0 }
            var length = 0
            while m != 0 {
                r[4 + 2 * length] = UInt8(m & 0xff)
                r[5 + 2 * length] = UInt8(m >> 8 & 0xff)
                m >>= 16
                length += 1
            }
            r[0] = UInt8(bitPattern: Int8(e))
            r[1] = UInt8(length << 4) | 0x04 | (value < 0 ? 0x08 : 0)
        }
        return d
    }

    /// Whether `Decimal` is laid out as `small` and `compact` read and write it: checked once
    /// against values Foundation makes (20 bytes; a few sums and parses compared byte for byte).
    static let layoutKnown: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        func bytes(_ d: Decimal) -> [UInt8] { withUnsafeBytes(of: d) { Array($0) } }
        for text in ["1.5", "-723.1211", "691.427", "100", "122517928.5", "-0.001"] {
            guard let d = Decimal(string: text), let (m, e) = small(d), let back = compact(m, exponent: e),
                bytes(back) == bytes(d) else { return false }
        }
        let a = Decimal(string: "13.56")!, b = Decimal(string: "-5.06")!
        guard let (ma, ea) = small(a), let (mb, eb) = small(b), let s = fastSum(ma, ea, mb, eb),
            bytes(s) == bytes(a + b) else { return false }
        return true
    }()
}
