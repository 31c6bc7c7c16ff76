import Foundation
import XCTest
import TownsCore
@testable import TownsUI

/// Wave 43's fresh user of this wave's build: a failed reload's Chinese line cut before its
/// reason, views a filter emptied saying untrue things, `…` lost under LANG=C, Chinese drawn as
/// `?` on a town's page under LANG=C, Nanhu's Jan-Aug plan without its `?` on its page, a file
/// naming a key, the sort chooser's `0` named two ways.
final class W43FreshUserTests: XCTestCase {
    let ascii = Renderer(theme: .monochrome, glyphs: .ascii)

    // MARK: 1. A failed reload's Chinese line keeps its reason

    /// The bundled data with figures.toml's line 80 `value = 93000`, loaded as a live reload
    /// loads it: the state after the failed reload, at 100x30.
    func failedReload(_ edit: (inout [String]) -> Void, language: Language) throws -> AppState {
        let dir = try bundledCopy("w43fresh-reload")
        let path = dir + "/figures.toml"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        edit(&lines)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var failure: LoadFailure?
        do { _ = try DatasetLoader.load(directory: dir) } catch let f as LoadFailure { failure = f }
        let issue = try XCTUnwrap(failure?.errors.first)
        func relative(_ t: String) -> String { t.replacingOccurrences(of: dir + "/", with: "") }
        let brief = issue.briefDescription(chinese: true).flatMap { zh in
            issue.briefDescription(chinese: false).map { Bilingual(relative(zh), relative($0)) }
        }
        var s = try bundledState(width: 100, height: 30)
        s.language = language
        return update(s, .reloadFailed(relative(issue.description(chinese: false)), more: 0,
                                       chinese: relative(issue.description(chinese: true)), brief: brief))
    }

    func testAFailedReloadInChineseIsCutInsideTheReasonNotBeforeIt() throws {
        for language in Language.allCases {
            let s = try failedReload({ $0[79] = "value = 93000" }, language: language)
            let line = screen(s)[28]
            XCTAssertTrue(line.hasPrefix(" figures.toml:80: figure[6].value"), line)
            XCTAssertTrue(line.contains("93000"), "the reason, not cut before it: \(line)")
            XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasSuffix(
                s.tr(Catalogue.notReloadedAfter) + s.tr(Catalogue.wholeInMessages)), line)
            // The line is filled: the reason runs to within a few columns of the edge.
            XCTAssertGreaterThanOrEqual(DisplayWidth.of(line.trimmingCharacters(in: .whitespaces)), 94, line)
        }
    }

    /// On `:messages`, which lists the problem whole, the status line still says the data was not
    /// reloaded (it stands until the files load) but does not point to `:messages`.
    func testOnMessagesTheCutLineHasNoPointerToItself() throws {
        for language in Language.allCases {
            var s = try failedReload({ $0[79] = "value = 93000" }, language: language)
            s.stack.append(Screen(.messages))
            let line = screen(s)[28]
            XCTAssertTrue(line.contains("93000"), line)
            XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasSuffix(s.tr(Catalogue.notReloadedAfter)), line)
            XCTAssertFalse(line.contains(s.tr(Catalogue.wholeInMessages).trimmingCharacters(in: .whitespaces)), line)
            XCTAssertTrue(screen(s).contains { $0.contains("93000") && $0 != line }, "listed whole above")
        }
    }

    func testAnUnknownMeasureKeepsItsReasonInChinese() throws {
        let s = try failedReload({ $0[77] = "measure = \"complete\"" }, language: .zh)
        let line = screen(s)[28]
        XCTAssertTrue(line.contains("「complete」"), line)
        XCTAssertGreaterThan(DisplayWidth.of(line.trimmingCharacters(in: .whitespaces)), 90, line)
        XCTAssertTrue(line.contains("（数据未更新）（全文见 :messages）"), line)
    }

    func testTheKeptTailsCutFillsAChineseLineWithoutBlanks() {
        let tail = "（数据未更新）"
        let text = "figures.toml:80: figure[6].value: 93000 亿元超出任何小镇可能的数额，请核对单位是否为亿元而非万元或元，此处应为一个小镇一年的投资额" + tail
        let line = Renderer.messageFitting(text, width: 98, pointer: "（全文见 :messages）", cut: "…",
                                           shorter: [text], keepingTail: tail)
        XCTAssertTrue(line.contains("93000 亿元超出"), line)
        XCTAssertTrue(line.hasSuffix("…" + tail + "（全文见 :messages）"), line)
        XCTAssertLessThanOrEqual(DisplayWidth.of(line), 98)
        XCTAssertGreaterThanOrEqual(DisplayWidth.of(line), 96, line)
    }

    // MARK: 2. Every view the filter empties says so

    func testEveryViewTheFilterEmptiesSaysSo() throws {
        for language in Language.allCases {
            for kind in [Screen.Kind.typeList, .entityList, .province, .changes, .townList] {
                var s = try bundledState(width: 100, height: 30, period: "2015-12")
                s.language = language
                s.stack = [Screen(kind)]
                s = apply(s, .toggleBehindFilter)
                let content = try XCTUnwrap(s.content(for: s.screen))
                XCTAssertEqual(content.rows.count, 0, "\(kind)")
                let said = s.tr(Catalogue.noTownsLeftByTheFilter(s.keyName(.clearFilter)))
                XCTAssertEqual(content.emptyText, said, "\(kind) \(language)")
                let lines = screen(s)
                XCTAssertTrue(lines.contains { $0.contains(said) }, "\(kind):\n" + lines.joined(separator: "\n"))
                // The breadcrumb names the view, without a clause about rows there are none of.
                XCTAssertFalse(lines[2].contains(s.tr(Catalogue.filterPartlyProvince))
                    || lines[2].contains(s.tr(Catalogue.filterPartlyOverview(s.dataset.regionZH))), lines[2])
                for untrue in ["province.toml 中没有城市", "no [[city]]", "两期间之间没有数据变化", "所列0镇"] {
                    XCTAssertFalse(lines.contains { $0.contains(untrue) }, "\(kind):\n" + lines.joined(separator: "\n"))
                }
            }
        }
    }

    /// The overview keeps its panels (the city's row is the city's reported figures, true whatever
    /// the filter), each saying the filter keeps no town: the types heading had nothing under it.
    func testTheOverviewTheFilterEmptiesSaysSoUnderTheTypesHeading() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 100, height: 40, period: "2015-12")
            s.language = language
            s.stack = [Screen(.overview)]
            s = apply(s, .toggleBehindFilter)
            let lines = screen(s)
            let types = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(" " + s.tr(Catalogue.overviewTypes)) },
                                      lines.joined(separator: "\n"))
            XCTAssertTrue(lines[types + 1].contains(s.tr(Catalogue.overviewNoTownListed)), lines.joined(separator: "\n"))
        }
    }

    // MARK: 3. Under LANG=C a busy line's `…` is `...`

    func testBusyLinesInASCIIKeepTheirEllipsis() throws {
        var s = try bundledState(width: 100, height: 30)
        s.language = .en
        let working = ascii.keyWorkingFrame(s).lines()[28]
        XCTAssertTrue(working.contains("working... ("), working)
        let exporting = ascii.exportingFrame(s).lines()[28]
        XCTAssertTrue(exporting.contains("exporting... ("), exporting)
        // The fold itself: a `…` before ` (` ends a text; before a word it is a blank.
        XCTAssertEqual(Grid.ascii("…", before: " ", then: "("), ".")
        XCTAssertEqual(Grid.ascii("…", before: " ", then: "a"), " ")
    }

    // MARK: 4. Under LANG=C no Chinese drawn as `?`

    func testATownPageUnderLangCLeavesOutItsChinese() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s.language = .en
        s.chineseUnavailable = true
        s.stack.append(Screen(.townPage("tongxiang")))
        let lines = ascii.render(s).lines()
        let all = lines.joined(separator: "\n")
        XCTAssertTrue(all.contains("Tongxiang Sweater Fashion Town"), all)
        XCTAssertTrue(all.contains("paper sec. 2(1)"), all)
        for line in lines.prefix(12) {
            XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), "not ASCII: \(line)")
        }
        // In a UTF-8 locale the Chinese name stays beside the English one.
        s.chineseUnavailable = false
        XCTAssertTrue(screen(s).joined().contains("Tongxiang Sweater Fashion Town  "), screen(s).joined(separator: "\n"))
        XCTAssertEqual(s.drawable("paper 二(一): 以时尚产业为主导"), "paper 二(一): 以时尚产业为主导")
        s.chineseUnavailable = true
        XCTAssertEqual(s.drawable("paper sec. 2(1): 以时尚产业为主导"), "paper sec. 2(1)")
        XCTAssertEqual(s.drawable("桐乡毛衫时尚小镇"), "")
        XCTAssertEqual(s.drawable("Jiaxing"), "Jiaxing")
    }

    // MARK: 5. Nanhu's plan from a later period: `?` on its page as in the list

    func testALaterPlanCarriesItsMarkOnThePage() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 120, height: 60, period: "2015-08")
            s.language = language
            s.stack.append(Screen(.townPage("nanhu")))
            let lines = screen(s)
            let plan = try XCTUnwrap(lines.first { $0.contains(s.tr("2015计划", "2015 plan")) }, lines.joined(separator: "\n"))
            XCTAssertTrue(plan.contains("≈15.0?"), plan)
            // At Jan-Sep the plan is known as of the period: no `?`.
            var sep = try bundledState(width: 120, height: 60, period: "2015-09")
            sep.language = language
            sep.stack.append(Screen(.townPage("nanhu")))
            let known = try XCTUnwrap(screen(sep).first { $0.contains(s.tr("2015计划", "2015 plan")) })
            XCTAssertTrue(known.contains("≈15.0") && !known.contains("≈15.0?"), known)
        }
    }

    // MARK: 6. An export of an emptied list names no key

    func testAnExportOfAnEmptiedListNamesNoKey() throws {
        for language in Language.allCases {
            var s = try bundledState(period: "2015-12")
            s.language = language
            s = apply(s, .toggleBehindFilter)
            let out = try XCTUnwrap(s.exportOutput(.csv, glyphs: .unicode))
            let meta = try XCTUnwrap(out.meta)
            XCTAssertTrue(meta.contains(s.tr(Catalogue.noTownsLeftByTheFilterInFile)), meta)
            XCTAssertFalse(meta.contains(s.tr(Catalogue.noTownsLeftByTheFilter(s.keyName(.clearFilter)))), meta)
            // The screen still names the key.
            XCTAssertTrue(screen(s).contains { $0.contains(s.tr(Catalogue.noTownsLeftByTheFilter(s.keyName(.clearFilter)))) })
        }
    }

    // MARK: 7. The sort chooser's `0` and Esc named as the line above names them

    func testTheSortChoosersHintLineNamesItsKeysAsTheChooser() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 60, height: 14, period: "2015-09")
            s.language = language
            s = handle(s, .char(">"))
            let hints = Renderer.keyHints(s, width: 60)
            let zero = try XCTUnwrap(hints.first { $0.0 == "0" })
            let esc = try XCTUnwrap(hints.first { $0.0 == "Esc" })
            let end = s.tr(Catalogue.sortChooserEnd)
            XCTAssertTrue(end.contains("0 " + zero.1), "\(end) / \(zero)")
            XCTAssertTrue(end.contains("Esc " + esc.1), "\(end) / \(esc)")
        }
    }

    /// One count of the columns left out reads the same with room or without (English `6 cols
    /// hidden` while following, it read `6 columns hidden` after).
    func testTheColumnsLeftOutCountIsWordedOneWay() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24, period: "2015-09")
            s.language = language
            XCTAssertEqual(s.tr(Catalogue.columnsLeftOutCount("6")), s.tr(Catalogue.columnsLeftOutShort("6")))
            s = apply(s, .toggleBehindFilter)
            XCTAssertFalse(screen(s)[2].contains("columns hidden"), screen(s)[2])
        }
    }
}
