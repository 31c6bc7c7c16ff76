import Foundation
import TownsCore
import XCTest

@testable import TownsUI

/// Wave 29 (w29-lay): wave 28's fresh user's findings on layout, still open at wave 28's end
/// (README "Known gaps").

/// Finding 1: the types view in English at 80x24 left out its bars without saying so; a column
/// left out for width is named on the breadcrumb line, as the towns view names its `Progress`.
final class W29LayBarsLeftOutTests: XCTestCase {
    func testTheTypesViewNamesItsBarsWhereTheWidthLeavesThemOut() throws {
        var s = try bundledState(width: 80, height: 24, period: "2015-09")
        s.language = .en
        s = update(s, .showView(.typeList))
        let lines = screen(s)
        XCTAssertFalse(lines[4].contains("█"), "the bars give way at 80 columns in English: \(lines[4])")
        XCTAssertTrue(lines[2].contains("columns left out: Progress Town list"), lines[2])
        // `:columns` names them too, and from what width they show.
        let listed = ColumnsList.message(update(s, .runCommand("columns")))
        XCTAssertTrue(listed.contains("Progress (from "), listed)
        // In Chinese at 80 columns the bars show: not named as left out.
        s.language = .zh
        let zh = screen(s)
        XCTAssertTrue(zh[4].contains("█"), zh[4])
        XCTAssertTrue(zh[2].contains("未显示列: 小镇名单") && !zh[2].contains("进度"), zh[2])
        // The header over the bars stays blank, and an export still leaves them out.
        XCTAssertFalse(zh[3].contains("进度"), zh[3])
        let content = try XCTUnwrap(s.list(for: s.screen)).content
        XCTAssertFalse(Export.table(content, glyphs: .unicode).header.contains("进度"))
    }

    /// The overview at 60x14 leaves its bars out: named, as the types view's.
    func testTheOverviewNamesItsBarsLeftOutAt60Columns() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 60, height: 14, period: "2015-09")
            s.language = language
            s = update(s, .showView(.overview))
            let lines = screen(s)
            XCTAssertFalse(lines.contains { $0.contains("█") }, lines.joined(separator: "\n"))
            XCTAssertTrue(lines[2].contains(language == .zh ? "未显示列: 进度" : "columns left out: Progress"), lines[2])
        }
    }
}

/// Finding 2: presenting on a type's towns (types view, Enter) at 80x24 the chip dropped the
/// meeting's name (`1 following`); it keeps it, as on the other views (`W28PresenterChipTests`).
final class W29LayTypePageChipTests: XCTestCase {
    func testThePresentersChipNamesTheMeetingOnEveryListAndWhatEnterOpensAt80Columns() throws {
        for language in Language.allCases {
            for glyphs in [Glyphs.unicode, .ascii] {
                let renderer = Renderer(theme: .monochrome, glyphs: glyphs)
                for view in AppState.topViews {
                    var s = try bundledState(width: 80, height: 24, period: "2015-09")
                    s.language = language
                    s = update(s, .showView(view))
                    for opened in [false, true] {
                        var t = opened ? update(s, .open) : s
                        t = update(t, .meeting(.presenting(name: "lc", followers: 1)))
                        t.message = nil
                        let hints = renderer.render(t).lines()[23].trimmingCharacters(in: .whitespaces)
                        let at = "\(language) \(glyphs == .ascii ? "ascii" : "unicode") \(t.screen.kind): \(hints)"
                        // Since wave 34 the name goes before the arrows' and Enter's words but not before
                        // the arrows and q themselves (W34UiMeetingChipTests): on an entity's or a type's
                        // towns it gives way (`会议1人`), in English the chip too.
                        let forms = language == .zh
                            ? ["会议 lc：1 人跟随", "会议 lc：1人", "会议1人"]
                            : ["meeting lc: 1 following", "1 following lc", " 1 following"]
                        if Renderer.meetingBadge(t, glyphs: glyphs) != nil {
                            XCTAssertTrue(forms.contains { hints.hasSuffix($0) }, at)
                        }
                        XCTAssertTrue(hints.hasPrefix(glyphs.upDown), at)
                        XCTAssertTrue(hints.contains("q "), at)
                        if language == .zh, case .townList = t.screen.kind { XCTAssertTrue(hints.hasSuffix("会议 lc：1人"), at) }
                    }
                }
            }
        }
    }

    /// The fresh user's screen: a type's towns keeps `b` (behind) and `/` beside the named chip.
    func testATypesTownsKeepsTheMeetingsKeysBesideTheName() throws {
        var s = try bundledState(width: 80, height: 24, period: "2015-09")
        s.language = .en
        s = update(update(s, .showView(.typeList)), .open)
        XCTAssertEqual(s.screen.kind, .townsOfType(1))
        s = update(s, .meeting(.presenting(name: "lc", followers: 1)))
        s.message = nil
        let hints = screen(s)[23]
        // Since wave 34 the arrows and q stay before the chip does (W34UiMeetingChipTests).
        XCTAssertTrue(hints.trimmingCharacters(in: .whitespaces).hasSuffix("help q quit"), hints)
        for key in ["b behind", "/ find", "y copy", "e export", "↑↓ "] { XCTAssertTrue(hints.contains(key), hints) }
    }
}

/// Finding 3: the types view's note broke Chinese words across lines (`落` | `后` at 80
/// columns): a list's notes break at a blank or after a clause's mark, as long messages are cut.
final class W29LayNoteWrapTests: XCTestCase {
    func testTheTypesNoteBreaksNoChineseWord() throws {
        for (width, height) in [(60, 14), (80, 24), (100, 30)] {
            var s = try bundledState(width: width, height: height, period: "2015-09")
            s.language = .zh
            s = update(s, .showView(.typeList))
            let lines = screen(s)
            let first = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(" 计划、完成") }, lines.joined(separator: "\n"))
            let note = lines[first..<(height - 2)].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            XCTAssertGreaterThan(note.count, 1, "wrapped: \(width)")
            for line in note.dropLast() {
                let last = try XCTUnwrap(line.trimmingCharacters(in: .whitespaces).last)
                XCTAssertTrue(TextWrap.clauseMarks.contains(last) || DisplayWidth.of(last) < 2,
                              "\(width)x\(height): a line ends inside a word: \(note.joined(separator: "\n"))")
            }
        }
    }

    func testWrapAtWordsBreaksAtClauseMarksAndBlanks() {
        let text = "计划、完成、完成率只计年计划和完成都已知的小镇（计入 = 这些小镇数/小镇数）；落后 = 完成率低于全年已过比例的小镇，完成率未知的不计"
        let lines = TextWrap.wrapAtWords(text, width: 78)
        XCTAssertEqual(lines, ["计划、完成、完成率只计年计划和完成都已知的小镇（计入 = 这些小镇数/小镇数）；",
                               "落后 = 完成率低于全年已过比例的小镇，完成率未知的不计"])
        XCTAssertEqual(TextWrap.wrap(text, width: 78).first?.last, "落", "the plain wrap cut 落后")
        // English wraps at blanks as before; a Chinese run with no mark in reach still breaks.
        let en = "Plan, Done and Rate count only towns with both the year's plan and the completed amount"
        XCTAssertEqual(TextWrap.wrapAtWords(en, width: 30), TextWrap.wrap(en, width: 30))
        XCTAssertEqual(TextWrap.wrapAtWords(String(repeating: "很长", count: 20), width: 10).count, 8)
    }
}

/// Finding 4: the overview at 60x14 wrote `1/2镇` beside `0/1 镇`: one spacing, the heading's (`落后 3 镇`).
final class W29LayOverviewSpacingTests: XCTestCase {
    func testTheTypesPanelSpacesItsCountsAsTheRestOfTheScreen() throws {
        for (width, height) in [(60, 14), (80, 24), (100, 30)] {
            var s = try bundledState(width: width, height: height, period: "2015-09")
            s.language = .zh
            s = update(s, .showView(.overview))
            let lines = screen(s)
            let types = lines.filter { $0.range(of: "[0-9]/[0-9] ?镇", options: .regularExpression) != nil }
            XCTAssertGreaterThanOrEqual(types.count, 3, lines.joined(separator: "\n"))
            for line in types {
                XCTAssertNil(line.range(of: "[0-9]镇", options: .regularExpression), "\(width)x\(height): \(line)")
                XCTAssertTrue(line.contains(" 镇 落后 "), line)
            }
            XCTAssertTrue(lines.contains { $0.contains("落后 3 镇") }, lines.joined(separator: "\n"))
        }
    }
}

/// Finding 6: the export's status line elided the folder of the path it wrote though the line
/// had room for it: the whole path where it fits, the directory's middle cut only where needed.
final class W29LayExportPathTests: XCTestCase {
    func testTheWholePathStaysWhereItFits() throws {
        let path = "/work/wt-meet/towns-types-2015-09-20261204-165056.csv"
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24, period: "2015-09")
            s.language = language
            let text = s.tr(Bilingual("已导出 4 行到 \(path)（另附 .meta.txt）",
                                      "exported 4 rows to \(path) (and its .meta.txt)"))
            s = update(s, .exportFinished(text, failed: false))
            let line = screen(s)[22]
            XCTAssertTrue(line.contains(path), "\(language): \(line)")
            XCTAssertEqual(s.messageLog.entries.last?.text, text)
        }
        // A path too long for the line keeps its name, the directory's middle cut.
        let long = "/home/someone/meetings/2015/jiaxing/september/exports/towns-types-2015-09-20261204-165056.csv"
        let fitted = Renderer.messageFitting("exported 4 rows to \(long) (and its .meta.txt)", width: 78,
                                             pointer: " (whole in :messages)", cut: "…")
        XCTAssertTrue(fitted.contains("/home/…/") && fitted.contains("/towns-types-2015-09-20261204-165056.csv"), fitted)
        XCTAssertLessThanOrEqual(DisplayWidth.of(fitted), 78)
        // The fitting keeps the whole path through its name rather than shortening it for the pointer.
        XCTAssertEqual(Renderer.messageFitting("exported 4 rows to \(path) (and its .meta.txt)", width: 78,
                                               pointer: " (whole in :messages)", cut: "…"),
                       "exported 4 rows to \(path)…")
    }
}
