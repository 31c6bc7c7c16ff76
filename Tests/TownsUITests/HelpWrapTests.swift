import TownsCore
import XCTest

@testable import TownsUI

/// The help (`?`) wraps its explanations under their key: at 80x24 and 60x14, in both
/// languages, every entry is on screen whole (scrolling through it), none cut at the box's edge.
final class HelpWrapTests: XCTestCase {
    /// The help's rows as drawn, scrolling one row at a time: each screen's first row in the
    /// box, then the rest of the last screen.
    func helpRows(_ state: AppState) -> [String] {
        var s = apply(state, .first)
        var rows: [String] = []
        while true {
            let lines = screen(s)
            let before = s.helpScroll
            s = apply(s, .moveDown)
            if s.helpScroll == before {
                rows += lines[2...(state.height - 3)]
                break
            }
            rows.append(lines[2])
        }
        return rows
    }

    func squeezed(_ s: String) -> String { s.filter { $0 != " " && $0 != "│" } }

    func testNoHelpLineIsCutAt80x24Or60x14InEitherLanguage() throws {
        for (width, height) in [(80, 24), (60, 14)] {
            for language in [Language.zh, .en] {
                var s = try bundledState(width: width, height: height, period: "2015-09")
                s.language = language
                s = apply(s, .toggleHelp)
                let rows = helpRows(s)
                let drawn = squeezed(rows.joined())
                let entries = Renderer.helpLines(s, glyphs: .unicode)
                XCTAssertGreaterThan(rows.count, entries.count, "some entries wrap at \(width)")
                for (key, text) in entries where !(key + text).isEmpty {
                    let whole = squeezed(TerminalText.sanitize(key + text))
                    XCTAssertTrue(drawn.contains(whole), "\(width)x\(height) \(language): \(key) \(text)\n"
                                  + rows.joined(separator: "\n"))
                }
                XCTAssertEqual(Renderer.helpLineCount(s), rows.count, "\(width)x\(height) \(language)")
            }
        }
    }
}
