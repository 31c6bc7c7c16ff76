import Foundation
@testable import TownsUI
import XCTest

/// Review finding of wave 33: the towns view's pointer to the summary rows and notes a short
/// window leaves out (`Catalogue.summaryMoreTaller`, wave 32) wrapped every note again on every
/// frame; it counts them through the list memo (`ViewCache.noteLineCount`), as `notesReserved`
/// does. The same count on screen (the goldens and `W32NarrowNotesTests` pin it too).
final class W33SummaryPointerMemoTests: XCTestCase {
    func testThePointersNoteLinesComeFromTheMemo() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState(width: 60, height: 14, period: "2015-09")
            s.language = language
            let lines = screen(s)
            let content = try XCTUnwrap(s.content(for: s.screen))
            let width = Renderer.bodyRect(width: s.width, height: s.height).width
            XCTAssertFalse(content.notes.isEmpty)
            for note in content.notes {
                XCTAssertTrue(s.cache.remembersNoteLineCount(note.text(.unicode), width: width, maxLines: .max),
                              "\(language): counted through the memo: \(note.text(.unicode))")
            }
            // The count drawn is the summary rows left out and every note's wrapped lines.
            let wrapped = content.notes.reduce(0) { $0 + TextWrap.wrapAtWords($1.text(.unicode), width: width).count }
            let shown = 2  // the city's reported row and the towns' sum shown at 60x14 (`summaryShown`)
            let expected = content.summary.count - shown + wrapped
            let pointer = language == .zh ? "合计与说明另有 \(expected) 行" : "\(expected) more total/note lines"
            XCTAssertTrue(lines.contains { $0.contains(pointer) }, "\(pointer)\n" + lines.joined(separator: "\n"))
        }
    }
}
