import Foundation
import TownsCore
import XCTest

@testable import TownsUI

/// A report, an export and a copy are read away from the screen (on paper, in a spreadsheet,
/// in the minutes): they name no keys, name every town, wrap their notes at the width asked
/// for, say why a list is empty, and draw ASCII marks that cannot be read as signs.
final class PrintedReportTests: XCTestCase {
    /// Key names and key hints the screen's notes end with.
    let hints = ["Enter", "[ ]", ":changes", "Esc"]

    func states(period: String) throws -> [AppState] {
        let base = try bundledState(width: 100, height: 30, period: period)
        return AppState.topViews.flatMap { kind -> [AppState] in
            let s = update(base, .showView(kind))
            return [s, apply(s, .toggleLanguage)]
        }
    }

    func testReportsNameNoKeysWhereTheScreenDoes() throws {
        // The screen's notes do name them (so the test below could fail).
        let assessment = update(try bundledState(period: "2015-09"), .showView(.assessment))
        let assessmentNotes = try XCTUnwrap(assessment.content(for: assessment.screen)).notes
        XCTAssertTrue(assessmentNotes.contains { $0.text(.unicode).contains("Enter") })
        let changes = update(try bundledState(period: "2015-09"), .showView(.changes))
        let changesNotes = try XCTUnwrap(changes.content(for: changes.screen)).notes
        XCTAssertTrue(changesNotes.contains { $0.text(.unicode).contains("[ ]") })
        for period in ["2015-08", "2015-09"] {
            for s in try states(period: period) {
                for format in ExportRequest.Format.allCases {
                    for glyphs in [Glyphs.unicode, .ascii] {
                        let out = try XCTUnwrap(s.exportOutput(format, glyphs: glyphs, width: 80))
                        let text = out.text + (out.meta ?? "")
                        for hint in hints {
                            XCTAssertFalse(
                                text.contains(hint), "\(s.screen.kind) \(period) \(format): \(hint)\n\(text)")
                        }
                    }
                }
                let copy = try XCTUnwrap(ClipboardText.of(s)).text
                for hint in hints { XCTAssertFalse(copy.contains(hint), "copy of \(s.screen.kind): \(hint)\n\(copy)") }
            }
        }
    }

    func testAReportNamesEveryTown() throws {
        let s = update(try bundledState(width: 80, height: 24, period: "2015-09"), .showView(.assessment))
        // (On screen a stake's list of towns longer than 60 columns is compact: `… 另 N 个`.)
        for format in ExportRequest.Format.allCases {
            let out = try XCTUnwrap(s.exportOutput(format, glyphs: .unicode, width: 80))
            let text = out.text + (out.meta ?? "")
            XCTAssertFalse(text.contains("… 另"), "\(format)\n\(text)")
            let stake = try XCTUnwrap(text.range(of: "倒扣 ○ 3 镇"), "\(format)\n\(text)")
            let after = String(text[stake.upperBound...].prefix(200))
            for town in ["海宁皮革时尚小镇", "桐乡毛衫时尚小镇", "海盐核电小镇"] {
                XCTAssertTrue(after.contains(town), "\(format): \(town) not named\n\(after)")
            }
        }
        let en = try XCTUnwrap(apply(s, .toggleLanguage).exportOutput(.md, glyphs: .unicode)).text
        XCTAssertFalse(en.contains("more"), en)
        // The entities' names and towns whole where the page has room.
        let entities = update(try bundledState(period: "2015-09"), .showView(.entityList))
        let english = apply(entities, .toggleLanguage)
        let wide = try XCTUnwrap(english.exportOutput(.text, glyphs: .unicode, width: 200)).text
        XCTAssertTrue(wide.contains("Zhejiang Qiantang River Investment and Development Co., Ltd."), wide)
    }

    func testTextNotesAndSourcesWrapAtTheWidthAskedFor() throws {
        for width in [80, 100] {
            for s in try states(period: "2015-09") {
                let text = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode, width: width)).text
                let table = Set(ReportWidth.tableLines(s, width: width))
                for line in text.components(separatedBy: "\n") where !table.contains(line) {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "\(s.screen.kind) at \(width): \(line)")
                }
            }
        }
        // The assessment's notes held lines of 150 columns and more before.
        let s = update(try bundledState(period: "2015-09"), .showView(.assessment))
        let notes = try XCTUnwrap(s.content(for: s.screen)).notes.map { $0.text(.unicode) }
        XCTAssertTrue(notes.contains { DisplayWidth.of($0) > 100 })
    }

    func testAnEmptyChangesReportSaysWhy() throws {
        let s = update(try bundledState(period: "2015-08"), .showView(.changes))
        XCTAssertEqual(try XCTUnwrap(s.content(for: s.screen)).rows.count, 0)
        for format in ExportRequest.Format.allCases {
            let out = try XCTUnwrap(s.exportOutput(format, glyphs: .unicode))
            let zh = out.text + (out.meta ?? "")
            XCTAssertTrue(zh.contains("2015年1-8月 是该年数据中的第一个期间：没有可比的上一期间"), "\(format)\n\(zh)")
            let enOut = try XCTUnwrap(apply(s, .toggleLanguage).exportOutput(format, glyphs: .unicode))
            let en = enOut.text + (enOut.meta ?? "")
            XCTAssertTrue(
                en.contains("is the year's first period in the data: nothing to compare with"), "\(format)\n\(en)")
            XCTAssertFalse(en.contains("[ ]"), en)
        }
        // The screen still says which key changes the period.
        XCTAssertTrue(screen(s).joined(separator: "\n").contains("没有可比的上一期间（[ ] 换期间）"))
    }

    func testASCIIMarksAreNoSignsNorOperators() throws {
        let g = Glyphs.ascii
        for mark in [g.unknown, g.projected, g.rankUp, g.rankDown, g.newSince, g.derived] {
            XCTAssertEqual(mark.count, 1, "one cell: \(mark)")
            XCTAssertFalse("+-*/^=<>%".contains(mark), "\(mark) reads as a sign or an operator")
        }
        XCTAssertEqual(Set([g.unknown, g.projected, g.rankUp, g.rankDown, g.newSince, g.derived, g.interpreted,
                            g.basis, g.behind, g.met, g.notMet, g.undetermined]).count, 12, "each mark its own")
        // A place lost: `3 d1`, not `3 -1` (the bundled data has no move; the help shows both).
        XCTAssertEqual(CellText("3 \(Mark.rankDown)1").text(.ascii), "3 d1")
        let s = try bundledState(width: 200, height: 40, period: "2015-09")
        let help = Renderer.helpLines(s, glyphs: .ascii)
        XCTAssertTrue(help.contains { $0.0 == "u2 d1" }, "\(help)")
        // On screen: the overview's projections, the towns view's unknowns.
        let towns = asciiScreen(update(s, .showView(.townList))).joined(separator: "\n")
        XCTAssertTrue(towns.contains("_/_"), towns)
        let overview = asciiScreen(update(s, .showView(.overview))).joined(separator: "\n")
        XCTAssertTrue(overview.contains("p60.08") && overview.contains("p18.08"), overview)
        XCTAssertFalse(overview.contains("^"), overview)
        // The legend line and the report's legend say the same marks.
        XCTAssertTrue(overview.contains("p预测") || overview.contains("p 预测"), overview)
        let out = try XCTUnwrap(update(s, .showView(.overview)).exportOutput(.text, glyphs: .ascii)).text
        XCTAssertTrue(out.contains("\np  ") && out.contains("\nNA  "), out)
        // An arrow between words stays an arrow.
        var grid = Grid(width: 6, height: 1)
        _ = grid.put("大→小", x: 0, y: 0)
        grid.foldPunctuationToASCII()
        XCTAssertEqual(grid.lines()[0].trimmingCharacters(in: .whitespaces), "大>小")
    }

    func testASCIIReportsWriteTheMarksTheScreenDraws() throws {
        let s = try bundledState(width: 100, height: 30, period: "2015-09")
        // The overview's "towns a rule only informs about" (`·3`) was folded to `-3` on screen.
        let overview = update(s, .showView(.overview))
        let drawn = asciiScreen(overview).joined(separator: "\n")
        XCTAssertTrue(drawn.contains("期限 ?2 仅说明 3"), drawn)  // in words since wave 5: no legend listed the mark
        XCTAssertFalse(drawn.contains("?2 -3") || drawn.contains("?2 .3"), drawn)
        // Reports and exports in ASCII: the prose's marks and punctuation as the screen folds them.
        let page = update(update(s, .showView(.townList)), .open)
        let states = [overview, update(s, .showView(.assessment)), update(s, .showView(.changes)), page]
        for state in states + states.map({ apply($0, .toggleLanguage) }) {
            for format in ExportRequest.Format.allCases {
                guard let out = state.exportOutput(format, glyphs: .ascii, width: 100) else { continue }
                for text in [out.text, out.meta ?? ""] {
                    for ch in ["→", "≈", "·", "—", "…", "“", "Δ", "−"] {
                        XCTAssertFalse(text.contains(ch), "\(state.screen.kind) \(format): \(ch)\n\(text)")
                    }
                }
            }
        }
        let pageText = try XCTUnwrap(page.exportOutput(.text, glyphs: .ascii)).text
        XCTAssertTrue(pageText.contains("p18.08") && !pageText.contains("^18.08"), pageText)
        XCTAssertEqual(Grid.foldToASCII("大→小 →18.08 ≈18.6 “x” a — b…"), "大>小 p18.08 ~18.6 \"x\" a -- b...")
    }

    func testTheCSVGuardLeavesNegativeFiguresAlone() {
        // With a failed check's `!` and the ASCII dagger `*` and basis `&` too (fresh user, wave 13:
        // `-32.5▼!` was written `'-32.5▼!`), unless something follows that they could apply to.
        for number in ["-2.1▼", "-2.1v", "-54.3%", "-32.5", "-0.4", "-32.5▼!", "-32.5v!", "-3.1†", "-3.1*",
                       "-3.1◇", "-3.1&", "-3.1✦", "-3.1n", "-3.1!*", "-42.5%!"] {
            XCTAssertEqual(Export.csvField(number), number)
        }
        for formula in ["=1+1", "+cmd|' /C calc'!A0", "@SUM(A1)", "-A1", "-1+1", "-2.1)", "--1", "-",
                        "-1!A1", "-1*2", "-1&A1", "-1&x", "-1*A1", "-1!-1"] {
            XCTAssertEqual(Export.csvField(formula).first, formula.contains(",") ? "\"" : "'", formula)
        }
    }

    /// The bundled data's CSV exports hold no formula, so no cell is guarded: a negative figure
    /// with its marks (`-32.5▼!` on the city's report) is written as a number (fresh user, wave 13).
    func testTheBundledCSVExportsGuardNoFigure() throws {
        let s = try bundledState(width: 100, height: 30)
        var negatives = 0
        for kind in [Screen.Kind.townList, .changes, .assessment] {
            for glyphs in [Glyphs.unicode, .ascii] {
                let state = update(s, .showView(kind))
                guard let out = state.exportOutput(.csv, glyphs: glyphs, width: 100) else { continue }
                for line in out.text.split(separator: "\n") {
                    for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                        XCTAssertFalse(cell.hasPrefix("'"), "\(kind) \(cell): \(line)")
                        if cell.hasPrefix("-"), cell.dropFirst().first?.isNumber == true { negatives += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(negatives, 0, "no negative figure exported: the test would pass on anything")
    }

    func testCopyingTheOverviewCopiesItWhole() throws {
        let small = update(try bundledState(width: 80, height: 24, period: "2015-09"), .showView(.overview))
        // At 80x24 a panel is cut short on screen.
        let shown = screen(small).joined(separator: "\n")
        XCTAssertTrue(shown.contains("等") || shown.contains("… 另 "), shown)
        let copy = try XCTUnwrap(ClipboardText.of(small))
        let whole = try XCTUnwrap(small.exportOutput(.csv, glyphs: .unicode))
        XCTAssertEqual(copy.rows, whole.rows)
        let big = update(try bundledState(width: 200, height: 60, period: "2015-09"), .showView(.overview))
        XCTAssertEqual(try XCTUnwrap(ClipboardText.of(big)).text, copy.text)
        for rule in ["首年", "倒扣", "用地奖"] { XCTAssertTrue(copy.text.contains(rule), copy.text) }
        XCTAssertFalse(copy.text.contains("… 另"), copy.text)
    }
}

/// The lines of a text export's table (drawn as the screen draws it, so its width is the table's).
enum ReportWidth {
    static func tableLines(_ s: AppState, width: Int) -> [String] {
        guard let content = s.forPrint.content(for: s.screen) else { return [] }
        return Export.textTable(content, glyphs: Glyphs.unicode.forExport, width: width)
    }
}

/// The screen drawn in ASCII, as `--ascii` draws it.
func asciiScreen(_ state: AppState) -> [String] { Renderer(theme: .monochrome, glyphs: .ascii).render(state).lines() }

/// A printed table names every town, type and entity whole, at any `--width` (wider than it
/// where it must: `towns report` says so on stderr); on screen a name takes the room left.
final class WholeNamesTests: XCTestCase {
    func names(_ d: Dataset) -> [String] {
        d.towns.flatMap { [$0.nameZH, $0.nameEN] } + d.types.flatMap { [$0.nameZH, $0.nameEN] }
            + d.entities.flatMap { [$0.nameZH, $0.nameEN] }
    }

    /// The first name of `names` that `text` shows cut (a prefix of it followed by `…`).
    func cut(_ text: String, _ names: [String]) -> String? {
        names.first { name in (2..<name.count).contains { text.contains(String(name.prefix($0)) + "…") } }
    }

    func testEveryPrintedTableNamesEveryNameWhole() throws {
        for width in [60, 80, 100, 200] {
            let base = try bundledState(width: max(60, width), height: 30, period: "2015-09")
            let all = names(base.dataset)
            for kind in AppState.topViews {
                for s in [update(base, .showView(kind)), apply(update(base, .showView(kind)), .toggleLanguage)] {
                    let lines = ReportWidth.tableLines(s, width: width)
                    XCTAssertFalse(lines.isEmpty, "\(kind)")
                    let text = lines.joined(separator: "\n")
                    XCTAssertNil(cut(text, all), "\(kind) \(s.language) at \(width):\n\(text)")
                }
            }
        }
        // The test can fail: the screen at 80 columns does cut the English assessment's towns.
        let screenAt80 = apply(update(try bundledState(width: 80, height: 24, period: "2015-09"),
                                      .showView(.assessment)), .toggleLanguage)
        XCTAssertNotNil(cut(screen(screenAt80).joined(separator: "\n"), names(screenAt80.dataset)))
    }

    func testOnScreenANameTakesTheRoomLeft() throws {
        let s = apply(update(try bundledState(width: 160, height: 30, period: "2015-09"), .showView(.changes)),
                      .toggleLanguage)
        let text = screen(s).joined(separator: "\n")
        XCTAssertEqual(s.language, .en)
        XCTAssertTrue(text.contains("Haining Leather Fashion Town "), text)
    }

    func testAPrintedLayoutNeverCutsNames() {
        let columns = [
            Column("Name", priority: 100, minWidth: 4, maxWidth: 12),
            Column("Plan", .right, priority: 80),
            Column("List", priority: 50, maxWidth: 10, names: true),
            Column("Notes", priority: 40, maxWidth: 10),
        ]
        let rows = [TableRow([.plain("Haining Leather Fashion Town"), .plain("18.6"), .plain("Nanhu Fund Town"),
                              .plain("a note")])]
        // On screen at 30: the notes go, the name takes the 2 cells left past its maxWidth (12).
        XCTAssertEqual(TableLayout(columns: columns, rows: rows, width: 30).widths, [14, 4, 10, nil])
        // With room, the names pass their maxWidth.
        XCTAssertEqual(TableLayout(columns: columns, rows: rows, width: 80).widths, [28, 4, 15, 6])
        // In print: the screen's columns, the names whole, wider than asked.
        let printed = TableLayout(columns: columns, rows: rows, width: 30, wholeNames: true)
        XCTAssertEqual(printed.widths, [28, 4, 15, nil])
    }
}

/// Under `--ascii` a name cut where it does not fit ends in a mark no reader takes for
/// punctuation or for another mark of the set.
final class ASCIICutMarkTests: XCTestCase {
    func testACutNameEndsInTheCutMarkNotAFullStop() throws {
        let ascii = Glyphs.ascii
        let others = [ascii.unknown, ascii.derived, ascii.behind, ascii.marker, ascii.met, ascii.notMet,
                      ascii.undetermined, ascii.interpreted, ascii.basis, ascii.projected, ascii.newSince,
                      ascii.rankUp, ascii.rankDown, ascii.neutral, ascii.current, ascii.notYetDue, ascii.horizontal,
                      ascii.vertical, ascii.barEmpty, ascii.selectionMarker] + ascii.eighths
            + Array(Set(Grid.asciiPunctuation.values))
        XCTAssertFalse(others.contains(ascii.cut), ascii.cut)
        XCTAssertFalse(".,;:!'\"-".contains(ascii.cut), ascii.cut)
        XCTAssertEqual(DisplayWidth.of(ascii.cut), 1)
        XCTAssertEqual(TableRenderer(theme: .monochrome, glyphs: .ascii).fit("Haiyan Nuclear Power Town", width: 16),
                       "Haiyan Nuclear $")
        XCTAssertEqual(CellText.fit("Haiyan Nuclear Power Town", width: 16).text(.ascii), "Haiyan Nuclear $")
        XCTAssertEqual(CellText.fit("Haiyan Nuclear Power Town", width: 16).text(.unicode), "Haiyan Nuclear …")
        // On the English assessment at 80 columns in ASCII a town is cut: with `$`, never `.`.
        let s = apply(update(try bundledState(width: 80, height: 24, period: "2015-09"), .showView(.assessment)),
                      .toggleLanguage)
        let lines = asciiScreen(s)
        XCTAssertTrue(lines.contains { $0.contains(" Haining Leather Fashion$ ") },
                      lines.joined(separator: "\n"))
        for town in s.dataset.towns.map(\.nameEN) {
            for k in 4..<town.count {
                XCTAssertFalse(lines.contains { $0.contains(String(town.prefix(k)) + ".") }, "\(town)\n\(lines)")
            }
        }
    }
}
