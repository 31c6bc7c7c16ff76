import Foundation
@testable import TownsCore
import XCTest

/// Half a unit of the last printed digit (`DecimalMath.halfUnit`), made from its exponent for 0-12
/// decimals (wave 24), is the value and the bytes that dividing 5 by ten `decimals + 1` times gives
/// (as it was made before), so every interval, and every snapshot holding one, stays as it was.
final class W24FirstHalfUnitTests: XCTestCase {
    func testHalfUnitsAreTheDividedOnesByteForByte() {
        for decimals in -2...15 {
            var divided = Decimal(5)
            for _ in 0...max(0, decimals) { divided /= 10 }
            var made = DecimalMath.halfUnit(decimals: decimals)
            XCTAssertEqual(made, divided, "\(decimals) decimals")
            let madeBytes = withUnsafeBytes(of: &made) { Array($0) }
            let dividedBytes = withUnsafeBytes(of: &divided) { Array($0) }
            XCTAssertEqual(madeBytes, dividedBytes, "\(decimals) decimals: the same bytes")
        }
        XCTAssertEqual(DecimalMath.halfUnit(decimals: 1), Decimal(string: "0.05"))
        XCTAssertEqual(DecimalMath.halfUnit(decimals: 0), Decimal(string: "0.5"))
    }
}
