import Foundation
import TownsCore
import XCTest

@testable import TownsUI

/// Issue 15 point 8 (more of `LayoutTests`): filters never move a column; the legend never
/// cuts its unit; long names are cut with … in the title, the breadcrumb and a page; a
/// province's totals are the province's; a town page's long values do not squeeze their notes.
extension LayoutTests {
    func command(_ state: AppState, _ text: String) -> AppState {
        let s = text.reduce(handle(state, .char(":"))) { handle($0, .char($1)) }
        return update(s, route(.enter, in: s))
    }

    /// `b` (and `:filter`, `&`) keep the header where it was: the same titles at the same columns.
    func testFiltersNeverMoveAColumn() throws {
        for (w, h) in [(80, 24), (100, 30), (120, 40)] {
            for language in Language.allCases {
                var s = apply(try bundledState(width: w, height: h, period: "2015-09"), .resize(width: w, height: h))
                s.language = language
                let header = screen(s)[3]
                let behind = apply(s, .toggleBehindFilter)
                XCTAssertEqual(behind.content(for: behind.screen)?.rows.count, 3)
                XCTAssertEqual(screen(behind)[3], header, "b moved a column at \(w)x\(h) \(language)")
                let county = command(s, "filter county 海宁市")
                XCTAssertEqual(screen(county)[3], header, ":filter moved a column at \(w)x\(h) \(language)")
                var narrowed = handle(s, .char("&"))
                narrowed = "nanhu".reduce(narrowed) { handle($0, .char($1)) }
                narrowed = handle(narrowed, .enter)
                XCTAssertEqual(narrowed.content(for: narrowed.screen)?.rows.count, 1)
                XCTAssertEqual(screen(narrowed)[3], header, "& moved a column at \(w)x\(h) \(language)")
                // The bar keeps its width too: the first row's bar ends where it did.
                let haining = try XCTUnwrap(screen(s).first { $0.contains(language == .zh ? "海宁" : "Haining") })
                let filtered = try XCTUnwrap(screen(behind).first { $0.contains(language == .zh ? "海宁" : "Haining") })
                XCTAssertEqual(filtered, haining, "b changed Haining's row at \(w)x\(h) \(language)")
            }
        }
    }

    /// At every width from the smallest to a wide one, the legend fits and ends with its unit.
    func testTheLegendNeverCutsItsUnit() {
        for width in Renderer.minimumWidth...220 {
            for glyphs in [Glyphs.unicode, .ascii] {
                let en = Renderer.legend(width: width - 1, glyphs: glyphs, unit: "亿元", language: .en)
                XCTAssertLessThanOrEqual(DisplayWidth.of(en), width - 1, en)
                XCTAssertTrue(en.hasSuffix("unit 100M yuan"), "\(width): \(en)")
                let zh = Renderer.legend(width: width - 1, glyphs: glyphs, unit: "亿元", language: .zh)
                XCTAssertLessThanOrEqual(DisplayWidth.of(zh), width - 1, zh)
                XCTAssertTrue(zh.hasSuffix("亿元"), "\(width): \(zh)")
            }
        }
        // At 80 columns every marker is still named.
        let at80 = Renderer.legend(width: 79, glyphs: .unicode, unit: "亿元", language: .en)
        for g in ["≈", "†", "◇", "→", "—", ">N", "!", "▼", "│"] { XCTAssertTrue(at80.contains(g), at80) }
    }

    /// A name too long for its place is cut with … in the title, the breadcrumb, a list and
    /// the page's header, never cut off silently.
    func testLongNamesAreCutWithAnEllipsisEverywhere() throws {
        var dataset = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        dataset.nameEN = "The first provincial characteristic towns of Jiaxing, as listed on 2015-06-04 and reported"
        dataset.towns[0].nameEN = "Haining Leather Fashion Town of the Haining China Leather City and its Partners"
        var s = AppState(dataset: dataset, width: 80, height: 24)
        s.stack = [Screen(.townList)]
        s.language = .en
        let list = screen(s)
        XCTAssertTrue(list[0].contains("…") && list[0].contains("period ["), list[0])
        // Cut one cell earlier since the variance column holds a flagged `-32.5▼!` (w9).
        XCTAssertTrue(list[4].contains("Haining Leather Fashion To…"), list[4])
        let page = screen(apply(s, .open))
        XCTAssertTrue(page[2].contains("Towns › Haining Leather Fashion Town of the") && page[2].contains("…"), page[2])
        XCTAssertTrue(page[3].hasSuffix("…"), "the page's header: \(page[3])")
        XCTAssertEqual(DisplayWidth.of(page[3]), 79, page[3])
    }

    /// A long value on the English town page takes lines of its own; its note stays in the
    /// notes' column at a readable width (not "二(一)" alone on a line), and the history's
    /// titles are apart.
    func testTheEnglishTownPageKeepsNotesReadable() throws {
        var s = apply(try bundledState(width: 80, height: 60, period: "2015-09"), .toggleLanguage, .open)
        s.message = nil
        let page = screen(s)
        let all = page.joined(separator: "\n")
        XCTAssertFalse(page.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("二(") }, all)
        XCTAssertFalse(page.contains { $0.trimmingCharacters(in: .whitespaces) == "paper" }, all)
        XCTAssertTrue(page.contains { $0.contains("Done%") && $0.contains(" Expected") && !$0.contains("%Expected") },
                      page.joined(separator: "\n"))
        // Every note line starts in the notes' column or at the label's.
        XCTAssertTrue(page.contains { $0.hasPrefix(" Type                1 Creative design") }, all)
        // The notes' column: the margin, the labels' 20 cells, the values' (by display width, w9-screens).
        let notes = 1 + 20 + AppState.valueColumn(base: 14, amount: "100M yuan")
        XCTAssertTrue(page.contains { $0.hasPrefix(String(repeating: " ", count: notes) + "reported: paper 二(一)") },
                      page.joined(separator: "\n"))
    }

    /// A dataset of a province labels its totals for the province (全省), a city's for the city.
    func testAProvincesTotalsAreTheProvinces() throws {
        XCTAssertEqual(Catalogue.whole("浙江省"), "全省")
        XCTAssertEqual(Catalogue.whole("嘉兴市"), "全市")
        XCTAssertEqual(Catalogue.whole("海盐县"), "全县")
        var dataset = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        dataset.regionZH = "浙江省"
        var s = AppState(dataset: dataset, width: 100, height: 30)
        s.stack = [Screen(.townList)]
        let lines = screen(s)
        XCTAssertTrue(lines.contains { $0.contains("全省报告 浙江省") }, lines.joined(separator: "\n"))
        XCTAssertFalse(lines.contains { $0.contains("全市") }, lines.joined(separator: "\n"))
        let overview = screen(apply(s, .showView(.overview)))
        XCTAssertTrue(overview.contains { $0.hasPrefix(" 全省 浙江省") }, overview.joined(separator: "\n"))
        XCTAssertFalse(overview.contains { $0.contains("全市") }, overview.joined(separator: "\n"))
    }

    /// The ASCII glyph set writes the interface's typographic punctuation in ASCII: a cut name
    /// ends with `$` (`Glyphs.cut`, not `.`), quotes are straight, dashes are `-` (a non-UTF-8
    /// terminal shows them blank).
    func testTheASCIIGlyphsWriteTheInterfacesPunctuationInASCII() throws {
        var s = try bundledState(width: 80, height: 24, period: "2015-09")
        s.language = .en
        let lines = Renderer(theme: .monochrome, glyphs: .ascii).render(s).lines()
        XCTAssertTrue(lines[0].contains("characteristic$ period ["), lines[0])
        let all = lines.joined(separator: "\n")
        XCTAssertTrue(lines.contains { $0.contains("Haining Leather Fashion To$ ~18.6") }, all)
        // The note on the projects column's † figures, drawn where the column is (not at 80x24).
        s.width = 120
        s.height = 40
        let wide = Renderer(theme: .monochrome, glyphs: .ascii).render(s).lines()
        XCTAssertTrue(wide.contains { $0.contains("the paper's \"30 projects in total\")") },
                      wide.joined(separator: "\n"))
        XCTAssertTrue(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }, lines.joined(separator: "\n"))
    }

    /// "One number of decimals per column" as far as data fidelity allows: a reported 50% stays
    /// 50% (not 50.0%) and a derived figure keeps the digits its inputs support, so every numeric
    /// column of every view draws its numbers with their units digits in one screen column
    /// (50% under 30.4%, ◇>14 under ◇63.06), whatever the decimals. Left out: a count of a count
    /// ("2/5", "39/89"), drawn whole at the edge, and a figure a check flags (its `!` stands
    /// outside the column's figures).
    func testEveryNumericColumnLinesUpItsUnitsDigits() throws {
        let kinds: [Screen.Kind] = [
            .townList, .typeList, .townsOfType(1), .townsOfType(3), .entityList, .townsOfEntity(nil), .assessment,
            .province, .city("嘉兴市"), .reference,
        ]
        var checked = 0
        for period in ["2015-08", "2015-09", "2015-12"] {
            for kind in kinds {
                for language in Language.allCases {
                    for width in [80, 120] {
                        var s = try bundledState(width: width, height: 40, period: period)
                        s.language = language
                        s.stack = [Screen(kind)]
                        let content = try XCTUnwrap(s.content(for: s.screen), "\(kind)")
                        let rows = content.rows.all + content.summary
                        let layout = TableLayout(columns: content.columns, rows: rows, width: width)
                        var grid = Grid(width: width, height: rows.count + 3)
                        TableRenderer(theme: .monochrome, glyphs: .unicode).draw(
                            into: &grid, rect: Rect(x: 0, y: 0, width: width, height: rows.count + 3),
                            columns: content.columns, layout: layout, rows: content.rows, selection: nil, scroll: 0,
                            summary: content.summary)
                        var x = 0
                        for (c, w) in layout.widths.enumerated() {
                            guard let w else { continue }
                            defer { x += w + layout.columnGap }
                            guard content.columns[c].alignment == .right else { continue }
                            var unitsColumns: [Int: String] = [:]
                            // Body rows from line 1, summary rows after the rule.
                            let lines = Array(1...content.rows.count) + content.summary.indices.map {
                                content.rows.count + 2 + $0 }
                            for (row, y) in zip(rows, lines) {
                                guard c < row.cells.count, case let .text(t, _) = row.cells[c] else { continue }
                                let text = t.text(.unicode).trimmingCharacters(in: .whitespaces)
                                let units = "[0-9]+(?=(\\.[0-9]+)?[^0-9]*$)"
                                guard !text.hasSuffix("!"), !text.contains("/"),
                                      let r = text.range(of: units, options: .regularExpression)
                                else { continue }
                                // Where the text is drawn: the first of its cells in the column's span.
                                let span = (x..<(x + w)).map { grid[$0, y].text }
                                guard let start = span.firstIndex(where: { $0 != " " }) else { continue }
                                unitsColumns[x + start + DisplayWidth.of(String(text[..<r.upperBound])) - 1] = text
                                checked += 1
                            }
                            XCTAssertLessThanOrEqual(
                                unitsColumns.count, 1,
                                "\(kind) \(period) \(language) \(width): \(content.columns[c].title) \(unitsColumns)")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 500, "numbers were found and compared")
    }
}
