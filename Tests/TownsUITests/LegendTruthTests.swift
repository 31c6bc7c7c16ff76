import TownsCore
@testable import TownsUI
import XCTest

/// The legend line lists exactly the marks the body draws (wave 6, w6-screens point 1): a mark
/// listed and not drawn costs the reader a search, a mark drawn and not listed goes unexplained.
final class LegendTruthTests: XCTestCase {
    /// The screens walked: every view, a town's page, the city's totals, the changes, the
    /// reference, the presentation layout (`P`) of the towns and types views.
    // (Not the help, nor the sort chooser: it takes the legend's line while open.)
    /// The bundled data at `width` x `height` in `language` after `actions`, the message and
    /// flash they left cleared: the screen whose legend is read.
    static func shown(_ actions: [Action], width: Int, height: Int, language: Language) throws -> AppState {
        var s = try bundledState(width: width, height: height)
        s.language = language
        s = actions.reduce(s) { update($0, $1) }
        s.message = nil
        s.session.flash = nil
        return s
    }

    static let screens: [(String, [Action])] = ScreenGoldenTests.screens.filter {
        $0.name != "help" && $0.name != "towns-sort-chooser"
    } + [
        ("reference", [.showView(.reference)]),
        ("assessment-notes", [.showView(.assessment), .last, .open]),
    ]

    /// Each legend item's marks as the screen draws them (Unicode), read off the legend line by
    /// its words; the test keeps its own list, not the renderer's.
    static let marks: [(mark: String, words: [String])] = [
        ("≈", ["推算", "derived", "calc", "fit"]), ("†", ["解读", "interpreted", "interp", "reading"]),
        ("◇", ["口径", "basis", "other basis"]), ("→", ["预测", "projected", "proj"]), ("—", ["未知", "unknown", "n/k"]),
        (">N", ["下限", "bound", "lower bound", "min"]), ("!", ["核对", "不符", "check", "fails a check"]),
        ("▼", ["落后", "behind", "late"]),
        ("│", ["应完", "预期", "expected", "due"]), ("✦", ["新", "new"]),
        ("▲▽", ["名次", "rank", "place"]), ("✓", ["达标", "met"]), ("✗", ["未达标", "not met", "unmet"]),
        ("?", ["不能判定", "cannot be judged", "undecided", "unclear"]), ("○", ["未到期", "not yet due", "not due", "later"]),
    ]

    func testEveryLegendMarkIsDrawnAndEveryDrawnMarkIsListed() throws {
        var failures: [String] = []
        var walked = 0
        for (name, actions) in Self.screens {
            for (w, h) in [(80, 24), (60, 14), (120, 40)] {
                for language in Language.allCases {
                    let s = try Self.shown(actions, width: w, height: h, language: language)
                    let lines = screen(s)
                    let legend = lines[h - 2]
                    // The unit where an amount can be drawn only (not the reference's quoted passages),
                    // and on a list saying which columns are amounts, only while one is shown (its title).
                    let titles = Set(lines[3].split(separator: " ").map { $0.trimmingCharacters(in: ["↓", "↑"]) })
                    let amounts = s.screen.kind.drawsAmounts && (s.list(for: s.screen)?.content.amountColumns.map {
                        $0.contains { titles.contains(s.list(for: s.screen)!.content.columns[$0].title) }
                    } ?? true)
                    guard legend.contains(language == .zh ? "单位" : "unit") == amounts else {
                        failures.append("\(name) \(w)x\(h) \(language): no legend or a unit for nothing: \(legend)")
                        continue
                    }
                    walked += 1
                    let body = lines[3..<(h - 2)]
                    let listed = Self.listed(in: legend)
                    let drawn = Renderer.marksShown(in: plainRenderer.render(s),
                                                   rows: Renderer.bodyRect(width: w, height: h), glyphs: .unicode)
                    let here = "\(name) \(w)x\(h) \(language)"
                    for i in listed.subtracting(drawn) {
                        failures.append("\(here): legend lists \(Self.marks[i].mark), not drawn: \(legend)")
                    }
                    for i in drawn.subtracting(listed) {
                        failures.append("\(here): draws \(Self.marks[i].mark), not in the legend: \(legend)")
                    }
                    // The test's own reading of the body, for the marks no prose uses.
                    for (i, m) in Self.marks.enumerated() where ["≈", "◇", "→", "▼", "✓", "✗", "○"].contains(m.mark) {
                        let inBody = body.contains { $0.contains(m.mark) }
                        if inBody != listed.contains(i) {
                            failures.append("\(here): \(m.mark) in the body \(inBody): \(legend)")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(walked, 80)
        XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n"))
    }

    /// The items (positions in `marks`, as `Renderer.legendSymbols` orders them) the legend line
    /// lists: a mark followed by one of its words, with or without a space.
    static func listed(in legend: String) -> Set<Int> {
        Set(marks.indices.filter { i in
            marks[i].words.contains { legend.contains(marks[i].mark + $0) || legend.contains(marks[i].mark + " " + $0) }
        })
    }

    /// The towns view's `†` note is about the projects column's figures: where the column gives
    /// way (English 80x24, the presentation layout), the note and its legend item go with it.
    func testTheProjectsNoteGoesWithItsColumn() throws {
        for language in Language.allCases {
            for (w, h, presenting) in [(80, 24, false), (80, 24, true), (120, 40, false)] {
                var s = try bundledState(width: w, height: h)
                s.language = language
                if presenting { s = update(s, .meeting(.togglePresentation)) }
                let lines = screen(s)
                let header = lines[3]
                let projects = header.contains(language == .zh ? "项目" : "Projects")
                let note = lines.contains { $0.hasPrefix(" † ") }
                XCTAssertEqual(note, projects, "\(w)x\(h) \(language) presenting \(presenting):\n"
                               + lines.joined(separator: "\n"))
                XCTAssertEqual(lines.joined().contains("†"), projects, "\(w)x\(h) \(language)")
            }
        }
    }
}

extension LegendTruthTests {
    /// At 60x14 the overview's types panel draws each type's count of towns behind whole (it
    /// was cut: `1/2 镇 落…`), in both languages.
    func testTheOverviewsTypesPanelIsNotCutAtSixtyColumns() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 60, height: 14)
            s.language = language
            s = update(s, .showView(.overview))
            let lines = screen(s)
            let heading = try XCTUnwrap(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces)
                == (language == .zh ? "类型" : "Types") }, lines.joined(separator: "\n"))
            let types = Array(lines[(heading + 1)...].prefix { $0.hasPrefix(" 1 ") || $0.hasPrefix(" 2 ")
                || $0.hasPrefix(" 3 ") || $0.hasPrefix(" 4 ") })
            XCTAssertEqual(types.count, 3, lines.joined(separator: "\n"))
            for line in types {
                XCTAssertFalse(line.hasSuffix("…"), line)
                XCTAssertTrue(line.hasSuffix("▼") || line.hasSuffix("—") || line.hasSuffix(" 0")
                              || line.hasSuffix("落后 0"), line)
            }
            XCTAssertTrue(types[0].contains(language == .zh ? "1/2 镇 落后 1▼" : "1/2 towns, behind 1▼"), types[0])
        }
    }
}

extension LegendTruthTests {
    /// The `:messages` page is prose: a dash, `≈` or `!` in a message is not a mark, so its legend
    /// lists none (it showed `— 未知` for a message's dash: a fresh user's finding, w9-screens).
    func testTheMessagesPageLegendListsNoMarks() throws {
        for language in Language.allCases {
            for (w, h) in [(80, 24), (60, 14), (120, 40)] {
                var s = try bundledState(width: w, height: h)
                s.language = language
                for text in ["没有列 9 — 1 小镇  2 县市区", "≈ 推算 ! 核对 — unknown ✓ met", "plain"] {
                    s.messageLog.append(Flash(text), at: "10:00:00")
                }
                s = update(s, .runCommand("messages"))
                s.message = nil
                XCTAssertEqual(s.screen.kind, .messages)
                let lines = screen(s)
                XCTAssertTrue(lines[3..<(h - 2)].contains { $0.contains("—") },
                              "a dash in the body (the test can fail)")
                let legend = lines[h - 2]
                XCTAssertEqual(Self.listed(in: legend), [], "\(w)x\(h) \(language): \(legend)")
            }
        }
    }
}

extension LegendTruthTests {
    /// The assessment's `≈3年` is a term resting on a fitted value, not a figure worked out: the
    /// legend's word for `≈` there says fitted too (`推算/拟合`, `derived/fitted`), not `推算` alone.
    func testTheAssessmentsFittedTermHasItsLegendWord() throws {
        for language in Language.allCases {
            for (w, h) in [(80, 24), (100, 30), (120, 40)] {
                var s = update(try bundledState(width: w, height: h, period: "2015-09"), .showView(.assessment))
                s.language = language
                s.message = nil
                let lines = screen(s)
                XCTAssertTrue(lines[4..<(h - 2)].contains { $0.contains("≈3") }, "a fitted term drawn (can fail)")
                let legend = lines[h - 2]
                let forms = language == .zh ? ["≈ 推算/拟合", "≈推算/拟合"] : ["≈ derived/fitted", "≈calc/fit", "≈fit"]
                XCTAssertTrue(forms.contains { legend.contains($0) }, "\(w)x\(h): \(legend)")
                XCTAssertFalse(["≈ 推算 ", "≈推算 ", "≈ derived "].contains { legend.contains($0) }, legend)
            }
        }
    }
}

extension LegendTruthTests {
    /// In ASCII (`LANG=C`, `--ascii`) the legend lists no mark the Unicode screen does not draw: the ASCII
    /// marks that are letters (`p`, `v`, `n`, `u d`, `N`, `o`) are not found in the words and
    /// names of the cells (the towns view listed `p proj`, `ud rank`, `N unmet`, `o later`).
    func testTheASCIILegendListsTheMarksTheUnicodeOneDoes() throws {
        let ascii = Renderer(theme: .monochrome, glyphs: .ascii)
        var failures: [String] = []
        for (name, actions) in Self.screens {
            for (w, h) in [(80, 24), (120, 40)] {
                for language in Language.allCases {
                    let s = try Self.shown(actions, width: w, height: h, language: language)
                    // Pages and the changes too (their `Δ` folded to `d`, read as the rank's mark: w11-fixa).
                    guard s.screen.kind.drawsMarks else { continue }
                    let body = Renderer.bodyRect(width: w, height: h)
                    let unicode = Renderer.marksShown(in: plainRenderer.render(s), rows: body, glyphs: .unicode)
                    let folded = Renderer.marksShown(in: ascii.render(s), rows: body, glyphs: .ascii)
                    // (Not yet the converse: province 120x40 zh draws an unknown mark the ASCII fold loses.)
                    if !folded.isSubset(of: unicode) {
                        failures.append("\(name) \(w)x\(h) \(language): \(folded.sorted()) vs \(unicode.sorted())")
                    }
                }
            }
        }
        XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n"))
    }
}
