import TownsCore
@testable import TownsUI
import XCTest

/// Wave 8 (w8-fid): findings of fresh users on fidelity, each with what a person would see.
final class W8FidTests: XCTestCase {
    /// Finding 6: `b` set logs a message in `:messages`; `b` cleared logs one too, saying so.
    func testClearingTheBehindFilterIsLoggedAsSettingItIs() throws {
        for language in Language.allCases {
            var s = try bundledState()
            s.language = language
            s = apply(s, .toggleBehindFilter)
            XCTAssertTrue(s.filter.behindSchedule)
            let afterSet = s.messageLog.entries.count
            XCTAssertGreaterThan(afterSet, 0, "setting b is logged")
            s = apply(s, .toggleBehindFilter)
            XCTAssertFalse(s.filter.behindSchedule)
            XCTAssertEqual(s.messageLog.entries.count, afterSet + 1, "clearing b is logged")
            let text = try XCTUnwrap(s.messageLog.entries.last?.text)
            XCTAssertTrue(text.hasPrefix(s.tr(Catalogue.behindFilterOff)), text)
            XCTAssertTrue(text.contains(s.tr(Catalogue.towns("\(s.dataset.towns.count)"))), text)
        }
    }

    /// Finding 3: on the city's totals page ✓ marks passed consistency checks; its legend says so
    /// (not "met", a rule's verdict), in both languages, on every page of it that shows a ✓.
    func testTheCityPagesLegendSaysWhatItsTickMeans() throws {
        for language in Language.allCases {
            var s = try bundledState()
            s.language = language
            s.stack.append(Screen(.cityTotals))
            var legends: [String] = []
            var before = -1
            while s.screen.scroll != before {
                let lines = screen(s)
                if lines.dropLast(2).contains(where: { $0.contains(Glyphs.unicode.met) }) {
                    legends.append(lines[lines.count - 2])
                }
                before = s.screen.scroll
                s = apply(s, .pageDown)
            }
            XCTAssertFalse(legends.isEmpty, "the city page shows a ✓ somewhere")
            let words = Catalogue.legendCheckPassed.text
            for legend in legends {
                XCTAssertTrue(legend.contains(Glyphs.unicode.met + " " + (language == .zh ? words.zh : words.en)), legend)
                XCTAssertFalse(legend.contains(language == .zh ? "达标" : " met"), legend)
            }
            // The assessment view's ✓ is still a rule met.
            var a = try bundledState()
            a.language = language
            a.stack = [Screen(.assessment)]
            let lines = screen(a)
            if lines.dropLast(2).contains(where: { $0.contains(Glyphs.unicode.met) }) {
                XCTAssertFalse(lines[lines.count - 2].contains(language == .zh ? words.zh : words.en))
            }
        }
    }

    /// Finding 4: a Δ cell shows the marks its figures carry: a new `◇>14` is `◇✦`, not a bare
    /// `✦`; where the bases differ and nothing is worked out, `◇—`. Every town of every period.
    func testADeltaCellCarriesTheMarksOfItsFigures() throws {
        var s = try bundledState()
        let deltaDone = try XCTUnwrap(s.list(for: Screen(.townList))?.content.columns
            .firstIndex { $0.title == s.tr(Catalogue.deltaDone) })
        var seenBasis = 0
        for (i, period) in s.dataset.periods.enumerated() {
            s.periodIndex = i
            guard let from = s.metrics.previousPeriod(period) else { continue }
            let content = try XCTUnwrap(s.list(for: Screen(.townList))?.content)
            for (row, town) in s.dataset.towns.enumerated() {
                let c = s.metrics.change(town, .completed, from: from, to: period)
                guard case let .text(text, _) = content.rows.all[row].cells[deltaDone] else {
                    return XCTFail("a Δ is text")
                }
                let shown = text.text(.unicode)
                let basis = [c.before, c.after].contains { $0?.basis != nil }
                XCTAssertEqual(shown.contains(Glyphs.unicode.basis), basis, "\(town.id) \(period.id): \(shown)")
                if basis { seenBasis += 1 }
                if c.isNew { XCTAssertTrue(shown.hasSuffix(Glyphs.unicode.newSince), shown) }
            }
        }
        XCTAssertGreaterThan(seenBasis, 0, "the bundled full year has ◇ figures (the 2016 notice's >14)")
    }
}
