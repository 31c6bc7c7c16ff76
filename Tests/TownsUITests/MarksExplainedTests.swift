import TownsCore
@testable import TownsUI
import XCTest

/// Every mark a screen shows is explained somewhere the reader can find (wave 5, w5-marks).
final class MarksExplainedTests: XCTestCase {
    /// The overview's rule lines say "仅说明 3" / "info 3" in words (no legend listed `·`), and the
    /// help's markers table lists every mark left on them (✓ ✗ ? ○).
    func testOverviewRuleLinesUseOnlyMarksTheHelpLists() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState(width: 80, height: 24)
            s.language = language
            s = apply(s, .showView(.overview))
            let lines = screen(s)
            let term = try XCTUnwrap(lines.first { $0.contains(language == .zh ? "期限 " : "Term ") })
            XCTAssertFalse(term.contains("·"), term)
            XCTAssertTrue(term.contains(language == .zh ? "仅说明 3" : "info 3"), term)
            let helpKeys = Set(Renderer.helpLines(s, glyphs: .unicode).map(\.0))
            let heading = language == .zh ? "考核" : "Assessment"
            let rules = lines.drop { $0.trimmingCharacters(in: .whitespaces) != heading }.dropFirst()
            XCTAssertFalse(rules.isEmpty)
            for mark in ["✓", "✗", "?", "○", "·"] where rules.contains(where: { $0.contains(mark) }) {
                XCTAssertTrue(helpKeys.contains(mark), "\(mark) on the overview, not in the help (\(language))")
            }
            for mark in ["✓", "✗", "?", "○"] { XCTAssertTrue(helpKeys.contains(mark), mark) }
        }
    }
}
