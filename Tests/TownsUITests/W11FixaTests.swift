import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Wave 11 (w11-fixa): a fresh user's findings on data fidelity, marks and legends.
final class W11FixaTests: XCTestCase {
    /// Each legend item's marks as the ASCII set draws them, read off the ASCII legend line by
    /// its words (the test's own list, as `LegendTruthTests.marks` for Unicode).
    static let asciiMarks: [(mark: String, words: [String])] = [
        ("~", ["derived", "calc", "fit"]), ("*", ["interpreted", "interp", "reading"]), ("&", ["basis", "other basis"]),
        ("p", ["projected", "proj"]), ("_", ["unknown", "n/k"]), (">N", ["bound", "lower bound", "min"]),
        ("!", ["check", "fails a check"]), ("v", ["behind", "late"]), ("|", ["expected", "due"]),
        ("n", ["new"]), ("ud", ["rank", "place"]), ("Y", ["met"]), ("N", ["not met", "unmet"]),
        ("?", ["cannot be judged", "undecided", "unclear"]), ("o", ["not yet due", "not due", "later"]),
    ]

    /// In ASCII (LANG=C) every screen's legend lists exactly the marks its folded screen shows:
    /// a Δ is not folded to `d` (a place lost), a prose dash not counted as `_` (unknown).
    func testTheASCIILegendListsExactlyTheMarksOnItsScreen() throws {
        let ascii = Renderer(theme: .monochrome, glyphs: .ascii)
        var failures: [String] = []
        var walked = 0
        for (name, actions) in LegendTruthTests.screens {
            for (w, h) in [(80, 24), (120, 40)] {
                var s = try bundledState(width: w, height: h)
                s.language = .en
                s = actions.reduce(s) { update($0, $1) }
                s.message = nil
                s.session.flash = nil
                guard s.screen.kind.drawsMarks else { continue }
                let grid = ascii.render(s)
                let lines = grid.lines()
                let legend = lines[h - 2]
                let listed = Set(Self.asciiMarks.indices.filter { i in
                    Self.asciiMarks[i].words.contains {
                        let mark = Self.asciiMarks[i].mark
                        return legend.contains(mark + $0) || legend.contains(mark + " " + $0)
                    }
                })
                // The test's own reading of the body for the signs no word holds (not `&`: R&D).
                // A sign between two letters is a word's (`accelerated_county_fitted`), not a mark.
                func stands(_ sign: Character) -> Bool {
                    lines[3..<(h - 2)].contains { line in
                        let c = Array(line)
                        return c.indices.contains { i in
                            c[i] == sign && !(i > 0 && c[i - 1].isLetter && i + 1 < c.count && c[i + 1].isLetter)
                        }
                    }
                }
                for (i, m) in Self.asciiMarks.enumerated() where ["~", "_"].contains(m.mark) {
                    if stands(Character(m.mark)) != listed.contains(i) {
                        let inBody = stands(Character(m.mark))
                        failures.append("\(name) \(w)x\(h): \(m.mark) in the body \(inBody): \(legend)")
                    }
                }
                // A `d` standing alone (a place lost) in the body only when the rank's moves are listed.
                let rank = Self.asciiMarks.firstIndex { $0.mark == "ud" }!
                let dAlone = lines[3..<(h - 2)].contains { line in
                    let c = Array(line)
                    return c.indices.contains { i in
                        c[i] == "d" && (i == 0 || !c[i - 1].isLetter) && (i + 1 == c.count || !c[i + 1].isLetter)
                    }
                }
                if dAlone != listed.contains(rank) {
                    failures.append("\(name) \(w)x\(h): a lone d \(dAlone), rank listed \(listed.contains(rank))")
                }
                walked += 1
            }
        }
        XCTAssertGreaterThan(walked, 20)
        XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n"))
    }

    /// Δ and … (before words) fold to signs that are no mark of the ASCII set (Δ was `d`, a place lost; … a full stop).
    func testDeltaAndEllipsisFoldApartFromEveryMark() {
        let marks = Set(Renderer.legendSymbols(.ascii).flatMap { $0 }.map { String($0.prefix(1)) })
        for text in ["Δ", "…"] {
            let folded = Grid.ascii(text, before: " ", then: "a") ?? text
            XCTAssertFalse(marks.contains(folded), "\(text) folds to \(folded), a legend mark")
            XCTAssertNotEqual(folded, ".", text)
            XCTAssertTrue(folded.allSatisfy(\.isASCII), folded)
        }
        // `… and 2 more`: a blank before the words (they say more follows), not a full stop.
        XCTAssertEqual(Grid.ascii("…", before: " ", then: "a"), " ")
        XCTAssertEqual(Grid.ascii("…", before: " ", then: " "), ".", "a trailing … ends the text")
    }

    /// A group's rate beside its rounded inputs checks by the reader's division of them:
    /// 11.30 / ≈47 is ≈24%, not ≈23.9% (the exact sums' rate, 11.30 / 47.28).
    func testAGroupRateAgreesWithItsPrintedInputs() throws {
        var g = GroupProgress()
        g.add(plan: (.exact(Decimal(string: "47.28")!, decimals: 2), true,
                     Interval(Decimal(string: "47.16")!, Decimal(string: "47.40")!), false),
              completed: (.exact(Decimal(string: "11.30")!, decimals: 2), false, nil, false),
              comparable: true, variance: -10)
        // The exact sums' interval alone gives one decimal (the old rule: ≈23.9%): the test can fail.
        XCTAssertEqual(g.rateInterval?.supportedDecimals(atMost: 1), 1)
        let s = try bundledState()
        let cells = s.groupCells(g)
        // One town's sums give that town's rate with its digits (session 27's fresh user, F4,
        // W34FidGroupRateTests: was `≈24%`, the printed 11.30 / 47): ≈47 stands for 46.5-47.5, and
        // 11.30 over that is 23.79-24.30%, which holds the town's 23.9.
        XCTAssertEqual(cells.summary.text(.unicode), "11.30 / ≈47 ≈23.9%")
        let printed = try XCTUnwrap(g.printedRate(atMost: 1))
        XCTAssertEqual(printed.decimals, 1)
        XCTAssertEqual(printed.value, Decimal(string: "23.9")!)
        let reader = Interval(Decimal(string: "11.295")! / Decimal(string: "47.5")! * 100,
                              Decimal(string: "11.305")! / Decimal(string: "46.5")! * 100)
        XCTAssertTrue(reader.lower <= printed.value && printed.value <= reader.upper, "\(reader)")
    }

    /// The towns table's sum row carries no behind verdict (no ▼): its bar is not drawn in the
    /// behind role (8 colours drew the `≈51%` bar red, as a behind row's), though it is short.
    func testTheSumRowsBarIsNotRedWithoutAVerdict() throws {
        let s = try bundledState()
        let period = try XCTUnwrap(s.period)
        let sums = TownSums(s.periodTable(), positions: Array(s.dataset.towns.indices))
        let g = sums.progress(members: s.dataset.towns.count)
        let rate = try XCTUnwrap(g.rate)
        XCTAssertLessThan(DecimalMath.double(rate), period.elapsedPercent, "the group is short (the test can fail)")
        guard case let .bar(_, role, _) = s.groupCells(g).bar else { return XCTFail("no bar") }
        XCTAssertNotEqual(role, .behind)
        // A town behind keeps its red bar, with its ▼.
        let lines = screen(s)
        XCTAssertTrue(lines.contains { $0.contains("▼") })
    }

    /// The notes page's column key gives the land reward's shares from the rule's numbers: 60%
    /// (Haiyan's row) as well as 50% (the Chinese title named 50% alone).
    func testTheLandRewardColumnKeyComesFromTheRule() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 120, height: 40)
            s.language = language
            let rule = try XCTUnwrap(s.dataset.rules.first { $0.kind == .landReward })
            let (p, h) = (rule.number("percent"), rule.number("higher_percent"))
            XCTAssertNotEqual(p, h, "two shares (the test can fail)")
            s = apply(s, .showView(.assessment), .last, .open)
            XCTAssertEqual(s.screen.kind, .assessmentNotes)
            let page = s.pageLines(.assessmentNotes, width: 4096).map { $0.runs.map(\.0).joined() }
            let key = try XCTUnwrap(page.first { $0.contains(s.tr(Catalogue.assessmentColumns)) }, "\(page)")
            for v in [p, h] { XCTAssertTrue(key.contains("\(v)%"), "\(language): \(v)% in \(key)") }
        }
    }

    /// `y` explains its columns as a report and an export do: the towns table's key (进度差 = …),
    /// the overview's short rule names (`Land+`, `Land-`).
    func testTheCopyExplainsItsColumns() throws {
        for language in Language.allCases {
            var s = try bundledState()
            s.language = language
            let towns = try XCTUnwrap(ClipboardText.of(s)).text
            XCTAssertTrue(towns.contains(s.tr(Catalogue.townsColumnsKey)), towns)
            s = update(s, .showView(.overview))
            let overview = try XCTUnwrap(ClipboardText.of(s)).text
            for rule in s.dataset.rules {
                let short = language == .zh ? rule.shortZH : AppState.ruleShortEN(rule)
                let key = short + " " + AppState.columnKey(rule, language)
                XCTAssertTrue(overview.contains(key), "\(short)\n\(overview)")
            }
        }
    }
}
