import Foundation
import TownsCore
import XCTest

@testable import TownsUI

/// Wave 21: the fresh users' findings about the interface's words, prompts and status line
/// (README "Known gaps", waves 14 and 20).
final class W21UIFindingsTests: XCTestCase {
    func typed(_ state: AppState, _ text: String) -> AppState {
        text.reduce(state) { handle($0, .char($1)) }
    }

    /// Item 1: at 80 columns an export's and a copy's message kept none of the path
    /// (`已导出 5 行到…`): the file's name stays, the directory's middle gives way; whole in the log.
    func testAnExportsAndACopysMessageKeepTheFilesNameAt80Columns() throws {
        let name = "towns-towns-2015-09-20261203-120400.csv"
        let path = "/home/someone/work/exports/" + name
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24, period: "2015-09")
            s.language = language
            let export = s.tr(Bilingual("已导出 5 行到 \(path)（另附 .meta.txt）",
                                        "exported 5 rows to \(path) (and its .meta.txt)"))
            s = update(s, .exportFinished(export, failed: false))
            var line = screen(s)[22]
            XCTAssertTrue(line.contains(name), "\(language): \(line)")
            XCTAssertTrue(line.contains("…/" + name) || line.contains("/home/…/"), line)
            XCTAssertEqual(s.messageLog.entries.last?.text, export, "whole in :messages")
            // The copy's file, at the end of a longer message.
            s = update(s, .copied(rows: 5, refusal: nil, saved: "/root/.local/state/towns/copied.txt"))
            line = screen(s)[22]
            XCTAssertTrue(line.contains("copied.txt") && line.contains("…/"), "\(language): \(line)")
            XCTAssertTrue(s.messageLog.entries.last?.text.hasSuffix("/root/.local/state/towns/copied.txt") == true)
        }
    }

    /// The shortening itself: the directory's middle first, at last only the name; a message
    /// without a path is cut at a word as before.
    func testPathsShortenFromTheDirectorysMiddle() {
        let text = "exported 5 rows to /home/someone/exports/x.csv (and its .meta.txt)"
        XCTAssertEqual(Renderer.pathsShortened(text, level: 1, cut: "…")?.0,
                       "exported 5 rows to /home/…/exports/x.csv (and its .meta.txt)")
        XCTAssertEqual(Renderer.pathsShortened(text, level: 2, cut: "…")?.0,
                       "exported 5 rows to …/x.csv (and its .meta.txt)")
        XCTAssertNil(Renderer.pathsShortened(text, level: 3, cut: "…"))
        XCTAssertNil(Renderer.pathsShortened("no path here: a/b is not one", level: 1, cut: "…"))
        // The name kept, then what follows it as far as it fits, cut at a word.
        XCTAssertEqual(Renderer.messageFitting(text, width: 40, pointer: " (M)", cut: "…"),
                       "exported 5 rows to …/x.csv (and its… (M)")
        XCTAssertEqual(Renderer.messageFitting(text, width: 30, pointer: " (whole in :messages)", cut: "…"),
                       "exported 5 rows to …/x.csv…", "the name rather than the pointer")
        XCTAssertEqual(Renderer.messageFitting(text, width: 70, pointer: " (M)", cut: "…"), text)
    }

    /// Item 2: `:view foo`'s message was cut inside a Chinese word (`运营…`): cut at a blank
    /// or a clause's mark, as the prompts' hints are.
    func testAnUnknownViewsMessageIsCutAtAWord() throws {
        for (width, height) in [(80, 24), (60, 14), (100, 30)] {
            for language in Language.allCases {
                var s = try bundledState(width: width, height: height, period: "2015-09")
                s.language = language
                s = update(s, .runCommand("view foo"))
                let whole = try XCTUnwrap(s.messageLog.entries.last?.text)
                let line = screen(s)[height - 2]
                let pointer = s.tr(Catalogue.wholeInMessages)
                guard line.hasSuffix(pointer) else { continue }  // whole: nothing cut
                let head = String(line.dropFirst().dropLast(pointer.count).dropLast())  // the blank, `…`
                XCTAssertTrue(whole.hasPrefix(head), "\(width) \(language): \(line)")
                let next = whole.dropFirst(head.count).first
                XCTAssertTrue(next == " " || head.last.map { Renderer.clauseMarks.contains($0) } == true,
                              "\(width) \(language) cut inside a word: \(line)")
            }
        }
    }

    /// Item 3: the `&` prompt started with `/` as the search's does, and Ctrl-F, which switches
    /// between them, was not hinted.
    func testThePromptSaysItsModeAndHintsCtrlF() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 100, height: 30, period: "2015-09")
            s.language = language
            let narrowing = typed(handle(s, .char("&")), "hai")
            var line = screen(narrowing)[28]
            XCTAssertTrue(line.hasPrefix(" &hai"), line)
            XCTAssertTrue(line.contains(narrowing.tr(Catalogue.ctrlFJumpsInstead)), line)
            let searching = typed(handle(s, .char("/")), "hai")
            line = screen(searching)[28]
            XCTAssertTrue(line.hasPrefix(" /hai"), line)
            XCTAssertTrue(line.contains(searching.tr(Catalogue.ctrlFKeepsOnlyMatches)), line)
            // The key-hint line names the keys that work while typing (it said `Enter 打开`).
            let hints = screen(narrowing)[29]
            for label in [Catalogue.hintKeepSearch, Catalogue.hintCancelSearch, Catalogue.hintJumpInstead] {
                XCTAssertTrue(hints.contains(s.tr(label)), hints)
            }
            XCTAssertTrue(hints.contains("Ctrl-F"), hints)
            XCTAssertFalse(hints.contains(s.tr(Catalogue.hintOpen)), hints)
            XCTAssertTrue(screen(searching)[29].contains("Ctrl-F " + s.tr(Catalogue.hintKeepOnlyMatches)))
            let narrow80 = typed(handle(try bundledState(width: 80, height: 24), .char("&")), "hai")
            XCTAssertTrue(screen(narrow80)[23].contains("Ctrl-F"), "at 80 columns too: \(screen(narrow80)[23])")
            // Ctrl-F switches the prompt's mode.
            XCTAssertTrue(screen(handle(searching, .ctrl("f")))[28].hasPrefix(" &hai"))
            XCTAssertTrue(screen(handle(narrowing, .ctrl("f")))[28].hasPrefix(" /hai"))
        }
    }

    /// Item 4: `:messages` logged each keystroke of a narrowing: once now, when Enter settles it.
    func testANarrowingIsLoggedOnceWhenSettled() throws {
        let s = try bundledState(width: 100, height: 30, period: "2015-09")
        let before = s.messageLog.entries.count
        let typing = typed(handle(s, .char("&")), "haining")
        XCTAssertEqual(typing.messageLog.entries.count, before, "nothing logged while typing")
        let settled = handle(typing, .enter)
        XCTAssertEqual(settled.messageLog.entries.count, before + 1)
        XCTAssertEqual(settled.messageLog.entries.last?.text, typing.message)
        XCTAssertTrue(typing.message?.contains("haining") == true, typing.message ?? "")
        // Cancelled, it is not logged as kept.
        let cancelled = handle(typing, .escape)
        XCTAssertFalse(cancelled.messageLog.entries.contains { $0.text.contains("「haining」") })
    }

    /// Item 5: run outside the repository (no `Themes/`), the binary drew without colour: the
    /// default theme is compiled in, the same text as `Themes/default.toml`, and says so.
    func testTheBuiltInDefaultThemeIsTheFilesAndSaysSo() throws {
        let file = try String(contentsOfFile: repositoryRoot + "/Themes/default.toml", encoding: .utf8)
        XCTAssertEqual(Theme.builtInDefaultText, file, "the compiled-in text is the file's, byte for byte")
        let parsed = try Theme.parse(Theme.builtInDefaultText, file: "(built in)")
        XCTAssertEqual(parsed.1, [], "no warning")
        let builtIn = try XCTUnwrap(Theme.builtInDefault)
        let fromFile = try Theme.parse(file, file: "default.toml").0
        for role in Role.allCases { XCTAssertEqual(builtIn.style(role), fromFile.style(role), "\(role)") }
        XCTAssertNotEqual(builtIn.style(.title), Theme.monochrome.style(.title), "in colour")
        for language in Language.allCases {
            var s = try bundledState()
            s.language = language
            s.themeNames = ["default"]
            s.defaultThemeBuiltIn = true
            // The only theme: said in a line that fits 80 columns.
            let only = try XCTUnwrap(handle(s, .char("t")).message)
            XCTAssertEqual(only, s.tr(Catalogue.onlyBuiltInTheme))
            XCTAssertLessThanOrEqual(DisplayWidth.of(only), 78)
            s.themeNames = ["default", "light"]
            XCTAssertTrue(handle(handle(s, .char("t")), .char("t")).message?.hasSuffix(s.tr(Catalogue.themeBuiltIn)) == true)
            XCTAssertTrue(update(s, .runCommand("theme default")).message?.contains(s.tr(Catalogue.themeBuiltIn)) == true)
            s.defaultThemeBuiltIn = false
            XCTAssertFalse(handle(s, .char("t")).message?.contains(s.tr(Catalogue.themeBuiltIn)) == true)
        }
    }

    /// Item 6: presenting at 100 columns, 进度差 showed beside the rate, each with its `▼`
    /// (`-32.5▼!` and `42.5%▼!`): the presentation layout leaves 进度差 out at every width.
    func testPresentingAtAnyWidthTheRateAloneCarriesTheBehindMark() throws {
        for (width, height) in [(80, 24), (100, 30), (160, 40)] {
            for language in Language.allCases {
                var usual = try bundledState(width: width, height: height, period: "2015-09")
                usual.language = language
                let shown = update(usual, .meeting(.togglePresentation))
                let lines = screen(shown)
                let header = usual.tr(Catalogue.sched)
                XCTAssertFalse(lines[3].contains(header), "\(width) \(language): 进度差 left out: \(lines[3])")
                XCTAssertFalse(lines.contains { $0.contains("-32.5") }, lines.joined(separator: "\n"))
                let city = try XCTUnwrap(lines.first { $0.contains("42.5%") })
                XCTAssertEqual(city.filter { $0 == "▼" }.count, 1, "behind said once: \(city)")
                if width >= 100 { XCTAssertTrue(screen(usual).contains { $0.contains("-32.5▼!") }, "the usual layout keeps it") }
            }
        }
    }

    /// Item 8: English words in Chinese: the help's title (`帮助 Help: keys`) and the system's
    /// reasons (`Permission denied`) in a failed export's or copy's message.
    func testNoEnglishWordsInTheHelpTitleOrAFailedWritesReason() throws {
        var s = try bundledState(width: 100, height: 30)
        s.language = .zh
        let title = s.tr(Catalogue.helpKeys)
        XCTAssertFalse(title.contains { $0.isASCII && $0.isLetter }, title)
        s = handle(s, .char("?"))
        XCTAssertTrue(screen(s).contains { $0.contains(title.trimmingCharacters(in: .whitespaces)) })
        XCTAssertEqual(SystemWords.zh(String(cString: strerror(EACCES))), "权限不足")
        XCTAssertEqual(SystemWords.zh(code: ENOENT), "没有这个文件或目录")
        XCTAssertEqual(SystemWords.zh("Something else entirely"), "Something else entirely", "unknown: kept")
    }

    /// Item 10: at 60x14 the towns view showed 4 of 5 towns, Haiyan, the furthest behind, off
    /// screen: the summary's count row gives way where that lets every town show; the city's
    /// reported row stays (Enter opens it); a list that cannot show all keeps every summary row.
    func testAtSixtyByFourteenEveryTownShowsWithTheCitysRow() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 60, height: 14, period: "2015-09")
            s.language = language
            let lines = screen(s)
            for town in s.dataset.towns {
                let name = String(s.tr(Bilingual(town.nameZH, town.nameEN)).prefix(4))
                XCTAssertTrue(lines.contains { $0.contains(name) }, "\(language) \(name): \(lines.joined(separator: "\n"))")
            }
            XCTAssertTrue(lines.contains { $0.contains(language == .zh ? "全市报告" : "reported") }, lines.joined(separator: "\n"))
            XCTAssertEqual(Renderer.visibleRows(s), 5)
            XCTAssertFalse(lines[2].contains("1-4/5"), lines[2])
            // The last row, then the city's row below it, selectable as before.
            s = handle(handle(s, .char("G")), .down)
            XCTAssertEqual(s.selection, 5, "the city's row")
            // At 80x24 nothing gives way.
            var wide = try bundledState(width: 80, height: 24, period: "2015-09")
            wide.language = language
            let content = try XCTUnwrap(wide.content(for: wide.screen))
            XCTAssertEqual(Renderer.summaryShown(wide, content), content.summary.count)
        }
    }

    /// Item 11: presenting at 80 columns with a long meeting name, an entity's towns lost `y`
    /// (and `b`) from the hint line: the meeting's label is shortened instead.
    func testALongMeetingNameGivesWayBeforeTheMeetingsKeys() throws {
        for language in Language.allCases {
            for name in ["weekly-review", "weekly-review-board-2015", "周例会第三次全体会议"] {
                var s = try bundledState()
                s.language = language
                s = update(s, .resize(width: 80, height: 24))
                s = update(s, .showView(.entityList))
                s = update(s, .meeting(.presenting(name: name, followers: 1)))
                s = update(s, .open)
                guard case .townsOfEntity = s.screen.kind else { return XCTFail("\(s.screen.kind)") }
                s.message = nil
                let hints = screen(s)[23]
                for key in [" / ", " y ", " e ", " b "] {
                    XCTAssertTrue(hints.contains(key), "\(language) \(name) lacks \(key): \(hints)")
                }
                // Since wave 34 no chip where even the nameless one would push the arrows or q off
                // (English at 80 columns here; W34UiMeetingChipTests).
                if let badge = Renderer.meetingBadge(s)?.text {
                    XCTAssertTrue(hints.trimmingCharacters(in: .whitespaces).hasSuffix(badge), hints)
                } else {
                    XCTAssertEqual(language, .en, hints)
                }
                XCTAssertTrue(hints.hasPrefix(" ↑↓") && hints.contains("q "), hints)
            }
        }
    }

    /// Item 7 (the dashboard's part): presenting a meeting whose name holds a blank, the line
    /// saying how others follow gives the name as a shell takes it, quoted.
    func testTheFollowCommandShownQuotesANameWithABlank() {
        XCTAssertEqual(Catalogue.shellWord("周例会"), "周例会")
        XCTAssertEqual(Catalogue.shellWord("周例会 第3次"), "'周例会 第3次'")
        XCTAssertEqual(Catalogue.shellWord("it's"), "'it'\\''s'")
        XCTAssertTrue(Catalogue.presentingMeeting("周例会 第3次").zh.contains("towns follow '周例会 第3次' 跟随"))
    }
}
