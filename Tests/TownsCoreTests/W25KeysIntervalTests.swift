import Foundation
@testable import TownsCore
import XCTest

/// `Interval.init(_:_:)` orders its ends by `DecimalMath.less` (wave 25: Foundation's `<` was a
/// third of decoding a period's table): the same two `Decimal`s, byte for byte, as `min` and
/// `max` by Foundation's `<` give, for ends in either order, equal ends written differently
/// ("1.50" and "1.5"), long mantissas, negatives and zeros.
final class W25KeysIntervalTests: XCTestCase {
    func bytes(_ d: Decimal) -> [UInt8] { withUnsafeBytes(of: d) { Array($0) } }

    func value(_ g: inout Seeded) -> Decimal {
        let kind = Int.random(in: 0..<8, using: &g)
        if kind == 0 { return Decimal(string: ["0", "0.00", "-0", "1.50", "1.5", "15e-1"][Int.random(in: 0..<6, using: &g)])! }
        if kind == 1 { return Decimal(string: "72.9")! / Decimal(Int.random(in: 3...97, using: &g)) }  // 38 digits
        let digits = Int.random(in: 1...12, using: &g)
        var s = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &g))) })
        let point = Int.random(in: 0...min(digits, 4), using: &g)
        if point > 0 { s.insert(".", at: s.index(s.endIndex, offsetBy: -point)) }
        if Bool.random(using: &g) { s = "-" + s }
        return Decimal(string: s)!
    }

    func testEndsAreMinAndMaxByteForByte() {
        var g = Seeded(state: 25)
        var swapped = 0, equalButDifferent = 0
        for _ in 0..<100_000 {
            let a = value(&g), b = Bool.random(using: &g) ? value(&g) : a
            let i = Interval(a, b)
            XCTAssertEqual(bytes(i.lower), bytes(min(a, b)), "lower of \(a), \(b)")
            XCTAssertEqual(bytes(i.upper), bytes(max(a, b)), "upper of \(a), \(b)")
            if b < a { swapped += 1 }
            if a == b, bytes(a) != bytes(b) { equalButDifferent += 1 }
        }
        // Equal ends written differently: `min` keeps the first, `max` the second.
        let i = Interval(Decimal(string: "1.50")!, Decimal(string: "1.5")!)
        XCTAssertEqual(bytes(i.lower), bytes(Decimal(string: "1.50")!))
        XCTAssertEqual(bytes(i.upper), bytes(Decimal(string: "1.5")!))
        XCTAssertGreaterThan(swapped, 1_000)
        XCTAssertGreaterThan(equalButDifferent, 10)
    }
}
