import Foundation
import TownsTestSupport
import XCTest

@testable import TownsUI

/// Wave 31 (issue 17, cold keys): `TextWrap.breakable` and `headAtWord` asked `Set<Character>`s
/// (`closing`, `opening`, `clauseMarks`, `unitCharacters`) about every wide character they met, and
/// a `Character`'s hash normalises it: a quarter of a cold assessment at 10,000 towns (`perf`).
/// They now ask `CharacterTable`s made from the same sets, which look a character of one scalar
/// that is its own normal form up by the scalar's value. Equivalence guards: every scalar the
/// fast path takes is its own normal form (Foundation's NFC and NFD) and is found exactly when the
/// set finds it; random characters, canonically equal forms among them (U+F9E9 is 里, U+2329 is
/// 〈, combining sequences), get the set's answer; `breakable` at every place of random text is
/// the one the sets give.
final class W31WrapScalarTests: XCTestCase {
    private let tables: [(String, Set<Character>, CharacterTable)] = [
        ("closing", TextWrap.closing, TextWrap.closingTable),
        ("opening", TextWrap.opening, TextWrap.openingTable),
        ("clauseMarks", TextWrap.clauseMarks, TextWrap.clauseMarkTable),
        ("unitCharacters", TextWrap.unitCharacters, TextWrap.unitTable),
    ]

    func testTheTablesAreTheSetsAndTakeTheFastPath() {
        for (name, set, table) in tables {
            XCTAssertEqual(table.characters, set, name)
            // Every rule's characters are single scalars of their own normal form: the fast path is taken.
            XCTAssertEqual(table.scalars.map { Set($0) }, Set(set.flatMap { $0.unicodeScalars.map(\.value) }), name)
        }
        // A set holding a character that is not its own normal form asks the set for everything.
        let mixed = CharacterTable(["\u{F9E9}", "，"])
        XCTAssertNil(mixed.scalars)
        XCTAssertTrue(mixed.contains("里"))
        XCTAssertTrue(mixed.contains("\u{F9E9}"))
        XCTAssertTrue(mixed.contains("，"))
        XCTAssertFalse(mixed.contains("公"))
    }

    func testEveryFastScalarIsItsOwnNormalFormAndFoundAsTheSetFindsIt() {
        var fast = 0
        for value in UInt32(0)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value), CharacterTable.isOwnNormalForm(scalar) else { continue }
            let text = String(Character(scalar))
            XCTAssertEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value), [value])
            XCTAssertEqual(text.decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value), [value])
            for (name, set, table) in tables {
                XCTAssertEqual(table.contains(Character(scalar)), set.contains(Character(scalar)),
                               "\(name) U+\(String(value, radix: 16))")
            }
            fast += 1
        }
        XCTAssertGreaterThan(fast, 20_000)  // the unified ideographs at least
    }

    /// Characters to draw from: the rules' own, forms canonically equal to them or to other CJK
    /// (U+F9E9 = 里, U+2329/U+232A = 〈〉, U+FA0C = 兀, U+2000 = U+2002), combining sequences on
    /// the rules' characters, CJK, kana that decomposes (が), ASCII, blanks, digits.
    private let pool: [Character] = Array(TextWrap.closing) + Array(TextWrap.opening) + Array(TextWrap.clauseMarks)
        + Array(TextWrap.units.joined())
        + ["\u{F9E9}", "\u{2329}", "\u{232A}", "\u{FA0C}", "兀", "\u{2000}", "\u{2002}", "，\u{301}", "（\u{20DD}",
           "里\u{302A}", "e\u{301}", "é", "\u{212B}", "Å", "が", "か\u{3099}", "(", "[", " ", "0", "5", "9", "a", "Z",
           "落", "后", "小", "镇", "年", "个", "%", "≈", "▼", "—", "\u{3000}", "\u{FF08}", "\u{FE35}"]

    /// `breakable` as it answers with the sets themselves (its rules, unchanged, over `Set<Character>`).
    private func bySets(before next: Character, after line: String) -> Bool {
        guard let previous = line.last else { return !TextWrap.closing.contains(next) }
        guard !TextWrap.closing.contains(next), !TextWrap.opening.contains(previous), previous != "(", previous != "[",
              !(previous.isASCII && previous.isNumber)
        else { return false }
        if previous == " ", let before = line.dropLast().last, before.isASCII, before.isNumber { return false }
        guard TextWrap.unitCharacters.contains(next) else { return true }
        for unit in TextWrap.units where unit.contains(next) {
            var head = ""
            for c in unit {
                if c == next, !head.isEmpty, line.hasSuffix(head) { return false }
                head.append(c)
            }
        }
        return true
    }

    func testRandomCharactersAndTextGetTheSetsAnswers() {
        var draw = SeededDraw(seed: 3_124)  // a fixed sequence: a failure repeats
        for c in pool {
            for (name, set, table) in tables {
                XCTAssertEqual(table.contains(c), set.contains(c), "\(name) \(c.unicodeScalars.map(\.value))")
            }
        }
        XCTAssertTrue(TextWrap.openingTable.contains("\u{2329}"))  // 〈 by its other form: the set's answer
        XCTAssertTrue(TextWrap.unitTable.contains("\u{F9E9}"))
        var places = 0, unbreakable = 0
        for _ in 0..<3_000 {
            let text = String((0..<(1 + draw(30))).map { _ in pool[draw(pool.count)] })
            var line = ""
            for c in text {
                for (name, set, table) in tables {
                    XCTAssertEqual(table.contains(c), set.contains(c), name)
                }
                let expected = bySets(before: c, after: line)
                XCTAssertEqual(TextWrap.breakable(before: c, after: line), expected, "[\(line)] | \(c)")
                if !expected { unbreakable += 1 }
                places += 1
                line.append(c)
            }
        }
        XCTAssertGreaterThan(places, 30_000)
        XCTAssertGreaterThan(unbreakable, 5_000)  // the rules said no often, not only yes
    }
}
