import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// `towns report --width 80` left columns out with nothing said (wave 28's fresh user): the text
/// report names them under its table, with how to have them; a report wide enough names none.
final class W28ReportColumnsTests: XCTestCase {
    func testATextReportNamesTheColumnsItsWidthLeftOut() throws {
        for language in Language.allCases {
            for kind in [Screen.Kind.townList, .typeList] {
                var s = try bundledState()
                s.language = language
                s.stack = [Screen(kind)]
                let narrow = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode, width: 80)).text
                let content = try XCTUnwrap(s.forPrint.content(for: s.screen))
                let table = Export.textTableLeavingOut(content, glyphs: Glyphs.unicode.forExport, width: 80)
                XCTAssertFalse(table.leftOut.isEmpty, "\(language) \(kind): some column gives way at 80")
                let header = try XCTUnwrap(table.lines.first)
                for title in table.leftOut { XCTAssertFalse(header.contains(title), "\(title) in \(header)") }
                let note = s.tr(Catalogue.reportColumnsLeftOut(table.leftOut.joined(separator: " "), width: "80"))
                XCTAssertTrue(narrow.filter { !$0.isWhitespace }.contains(note.filter { !$0.isWhitespace }),
                              "\(language) \(kind): \(narrow)")
                let wide = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode, width: 400)).text
                let none = s.tr(Catalogue.reportColumnsLeftOut("", width: "400")).prefix(6)
                XCTAssertFalse(wide.contains(none), "\(language) \(kind): nothing left out at 400")
            }
        }
    }
}
