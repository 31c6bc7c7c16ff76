import Foundation
import TownsTestSupport
import XCTest

@testable import TownsUI

/// Wave 31 (issue 17, cold keys): `TextWrap.breakable` asked every unit (`TextWrap.units`) whether
/// it holds the next character, for each wide character of every note wrapped: over a quarter of
/// a cold assessment at 10,000 towns and a sixth of a town's page (`perf`). It now asks first whether the
/// character is in any unit at all (`TextWrap.unitCharacters`, derived from `units`, not a list of
/// its own). An equivalence guard: the answer is the one every unit's scan gives, on random lines
/// and characters (the units' own, canonically equivalent forms of them, CJK, ASCII, marks); the
/// lines themselves are the golden screens' and `W30WrapTests`', unchanged.
final class W31WrapUnitsTests: XCTestCase {
    /// `breakable` as it was before wave 31: every unit scanned, to compare with.
    private func everyUnit(before next: Character, after line: String) -> Bool {
        guard let previous = line.last else { return !TextWrap.closing.contains(next) }
        guard !TextWrap.closing.contains(next), !TextWrap.opening.contains(previous), previous != "(", previous != "[",
              !(previous.isASCII && previous.isNumber)
        else { return false }
        if previous == " ", let before = line.dropLast().last, before.isASCII, before.isNumber { return false }
        for unit in TextWrap.units where unit.contains(next) {
            var head = ""
            for c in unit {
                if c == next, !head.isEmpty, line.hasSuffix(head) { return false }
                head.append(c)
            }
        }
        return true
    }

    /// Characters to draw from: every unit's, a compatibility ideograph equal to one of them
    /// (U+F9E9 is 里 canonically: `Character ==` says so, so must the lookup), the breaker's
    /// punctuation, other CJK, ASCII digits and letters, a blank, a combining sequence.
    private let characters: [Character] = Array(TextWrap.units.joined())
        + ["\u{F9E9}", "（", "）", "，", "。", "～", "(", "[", " ", "0", "5", "9", "a", "Z", "落", "后", "小", "镇",
           "年", "月", "个", "%", "≈", "▼", "e\u{301}", "é", "—"]

    func testTheUnitCharactersAreTheUnits() {
        XCTAssertEqual(TextWrap.unitCharacters, Set(TextWrap.units.flatMap { Array($0) }))
        // A canonically equal form is found too (Set membership is `Character ==`).
        XCTAssertTrue(TextWrap.unitCharacters.contains("\u{F9E9}"))
        XCTAssertFalse(TextWrap.unitCharacters.contains("个"))
    }

    func testBreakableIsEveryUnitsScanOnRandomLines() {
        var draw = SeededDraw(seed: 31)  // a fixed sequence: a failure repeats
        var compared = 0, unbreakableInUnits = 0
        for _ in 0..<20_000 {
            let line = String((0..<draw(7)).map { _ in characters[draw(characters.count)] })
            let next = characters[draw(characters.count)]
            let expected = everyUnit(before: next, after: line)
            XCTAssertEqual(TextWrap.breakable(before: next, after: line), expected, "\(line) | \(next)")
            if !expected, TextWrap.unitCharacters.contains(next), !line.isEmpty { unbreakableInUnits += 1 }
            compared += 1
        }
        XCTAssertEqual(compared, 20_000)
        XCTAssertGreaterThan(unbreakableInUnits, 100)  // the units' rule was exercised, not only the guards
        // Every unit's every inner break, and the compatibility form of 里 inside 平方公里.
        for unit in TextWrap.units {
            let chars = Array(unit)
            for k in 1..<chars.count {
                XCTAssertFalse(TextWrap.breakable(before: chars[k], after: "共 " + String(chars[..<k])), unit)
            }
        }
        XCTAssertFalse(TextWrap.breakable(before: "\u{F9E9}", after: "3平方公"))
        XCTAssertTrue(TextWrap.breakable(before: "里", after: "小镇"))
    }
}
