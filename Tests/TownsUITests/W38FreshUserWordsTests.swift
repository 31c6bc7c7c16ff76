import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 38's fresh user's cosmetic findings: English counts agreeing with their nouns (P3-2),
/// the towns view's bar title at 60x14 (P3-3), the Chinese assessment notes' colons (P3-4).
final class W38FreshUserWordsTests: XCTestCase {
    /// P3-2. `&qiantang` keeps one row: `1 row matches`, not `1 rows match`; its chip `1 row`.
    func testOneNarrowedRowMatchesInTheSingular() throws {
        var s = try bundledState(width: 100, height: 30)
        s.language = .en
        s = apply(s, .startNarrowing)
        for c in "qiantang" { s = update(s, .searchKey(.char(c))) }
        let all = screen(s).joined(separator: "\n")
        XCTAssertTrue(all.contains("1 row matches \"qiantang\" (Esc shows all)"), all)
        XCTAssertFalse(all.contains("1 rows"), all)
        let kept = update(s, .searchKey(.enter))
        let chip = screen(kept).joined(separator: "\n")
        XCTAssertTrue(chip.contains("/qiantang 1 row ("), chip)
        // Two rows still agree in the plural.
        XCTAssertEqual(Catalogue.rowsKept("2", "h").en, "2 rows match \"h\" (Esc shows all)")
    }

    /// P3-2. Every English count built with the one helper: singular for 1, plural otherwise.
    func testEnglishCountsAgreeInNumber() {
        XCTAssertEqual(EnglishCount.of(1, "row matches", "rows match"), "1 row matches")
        XCTAssertEqual(EnglishCount.of(0, "error"), "0 errors")
        XCTAssertEqual(EnglishCount.of("2,497", "town"), "2,497 towns")
        XCTAssertEqual(Catalogue.interpretedLeftOut("1").en.prefix(22), "1 interpreted figure (")
        XCTAssertTrue(Catalogue.interpretedLeftOut("2").en.hasPrefix("2 interpreted figures ("))
        XCTAssertEqual(Catalogue.reloadWarnings("1").en, " (1 warning: towns check)")
        XCTAssertEqual(Catalogue.sentRows("1").en, "sent 1 row to the clipboard (OSC 52)")
        XCTAssertTrue(Catalogue.notesMoreTaller("1").en.hasPrefix("… 1 more note line:"))
        XCTAssertTrue(Catalogue.typesLeftOut("1").en.hasPrefix("filter: 1 type with"))
        XCTAssertTrue(Catalogue.messagesDropped("1", "200").en.hasPrefix("1 older message dropped"))
        for words in [Catalogue.interpretedLeftOut("1"), Catalogue.reloadWarnings("1"), Catalogue.notesMoreOnLastRow("1"),
                      Catalogue.summaryMoreTaller("1"), Catalogue.typesLeftOut("1"), Catalogue.messagesDropped("1", "9")] {
            XCTAssertFalse(words.en.contains("(s)"), words.en)
        }
    }

    /// P3-3. At 60x14 in English the bar column (7 cells) is headed `Prog.`, not `Progre…`; the
    /// help says what it stands for. 80x24 and 100x30 keep `Progress` whole.
    func testTheNarrowBarColumnIsHeadedProg() throws {
        var s = try bundledState(width: 60, height: 14)
        s.language = .en
        let all = screen(s).joined(separator: "\n")
        XCTAssertFalse(all.contains("Progre…"), all)
        XCTAssertTrue(all.contains("Prog."), all)
        for (width, height) in [(80, 24), (100, 30)] {
            var wide = try bundledState(width: width, height: height)
            wide.language = .en
            let text = screen(wide).joined(separator: "\n")
            XCTAssertTrue(text.contains("Progress"), text)
            XCTAssertFalse(text.contains("Prog. "), text)
        }
        let help = wholeHelp(s).joined(separator: "\n")
        XCTAssertTrue(help.contains("Prog."), help)
        // In Chinese the title fits: no short form, no help line.
        var zh = try bundledState(width: 60, height: 14)
        zh.language = .zh
        XCTAssertTrue(screen(zh).joined().contains("进度"))
        XCTAssertFalse(wholeHelp(zh).joined(separator: "\n").contains("Prog."))
    }

    /// P3-4. The Chinese assessment notes put a full-width colon after the towns' names
    /// (`… 另 2 个：`, `海盐核电小镇：若未完成…`); English keeps `: `.
    func testTheChineseAssessmentNotesUseFullWidthColons() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24)
            s.language = language
            s.stack = [Screen(.assessment)]
            let notes = s.assessmentStakeNotes(Array(s.dataset.towns.indices)).map { $0.text(.unicode) }
            XCTAssertFalse(notes.isEmpty)
            for note in notes where note.contains(language == .zh ? " 镇 " : " town") {
                if language == .zh {
                    XCTAssertFalse(note.contains(":"), note)
                    XCTAssertTrue(note.contains("："), note)
                } else {
                    XCTAssertFalse(note.contains("："), note)
                }
            }
            if language == .zh {
                for note in notes { XCTAssertFalse(note.contains(": ") || note.contains("; "), note) }
            }
        }
    }
}
