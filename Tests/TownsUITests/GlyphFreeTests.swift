import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Lists hold cells that say what they are (`Mark`); the glyph set is applied when drawing,
/// so one list serves `--ascii` and Unicode.
final class GlyphFreeTests: XCTestCase {
    let ascii = Renderer(theme: .monochrome, glyphs: .ascii)

    func testEveryMarkIsOneCellInEveryGlyphSet() {
        for set in [Glyphs.unicode, .ascii] {
            for mark in Mark.allCases {
                XCTAssertEqual(DisplayWidth.of(set.glyph(mark)), 1, "\(mark) in \(set.unknown == "-" ? "ascii" : "unicode")")
            }
        }
        XCTAssertEqual(Set(Mark.allCases.map { Glyphs.unicode.glyph($0) }).count, Mark.allCases.count)
    }

    func testOneListServesBothGlyphSets() throws {
        for kind in AppState.topViews {
            let s = update(try bundledState(period: "2015-09"), .showView(kind))
            _ = plainRenderer.render(s)
            let first = try XCTUnwrap(s.list(for: s.screen))
            _ = ascii.render(s)
            let second = try XCTUnwrap(s.list(for: s.screen))
            XCTAssertTrue(first === second, "\(kind): the ASCII frame drew the same list")
        }
    }

    func testASCIIDrawsTheMarksInASCII() throws {
        let s = try bundledState(period: "2015-09")
        let lines = ascii.render(s).lines()
        let haining = try XCTUnwrap(lines.first { $0.contains("海宁皮革") })
        XCTAssertTrue(haining.contains("~18.6 ") && haining.contains("-2.1v") && haining.contains("-/-"), haining)
        for line in lines {
            for mark in Mark.allCases where mark != .undetermined {
                XCTAssertFalse(line.contains(Glyphs.unicode.glyph(mark)), "\(mark) drawn in Unicode: \(line)")
            }
        }
        let unicode = try XCTUnwrap(screen(s).first { $0.contains("海宁皮革") })
        XCTAssertTrue(unicode.contains("≈18.6 ") && unicode.contains("-2.1▼") && unicode.contains("—/—"), unicode)
        let rules = ascii.render(update(s, .showView(.assessment))).lines().joined(separator: "\n")
        XCTAssertTrue(rules.contains("Y 达标 met") && rules.contains("N 未达标 not met"), rules)
        XCTAssertFalse(rules.contains("✓") || rules.contains("✗"), rules)
    }

    func testCellsSayWhatTheyAre() throws {
        let s = try bundledState(period: "2015-09")
        let content = try XCTUnwrap(s.content(for: s.screen))
        let haining = content.rows[0].cells
        XCTAssertEqual(haining[3].cellText, "\(Mark.derived)18.6")
        XCTAssertEqual(haining[7].cellText, "-2.1\(Mark.behind)")
        let jiashan = content.rows[2].cells
        XCTAssertEqual(jiashan[4].cellText.leadingMark, .unknown)
        XCTAssertEqual(jiashan[4].text(.ascii), "-")
    }
}

/// A cell's text compares by what it reads, however it was put together.
final class CellTextTests: XCTestCase {
    func testTextsThatReadTheSameAreEqual() {
        XCTAssertEqual("ab" as CellText, CellText("a") + CellText("b"))
        XCTAssertEqual("\(Mark.derived)1\("8").60" as CellText, "\(Mark.derived)18.60")
        XCTAssertEqual(CellText(parts: [.text("x"), .text(""), .text("y")]).parts, [.text("xy")])
        XCTAssertNotEqual("\(Mark.unknown)" as CellText, CellText("—"), "a mark is not its glyph")
        XCTAssertEqual(("—/" as CellText) + "\(Mark.derived)30", CellText(parts: [.text("—/"), .mark(.derived), .text("30")]))
        XCTAssertEqual(("a" as CellText).text(.ascii), "a")
        XCTAssertEqual(("\(Mark.behind)" as CellText).text(.ascii), "v")
        XCTAssertEqual(CellText("").parts, [])
    }
}
