import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Issue 14 point 6 (reachable): the assessment's notes, cut under the table at 80x24 and gone
/// at 60x14, open as a page from the table's last row and scroll there to every line.
final class AssessmentNotesTests: XCTestCase {
    func testEveryNoteIsReachableAtSmallSizesInBothLanguages() throws {
        for (w, h) in [(80, 24), (60, 14)] {
            for language in [Language.zh, .en] {
                var s = try bundledState(width: w, height: h, period: "2015-09")
                s.language = language
                s = apply(s, .showView(.assessment))
                let notes = try XCTUnwrap(s.content(for: s.screen)).notes.map { $0.text(.unicode) }
                let last = try XCTUnwrap(notes.last)
                XCTAssertTrue(last.hasPrefix(language == .zh ? "后果来源：" : "Consequences' sources: "), last)
                // Under the table the last note does not fit at these sizes (the test can fail).
                XCTAssertFalse(screen(s).joined().contains(String(last.suffix(12))), "\(w)x\(h) \(language)")
                s = apply(s, .last, .open)
                XCTAssertEqual(s.screen.kind, .assessmentNotes, "\(w)x\(h) \(language)")
                // Scrolled to the end, the page shows the last line of the last note.
                var seen = screen(s).joined(separator: "\n")
                for _ in 0..<40 {
                    s = apply(s, .pageDown)
                    seen += "\n" + screen(s).joined(separator: "\n")
                }
                let width = Renderer.bodyRect(width: w, height: h).width
                // The page names every town at stake, where the table's note cuts the list (w9-screens).
                for note in s.assessmentTable(wholeNames: true).notes.map({ $0.text(.unicode) }) {
                    for line in TextWrap.wrap(note, width: width) {
                        XCTAssertTrue(seen.contains(line), "\(w)x\(h) \(language): \(line) never shown")
                    }
                }
                XCTAssertEqual(apply(s, .back).screen.kind, .assessment)
            }
        }
    }

    func testWithAFilterTheNotesHaveARowOfTheirOwn() throws {
        var s = apply(try bundledState(width: 80, height: 24, period: "2015-09"), .showView(.assessment),
                      .toggleBehindFilter)
        XCTAssertTrue(screen(s).contains { $0.contains("说明 ›") }, screen(s).joined(separator: "\n"))
        s = apply(s, .last, .open)
        XCTAssertEqual(s.screen.kind, .assessmentNotes)
    }

    func testTheNotesPageKeepsItsMarksForASCII() throws {
        let s = apply(try bundledState(width: 80, height: 24, period: "2015-09"), .showView(.assessment), .last, .open)
        let page = s.pageLines(.assessmentNotes, width: 78)
        XCTAssertTrue(page.contains { $0.text(.unicode).contains("用地奖 ○") })
        XCTAssertTrue(page.contains { $0.text(.ascii).contains("用地奖 o") })
    }
}
