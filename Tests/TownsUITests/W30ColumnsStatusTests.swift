import TownsCore
@testable import TownsUI
import XCTest

/// Wave 30 (wave 29's fresh user): `:columns` typed in the towns view at 80 columns was cut on the
/// status line before its list (`共 13 列，5 列因窗口宽度未显示（次要的列先让位）：…（全文见 :messages）`);
/// the line now shows a shorter form that fits, naming the hidden columns, and `:messages` keeps the
/// whole answer.
final class W30ColumnsStatusTests: XCTestCase {
    func testColumnsAt80ColumnsNamesTheHiddenOnesOnTheStatusLine() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24)
            s.language = language
            let after = update(s, .runCommand("columns"))
            let hidden = try XCTUnwrap(ColumnsList.columns(after)).filter { !$0.shown }.map(\.title)
            XCTAssertGreaterThan(hidden.count, 2, "\(language)")
            let line = screen(after)[22].trimmingCharacters(in: .whitespaces)
            // The count, the first hidden columns by title (at least two), and the pointer; nothing cut.
            XCTAssertTrue(line.contains("\(hidden.count) 列未显示") || line.contains("\(hidden.count) of 13 columns hidden"),
                          "\(language): \(line)")
            XCTAssertTrue(hidden.prefix(2).allSatisfy { line.contains($0) }, "\(language): \(line)")
            XCTAssertTrue(line.hasSuffix(after.tr(Catalogue.wholeInMessages)), "\(language): \(line)")
            // One of the shorter forms whole, not the answer cut (`…（全文见 :messages）`).
            XCTAssertTrue(ColumnsList.shorterMessages(s).contains { line == $0 + after.tr(Catalogue.wholeInMessages) },
                          "\(language): cut: \(line)")
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 80, line)
            // Whole in `:messages`: every hidden column with the width that shows it.
            let whole = try XCTUnwrap(after.messageLog.entries.last?.text)
            XCTAssertEqual(whole, ColumnsList.message(s))
            for title in hidden { XCTAssertTrue(whole.contains(title), whole) }
        }
    }

    /// Where the whole answer fits, it is shown as it is; where nothing but the count fits, the count.
    func testTheWholeAnswerWhereItFitsAndTheCountAtTheNarrowest() throws {
        var wide = try bundledState(width: 400, height: 30)
        wide = update(wide, .runCommand("columns"))
        XCTAssertTrue(screen(wide)[28].contains(try XCTUnwrap(wide.message)), screen(wide)[28])
        for language in Language.allCases {
            var s = try bundledState(width: 60, height: 14)
            s.language = language
            s = update(s, .runCommand("columns"))
            let line = screen(s)[12].trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(line.hasSuffix(s.tr(Catalogue.wholeInMessages)), "\(language): \(line)")
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 60, line)
        }
    }
}

/// Wave 43: `:columns`' answer is worded in both languages (`Flash.words`, `shorterWords`), so a
/// screen drawn in the other language (a follower reading in English while the presenter asked in
/// Chinese) says it in its own; it was one language, the one it was asked in.
final class W43ColumnsLanguageTests: XCTestCase {
    func testTheColumnsAnswerIsDrawnInTheLanguageOfTheScreen() throws {
        for first in Language.allCases {
            var s = try bundledState(width: 80, height: 24)
            s.language = first
            let asked = update(s, .runCommand("columns"))
            var other = s
            other.language = first == .zh ? .en : .zh
            let flash = try XCTUnwrap(asked.session.flash)
            XCTAssertEqual(flash.text(in: other.language), ColumnsList.message(other))
            XCTAssertEqual(flash.text(in: first), ColumnsList.message(s))
            // Drawn in the other language: one of that language's shorter forms, none of the first's.
            var drawn = asked
            drawn.language = other.language
            let line = screen(drawn)[22].trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(ColumnsList.shorterMessages(other).contains { line.hasPrefix($0) }, "\(first): \(line)")
            XCTAssertFalse(ColumnsList.shorterMessages(s).contains { line.hasPrefix($0) }, "\(first): \(line)")
        }
    }
}
