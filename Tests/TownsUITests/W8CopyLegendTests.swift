import TownsCore
@testable import TownsUI
import XCTest

/// Fresh users (w8 point 6): a copy (`y`) carried the marks (≈ † ◇ → ! ▼ ✦) without the legend
/// or the notes an export (`e`) has. It ends as a text export ends: the notes under the table,
/// then the legend of the marks it holds.
final class W8CopyLegendTests: XCTestCase {
    func testACopyEndsWithTheNotesAndTheLegendOfItsMarks() throws {
        for language in Language.allCases {
            for view in [Screen.Kind.townList, .overview, .changes, .typeList] {
                var s = try bundledState(width: 80, height: 24)
                s.language = language
                s = update(s, .showView(view))
                let copy = try XCTUnwrap(ClipboardText.of(s)).text
                let at = "\(view) \(language)"
                let content = try XCTUnwrap(s.forPrint.content(for: s.screen))
                let frame = s.forPrint.exportFrame(for: content, glyphs: .unicode)
                XCTAssertFalse(frame.legend.isEmpty, at)
                let lines = copy.components(separatedBy: "\n")
                let title = try XCTUnwrap(lines.lastIndex(of: frame.legendTitle), "\(at): the legend's title\n\(copy)")
                XCTAssertEqual(Array(lines[(title + 1)...].prefix(frame.legend.count)), frame.legend, at)
                for note in content.notes { XCTAssertTrue(lines.contains(note.text(.unicode)), "\(at): \(note)") }
                // Every mark the table's cells hold is explained (the marks the legend lists, by their glyph).
                let marks = ["≈", "†", "◇", "→", "!", "▼", "✦"]
                let table = lines[..<title].joined(separator: "\n")
                let legend = lines[title...].joined(separator: "\n")
                for mark in marks where table.contains(mark) {
                    XCTAssertTrue(legend.contains(mark + " "), "\(at): \(mark) explained\n\(legend)")
                }
            }
        }
    }

    /// A page's copy ends with its legend too (its own sources are among its lines).
    func testAPagesCopyEndsWithItsLegend() throws {
        let s = update(try bundledState(width: 80, height: 24), .open)
        XCTAssertTrue(s.screen.kind.isPage)
        let copy = try XCTUnwrap(ClipboardText.of(s)).text
        let frame = s.forPrint.exportFrame(page: s.forPrint.pageLines(s.screen.kind, width: 4096), glyphs: .unicode)
        XCTAssertFalse(frame.legend.isEmpty)
        XCTAssertTrue(copy.hasSuffix(([frame.legendTitle] + frame.legend).joined(separator: "\n") + "\n"), copy)
    }
}
