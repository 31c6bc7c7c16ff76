import Foundation
import TownsCore
import TownsSynthetic
import XCTest

@testable import TownsUI

/// Wave 19's fresh user's findings, fixed in wave 20: each in both languages, at 80x24, 100x30
/// and 60x14 where the screen is involved.
final class W20FreshUserTests: XCTestCase {
    static let sizes = [(80, 24), (100, 30), (60, 14)]

    func state(_ width: Int, _ height: Int, _ language: Language, period: String? = "2015-09") throws -> AppState {
        var s = try bundledState(width: width, height: height, period: period)
        s.language = language
        return s
    }

    func typed(_ state: AppState, _ text: String) -> AppState { text.reduce(state) { handle($0, .char($1)) } }

    /// 1. A period switch's message in one language (`期间 period: 2015年全年 2015 full year`).
    func testThePeriodMessageIsInOneLanguage() throws {
        for (w, h) in Self.sizes {
            for language in Language.allCases {
                let s = update(try state(w, h, language), .nextPeriod)
                let line = screen(s)[h - 2]
                if language == .zh {
                    XCTAssertEqual(s.message, "期间：2015年全年")
                    XCTAssertFalse(line.contains("period") || line.contains("full year"), line)
                } else {
                    XCTAssertEqual(s.message, "period: 2015 full year")
                    XCTAssertFalse(line.contains("期间") || line.contains("全年"), line)
                }
                XCTAssertTrue(line.contains(s.message!), "\(w)x\(h) \(language): \(line)")
            }
        }
    }

    /// 2. `:sort` Tab completion offers the other language's titles too, as `:sort` reads them.
    func testSortCompletionOffersBothLanguagesTitles() throws {
        for language in Language.allCases {
            var s = handle(try state(100, 30, language), .char(":"))
            s = typed(s, language == .zh ? "sort Don" : "sort 完成")
            s = handle(s, .tab)
            let completed = try XCTUnwrap(s.commandLine?.text)
            XCTAssertTrue(language == .zh ? completed.hasPrefix("sort Done") : completed.hasPrefix("sort 完成"),
                          "\(language): \(completed)")
            // Repeated Tab cycles through every title of that start, then Enter sorts by it.
            s = handle(s, .enter)
            let column = try XCTUnwrap(s.screen.sortColumn, "\(language): \(s.message ?? "")")
            var other = s
            other.language = language == .zh ? .en : .zh
            let title = try XCTUnwrap(other.sortableColumns(.townList).first { $0.index == column }?.title)
            XCTAssertEqual("sort " + title, completed)
            // The session's own titles come first.
            var own = handle(try state(100, 30, language), .char(":"))
            own = typed(own, "sort ")
            own = handle(own, .tab)
            XCTAssertEqual(own.commandLine?.text, "sort " + own.sortableColumns(.townList)[0].title)
        }
    }

    /// 3. The types view's list at 100 columns names a town where no whole name fits with the
    /// rest's count: the first cut, then `… 另 1 个` / `… and 1 more` (it showed `共 2 个`).
    func testTheTypesListNamesATownWhereNoWholeNameFits() throws {
        for (w, h) in Self.sizes {
            for language in Language.allCases {
                let s = update(try state(w, h, language), .showView(.typeList))
                let lines = screen(s)
                let row = try XCTUnwrap(lines.first { $0.hasPrefix("    1 ") })
                guard lines[3].contains(s.tr(Catalogue.townList)) else { continue }  // the column hidden
                XCTAssertFalse(row.hasSuffix(s.tr(Catalogue.namesCount("2"))), "\(w)x\(h) \(language): \(row)")
                XCTAssertTrue(row.contains(language == .zh ? "海宁" : "Hain"), "\(w)x\(h) \(language): \(row)")
                XCTAssertTrue(row.hasSuffix(s.tr(Catalogue.andMore("1"))) || row.hasSuffix("桐乡毛衫时尚小镇")
                              || row.hasSuffix("Tongxiang Sweater Fashion Town"), row)
            }
        }
        // The renderer's rule: whole names first; a cut name only with at least `cutNameCells` of it.
        let r = TableRenderer(theme: .monochrome, glyphs: .unicode)
        let list = ItemList(separator: "、", more: { "… 另 \($0) 个" }, count: { "共 \($0) 个" })
        XCTAssertEqual(r.fitItems("海宁皮革时尚小镇、桐乡毛衫时尚小镇", list, width: 25), "海宁皮革时尚小镇… 另 1 个")
        XCTAssertEqual(r.fitItems("海宁皮革时尚小镇、桐乡毛衫时尚小镇", list, width: 18), "海宁皮革… 另 1 个")
        XCTAssertEqual(r.fitItems("海宁皮革时尚小镇、桐乡毛衫时尚小镇", list, width: 12), "共 2 个")
        let ascii = TableRenderer(theme: .monochrome, glyphs: .ascii)
        XCTAssertEqual(ascii.fitItems("Haining Leather Fashion Town, Nanhu", ItemList(separator: ", ", more: {
            "… and \($0) more" }), width: 20), "Haining$ and 1 more", "the cut marked in ASCII too")
    }

    /// 4. The `&` prompt's hint fits or leaves whole clauses out (at 80 it ended `previous/ne`).
    func testTheNarrowingPromptsHintIsNeverCutMidWord() throws {
        for (w, h) in Self.sizes {
            for language in Language.allCases {
                for query in ["", "h", "hai", "海"] {
                    var s = handle(try state(w, h, language), .char("&"))
                    s = typed(s, query)
                    let line = screen(s)[h - 2]
                    // Ctrl-F's clause too, and the prompt `&` (wave 21: it was `/`, as the search's).
                    let clauses = s.tr(Catalogue.enterKeepsEscCancelsPrevious).components(separatedBy: "  ")
                        + [s.tr(Catalogue.ctrlFJumpsInstead)]
                    let prompt = "&" + query + "▏"
                    let start = try XCTUnwrap(line.range(of: prompt), line)
                    let hint = line[start.upperBound...].trimmingCharacters(in: .whitespaces)
                    var parts = hint.components(separatedBy: "  ")
                    if let message = s.message, !query.isEmpty {
                        let first = parts.removeFirst()
                        XCTAssertTrue(first == message || (first.hasSuffix("…") && message.hasPrefix(first.dropLast())),
                                      "\(w)x\(h) \(language) \(query): \(line)")
                    }
                    for part in parts {
                        XCTAssertTrue(clauses.contains(part), "\(w)x\(h) \(language) '\(query)': a clause cut: \(line)")
                    }
                }
            }
        }
        let line = Renderer.clausesFitting(["5 rows match \"h\" (Esc shows all)", "Enter keeps", "Esc cancels",
                                            "↑↓ previous/next"], width: 62, cut: "…")
        XCTAssertEqual(line, "5 rows match \"h\" (Esc shows all)  Enter keeps  Esc cancels")
        XCTAssertEqual(Renderer.clausesFitting(["a long message here", "x"], width: 12, cut: "…"), "a long…")
    }

    /// 5. The types view's note explains only the columns shown: at 60x14 落后 / Behind gives way,
    /// and its clause goes with it (a follower of a meeting at 60x14 read it explained).
    func testTheTypesNoteExplainsOnlyTheColumnsShown() throws {
        for (w, h) in Self.sizes {
            for language in Language.allCases {
                for following in [false, true] {
                    var s = update(try state(w, h, language), .showView(.typeList))
                    if following {
                        let presenter = update(try state(120, 30, .zh), .showView(.typeList))
                        s = update(s, .meeting(.joined(meeting: "demo", presenter: "root")))
                        let sent = try JSONDecoder().decode(
                            Session.self, from: try JSONEncoder().encode(presenter.session.forFollowers))
                        s = update(s, .meeting(.followed(sent, presenterData: "d", ownData: "d")))
                        s.message = nil
                    }
                    let lines = screen(s)
                    let body = lines.dropFirst(4).joined(separator: "").replacingOccurrences(of: " ", with: "")
                    for (title, clause) in language == .zh ? [("落后", "落后="), ("计入", "计入=")]
                        : [("Behind", "Behind="), ("Both", "Both=")] {
                        let shown = lines[3].contains(title)
                        XCTAssertEqual(body.contains(clause), shown,
                                       "\(w)x\(h) \(language) following \(following): \(lines.joined(separator: "\n"))")
                    }
                    XCTAssertTrue(body.contains(language == .zh ? "只计年计划和完成都已知的小镇" : "countonlytowns"), "the note stays")
                }
            }
        }
    }

    /// A dataset with a sheet imported under a long file name (as `towns import` titles its source).
    func importedData(sheet: String) throws -> (dir: String, dataset: Dataset) {
        let title = "月报 monthly sheet 2015-10: \(sheet), imported 2026-12-03 09:03"
        let dir = try bundledCopy("w20-ui", monthly: [
            "2015-10.toml": october2015Month(sourceTitle: title,
                                             figures: [("haining", "completed", "15.21", "line 3")])])
        return (dir, try DatasetLoader.load(directory: dir).dataset)
    }

    /// 6. An imported sheet's name keeps its end (the month) however narrow the changes view's
    /// source column: cut in the middle (at 80 columns it read `line 3 ui-jia…t-2015…`).
    func testAnImportedSheetsNameKeepsItsMonthInTheChangesView() throws {
        let (dir, dataset) = try importedData(sheet: "jiaxing-monthly-investment-report-2015-10.csv")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (w, h) in Self.sizes {
            for language in Language.allCases {
                var s = AppState(dataset: dataset, width: w, height: h)
                s.language = language
                s.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2015-10" })
                s.stack = [Screen(.changes)]
                let lines = screen(s)
                guard lines[3].contains(s.tr(Catalogue.sourceColumn)) else { continue }  // hidden at 60
                let row = try XCTUnwrap(lines.first { $0.contains("line 3") }, lines.joined(separator: "\n"))
                XCTAssertTrue(row.hasSuffix("2015-10.csv"), "\(w)x\(h) \(language): \(row)")
                XCTAssertTrue(row.contains("line 3"), row)
                XCTAssertEqual(row.components(separatedBy: "…").count, 2, "one cut: \(row)")
            }
        }
        let r = TableRenderer(theme: .monochrome, glyphs: .ascii)
        let cut = r.fitMiddle("line 3 jiaxing-2015-10.csv", width: 16)
        XCTAssertEqual(DisplayWidth.of(cut), 16)
        XCTAssertTrue(cut.hasPrefix("line") && cut.hasSuffix("-10.csv") && cut.contains("$"), cut)
        XCTAssertEqual(r.fitMiddle("short", width: 16), "short")
    }

    /// 7. A town ahead: the page's `超前 ≈0.6` and its formula's `= -0.61` say one fact (the
    /// formula goes on `，即超前 0.61` / `, i.e. 0.61 ahead`), the formula still shown.
    func testAheadAndItsFormulaSayOneFact() throws {
        // Generated data: the bundled towns are behind in every period shown.
        let dir = NSTemporaryDirectory() + "w20-ui-ahead-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 40, months: 14, seed: 3).write(to: dir, rules: nil)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        var found = 0
        for language in Language.allCases {
            var base = AppState(dataset: dataset, width: 100, height: 30)
            base.language = language
            for (p, period) in base.dataset.periods.enumerated() {
                for town in base.dataset.towns {
                    var s = base
                    s.periodIndex = p
                    let text = s.pageLines(.townPage(town.id), width: 96)
                        .map { $0.runs(.unicode).map(\.0).joined() }.joined(separator: " ")
                        .replacingOccurrences(of: "  ", with: " ")
                    let section = s.progressSection(town, period: period, amount: "x")
                    for item in section.items where [Catalogue.aheadField, Catalogue.abovePlanField].contains(item.label) {
                        guard case let .derived(formula) = item.figure.provenance,
                              let v = item.figure.quantity.exactValue else { continue }
                        found += 1
                        let size = DecimalMath.text(v, scale: 2)
                        let words = item.label == Catalogue.aheadField ? Catalogue.aheadBy(size) : Catalogue.abovePlanBy(size)
                        XCTAssertTrue(formula.hasSuffix("= -\(size)" + s.tr(words)), "\(town.id) \(period.id): \(formula)")
                        XCTAssertTrue(text.replacingOccurrences(of: " ", with: "")
                            .contains(s.tr(words).replacingOccurrences(of: " ", with: "")),
                                      "\(town.id) \(period.id) \(language): on the page: \(text)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(found, 0, "some town is ahead in some period")
    }

    /// 8. The changes view's names measured as drawn: in English (and under LANG=C, English and
    /// ASCII) a town's name is not cut to the Chinese names' 20 cells where the screen has room.
    func testTheChangesViewsNamesAreMeasuredAsDrawn() throws {
        for ascii in [false, true] {
            var s = update(try state(100, 30, .en), .showView(.changes))
            if ascii { s.chineseUnavailable = true }
            let renderer = Renderer(theme: .monochrome, glyphs: ascii ? .ascii : .unicode)
            let lines = renderer.render(s).lines()
            XCTAssertTrue(lines.contains { $0.hasPrefix(" Haining Leather Fashion Town ") }, lines.joined(separator: "\n"))
        }
        let zh = screen(update(try state(100, 30, .zh), .showView(.changes)))
        XCTAssertTrue(zh.contains { $0.hasPrefix(" 嘉善巧克力甜蜜小镇 ") }, zh.joined(separator: "\n"))
    }
}
