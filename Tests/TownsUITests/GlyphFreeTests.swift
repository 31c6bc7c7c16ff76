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
        // Every mark its own glyph but `laterPlan`, a `?` as `undetermined` is (its reason told by the
        // legend, `Grid.marksNoted`; wave 36).
        let distinct = Mark.allCases.filter { $0 != .laterPlan }
        XCTAssertEqual(Set(distinct.map { Glyphs.unicode.glyph($0) }).count, distinct.count)
        XCTAssertEqual(Glyphs.unicode.glyph(.laterPlan), Glyphs.unicode.glyph(.undetermined))
        XCTAssertEqual(Glyphs.ascii.glyph(.laterPlan), Glyphs.ascii.glyph(.undetermined))
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
        XCTAssertTrue(haining.contains("~18.6 ") && haining.contains("-2.1v") && haining.contains("_/_"), haining)
        for line in lines {
            for mark in Mark.allCases where mark != .undetermined && mark != .laterPlan {
                XCTAssertFalse(line.contains(Glyphs.unicode.glyph(mark)), "\(mark) drawn in Unicode: \(line)")
            }
        }
        let unicode = try XCTUnwrap(screen(s).first { $0.contains("海宁皮革") })
        XCTAssertTrue(unicode.contains("≈18.6 ") && unicode.contains("-2.1▼") && unicode.contains("—/—"), unicode)
        // The legend lists only the marks the cells draw (since wave 33, `W33AssessmentLegendTests`): at
        // Jan-Sep `?` and `○`, at the full year `✓` too; each in ASCII.
        let rules = ascii.render(update(s, .showView(.assessment))).lines().joined(separator: "\n")
        XCTAssertTrue(rules.contains("o 未到期"), rules)
        XCTAssertFalse(rules.contains("✓") || rules.contains("✗") || rules.contains("○"), rules)
        let year = try bundledState(period: "2015-12")
        let yearRules = ascii.render(update(year, .showView(.assessment))).lines().joined(separator: "\n")
        XCTAssertTrue(yearRules.contains("Y 达标"), yearRules)
        XCTAssertFalse(yearRules.contains("✓") || yearRules.contains("✗") || yearRules.contains("○"), yearRules)
    }

    /// A town's page and the city's totals are glyph-free too: made once, drawn by either set.
    func testOnePageServesBothGlyphSets() throws {
        let start = try bundledState(period: "2015-09")
        for (name, actions) in [("town", [Action.open]), ("city", [.last, .moveDown, .open])] {
            let s = actions.reduce(start) { update($0, $1) }
            XCTAssertTrue(s.screen.kind.isPage, name)
            _ = plainRenderer.render(s)
            let made = s.cache.pagesMade
            let drawn = ascii.render(s).lines()
            _ = plainRenderer.render(s)
            XCTAssertEqual(s.cache.pagesMade, made, "\(name): the ASCII frame drew the same page")
            XCTAssertFalse(drawn.joined().isEmpty)
        }
    }

    /// With `--ascii`, no Unicode mark, bar or arrow on a page, in the title or in the hints.
    /// (Prose keeps its punctuation: a formula's "plan ≈18.6" or a source's "—" is text.)
    func testASCIIPagesAndFrameDrawNoUnicode() throws {
        let start = try bundledState(width: 120, height: 40, period: "2015-09")
        let marks: [Mark] = [.behind, .met, .notMet, .neutral, .interpreted, .basis, .current]
        let neverProse = Set(marks.map { Glyphs.unicode.glyph($0) })
            .union(Glyphs.unicode.eighths + ["↑", "↓"])
        for (name, actions) in [("towns", []), ("town", [Action.open]), ("city", [.last, .moveDown, .open])] {
            let s = actions.reduce(start) { update($0, $1) }
            let frame = ascii.render(s).lines()
            XCTAssertTrue(frame[0].hasPrefix(" towns - "), frame[0])
            XCTAssertTrue(frame.last!.contains("U/D"), frame.last!)
            var lines = frame
            if s.screen.kind.isPage {
                let page = s.pageLines(s.screen.kind, width: Renderer.bodyRect(width: s.width, height: s.height).width)
                lines += page.map { $0.text(.ascii) }
                // The same page in Unicode does carry them (the test can fail).
                let drawn = page.map { $0.text(.unicode) }.joined()
                XCTAssertTrue(drawn.contains("✓"), name)
            }
            for line in lines {
                for glyph in neverProse {
                    XCTAssertFalse(line.contains(glyph), "\(name): \(glyph) drawn with --ascii: \(line)")
                }
            }
        }
        let page = update(start, .open)
        let lines = page.pageLines(page.screen.kind, width: 118).map { $0.text(.ascii) }
        let history = try XCTUnwrap(lines.first { $0.hasPrefix("2015年1-9月") })
        XCTAssertTrue(history.contains("-2.1v") && history.contains("######|---"), history)
        let all = lines.joined(separator: "\n")
        XCTAssertTrue(lines.contains { $0.hasSuffix("2015年1-9月  < 当前期间") }, all)
        XCTAssertTrue(lines.contains { $0.hasPrefix("应完成") && $0.contains(" ~14.0 亿元") }, all)
        XCTAssertTrue(lines.contains { $0.hasPrefix("全年预测") && $0.contains(" p18.08") }, all)
        let help = ascii.render(update(start, .toggleHelp)).lines().joined(separator: "\n")
        XCTAssertTrue(help.contains("Up k"), help)
        XCTAssertFalse(help.contains("↑") || help.contains("↓"), help)
    }

    func testCellsSayWhatTheyAre() throws {
        let s = try bundledState(period: "2015-09")
        let content = try XCTUnwrap(s.content(for: s.screen))
        let haining = content.rows[0].cells
        XCTAssertEqual(haining[3].cellText, "\(Mark.derived)18.6")
        XCTAssertEqual(haining[7].cellText, "-2.1\(Mark.behind)")
        let jiashan = content.rows[2].cells
        XCTAssertEqual(jiashan[4].cellText.leadingMark, .unknown)
        XCTAssertEqual(jiashan[4].text(.ascii), "_")
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
