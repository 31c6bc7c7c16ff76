import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 23's fresh user's words and layout findings still open at wave 24 (F8, F17, F16, F24, the
/// sources line under `LANG=C`), each through `update` and the screen or export it makes, in both
/// languages.
final class W24WordsTests: XCTestCase {
    // MARK: F8: the province view

    /// The province view at 120x30 in `language`.
    func province(_ language: Language, glyphs: Glyphs = .unicode) throws -> (AppState, [String]) {
        var s = try bundledState(width: 120, height: 30)
        s.language = language
        s = update(s, .showView(.province))
        s.message = nil
        return (s, Renderer(theme: .monochrome, glyphs: glyphs).render(s).lines())
    }

    /// F8: the legend said `— unknown` (`— 未知`) though no cell was unknown: the `—` it saw was
    /// the paper's title's dash in the sources note (`…对策研究—以嘉兴市为例`). Prose is not a mark.
    func testTheProvinceLegendNamesNoUnknownForATitlesDash() throws {
        for language in Language.allCases {
            let (s, lines) = try province(language)
            XCTAssertTrue(lines.contains { $0.contains("研究—") },
                          "\(language): the source's title is shown with its dash:\n\(lines.joined(separator: "\n"))")
            let legend = lines[s.height - 2]
            XCTAssertFalse(legend.contains("—"), "\(language): \(legend)")
            XCTAssertFalse(legend.contains(language == .zh ? "未知" : "unknown"), "\(language): \(legend)")
        }
        // A dash standing alone (a cell's unknown) is still the mark; one after a letter is not.
        var grid = Grid(width: 20, height: 2)
        grid.put("研究—以", x: 0, y: 0, style: .plain, maxWidth: 20)
        grid.put("Plan — x", x: 0, y: 1, style: .plain, maxWidth: 20)
        let unknown = try XCTUnwrap(Renderer.legendSymbols(.unicode).firstIndex { $0 == [Glyphs.unicode.unknown] })
        XCTAssertTrue(Renderer.marksShown(in: grid, rows: Rect(x: 0, y: 1, width: 20, height: 1), glyphs: .unicode)
            .contains(unknown))
        XCTAssertFalse(Renderer.marksShown(in: grid, rows: Rect(x: 0, y: 0, width: 20, height: 1), glyphs: .unicode)
            .contains(unknown))
    }

    /// F8: the bar column had no heading; it is named, and the note says what it is.
    func testTheProvinceBarColumnHasAHeading() throws {
        for (language, heading, note) in [(Language.zh, "小镇数（比例）", "以所列最多的市为满格"),
                                          (.en, "Towns, to scale", "the city listing most filling the bar")] {
            let (s, lines) = try province(language)
            let header = try XCTUnwrap(lines.first { $0.contains(language == .zh ? "有数据" : "With figures") })
            XCTAssertTrue(header.contains(heading), "\(language): \(header)")
            let notes = s.provinceTable().notes.map { $0.text(.unicode) }
            XCTAssertTrue(notes[0].contains(heading), "\(language): \(notes[0])")
            XCTAssertTrue(notes[0].contains(note), "\(language): \(notes[0])")
        }
    }

    /// F8: the English breadcrumb of a city's list kept its Chinese name (`Province › 杭州`).
    func testACitysBreadcrumbIsInTheInterfacesLanguage() throws {
        for (language, crumb) in [(Language.zh, "全省 › 杭州"), (.en, "Province › Hangzhou")] {
            var (s, _) = try province(language)
            s = update(s, .open)
            XCTAssertEqual(s.screen.kind, .city("杭州"))
            let line = screen(s)[2]
            XCTAssertTrue(line.hasPrefix(" " + crumb), "\(language): \(line)")
        }
    }
}

extension W24WordsTests {
    // MARK: F17: an imported month's citation names its folder

    /// The bundled data with an imported Jan-Oct month (Jiashan's completed 6.0 at its line 4),
    /// at 2015-10 on Jiashan's page, in `language`.
    func jiashanOctober(_ language: Language) throws -> AppState {
        try jiashanOctoberPage("w24-words-f17", width: 120, height: 40, language: language)
    }

    /// F17: Jiashan's imported completed amount was cited as `2015-10.toml:19`, a file the data
    /// folder does not hold (it is `monthly/2015-10.toml`): on the page and in its export's sources.
    func testAnImportedMonthIsCitedByItsPathInTheDataFolder() throws {
        for language in Language.allCases {
            let s = try jiashanOctober(language)
            let page = s.pageLines(s.screen.kind, width: 120).map { $0.text() }
            let cited = page.filter { $0.contains("2015-10.toml:") }
            XCTAssertFalse(cited.isEmpty, "\(language): \(page)")
            for line in cited {
                XCTAssertTrue(line.contains("monthly/2015-10.toml:"), "\(language): \(line)")
                XCTAssertFalse(line.contains(" 2015-10.toml:") || line.contains(":2015-10.toml:"), "\(language): \(line)")
            }
            XCTAssertTrue(page.contains { $0.contains("figures.toml:") }, "the bundled figures keep their file's name")
            XCTAssertFalse(page.contains { $0.contains("/tmp") || $0.contains(s.dataset.directory) }, "no server path")
        }
        // The path as in the folder, however the loader spelled the folder.
        var d = try bundledState().dataset
        d.directory = "/x/Data"
        XCTAssertEqual(d.dataPath("/x/Data/monthly/2015-10.toml"), "monthly/2015-10.toml")
        XCTAssertEqual(d.dataPath("/x/Data/figures.toml"), "figures.toml")
        XCTAssertEqual(d.dataPath("/elsewhere/Data/monthly/2015-10.toml"), "monthly/2015-10.toml")
        XCTAssertEqual(d.dataPath("/elsewhere/Data/totals.toml"), "totals.toml")
        d.directory = "/x/Data/"
        XCTAssertEqual(d.dataPath("/x/Data/monthly/2016-01.toml"), "monthly/2016-01.toml")
    }

    /// F17 in a list's export: the towns view at Jan-Oct cites the import's file with its folder.
    func testAListExportCitesTheImportedMonthsFolder() throws {
        var s = try jiashanOctober(.en)
        s = update(s, .back)
        XCTAssertEqual(s.screen.kind, .townList)
        let content = try XCTUnwrap(s.listContent(.townList))
        let sources = s.exportFrame(for: content, glyphs: .unicode).sources.joined(separator: "\n")
        XCTAssertTrue(sources.contains("monthly/2015-10.toml:"), sources)
        XCTAssertFalse(sources.contains(" 2015-10.toml:"), sources)
    }

    // MARK: F16: a page export's ✓ under its checks

    /// F16: Haining's page export listed `✓ the rule is met`, though its only ✓ is a check passed
    /// (its Checks section). The legend says what it is there; where a page holds both, both.
    func testAPageExportsLegendWordsACheckPassed() throws {
        for (language, passed, both) in [
            (Language.zh, "✓   核对相符：数字经核对一致（见“核对”）", "✓   符合规则；在“核对”下：核对相符"),
            (.en, "✓   check passed: the figures agree when checked (see Checks)",
             "✓   the rule is met; under Checks: the check passed"),
        ] {
            var s = try bundledState()
            s.language = language
            s = update(s, .open)
            XCTAssertEqual(s.screen.kind, .townPage("haining"))
            let lines = s.pageLines(s.screen.kind, width: 120)
            let checks = try XCTUnwrap(lines.firstIndex { $0.text() == s.tr(Catalogue.checks) })
            XCTAssertTrue(lines[checks...].contains { $0.text().hasPrefix("✓") }, "a check passed is on the page")
            XCTAssertFalse(lines[..<checks].contains { $0.text().contains("✓") }, "no rule met on the page")
            let legend = s.exportFrame(page: lines, glyphs: .unicode).legend
            XCTAssertTrue(legend.contains(passed), "\(language): \(legend)")
            XCTAssertFalse(legend.contains { $0.contains(s.tr(Catalogue.exportMeansMet)) && !$0.contains(passed) },
                           "\(language): \(legend)")
            // A rule met above the checks as well: both meanings.
            let met = DetailLine.cell(CellText(.met) + " rule", .row)
            let bothLegend = s.exportFrame(page: [met] + lines, glyphs: .unicode).legend
            XCTAssertTrue(bothLegend.contains(both), "\(language): \(bothLegend)")
            // A ✓ only outside any checks: the rule met, as before.
            let plain = s.exportFrame(page: [met], glyphs: .unicode).legend
            XCTAssertEqual(plain, ["✓  " + s.tr(Catalogue.exportMeansMet)], "\(language)")
        }
    }

    /// F16 on the city's totals page, whose ✓ are only checks passed.
    func testTheCityTotalsExportWordsItsChecksPassed() throws {
        for language in Language.allCases {
            var s = try bundledState()
            s.language = language
            s = apply(s, .last, .moveDown, .open)
            XCTAssertEqual(s.screen.kind, .cityTotals)
            let lines = s.pageLines(s.screen.kind, width: 120)
            guard lines.contains(where: { $0.text().hasPrefix("✓") }) else { return XCTFail("no ✓ on the city's page") }
            let legend = s.exportFrame(page: lines, glyphs: .unicode).legend
            XCTAssertTrue(legend.contains { $0.hasPrefix("✓") && $0.contains(s.tr(Catalogue.exportMeansCheckPassed)) },
                          "\(language): \(legend)")
        }
    }

    // MARK: F24: the message log says what it dropped

    /// F24: `:messages` kept the last 500 and said nothing of older ones. After 503 messages its
    /// page says 3 were dropped; with none dropped, no such line.
    func testTheMessageLogSaysHowManyOlderMessagesWereDropped() throws {
        for (language, said) in [(Language.zh, "另有 3 条较早的消息已删去（只保留最近 500 条）"),
                                 (.en, "3 older messages dropped (only the last 500 are kept)")] {
            var s = try bundledState()
            s.language = language
            for i in 0..<502 { s = update(s, .runCommand("nosuch\(i)")) }
            XCTAssertEqual(s.messageLog.entries.count, 500)
            var few = try bundledState()
            few.language = language
            few = update(few, .runCommand("nosuch"))
            few = update(few, .runCommand("messages"))
            XCTAssertEqual(few.screen.kind, .messages)
            XCTAssertFalse(few.pageLines(.messages, width: 100).contains { $0.text().contains(language == .zh ? "删去" : "dropped") })
            s = update(s, .runCommand("messages"))  // `:messages` itself: logged? the count says
            XCTAssertEqual(s.screen.kind, .messages)
            let dropped = s.messageLog.dropped
            XCTAssertGreaterThanOrEqual(dropped, 2)
            let page = s.pageLines(.messages, width: 100).map { $0.text() }
            let expected = said.replacingOccurrences(of: "3", with: "\(dropped)")
            XCTAssertEqual(page[1], expected, "\(language): \(page.prefix(3))")
        }
    }

    // MARK: The sources line's section number under LANG=C

    /// Under `LANG=C` (the ASCII set, English: `Settings.chineseUnavailable`) the assessment's
    /// sources line drew the paper's section `一` as `??`: there the section is in Arabic numerals,
    /// `sec. 1`; under a UTF-8 locale it stays `一` as the data writes it, in either language.
    func testTheAssessmentsSourcesLineHasNoQuestionMarksUnderLANGC() throws {
        for (language, localeC, expected) in [(Language.en, true, "paper sec. 1 [rules.toml:"),
                                              (.en, false, "paper 一 [rules.toml:"), (.zh, false, "paper 一 [rules.toml:")] {
            var s = try bundledState(width: 140, height: 45)
            var settings = Settings()
            settings.chineseUnavailable = localeC
            s = update(s, .configure(settings))
            s.language = language
            s = update(s, .showView(.assessment))
            s.message = nil
            let notes = try XCTUnwrap(s.listContent(.assessment)).notes.map { $0.text(.ascii) }
            let sources = try XCTUnwrap(notes.first { $0.hasPrefix(s.tr(Catalogue.stakeSources)) }, "\(notes)")
            XCTAssertTrue(sources.contains(expected), "\(language) \(localeC): \(sources)")
            if localeC {
                XCTAssertTrue(sources.allSatisfy(\.isASCII), sources)
                let drawn = Renderer(theme: .monochrome, glyphs: .ascii).render(s).lines()
                let line = try XCTUnwrap(drawn.first { $0.contains("Consequences' sources") }, drawn.joined(separator: "\n"))
                XCTAssertTrue(line.contains("paper sec. 1"), line)
                // A town's page cites the paper's sections so too.
                var page = update(update(s, .showView(.townList)), .open)
                page.message = nil
                let text = page.pageLines(page.screen.kind, width: 120).map { $0.text(.ascii) }.joined(separator: "\n")
                // The industry's source without its Chinese quotation (`AppState.drawable`, wave 43): it drew `?`.
                for cited in ["reported: paper sec. 2(1)", "paper sec. 2(1)\n", "reported: paper sec. 2(2)",
                              "Problems (paper, section 3)", "reported: paper sec. 2(3) "] {
                    XCTAssertTrue(text.contains(cited), "\(cited): \(text)")
                }
                XCTAssertNil(text.range(of: "paper [一二三四]", options: .regularExpression), text)
            }
        }
        // Section numbers as the data writes them.
        for (at, arabic) in [("一", "1"), ("二(三)", "2(3)"), ("四(三)5", "4(3)5"), ("十二", "12"), ("二十", "20"),
                             ("三（五）", "3(5)")] {
            XCTAssertEqual(AppState.arabicSection(at), arabic, at)
        }
        for at in ["引言 (2015年浙江省政府工作报告)", "附件：第一批省级特色小镇创建名单", "line 3", "p. 4", ""] {
            XCTAssertNil(AppState.arabicSection(at), at)
        }
    }
}

/// Wave 24's fresh user's findings given to words (F2, F8, F9), each through `update` and the
/// screen drawn, in both languages.
final class W24WordsFreshTests: XCTestCase {
    /// The towns view sorted by the schedule variance, largest first (`:sort`, as the fresh user).
    func sortedBySched(_ language: Language, width: Int = 100, height: Int = 30) throws -> AppState {
        var s = try bundledState(width: width, height: height, period: "2015-09")
        s.language = language
        s = update(s, .runCommand("sort \(s.tr(Catalogue.sched)) desc"))
        let column = try XCTUnwrap(s.screen.sortColumn, "\(language): \(s.message ?? "")")
        XCTAssertEqual(s.listContent(.townList)?.columns[column].title, s.tr(Catalogue.sched))
        XCTAssertTrue(s.screen.sortDescending)
        return s
    }

    /// F2: `:town NAME` typed on the overview came back (Esc) to an unsorted towns view, and its
    /// export said `排序：数据原顺序`; Enter on a row or `:town` from the towns view kept the sort.
    func testTownFromTheOverviewKeepsTheTownsViewsSort() throws {
        for language in Language.allCases {
            let sorted = try sortedBySched(language)
            let list = screen(sorted)
            var s = update(sorted, .showView(.overview))
            s = update(s, .runCommand("town tongxiang"))
            XCTAssertEqual(s.screen.kind, .townPage("tongxiang"), "\(language)")
            s = update(s, .back)
            XCTAssertEqual(s.screen.kind, .townList)
            XCTAssertEqual(s.screen.sortColumn, sorted.screen.sortColumn, "\(language)")
            XCTAssertEqual(s.screen.sortDescending, true, "\(language)")
            XCTAssertEqual(s.screen.selected, .townPage("tongxiang"), "\(language): on the town it opened")
            var drawn = s
            drawn.message = nil
            var before = sorted
            before.message = nil
            before.screen.selected = s.screen.selected
            before.screen.plainRow = s.screen.plainRow
            before.screen.scroll = s.screen.scroll
            XCTAssertEqual(screen(drawn), screen(before), "\(language): the sorted list as it was")
            XCTAssertNotEqual(list, screen(try bundledState(period: "2015-09")), "the sort changes the list")
            // The export's heading names the sort.
            let heading = s.exportHeading()
            XCTAssertTrue(heading.contains { $0.hasPrefix(s.tr(Catalogue.exportSort)) && $0.contains(s.tr(Catalogue.sched)) },
                          "\(language): \(heading)")
            // The city by name from the overview: its totals page over the sorted towns view.
            var city = update(update(sorted, .showView(.overview)), .runCommand("town jiaxing"))
            XCTAssertEqual(city.screen.kind, .cityTotals)
            city = update(city, .back)
            XCTAssertEqual(city.screen.sortColumn, sorted.screen.sortColumn, "\(language): the city's page too")
        }
    }

    /// F8: presenting (`P`), sorted by 进度差, which the presentation layout leaves out: no column
    /// showed the sort's arrow. The sorted column is shown, with its arrow, as it is never dropped.
    func testPresentingTheSortedColumnIsShownWithItsArrow() throws {
        for language in Language.allCases {
            var s = try sortedBySched(language)
            s = update(s, .meeting(.togglePresentation))
            XCTAssertTrue(s.session.presentation)
            s.message = nil
            let lines = screen(s)
            // The table's header (under the title, the tabs and the breadcrumb, whose chip lists hidden columns).
            let header = lines[3]
            XCTAssertTrue(header.hasPrefix(" " + s.tr(Catalogue.town)), "\(language):\n\(lines.joined(separator: "\n"))")
            XCTAssertTrue(header.contains(s.tr(Catalogue.sched) + "↓"), "\(language): \(header)")
            // Not sorted by it, presenting leaves it out as before.
            var plain = try bundledState(width: 100, height: 30, period: "2015-09")
            plain.language = language
            plain = update(plain, .meeting(.togglePresentation))
            let plainHeader = screen(plain)[3]
            XCTAssertTrue(plainHeader.hasPrefix(" " + s.tr(Catalogue.town)), "\(language): \(plainHeader)")
            XCTAssertFalse(plainHeader.contains(s.tr(Catalogue.sched)), "\(language): \(plainHeader)")
        }
    }

    /// F9: the wall screen's "towns behind" step showed its filter's message (`筛选: 落后 — 3 个小镇`)
    /// on the status line for the whole step, in the legend's place: the ▼ the room watches went
    /// unexplained. The step shows the legend; the breadcrumb's chip says the filter.
    func testTheCyclesBehindStepShowsTheLegend() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 100, height: 30, period: "2015-09")
            s.language = language
            s = update(s, .meeting(.cycleStep))
            XCTAssertEqual(s.stack[0].kind, .townList)
            XCTAssertTrue(s.filter.behindSchedule)
            XCTAssertNil(s.message, "\(language)")
            let lines = screen(s)
            let legend = lines[s.height - 2]
            XCTAssertTrue(legend.contains(Glyphs.unicode.behind + (language == .zh ? " 落后" : " behind")), "\(language): \(legend)")
            XCTAssertTrue(lines[2].contains(language == .zh ? "落后" : "behind"), "\(language): the chip: \(lines[2])")
            // The steps after it show no message of the filter either.
            s = update(s, .meeting(.cycleStep))
            XCTAssertEqual(s.stack[0].kind, .typeList)
            XCTAssertNil(s.message)
        }
    }
}
