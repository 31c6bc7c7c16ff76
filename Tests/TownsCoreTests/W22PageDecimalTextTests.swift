import Foundation
@testable import TownsCore
import XCTest

/// `DecimalMath.text` in 64-bit integers (`fastText`) against Foundation's (`foundationText`):
/// the same text for figures as the data writes them, long ones, exponents, zeros, negatives,
/// halves; and `Assessment.leadingYear` against `Int(date.prefix(4))`.
final class W22PageDecimalTextTests: XCTestCase {
    func figure(_ g: inout Seeded) -> Decimal {
        let kind = Int.random(in: 0..<12, using: &g)
        if kind == 0 { return Decimal(string: ["0", "0.00", "-0", "0e3", "0.5", "-0.5", "0.05", "-0.04"][Int.random(in: 0..<8, using: &g)])! }
        let digits = Int.random(in: 1...(kind == 1 ? 30 : kind == 2 ? 19 : 10), using: &g)
        var s = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &g))) })
        // Halves at the digit rounded to (…5, …50, …500).
        if kind == 3 { s += "5" + String(repeating: "0", count: Int.random(in: 0...3, using: &g)) }
        let point = Int.random(in: 0...min(s.count, 8), using: &g)
        if point > 0 { s.insert(".", at: s.index(s.endIndex, offsetBy: -point)) }
        if Bool.random(using: &g) { s = "-" + s }
        if kind == 4 { s += "e\(Int.random(in: -25...25, using: &g))" }
        return Decimal(string: s)!
    }

    func testFastTextIsFoundationsText() {
        var g = Seeded(state: 22)
        var fast = 0
        for _ in 0..<200_000 {
            let d = figure(&g), scale = Int.random(in: 0...4, using: &g)
            XCTAssertEqual(DecimalMath.text(d, scale: scale), DecimalMath.foundationText(d, scale: scale), "\(d) at \(scale)")
            if DecimalMath.fastText(d, scale: scale) != nil { fast += 1 }
        }
        // Most figures take the integer path (else this compares Foundation with itself).
        XCTAssertGreaterThan(fast, 150_000)
    }

    func testKnownTexts() {
        let cases: [(String, Int, String)] = [
            ("18.6", 2, "18.60"), ("29.65", 1, "29.7"), ("-29.65", 1, "-29.7"), ("140", 0, "140"),
            ("0.04", 1, "0.0"), ("-0.04", 1, DecimalMath.foundationText(Decimal(string: "-0.04")!, scale: 1)),
            ("72.94999", 1, "72.9"), ("5e2", 1, "500.0"), ("0", 3, "0.000"), ("-0.05", 1, "-0.1"),
        ]
        for (value, scale, text) in cases {
            XCTAssertEqual(DecimalMath.text(Decimal(string: value)!, scale: scale), text, "\(value) at \(scale)")
            XCTAssertEqual(DecimalMath.foundationText(Decimal(string: value)!, scale: scale), text, "\(value) at \(scale)")
        }
    }

    func testLeadingYearIsIntOfTheFirstFourCharacters() {
        let dates = ["2019-05", "2019", "201", "", "abcd", "+201-01", "-201", "2019\u{301}-01", "201\u{301}9",
                     "2019\r\n", "2019\n", "０１２３", "2019年", "12345", "0042-01", " 2019"]
        for d in dates { XCTAssertEqual(Assessment.leadingYear(d), Int(d.prefix(4)), d.debugDescription) }
    }
}
