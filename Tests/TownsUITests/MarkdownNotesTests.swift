import TownsCore
import XCTest

@testable import TownsUI

/// A Markdown export's notes under the table are list items: as consecutive plain lines,
/// Markdown joined them into one paragraph (a fresh user's assessment export read as one line).
final class MarkdownNotesTests: XCTestCase {
    func testEveryNoteIsItsOwnListItem() throws {
        for kind in [Screen.Kind.assessment, .townList] {
            var s = try bundledState(period: "2015-09")
            s.stack = [Screen(kind)]
            let printed = s.forPrint
            let expected = try XCTUnwrap(printed.content(for: printed.screen)).notes.count
            let md = try XCTUnwrap(s.exportOutput(.md, glyphs: .unicode)).text.components(separatedBy: "\n")
            let tableEnd = try XCTUnwrap(md.lastIndex { $0.hasPrefix("| ") })
            let after = md[(tableEnd + 1)...]
            let notesEnd = after.firstIndex { $0.hasPrefix("**") } ?? md.endIndex
            let notes = md[(tableEnd + 1)..<notesEnd]
            XCTAssertEqual(notes.first, "", "\(kind): a blank line after the table")
            let lines = notes.filter { !$0.isEmpty }
            XCTAssertGreaterThan(expected, kind == .assessment ? 1 : 0, "\(kind): notes to write")
            XCTAssertEqual(lines.count, expected, "\(kind): \(lines)")
            XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("- ") }, "\(kind): \(lines)")
        }
    }
}
