import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// What a fresh user found wrong on screen (wave 4), each as a test that would catch it again.
final class ScreenFindingsTests: XCTestCase {
    static let languages = Language.allCases

    /// The rows of the overview's types panel: type number -> the figures cell's text.
    func typesPanel(_ s: AppState) throws -> [Int: String] {
        let content = try XCTUnwrap(s.content(for: s.screen))
        var out: [Int: String] = [:]
        for (i, target) in content.targets.enumerated() {
            if case let .townsOfType(n)? = target { out[n] = content.rows[i].cells[2].text(.unicode) }
        }
        return out
    }

    /// 1. The overview's types panel and the types view give one answer: the same types (a
    /// filter leaves out a type none of whose towns passes, in both) and the same count behind
    /// (`—` where no town of the type has a rate, never `0`).
    func testTheOverviewsTypesPanelAgreesWithTheTypesView() throws {
        for language in Self.languages {
            for filtered in [false, true] {
                var s = try bundledState(width: 100, height: 40, period: "2015-09")
                s.language = language
                if filtered { s = update(s, .toggleBehindFilter) }
                let overview = try typesPanel(update(s, .showView(.overview)))
                let types = update(s, .showView(.typeList))
                let content = try XCTUnwrap(types.content(for: types.screen))
                var listed: [Int: String] = [:]
                for (i, target) in content.targets.enumerated() {
                    if case let .townsOfType(n)? = target { listed[n] = content.rows[i].cells[8].text(.unicode) }
                }
                XCTAssertEqual(Set(overview.keys), Set(listed.keys), "\(language) filtered \(filtered)")
                for (n, behind) in listed {
                    let line = try XCTUnwrap(overview[n])
                    XCTAssertTrue(line.hasSuffix(language == .zh ? "落后 \(behind)" : "behind \(behind)"),
                                  "type \(n): the types view says \(behind), the overview \(line)")
                }
                if !filtered {
                    // Type 2 (Jiashan, no rate): unknown, not none.
                    XCTAssertEqual(listed[2], "—")
                    XCTAssertFalse(try XCTUnwrap(overview[2]).contains("0 behind") || overview[2]!.contains("落后 0"))
                } else {
                    XCTAssertNil(overview[2], "no town of type 2 is behind: not listed with 0/0")
                }
            }
        }
    }

    /// 3. `不再报告` (no longer reported) is drawn as unknown is, not in the behind/warning colour.
    func testNoLongerReportedIsNotDrawnAsBehind() throws {
        for language in Self.languages {
            var s = update(try bundledState(period: "2015-09"), .showView(.changes))
            s.language = language
            let content = try XCTUnwrap(s.content(for: s.screen))
            let word = s.tr(Catalogue.kind(.gone))
            var gone = 0
            for row in content.rows {
                guard case let .text(t, role) = row.cells[2], t.text(.unicode) == word else { continue }
                XCTAssertEqual(role, .unknown, "\(word) drawn as \(String(describing: role))")
                gone += 1
            }
            XCTAssertEqual(gone, 3, "the city's started projects and start rate, Jiashan's start rate (\(language))")
        }
        // Every theme, on 256 and on 8 colours, draws unknown otherwise than behind.
        let defaultPath = repositoryRoot + "/Themes/default.toml"
        let base = try Theme.parse(try String(contentsOfFile: defaultPath, encoding: .utf8), file: "default.toml").0
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/Themes").filter {
            $0.hasSuffix(".toml")
        }
        XCTAssertGreaterThanOrEqual(files.count, 4)
        for file in files {
            let path = repositoryRoot + "/Themes/" + file
            let theme = try Theme.parse(try String(contentsOfFile: path, encoding: .utf8), file: path, fallback: base).0
            for t in [theme, theme.onEightColours] {
                XCTAssertNotEqual(t.style(.unknown), t.style(.behind), file)
                if t.style(.behind).foreground != t.style(.row).foreground {  // a theme with colours
                    XCTAssertNotEqual(t.style(.unknown).foreground, t.style(.behind).foreground, file)
                }
            }
        }
    }

    /// 4. At 80x24 the towns view keeps Δ完成 in both languages, filtered or not; the projects
    /// column gives way first.
    func testTheMeetingsDeltaStaysAt80x24InBothLanguages() throws {
        for language in Self.languages {
            for filtered in [false, true] {
                var s = try bundledState(width: 80, height: 24, period: "2015-09")
                s.language = language
                if filtered { s = update(s, .toggleBehindFilter) }
                s.message = nil
                let lines = screen(s)
                let title = s.tr(Catalogue.deltaDone)
                XCTAssertTrue(lines[3].contains(title), "\(language) filtered \(filtered): \(lines[3])")
                let haining = try XCTUnwrap(lines.first { $0.contains(language == .zh ? "海宁" : "Haining") })
                XCTAssertTrue(haining.hasSuffix("≈+4.26"), haining)
            }
        }
    }

    /// 4. The hint line keeps `e`, `:` and `?` whatever else gives way, in every top view, at every
    /// width drawn, filtered or not, in both languages.
    func testTheHintsKeepExportCommandAndHelp() throws {
        for language in Self.languages {
            for kind in AppState.topViews {
                for filtered in [false, true] {
                    for width in [60, 70, 80, 100] {
                        var s = try bundledState(width: width, height: 24, period: "2015-09")
                        s.language = language
                        s = update(s, .showView(kind))
                        if filtered { s = update(s, .toggleBehindFilter) }
                        let keys = Renderer.keyHints(s, width: width).map(\.0)
                        for key in ["e", ":", "?"] {
                            XCTAssertTrue(keys.contains(key), "\(key) in \(keys), \(kind) at \(width) \(language)")
                        }
                    }
                }
            }
        }
    }

    /// 5. The active tab is shown whole at every width drawn, in both languages.
    func testTheActiveTabIsAlwaysShown() throws {
        for language in Self.languages {
            for (i, kind) in AppState.topViews.enumerated() {
                for width in [60, 64, 72, 80, 100] {
                    var s = try bundledState(width: width, height: 14)
                    s.language = language
                    s = update(s, .showView(kind))
                    let label = "\(i) " + s.tr(Catalogue.tabs[i].short), long = "\(i) " + s.tr(Catalogue.tabs[i].long)
                    let row = screen(s)[1] + " "
                    XCTAssertTrue(row.contains(" \(label) ") || row.contains(" \(long) "),
                                  "\(label) at \(width): \(screen(s)[1])")
                    let tabs = Renderer.tabs(s)
                    XCTAssertLessThanOrEqual(tabs.last!.columns.upperBound, width)
                }
            }
        }
        // The tab names the view as its title does: `4 Assess`, the assessment, not `Rules`.
        var s = try bundledState(width: 80, height: 24)
        s.language = .en
        s = update(s, .showView(.assessment))
        XCTAssertTrue(screen(s)[1].contains("4 Assess"), screen(s)[1])
        XCTAssertTrue(s.tr(Catalogue.assessment).hasPrefix(s.tr(Catalogue.tabs[4].short)))
    }

    /// The screens the legend test walks: every top view, a town's page, at three sizes and every period.
    func everyScreen(_ check: (AppState, [String], String) throws -> Void) throws {
        let base = try bundledState()
        for language in Self.languages {
            for (w, h) in [(60, 14), (80, 24), (100, 30)] {
                for p in base.dataset.periods.indices {
                    for actions in AppState.topViews.map({ [Action.showView($0)] }) + [[.showView(.townList), .open]] {
                        var s = base
                        s.language = language
                        s.periodIndex = p
                        s = update(s, .resize(width: w, height: h))
                        s = actions.reduce(s) { update($0, $1) }
                        s.message = nil
                        try check(s, screen(s), "\(actions) \(w)x\(h) \(language) \(base.dataset.periods[p].id)")
                    }
                }
            }
        }
    }

    /// 6. Every mark the screen shows is in its legend, at every size drawn: the words get
    /// shorter and the marks not shown give way, never a mark shown.
    func testEveryMarkShownIsInTheLegend() throws {
        let marks = ["≈", "†", "◇", "→", "—", ">", "!", "▼", "│", "✦", "▲", "▽"]
        try everyScreen { s, lines, name in
            let body = lines[3..<(lines.count - 2)].joined()
            let legend = lines[lines.count - 2]
            // A dash right after a word's letter is prose (a type's name 创意设计—商务休闲, a paper's title
            // 对策研究—以嘉兴市为例), not the unknown mark: the legend names only marks (wave 24, F8).
            let unknownShown = lines[3..<(lines.count - 2)].contains {
                $0.range(of: "(^|[^\\p{L}])—", options: .regularExpression) != nil
            }
            for mark in marks where body.contains(mark) && (mark != "—" || unknownShown) {
                XCTAssertTrue(legend.contains(mark), "\(mark) shown, not in the legend: \(name)\n\(legend)")
            }
            // The unit where an amount can be drawn only (not `:messages`, not the reference).
            // The overview names it in its figures column's title instead (wave 31: `数字（金额：亿元）`,
            // `Figures (amounts in 100M yuan)`), which freed its legend for the screen's words.
            let unitInLegend = legend.hasSuffix("亿元") || legend.hasSuffix("100M yuan")
            if s.screen.kind == .overview {
                XCTAssertFalse(unitInLegend, legend)
                XCTAssertTrue(lines.contains { $0.contains("金额：亿元") || $0.contains("amounts in 100M yuan") },
                              "\(name)\n" + lines.joined(separator: "\n"))
            } else {
                XCTAssertEqual(unitInLegend, s.screen.kind.drawsAmounts, legend)
            }
        }
    }

    /// 7. No doubled ellipsis on the overview at any size or period, filtered or not: a panel's
    /// count of rows left out stands on its header row, never cut with a row's figures.
    func testTheOverviewNeverCutsItsCountOfRowsLeftOut() throws {
        for language in Self.languages {
            for (w, h) in [(60, 14), (80, 24), (100, 30), (200, 60)] {
                for period in ["2015-08", "2015-09", "2015-12"] {
                    for filtered in [false, true] {
                        var s = try bundledState(width: w, height: h, period: period)
                        s.language = language
                        s = update(s, .showView(.overview))
                        if filtered { s = update(s, .toggleBehindFilter) }
                        s.message = nil
                        let text = screen(s).joined(separator: "\n")
                        XCTAssertFalse(text.contains("……") || text.contains("… …"), "\(w)x\(h) \(period)\n\(text)")
                        let more = s.tr(Catalogue.andMore("")).trimmingCharacters(in: .whitespaces)
                        XCTAssertFalse(text.contains(more.prefix(3) + "…"), text)
                    }
                }
            }
        }
    }

    /// 7. The sort mark is an arrow, not the behind mark `▼` nor a rank's `▲`.
    func testTheSortMarkIsNotAVerdict() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s.language = .en
        s = update(s, .chooseSort(descending: true))
        s = update(s, .sortChooserKey(.char("4")))
        let header = screen(s)[3]
        XCTAssertTrue(header.contains("↓"), header)
        XCTAssertFalse(header.contains("▼") || header.contains("▲"), header)
        let ascii = Renderer(theme: .monochrome, glyphs: .ascii).render(s).lines()[3]
        XCTAssertTrue(ascii.contains(">") && !ascii.contains("v "), ascii)
    }

    /// 7. `:changes 2015-12` while Jan-Sep is shown: the message line says so whole at 80
    /// columns, and the view's note says it in full (before the long note, so not cut).
    func testAChosenPeriodThatDoesNotFitIsSaidWhole() throws {
        for language in Self.languages {
            var s = try bundledState(width: 80, height: 24, period: "2015-09")
            s.language = language
            s = update(s, .runCommand("changes 2015-12"))
            let message = try XCTUnwrap(s.message)
            XCTAssertLessThanOrEqual(DisplayWidth.of(message), 78, message)
            XCTAssertTrue(message.hasPrefix("2015-12") && message.contains(s.label(s.dataset.periods[0])), message)
            let lines = screen(s)
            XCTAssertEqual(lines[22].trimmingCharacters(in: .whitespaces), message)
            XCTAssertTrue(lines.contains { $0.contains(":changes prev") }, lines.joined(separator: "\n"))
        }
    }

    /// 8. Jan-Sep -> the full year: the changes panel lists the changes onto another basis
    /// (the city's 45.06 -> ◇63.06, Haining's 13.56 -> ◇>14), marked, with no Δ.
    func testTheChangesPanelListsAChangeOntoAnotherBasis() throws {
        for language in Self.languages {
            var s = try bundledState(width: 100, height: 60, period: "2015-12")
            s.language = language
            s = update(s, .showView(.overview))
            let content = try XCTUnwrap(s.content(for: s.screen))
            func row(_ target: Screen.Kind) -> String? {
                // The changes panel's row (after its header): the last row with that target.
                content.targets.indices.last { content.targets[$0] == target }
                    .map { content.rows[$0].cells[2].text(.unicode) }
            }
            let basis = s.tr(Catalogue.kind(.otherBasis)), done = s.tr(Catalogue.completed3)
            // With the full year's rates gone unknown beside it (since wave 33, `W33OverviewGoneTests`).
            let rateGone = "  \(s.tr(Catalogue.rate)) \(s.tr(Catalogue.kind(.gone)))"
            XCTAssertEqual(row(.townPage("haining")), "\(done) \(basis) ◇>14" + rateGone)
            let city = content.targets.indices.filter { content.targets[$0] == .cityTotals }
                .map { content.rows[$0].cells[2].text(.unicode) }
            XCTAssertTrue(city.contains("\(done) \(basis) ◇63.06" + rateGone), "\(city)")
            XCTAssertFalse(city.contains { $0.contains("18.00") }, "not subtracted: \(city)")
        }
    }
}
