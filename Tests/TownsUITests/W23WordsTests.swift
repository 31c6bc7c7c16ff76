import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// A fresh user's findings of wave 23 (meetings, words, help, layout), each through `update`
/// and the screen it draws, in both languages.
final class W23WordsTests: XCTestCase {
    // MARK: F2, F3: a follower shows the presenter's screen, whatever key it presses

    /// The presenter's session as it travels: encoded and decoded.
    func sent(_ presenter: AppState) throws -> Session {
        try JSONDecoder().decode(Session.self, from: try JSONEncoder().encode(presenter.session.forFollowers))
    }

    /// A presenter at 100x30 on the towns view sorted by Sched. ascending (`<` `8`, as F2), and an
    /// 80x24 follower in `language` following it.
    func meeting(_ language: Language) throws -> (presenter: AppState, follower: AppState) {
        var p = try bundledState(width: 100, height: 30, period: "2015-09")
        p = handle(handle(p, .char("<")), .char("8"))
        XCTAssertNotNil(p.screen.sortColumn, "the presenter sorted")
        var f = try bundledState(width: 80, height: 24, period: "2015-09")
        f.language = language
        f = update(f, .meeting(.joined(meeting: "周例会", presenter: "alice")))
        f = update(f, .meeting(.followed(try sent(p), presenterData: "d", ownData: "d")))
        XCTAssertTrue(f.isFollowingPresenter)
        return (p, f)
    }

    /// The follower's screen without its message line's words (the refusal is said there).
    func place(_ state: AppState) -> [String] {
        var s = state
        s.message = nil
        return screen(s)
    }

    /// F2: `>` `3`, `<` `1`, `s`, `S` re-sorted a follower still "following": "the third row" was
    /// another town than the presenter's. Each is refused as `/` is, and the screen stays the presenter's.
    func testAFollowersSortKeysAreRefusedAndItsScreenStaysThePresenters() throws {
        for language in Language.allCases {
            let (_, f) = try meeting(language)
            let shown = place(f)
            let drives = f.tr(Catalogue.presenterDrives("f"))
            for keys: [Key] in [[.char(">"), .char("3")], [.char("<"), .char("1")], [.char(">")], [.char("s")],
                                [.char("S")], [.char("?"), .char("s")]] {
                let after = keys.reduce(f) { handle($0, $1) }
                XCTAssertNil(after.session.sortChooser, "\(language) \(keys): no chooser opens")
                XCTAssertEqual(after.session.stack, f.session.stack, "\(language) \(keys)")
                XCTAssertEqual(after.message, drives, "\(language) \(keys)")
                var closed = after
                closed.showHelp = false
                XCTAssertEqual(place(closed), shown, "\(language) \(keys): the presenter's screen")
            }
            // The help lists the chooser's keys under the presenter's heading.
            let help = Renderer.helpLines(f, glyphs: .unicode)
            let heading = try XCTUnwrap(help.firstIndex { $0.1 == f.tr(Catalogue.helpPresentersKeys("f")) })
            for key in [">", "<", "&"] {
                let line = try XCTUnwrap(help.firstIndex { $0.0 == key }, key)
                XCTAssertGreaterThan(line, heading, "\(language): \(key) is the presenter's")
            }
        }
    }

    /// F3: a follower's `&` opened a prompt whose every key (Esc, Enter, `f` too) was refused.
    /// `&` opens nothing now, as `/`; `f` then browses alone at once.
    func testAFollowersNarrowingSearchOpensNothingAndFBrowsesAlone() throws {
        for language in Language.allCases {
            let (_, f) = try meeting(language)
            let shown = place(f)
            var g = handle(f, .char("&"))
            XCTAssertNil(g.search, "\(language): no prompt")
            XCTAssertNil(g.screen.narrow)
            XCTAssertEqual(g.message, f.tr(Catalogue.presenterDrives("f")))
            XCTAssertEqual(place(g), shown)
            XCTAssertFalse(screen(g).contains { $0.hasPrefix(" &") }, "\(language): no `&` prompt drawn")
            g = handle(g, .char("f"))
            guard case .following(let following) = g.meeting else { return XCTFail("still in the meeting") }
            XCTAssertTrue(following.detached, "\(language): f browses alone")
            // Browsing alone, `&` is the follower's own again.
            g = handle(g, .char("&"))
            XCTAssertEqual(g.search?.editing, true)
            XCTAssertNotNil(g.screen.narrow)
        }
    }

    /// With the help shown, a follower's keys that move around were not refused (they act on the
    /// place hidden under the help): `/` and `&` opened a prompt none of whose keys then acted,
    /// `]` moved the period, `1` the view. Only the help's own keys (scroll, close) act there.
    func testWithTheHelpShownAFollowerStillDoesNotDrive() throws {
        let (_, f) = try meeting(.en)
        let helped = handle(f, .char("?"))
        XCTAssertTrue(helped.showHelp)
        for key: Key in [.char("/"), .char("&"), .char("]"), .char("["), .char("2"), .tab, .char("b"), .char("c"),
                         .char("n")] {
            let after = handle(helped, key)
            XCTAssertTrue(after.showHelp, "\(key): the help stays")
            XCTAssertNil(after.search, "\(key)")
            XCTAssertEqual(after.session.stack, f.session.stack, "\(key)")
            XCTAssertEqual(after.session.periodID, f.session.periodID, "\(key)")
            XCTAssertEqual(after.filter, f.filter, "\(key)")
            XCTAssertEqual(after.message, "the presenter drives (f to browse alone)", "\(key)")
        }
        // The help's own keys act: scroll it, close it.
        XCTAssertGreaterThan(handle(helped, .pageDown).helpScroll, 0)
        XCTAssertFalse(handle(helped, .escape).showHelp)
        XCTAssertFalse(handle(helped, .char("?")).showHelp)
        let wheel = update(helped, .mouse(MouseEvent(kind: .wheelDown, x: 5, y: 5)))
        XCTAssertGreaterThan(wheel.helpScroll, 0, "the wheel scrolls the help")
        let click = update(helped, .mouse(MouseEvent(kind: .click, x: 3, y: 1)))
        XCTAssertEqual(click.session.stack, f.session.stack, "a click on a tab under the help is refused")
    }

    /// A prompt the follower opened while its data differed (it browsed its own) is closed when it
    /// follows again, and Esc always closes one: no key is left that cannot end it.
    func testAPromptOpenWhenFollowingResumesClosesOrTakesEsc() throws {
        let (p, f0) = try meeting(.zh)
        var f = update(f0, .meeting(.followed(try sent(p), presenterData: "theirs", ownData: "mine")))
        XCTAssertFalse(f.isFollowingPresenter)
        f = handle(f, .char(">"))
        XCTAssertNotNil(f.session.sortChooser, "its own data: it sorts its own list")
        var again = update(f, .meeting(.followed(try sent(p), presenterData: "same", ownData: "same")))
        XCTAssertNil(again.session.sortChooser, "following again: the chooser closes")
        XCTAssertEqual(again.session.stack.map(\.sortColumn), p.session.stack.map(\.sortColumn))

        // Esc closes a chooser or a search still open while following (as a state can hold it).
        f.meeting = again.meeting
        XCTAssertTrue(f.isFollowingPresenter)
        XCTAssertNotNil(f.session.sortChooser)
        XCTAssertNil(handle(f, .escape).session.sortChooser, "Esc closes the chooser")
        XCTAssertNotNil(handle(f, .char("3")).session.sortChooser, "a column's key is refused")
        again = f
        again.session.sortChooser = nil
        again.search = SearchState(query: "", editing: true)
        again.screen.narrow = ""
        let closed = handle(again, .escape)
        XCTAssertNil(closed.search, "Esc closes the search")
        XCTAssertNil(closed.screen.narrow)
    }

    // MARK: F1: no line says the projection shown cannot be worked out

    /// The bundled data with a Jan-Oct month giving Jiashan's completed amount alone (6.0; no plan,
    /// no rate, as the fresh user's imported sheet), at 2015-10, on Jiashan's page.
    func jiashanOctober(_ language: Language) throws -> (AppState, () -> Void) {
        (try jiashanOctoberPage("w23-words-f1", width: 100, height: 30, language: language), {})
    }

    /// F1: Jiashan's page at Jan-Oct showed `全年预测 →7.2` and under it "无法推算应完成或全年预测"
    /// (English: "No expected-by-now or projection can be worked out"). The line names only what
    /// cannot be worked out: the expected-by-now and what sets the year against the plan.
    func testAPagesMissingLineDoesNotDenyTheProjectionItShows() throws {
        for language in Language.allCases {
            let (s, done) = try jiashanOctober(language)
            defer { done() }
            let lines = s.pageLines(s.screen.kind, width: 100).map { $0.text() }
            let projection = try XCTUnwrap(lines.firstIndex { $0.contains("→7.2") }, "\(language): \(lines)")
            let missing = try XCTUnwrap(lines.firstIndex { $0.contains(language == .zh ? "无法推算" : "can be worked out") },
                                        "\(language): \(lines)")
            XCTAssertGreaterThan(missing, projection)
            // The line as wrapped at 100 columns (English takes two), joined again.
            let said = lines[missing...].prefix { !$0.isEmpty && $0.hasPrefix("  ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            XCTAssertEqual(said, language == .zh
                ? "无法推算应完成、落后差额和与计划差：缺少确切的年计划、完成率"
                : "No expected-by-now, shortfall or gap to plan can be worked out; no exact year's plan, completion rate")
        }
        // Where neither is known, both are named; where the expected is known, the projection alone.
        XCTAssertEqual(Catalogue.noProjection([.planYear], expectedKnown: false).en,
                       "No expected-by-now or projection can be worked out; no exact year's plan")
        XCTAssertEqual(Catalogue.noProjection([.completed, .completionRate], expectedKnown: true).zh,
                       "无法推算全年预测：缺少确切的完成投资、完成率")
    }

    // MARK: F5: the too-small screen in one language

    /// F5: the Chinese "terminal too small" screen read `40x12, 至少需要 need 60x14`. The whole
    /// 40x12 screen, in each language.
    func testTheTooSmallScreenIsWordedInOneLanguage() throws {
        let blank = String(repeating: " ", count: 40)
        func centred(_ text: String) -> String {
            let w = DisplayWidth.of(text), x = (40 - w) / 2
            return String(repeating: " ", count: x) + text + String(repeating: " ", count: 40 - x - w)
        }
        for (language, words) in [(Language.zh, ["终端太小", "40x12，至少需要 60x14", "此时只有 q（退出）可用"]),
                                  (.en, ["terminal too small", "40x12, need 60x14", "only q (quit) acts here"])] {
            var s = try bundledState()
            s.language = language
            s = update(s, .resize(width: 40, height: 12))
            let expected = Array(repeating: blank, count: 5) + words.map(centred) + Array(repeating: blank, count: 4)
            XCTAssertEqual(screen(s).map { $0.padding(toLength: 40, withPad: " ", startingAt: 0) },
                           expected.map { $0.padding(toLength: 40, withPad: " ", startingAt: 0) }, "\(language)")
        }
    }

    // MARK: F6: the help under LANG=C and --ascii; each command once

    let ascii = Renderer(theme: .monochrome, glyphs: .ascii)

    /// F6: under LANG=C the help's projection formula drew `÷` as `?` (the "cannot be judged" mark)
    /// and `L` as `language: ???? / English`; the hint line drew `L ????`. With the ASCII set `÷`
    /// is `/`; where Chinese cannot be shown `L` says why, and its hint is not offered.
    func testTheHelpUnderLangCHasNoCharacterTheTerminalCannotShow() throws {
        var s = try bundledState(width: 200, height: 60, period: "2015-09")
        s.language = .en
        s.chineseUnavailable = true
        s = update(s, .toggleHelp)
        var drawn: [String] = []
        for _ in 0..<6 {
            drawn += ascii.render(s).lines()
            s = update(s, .pageDown)
        }
        let all = drawn.joined(separator: "\n")
        XCTAssertTrue(all.contains("(completed / months elapsed x 12)"), all)
        XCTAssertTrue(all.contains("language (Chinese needs a UTF-8 locale)"), all)
        for line in drawn {
            XCTAssertFalse(line.contains("÷") || line.contains("中文"), line)
            XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), "not ASCII: \(line)")
        }
        // The hint line at 200 columns: every key fits, `L` is not offered.
        var list = try bundledState(width: 200, height: 30, period: "2015-09")
        list.language = .en
        XCTAssertTrue(Renderer.keyHints(list, width: 200, glyphs: .ascii).contains { $0.0 == "L" })
        list.chineseUnavailable = true
        let hints = Renderer.keyHints(list, width: 200, glyphs: .ascii)
        XCTAssertFalse(hints.contains { $0.0 == "L" }, "\(hints)")
        let line = try XCTUnwrap(ascii.render(list).lines().last)
        XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line)
        XCTAssertTrue(line.contains("? help"), line)
        // `--ascii` under a UTF-8 locale: ÷ folded as well (a page's Chinese formula too).
        XCTAssertEqual(Grid.foldToASCII("已完成 6.0 ÷ 10 个月 × 12"), "已完成 6.0 / 10 个月 x 12")
    }

    /// F6: `:ref TOPIC` was listed twice in the help, in two wordings. Every command line is listed once.
    func testTheHelpListsEachCommandOnce() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 100, height: 30, period: "2015-09")
            s.language = language
            for following in [false, true] {
                if following { s = update(s, .meeting(.joined(meeting: "weekly", presenter: "alice"))) }
                let commands = Renderer.helpLines(s, glyphs: .unicode).map(\.0).filter { $0.hasPrefix(":") && $0 != ":" }
                XCTAssertEqual(commands.count, Set(commands).count, "\(language) \(following): \(commands)")
                XCTAssertEqual(commands.filter { $0 == ":ref TOPIC" }.count, 1)
                for command in [":changes FROM", ":messages", ":columns", ":view NAME|0-7"] {
                    XCTAssertTrue(commands.contains(command), command)
                }
            }
        }
    }

    // MARK: F23: the presentation layout carries an undecided verdict's `?`

    /// Data/ copied with Tongxiang's plan 100 and Jan-Sep completed 5 added (as W15BehindTests):
    /// ahead by its rate 92.7%, behind by the amount, a check failing: its verdict undecided.
    func undecidedTongxiang(_ language: Language) throws -> AppState {
        try editedBundledState("w23-words-f23", period: "2015-09", width: 80, height: 24, language: language) {
            $0 + W15BehindTests.tongxiangFigures
        }
    }

    /// F23: presenting (`P`), 进度差 is left out and the rate carries `▼`; an undecided town's `?`
    /// was carried by nothing (Tongxiang read `92.7%!`, on track, though `b` kept it as behind), and
    /// the legend had no `?`. The rate carries `?` before its `!`, in the usual layout and with `b`.
    func testThePresentationLayoutCarriesAnUndecidedVerdict() throws {
        for language in Language.allCases {
            var s = try undecidedTongxiang(language)
            let town = try XCTUnwrap(s.dataset.town("tongxiang"))
            XCTAssertTrue(s.checker.isVerdictUndecided(town, period: try XCTUnwrap(s.period)))
            let name = language == .zh ? "桐乡毛衫时尚小镇" : "Tongxiang"
            let usual = try XCTUnwrap(screen(s).first { $0.contains(name) })
            XCTAssertTrue(usual.contains("+17.7?!"), usual)
            s = update(s, .meeting(.togglePresentation))
            for filtered in [false, true] {
                let shown = place(filtered ? update(s, .toggleBehindFilter) : s)  // the legend, not a message
                let row = try XCTUnwrap(shown.first { $0.contains(name) }, shown.joined(separator: "\n"))
                XCTAssertTrue(row.contains("92.7%?!"), "\(language) \(filtered): \(row)")
                XCTAssertFalse(row.contains("▼"), row)
                let legend = shown[shown.count - 2]
                XCTAssertTrue(legend.contains("?"), "\(language): \(legend)")
                // A town behind and decided keeps its ▼ (Haiyan 20.7%).
                let haiyan = try XCTUnwrap(shown.first { $0.contains(language == .zh ? "海盐" : "Haiyan") })
                XCTAssertTrue(haiyan.contains("20.7%▼"), haiyan)
            }
        }
    }

    // MARK: F13: a place given for the first time sorts by its place

    /// F13: `<` `d` (名次 smallest first) gave `1, 2, 3 ✦, 4 ✦, —`, and `>` `d` `2, 1, 3 ✦, 4 ✦, —`:
    /// the places 3 and 4, first given at Jan-Sep (`✦`), sorted with the new. Places sort by their
    /// number both ways, the `✦` kept as a mark, unknown last.
    func testPlacesGivenForTheFirstTimeSortByTheirPlace() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 160, height: 30, period: "2015-09")
            s.language = language
            let title = s.tr(Catalogue.rankMove)
            for (key, expected) in [(Key.char("<"), ["1", "2", "3 ✦", "4 ✦", "—"]),
                                    (.char(">"), ["4 ✦", "3 ✦", "2", "1", "—"])] {
                let sorted = handle(handle(s, key), .char("d"))
                let content = try XCTUnwrap(sorted.content(for: sorted.screen))
                let column = try XCTUnwrap(content.columns.firstIndex { $0.title.hasPrefix(title) }, "\(content.columns.map(\.title))")
                XCTAssertEqual(sorted.screen.sortColumn, column, "\(language) \(key): sorted by 名次")
                let cells = (0..<content.rows.count).map {
                    content.rows[$0].cells[column].text(.unicode).trimmingCharacters(in: .whitespaces)
                }
                XCTAssertEqual(cells, expected, "\(language) \(key)")
            }
        }
    }

    // MARK: F21: the rules' key names the lower tier

    /// F21: the assessment's "Columns:" key gave `Yr1 First-year investment at least 10; 3yr
    /// Creation-period investment at least 50`, though Nanhu (finance) and Jiashan (tourism) are
    /// judged against 6 and 30. The key names the lower tier, as Land+ names its 60%.
    func testTheRulesKeyNamesTheLowerTier() throws {
        let s0 = try bundledState(width: 200, height: 40, period: "2015-09")
        let yearOne = try XCTUnwrap(s0.dataset.rules.first { $0.kind == .yearOneMinimum })
        let creation = try XCTUnwrap(s0.dataset.rules.first { $0.kind == .creationMinimum })
        XCTAssertEqual(AppState.columnKey(yearOne, .en),
                       "First-year investment at least 10 (6 for some industries and counties: see each town)")
        XCTAssertEqual(AppState.columnKey(yearOne, .zh), "首年投资不少于10亿元（部分产业及加快发展县为6，见各镇）")
        XCTAssertEqual(AppState.columnKey(creation, .en),
                       "Creation-period investment at least 50 (30 for some industries: see each town)")
        XCTAssertEqual(AppState.columnKey(creation, .zh), "创建期投资不少于50亿元（部分产业为30，见各镇）")
        for language in Language.allCases {
            var s = s0
            s.language = language
            s = update(s, .showView(.assessment))
            let drawn = screen(s).joined(separator: " ")
            XCTAssertTrue(drawn.contains(language == .zh ? "部分产业及加快发展县为6" : "(6 for some industries and counties"),
                          "\(language): \(drawn)")
            let notes = update(s, .runCommand("view overview")).columnNotes().joined()
            XCTAssertTrue(notes.contains(language == .zh ? "部分产业为30" : "(30 for some industries"), notes)
        }
    }

    // MARK: F16: the assessment's columns sort by verdict

    /// F16: `>` `2` and `<` `2` gave the same order (`✓ ✓ ✓ ✓ ?!`): `?` sorted as an unknown value,
    /// last both ways. A rule's column sorts by verdict, ✗ ? ○ ✓ smallest first, reversed largest
    /// first (the term column, `3年`, as before).
    func testTheAssessmentSortsByVerdictBothWays() throws {
        let rank: [Character: Int] = ["✗": 0, "?": 1, "○": 2, "✓": 3]
        var mixed = 0
        for (state, label) in [(try undecidedTongxiang(.en), "undecided Tongxiang"),
                               (try bundledState(width: 160, height: 30, period: "2015-12"), "2015-12")] {
            var s = update(state, .showView(.assessment))
            s.width = 160
            let content = try XCTUnwrap(s.content(for: s.screen))
            for (i, rule) in s.dataset.rules.enumerated() where rule.kind != .creationPeriod {
                let column = i + 1
                for descending in [false, true] {
                    var sc = s.screen
                    (sc.sortColumn, sc.sortDescending) = (column, descending)
                    let sorted = try XCTUnwrap(s.content(for: sc))
                    let cells = (0..<sorted.rows.count).map { sorted.rows[$0].cells[column].text(.unicode) }
                    let keys = cells.compactMap { $0.first.flatMap { rank[$0] } }
                    XCTAssertEqual(keys.count, cells.count, "\(label) \(rule.id): \(cells)")
                    XCTAssertEqual(keys, descending ? keys.sorted(by: >) : keys.sorted(), "\(label) \(rule.id) \(descending): \(cells)")
                    if Set(keys).count > 1, keys.contains(1) { mixed += 1 }
                }
            }
            _ = content
        }
        XCTAssertGreaterThan(mixed, 0, "a column mixing ? with other verdicts was sorted")
    }

    // MARK: F20: `L` names the variable that chose the locale

    /// F20: with LC_ALL=zh_CN.GB18030 the start-up notice named LC_ALL, and `L` said "set LANG=C.UTF-8",
    /// which LC_ALL overrides. `L` and `:lang zh` name the variable the settings give (LANG by default).
    func testTheLanguageRefusalNamesTheLocalesVariable() throws {
        var settings = Settings(language: .en)
        settings.chineseUnavailable = true
        settings.localeVariable = "LC_ALL"
        var s = update(try bundledState(), .configure(settings))
        XCTAssertEqual(s.language, .en)
        let said = try XCTUnwrap(update(s, .toggleLanguage).message)
        XCTAssertTrue(said.hasSuffix("set LC_ALL=C.UTF-8 and reopen"), said)
        XCTAssertFalse(said.contains("LANG"), said)
        let typed = try XCTUnwrap(update(s, .runCommand("lang zh")).message)
        XCTAssertTrue(typed.contains("LC_ALL=C.UTF-8"), typed)
        settings.localeVariable = "LANG"
        s = update(s, .configure(settings))
        XCTAssertTrue(update(s, .toggleLanguage).message?.contains("set LANG=C.UTF-8") == true)
        XCTAssertEqual(Catalogue.chineseNeedsUTF8("LC_CTYPE").zh, "此终端的区域设置不是 UTF-8，中文会显示为 ??：请设 LC_CTYPE=C.UTF-8 后重新打开")
    }

    // MARK: F18: `:filter problem` takes the number the page gives

    /// F18: a town's page numbers the paper's problems 1-5; `:filter problem 1` answered `no problem "1"`
    /// and nothing more (the ids only through Tab). The number is taken; a miss lists numbers and ids.
    func testTheProblemFilterTakesThePagesNumber() throws {
        for language in Language.allCases {
            var s = try bundledState()
            s.language = language
            let problems = try XCTUnwrap(s.dataset.problems?.problems)
            let first = try XCTUnwrap(problems.first { $0.number == 1 })
            let byNumber = update(s, .runCommand("filter problem 1"))
            XCTAssertEqual(byNumber.filter.problem, first.id, "\(language)")
            XCTAssertEqual(update(s, .runCommand("filter problem \(first.id)")).filter.problem, first.id)
            let miss = update(s, .runCommand("filter problem 9"))
            XCTAssertNil(miss.filter.problem)
            let said = try XCTUnwrap(miss.message)
            XCTAssertTrue(said.contains("1 \(first.id)"), said)
            XCTAssertTrue(said.hasPrefix(language == .zh ? "没有问题「9」" : "no problem \"9\""), said)
        }
    }
}
