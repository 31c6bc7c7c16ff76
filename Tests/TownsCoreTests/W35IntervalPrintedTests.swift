import Foundation
import XCTest

@testable import TownsCore

/// Wave 35 (session 28): `Interval(printed:decimals:)` adds its ends in integers where it can
/// (`DecimalMath.sum`); the ends are Foundation's `value - h` and `value + h`, bit for bit, for
/// rates, amounts and counts with 0-4 digits, negative values, zero and values too long for the
/// integers' path.
final class W35IntervalPrintedTests: XCTestCase {
    func bytes(_ d: Decimal) -> [UInt8] { withUnsafeBytes(of: d) { Array($0) } }

    func testThePrintedEndsAreFoundationsBitForBit() {
        var generator = SystemRandomNumberGenerator()
        var values: [Decimal] = [0, 100, 83.3, 83.33, -0.61, 0.05, 99.995, 1e-10,
                                 Decimal(string: "12345678901234567890.12345")!, Decimal(string: "-98765432109876543210")!]
        for _ in 0..<2000 {
            let mantissa = Int64.random(in: -10_000_000...10_000_000, using: &generator)
            values.append(Decimal(sign: mantissa < 0 ? .minus : .plus, exponent: -Int.random(in: 0...4, using: &generator),
                                  significand: Decimal(mantissa.magnitude)))
        }
        for value in values {
            for decimals in 0...4 {
                let h = DecimalMath.halfUnit(decimals: decimals)
                let interval = Interval(printed: value, decimals: decimals)
                let (lower, upper) = (value - h, value + h)
                XCTAssertEqual(bytes(interval.lower), bytes(lower), "\(value) \(decimals)")
                XCTAssertEqual(bytes(interval.upper), bytes(upper), "\(value) \(decimals)")
            }
        }
    }
}
