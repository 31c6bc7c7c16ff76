import TownsCore
@testable import TownsUI
import XCTest

/// Wave 32 (session 25's fresh user, F3 and F4): at 60x14 what the width or height leaves out is said.
final class W32NarrowNotesTests: XCTestCase {
    /// F3: English at 60x14 with the scroll position shown, the columns left out were not named or
    /// counted (changes, entities, overview); the load time now gives way to the note.
    func testHiddenColumnsAreAlwaysNamedOrCountedAt60x14() throws {
        for language in Language.allCases {
            for view in [Screen.Kind.overview, .townList, .typeList, .entityList, .assessment, .province,
                         .reference, .changes] {
                var s = try bundledState(width: 60, height: 14)
                s.language = language
                s.dataChangedAt = "03:13:48"
                s = update(s, .showView(view))
                guard let hidden = ColumnsList.columns(s)?.filter({ !$0.shown }), !hidden.isEmpty else { continue }
                let crumb = screen(s)[2]
                let said = ["未显示列", "列未显示", "hidden", "left out"].contains { crumb.contains($0) }
                XCTAssertTrue(said, "\(language) \(view): \(hidden.map(\.title)) unsaid: \(crumb)")
            }
        }
    }

    /// F4: the towns view at 60x14 cut `计入合计的小镇 2/5` and the notes with no pointer.
    func testTownsViewAt60x14SaysTheCutSummaryAndNotes() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 60, height: 14, period: "2015-09")
            s.language = language
            let lines = screen(s)
            let content = try XCTUnwrap(s.content(for: s.screen))
            XCTAssertLessThan(Renderer.summaryShown(s, content), content.summary.count)
            let pointer = language == .zh ? "合计与说明另有" : "more total/note lines"
            XCTAssertTrue(lines.contains { $0.contains(pointer) }, "\(language):\n" + lines.joined(separator: "\n"))
            // Every town still shows (wave 21).
            for town in s.dataset.towns {
                let name = String(s.tr(Bilingual(town.nameZH, town.nameEN)).prefix(4))
                XCTAssertTrue(lines.contains { $0.contains(name) }, "\(language) \(name)")
            }
        }
    }
}
