import XCTest
import TownsCore
@testable import TownsUI

/// Wave 11: a page and a consistency finding show the data's note in the reader's language
/// (the Chinese words beside the English in the data); the English stays in English.
final class W11NotesLanguageTests: XCTestCase {
    func testAPageShowsTheTotalsNoteInTheReadersLanguage() throws {
        var s = try bundledState()
        let figure = try XCTUnwrap(s.dataset.totals.values.first {
            if case let .reported(_, _, _, note?) = $0.provenance { return note.contains("would need a plan") }
            return false
        })
        var cited: [String] = []
        s.language = .zh
        let zh = s.pageNote(figure.provenance, origin: figure.origin, cited: &cited).0
        XCTAssertTrue(zh.contains("42.5% 需计划为 106.0"), zh)
        XCTAssertFalse(zh.contains("would need"), zh)
        s.language = .en
        let en = s.pageNote(figure.provenance, origin: figure.origin, cited: &cited).0
        XCTAssertTrue(en.contains("42.5% would need a plan of 106.0"), en)
    }

    func testTheAmbiguityFindingQuotesTheReadingsInTheReadersLanguage() throws {
        let s = try bundledState()
        let findings = Checker(dataset: s.dataset).run()
        let ambiguous = try XCTUnwrap(findings.first { $0.kind == .ambiguous })
        let zh = FindingWords(dataset: s.dataset, language: .zh).message(ambiguous)
        XCTAssertTrue(zh.contains("（1）各 30 个"), zh)
        XCTAssertFalse(zh.contains("30 each"), zh)
        let en = FindingWords(dataset: s.dataset, language: .en).message(ambiguous)
        XCTAssertTrue(en.contains("(1) 30 each"), en)
    }
}
