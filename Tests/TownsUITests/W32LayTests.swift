import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 31's fresh user's layout findings, fixed in wave 32 (w32-lay).
final class W32LayTests: XCTestCase {
    /// Haining's reported 83.3% at Jan-Oct (`W31FidRoundingTests.october`): undecided within the
    /// rate's rounding, its overview row the longest words the overview writes.
    func undecidedOverview(_ language: Language) throws -> AppState {
        var s = try editedBundledState("w32lay83", monthly: ["2015-10.toml": W31FidRoundingTests.october],
                                       period: "2015-10", width: 80, height: 24, language: language) { $0 }
        s.stack = [Screen(.overview)]
        return s
    }

    /// Item 1: at 80x24 an undecided town's long reading narrowed the overview's names to 4 cells
    /// (`Hai…` for Haining and Haiyan, `Hai$` under LANG=C); the names keep their 10 cells, the
    /// reading's words give way at their end, its marks (`≈`) kept.
    func testAnUndecidedRowLeavesTheOverviewsNamesTellableApartAt80x24() throws {
        for language in [Language.en, .zh] {
            let s = try undecidedOverview(language)
            for (glyphs, cut, derived) in [(Glyphs.unicode, "…", "≈"), (.ascii, "$", "~")] {
                let lines = Renderer(theme: .monochrome, glyphs: glyphs).render(s).lines()
                let all = lines.joined(separator: "\n")
                let (name, words) = language == .en
                    ? ("Haining L", "behind/ahead ?: rate at 0.0 pts, amount at \(derived)0.0")
                    : ("海宁皮革时", "落后/超前 ?：完成率 进度差 0.0 点，金额 差 \(derived)0.0")
                let row = try XCTUnwrap(lines.first { $0.contains(words) }, all)
                XCTAssertTrue(row.hasPrefix(" " + name), row)
                // No name or heading cut to three characters and the cut mark.
                for line in lines {
                    XCTAssertNil(line.range(of: #"^ \S{3}"# + NSRegularExpression.escapedPattern(for: cut) + " ",
                                            options: .regularExpression), all)
                }
                // The changes' first row is named whole too: since wave 33 the city's, whose Jan-Sep figures
                // are unknown at Jan-Oct (`W33OverviewGoneTests`; it was the same town's row).
                let (city, gone) = language == .en ? (" Jiaxing ", "not reported") : (" 全市 嘉兴市 ", "不再报告")
                XCTAssertTrue(lines.contains { $0.hasPrefix(city) && $0.contains(gone) }, all)
            }
        }
    }

    /// The readings' value type words the row as the nine parameters did.
    func testTheUndecidedRowsReadingsWordTheRowAsBefore() {
        let w = Catalogue.undecidedRow(UndecidedRowReadings(
            rate: Decimal(string: "-2.1")!, amount: "≈1.00", amountBehind: false, flagged: true))
        XCTAssertEqual(w.en, "behind/ahead ?: rate behind 2.1 pts!, amount ahead ≈1.00!")
        XCTAssertEqual(w.zh, "落后/超前 ?：完成率 落后 2.1 点!，金额 超前 ≈1.00!")
        let r = Catalogue.undecidedRow(UndecidedRowReadings(
            rate: 0, rateDigits: 1, amount: "≈0.0", amountBehind: true, amountAtZero: true, flagged: false,
            laterPlan: true, withinRounding: true))
        XCTAssertEqual(r.en, "behind/ahead ?: rate at 0.0 pts, amount at ≈0.0, plan from a later period"
                       + ", within the rate's rounding")
        XCTAssertEqual(r.zh, "落后/超前 ?：完成率 进度差 0.0 点，金额 差 ≈0.0，计划据以后期间，在完成率取整之内")
        let u = Catalogue.undecidedRow(UndecidedRowReadings(
            rate: 3, rateDerived: true, amount: "—", amountBehind: false, amountKnown: false, flagged: true))
        XCTAssertEqual(u.en, "behind/ahead ?: rate ahead ≈3.0 pts!, amount —!")
    }
}

/// Wave 31's fresh user: after `:follow off` at 80 columns the `已离开会议` / `left meeting` chip
/// was not shown (it gave way to any key hint), so a follower who left could not see it.
final class W32LayLeftChipTests: XCTestCase {
    func testTheLeftChipShowsAt80ColumnsInBothLanguages() throws {
        for language in [Language.zh, .en] {
            for view in [Screen.Kind.overview, .townList] {
                var f = try bundledState(width: 80, height: 24, period: "2015-09")
                f.stack = [Screen(view)]
                f.language = language
                f = update(f, .meeting(.joined(meeting: "weekly", presenter: "alice")))
                f = update(f, .meeting(.left))
                f = update(f, .moveDown)  // the status line's flash goes; the chip stays
                let lines = screen(f)
                let hints = lines[23].trimmingCharacters(in: .whitespaces)
                // Whole, or short where the whole would cost a key (the towns view in English).
                let chip = language == .zh ? " 已离开会议" : view == .townList ? " left" : " left meeting"
                XCTAssertTrue(hints.hasSuffix(chip), "\(language) \(view):\n" + lines.joined(separator: "\n"))
                // The keys the line keeps first stay beside it.
                let keys = ["↑↓", "Enter", "/ ", "y ", "q "] + (view == .townList ? ["b "] : [])
                for key in keys { XCTAssertTrue(hints.contains(key), hints) }
            }
        }
    }
}
