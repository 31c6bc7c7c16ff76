import Foundation
@testable import TownsCore
import XCTest

/// `DecimalMath.sum` and `DecimalMath.less` (the towns table's sums over a filter, `TownSums`):
/// the same `Decimal`, byte for byte, as Foundation's `+`, and the same answer as its `<`.
final class W21DecimalSumTests: XCTestCase {
    func bytes(_ d: Decimal) -> [UInt8] { withUnsafeBytes(of: d) { Array($0) } }

    /// Figures as the data writes them (up to 4 decimals), long ones (30 digits), exponents,
    /// zeros written with decimals ("0.00"), negatives.
    func figure(_ g: inout Seeded) -> Decimal {
        let kind = Int.random(in: 0..<10, using: &g)
        if kind == 0 { return Decimal(string: ["0", "0.00", "-0", "0e3"][Int.random(in: 0..<4, using: &g)])! }
        let digits = Int.random(in: 1...(kind == 1 ? 30 : 10), using: &g)
        var s = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &g))) })
        let point = Int.random(in: 0...min(digits, 4), using: &g)
        if point > 0 { s.insert(".", at: s.index(s.endIndex, offsetBy: -point)) }
        if Bool.random(using: &g) { s = "-" + s }
        if kind == 2 { s += "e\(Int.random(in: -25...25, using: &g))" }
        return Decimal(string: s)!
    }

    func testTheLayoutIsTheOneRead() {
        XCTAssertTrue(DecimalMath.layoutKnown)
    }

    func testSumsAreFoundationsByteForByte() {
        var g = Seeded(state: 21)
        var total = Decimal(0), reference = Decimal(0)
        for i in 0..<200_000 {
            let a = figure(&g), b = i % 7 == 0 ? -a : figure(&g)
            XCTAssertEqual(bytes(DecimalMath.sum(a, b)), bytes(a + b), "\(a) + \(b)")
            XCTAssertEqual(DecimalMath.less(a, b), a < b, "\(a) < \(b)")
            XCTAssertEqual(DecimalMath.less(b, a), b < a, "\(b) < \(a)")
            // A running sum, as a tally adds a period's figures.
            total = DecimalMath.sum(total, a)
            reference += a
            XCTAssertEqual(bytes(total), bytes(reference), "after \(i) figures")
        }
    }

    func testASumOfPrintedFiguresKeepsNoTrailingZero() {
        let s = DecimalMath.sum(Decimal(string: "15.21")!, Decimal(string: "12.29")!)
        XCTAssertEqual(s, Decimal(string: "27.5")!)
        XCTAssertEqual("\(s)", "27.5")
        XCTAssertEqual(DecimalMath.text(s, scale: 2), "27.50")
    }
}
