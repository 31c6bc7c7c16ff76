import TownsCore
@testable import TownsUI
import XCTest

/// The hint line at 80 columns keeps the keys a meeting needs most, in both languages
/// (wave 6, w6-screens point 2: English gave `b` and `y` way to `e` and `:`).
final class HintLineTests: XCTestCase {
    func testEightyColumnsKeepTheMeetingsKeysInBothLanguages() throws {
        for language in Language.allCases {
            for kind in [Screen.Kind.townList, .typeList, .assessment] {
                var s = try bundledState(width: 80, height: 24)
                s.language = language
                s = update(s, .showView(kind))
                let lines = screen(s)
                let line = lines[23]
                var keys = ["↑↓", "Enter", "e", "y", ":", "?", "q"]
                if kind == .townList { keys.append("b") }
                let shown = Renderer.keyHints(s, width: 80).map(\.0)
                for key in keys {
                    XCTAssertTrue(shown.contains(key), "\(key) in \(shown), \(kind) \(language)")
                    XCTAssertTrue(line.contains(" \(key) "), "\(key) drawn: \(line)")
                }
                // Drawn whole: the last hint's label ends before the edge.
                let last = try XCTUnwrap(Renderer.keyHints(s, width: 80).last)
                XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasSuffix(last.0 + " " + last.1), line)
            }
        }
    }

    /// Where every hint fits with the full words (100 columns), the line keeps them and the
    /// two spaces between hints.
    func testWideLinesKeepTheFullWords() throws {
        var s = try bundledState(width: 120, height: 30)
        s.language = .en
        let line = Renderer.keyHintLine(s, width: 120)
        XCTAssertEqual(line.gap, 2)
        XCTAssertTrue(line.hints.contains { $0 == ("/", "search") }, "\(line.hints)")
        XCTAssertTrue(line.hints.contains { $0 == (":", "command") }, "\(line.hints)")
    }
}
