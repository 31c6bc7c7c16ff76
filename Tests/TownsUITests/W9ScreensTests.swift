import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// A fresh user's findings on the overview, the pages and their legends (w9-screens).
final class W9ScreensTests: XCTestCase {
    /// The overview's targets and first cells, row by row: what a sort would scramble.
    private func overviewRows(_ s: AppState) throws -> [String] {
        let content = try XCTUnwrap(s.content(for: s.screen))
        return content.rows.indices.map { "\(content.targets[$0]) " + content.rows[$0].cells.map { $0.text(.unicode) }
            .joined(separator: "|") }
    }

    /// Finding 1: the overview is panels, not a table: `s`, `S`, `>` then `1`, `:sort` leave its
    /// order alone and say why; the hint line does not offer `><` there; a session that says
    /// the overview is sorted (resumed, sent to followers) still draws and exports it in order.
    func testTheOverviewDoesNotSort() throws {
        for language in Language.allCases {
            var s = update(try bundledState(width: 100, height: 30, period: "2015-09"), .showView(.overview))
            s.language = language
            s.message = nil
            let before = try overviewRows(s)
            let refusal = s.tr(Catalogue.overviewDoesNotSort)
            let tries: [(String, [Action])] = [
                ("s", [.sortNextColumn]), ("S", [.sortReverse]),
                ("> 1", [.chooseSort(descending: true), .sortChooserKey(.char("1"))]),
                ("< 2", [.chooseSort(descending: false), .sortChooserKey(.char("2"))]),
                (":sort 数字 desc", [.runCommand("sort 数字 desc")]), (":sort 1", [.runCommand("sort 1")]),
            ]
            for (name, actions) in tries {
                // The first key is refused and says why (no chooser opens for the second).
                XCTAssertEqual(update(s, actions[0]).message, refusal, name)
                let t = actions.reduce(s) { update($0, $1) }
                XCTAssertNil(t.screen.sortColumn, name)
                XCTAssertNil(t.session.sortChooser, name)
                XCTAssertEqual(try overviewRows(t), before, "\(name) left the panels in order")
            }
            let keys = Renderer.keyHints(s, width: 200).map(\.0)
            XCTAssertFalse(keys.contains { $0.contains(">") || $0.contains("<") }, "\(keys)")
            XCTAssertFalse(keys.contains("S"), "\(keys)")
            // The towns list still offers and does its sort.
            let towns = update(s, .showView(.townList))
            XCTAssertTrue(Renderer.keyHints(towns, width: 200).map(\.0).contains { $0.contains(">") })
            XCTAssertNotNil(update(towns, .sortNextColumn).screen.sortColumn)
            // A sort carried in a session (resume, a meeting's presenter of an older build).
            var carried = s
            carried.screen.sortColumn = 2
            carried.screen.sortDescending = true
            XCTAssertEqual(try overviewRows(carried), before)
            XCTAssertEqual(screen(carried), screen(s))
        }
    }

    /// Finding 2: the assessment's notes page (Enter on its notes row) names every town at
    /// stake, wrapping as it must, as `towns report --view assessment` does; no `… 另 2 个`.
    func testTheNotesPageNamesEveryTownAtStake() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 100, height: 30, period: "2015-12")
            s.language = language
            var printed = s
            printed.printed = true
            let printedNotes = printed.assessmentTable().notes.map { $0.text(.unicode) }
            for width in [60, 80, 100] {
                let page = s.pageLines(.assessmentNotes, width: width).map { $0.text() }
                let squeezed = page.joined().filter { !$0.isWhitespace }
                var named = 0
                for town in s.dataset.towns {
                    let name = language == .zh ? town.nameZH : town.nameEN
                    guard printedNotes.contains(where: { $0.contains(name) }) else { continue }
                    named += 1
                    XCTAssertTrue(squeezed.contains(name.filter { !$0.isWhitespace }), "\(width): \(name)\n\(page)")
                }
                XCTAssertGreaterThanOrEqual(named, 4, "the land reward's ? names four towns in 2015")
                let more = s.tr(Catalogue.andMore("")).components(separatedBy: " ").prefix(2).joined(separator: " ")
                XCTAssertFalse(page.contains { $0.contains(more) }, "\(page)")
                XCTAssertFalse(page.contains { DisplayWidth.of($0) > width }, "\(page)")
            }
        }
    }

    /// Finding 3: an overview panel cut short says how many LINES are left out (`… 另 1 行` /
    /// `+1 line`), not `等 1 个`, which under `全市` read as one more city; the towns behind
    /// still count towns.
    func testACutPanelCountsItsLines() throws {
        var sawCut = false
        for language in Language.allCases {
            for (w, h) in [(60, 14), (80, 24), (100, 30), (120, 40)] {
                for period in ["2015-08", "2015-09", "2015-12"] {
                    var s = update(try bundledState(width: w, height: h, period: period), .showView(.overview))
                    s.language = language
                    let content = try XCTUnwrap(s.content(for: s.screen))
                    let behind = s.dataset.towns.count
                    for i in content.rows.indices where content.rows[i].role == .legend {
                        let heading = content.rows[i].cells[0].text(.unicode)
                        let count = content.rows[i].cells[2].text(.unicode)
                        let isBehind = (0...behind).contains { heading == s.tr(Catalogue.overviewBehind("\($0)")) }
                        guard !isBehind, !count.isEmpty, !heading.isEmpty else { continue }
                        let lines = (1...60).map { s.tr(Catalogue.panelLinesLeftOut($0)) }
                        if count.hasPrefix("…") || count.hasPrefix("+") {
                            XCTAssertTrue(lines.contains(count), "\(heading): \(count)")
                            if heading == s.tr(Catalogue.overviewRegion(s.dataset.regionZH)) { sawCut = true }
                        }
                        XCTAssertFalse(count.contains(s.tr(Catalogue.andMore("1"))), "\(heading): \(count)")
                    }
                }
            }
        }
        XCTAssertTrue(sawCut, "some size cuts the city's panel")
    }

    /// Finding 4: Enter on the overview's checks row opens the city page at its checks (some
    /// 60 lines down), not at its top; the city's own rows still open it at the top.
    func testTheChecksRowOpensTheChecks() throws {
        for language in Language.allCases {
            for (w, h) in [(80, 24), (100, 30)] {
                var s = update(try bundledState(width: w, height: h, period: "2015-09"), .showView(.overview))
                s.language = language
                let content = try XCTUnwrap(s.content(for: s.screen))
                let row = try XCTUnwrap(content.opensAtChecks.first, "the checks row")
                XCTAssertEqual(content.opensAtChecks.count, 1)
                XCTAssertTrue(content.rows[row].cells.contains { $0.text(.unicode).contains("1") }, "the counts")
                var at = s
                at.stack[0] = at.selecting(at.stack[0], row: row)
                at = update(at, .open)
                XCTAssertEqual(at.screen.kind, .cityTotals)
                XCTAssertGreaterThan(at.screen.scroll, 20, "\(w)x\(h)")
                let header = s.tr(Catalogue.checksTownsCheck)
                XCTAssertTrue(screen(at).contains { $0.trimmingCharacters(in: .whitespaces) == header },
                              screen(at).joined(separator: "\n"))
                // The city's row opens the page at its top.
                let cityRow = try XCTUnwrap(content.targets.indices.first { content.targets[$0] == .cityTotals })
                var top = s
                top.stack[0] = top.selecting(top.stack[0], row: cityRow)
                top = update(top, .open)
                XCTAssertEqual(top.screen.kind, .cityTotals)
                XCTAssertEqual(top.screen.scroll, 0)
            }
        }
    }

    /// Finding 5: a page's amounts fit their column by display width in both languages, at 80
    /// and 100 columns: a value is 2 cells at least from its note (`≈14.0 100M yuan  derived:`),
    /// and an amount shares its line with its note (`Year's end (pace)` did not).
    func testPageValuesKeepToTheirColumn() throws {
        for language in Language.allCases {
            for width in [80, 100] {
                var s = try bundledState(width: width, height: 30, period: "2015-09")
                s.language = language
                let amount = s.tr(Catalogue.amountUnit(s.dataset.unit))
                let pages: [Screen.Kind] = s.dataset.towns.map { .townPage($0.id) } + [.cityTotals]
                var amounts = 0
                for page in pages {
                    let body = Renderer.bodyRect(width: width, height: 30).width
                    for line in s.pageLines(page, width: body) {
                        let runs = line.runs
                        guard let at = runs.firstIndex(where: { $0.1 == .label }), at + 1 < runs.count else { continue }
                        let value = runs[at + 1].0
                        // A figure (`≈14.0 100M yuan`, `>50 亿元`), not a rule's words that name an amount.
                        let figure = value.drop { "≈→◇>!".contains($0) }.first?.isNumber ?? false
                        guard figure, value.contains(amount) else { continue }
                        amounts += 1
                        let rest = runs[(at + 2)...].map(\.0).joined()
                        XCTAssertFalse(rest.trimmingCharacters(in: .whitespaces).isEmpty,
                                       "\(page) \(width): the note beside \(line.text())")
                        XCTAssertTrue(value.hasSuffix("  "), "\(page) \(width): '\(line.text())'")
                        XCTAssertLessThanOrEqual(DisplayWidth.of(line.text()), body, line.text())
                    }
                }
                XCTAssertGreaterThan(amounts, 20, "\(language) \(width)")
            }
        }
    }

    /// Finding 9: the province view and a city's towns speak one language: no `城市 city`,
    /// `无 none`, `数据 figures` or `没有小镇 no towns` in Chinese (the cities' names keep their
    /// romanisation: they are names).
    func testTheProvinceViewSpeaksOneLanguage() throws {
        var s = update(try bundledState(width: 100, height: 30, period: "2015-09"), .showView(.province))
        s.message = nil
        var seen = screen(s)
        s = update(s, .showView(.province))
        let content = try XCTUnwrap(s.content(for: s.screen))
        let zhoushan = try XCTUnwrap(content.targets.indices.first { content.targets[$0] == .city("舟山") })
        var city = s
        city.stack[city.stack.count - 1] = city.selecting(city.screen, row: zhoushan)
        city = update(city, .open)
        XCTAssertEqual(city.screen.kind, .city("舟山"))
        seen += screen(city)
        var jiaxing = s
        let row = try XCTUnwrap(content.targets.indices.first { content.targets[$0] == .city("嘉兴") })
        jiaxing.stack[jiaxing.stack.count - 1] = jiaxing.selecting(jiaxing.screen, row: row)
        seen += screen(update(jiaxing, .open))
        let text = seen.joined(separator: "\n")
        for english in ["city", "none", "figures", "no towns"] {
            XCTAssertFalse(text.contains(english), "\(english) in Chinese:\n\(text)")
        }
        XCTAssertTrue(text.contains("城市") && text.contains(" 无") && text.contains("数据"), text)
    }

    /// Finding 10: under a county filter the overview's checks count the findings of the towns
    /// listed, and the heading says so; without one, the whole city's (the snapshot's counts).
    func testTheChecksFollowTheFilter() throws {
        for language in Language.allCases {
            var s = update(try bundledState(width: 100, height: 30, period: "2015-09"), .showView(.overview))
            s.language = language
            func checks(_ s: AppState) throws -> (heading: String, counts: String) {
                let content = try XCTUnwrap(s.content(for: s.screen))
                let row = try XCTUnwrap(content.opensAtChecks.first)
                var heading = content.rows[row].cells[0].text(.unicode)
                if heading.isEmpty { heading = content.rows[row - 1].cells[0].text(.unicode) }
                return (heading, content.rows[row].cells[2].text(.unicode))
            }
            func words(_ findings: [Finding]) -> String {
                let n = { (k: Finding.Kind) in "\(findings.filter { $0.kind == k }.count)" }
                return s.tr(Catalogue.findingCounts(n(.inconsistency), n(.ambiguous), n(.shortfall), n(.consistent)))
            }
            let all = try checks(s)
            XCTAssertEqual(all.heading, s.tr(Catalogue.overviewChecks))
            XCTAssertEqual(all.counts, words(s.facts.findings))
            let haining = update(s, .runCommand("filter county 海宁市"))
            let listed = try checks(haining)
            let ids = Set(haining.dataset.towns.filter { $0.countyZH == "海宁市" }.map(\.id))
            XCTAssertEqual(listed.heading, s.tr(Catalogue.overviewChecksOfListed(ids.count)))
            // The listed towns' findings and the city's own on the figures its row shows (the paper's
            // 42.5%!, whose `!` the filtered overview's city row carries: wave 24's fresh F7).
            let period = try XCTUnwrap(s.period)
            let cityRow: Set<FigureKey> = [FigureKey(.planYear, String(period.year)), FigureKey(.completed, period.id),
                                           FigureKey(.completionRate, period.id)]
            let city = s.facts.findings.filter {
                $0.townID == nil && $0.kind == .inconsistency
                    && ($0.flagged.map(cityRow.contains) == true || $0.flaggedKeys.contains(where: cityRow.contains))
            }
            XCTAssertEqual(city.count, 1, "the city's 42.5% of 2015-09 (data-facts)")
            // And the city's gaps in the figures its row shows (wave 33: the heading says "the
            // city's row"; `W33FidFilteredChecksTests`).
            let gaps = s.facts.findings.filter {
                guard $0.townID == nil, $0.kind == .shortfall, case let .totalGap(g) = $0.detail else { return false }
                return cityRow.contains(g.key)
            }
            XCTAssertEqual(listed.counts,
                           words(s.facts.findings.filter { $0.townID.map(ids.contains) ?? false } + city + gaps))
            XCTAssertNotEqual(listed.counts, all.counts, "the city's finding is not Haining's (the test can fail)")
        }
    }

    /// The hint line never puts a wide character just before the bottom-right cell (ncurses then
    /// leaves that cell in the terminal's own background: RoomEndToEndTests): every view, both
    /// languages, the widths where the overview's Chinese hints reached column 99.
    func testNoWideCharacterBesideTheCorner() throws {
        let kinds: [Screen.Kind] = [.overview, .townList, .typeList, .entityList, .assessment, .province, .changes]
        var checked = 0
        for language in Language.allCases {
            for width in [80, 99, 100, 101, 120] {
                for kind in kinds {
                    var s = update(try bundledState(width: width, height: 30, period: "2015-09"), .showView(kind))
                    s.language = language
                    s.message = nil
                    let grid = plainRenderer.render(s)
                    XCTAssertFalse(grid[width - 1, 29].isContinuation, "\(kind) \(width) \(language) in the corner")
                    XCTAssertFalse(grid[width - 2, 29].isContinuation, "\(kind) \(width) \(language) beside it")
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 70)
    }
}
