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

    /// Finding 2: a group's sums (the types view, a filtered list) take a town by the rule a
    /// town's progress follows (`Metrics.comparable`): a plan from one source and a completed
    /// amount from another, both on no stated basis, are not summed together (the old check
    /// compared only "on another basis or not" and took them).
    func testAGroupSumsATownOnlyWhereItsProgressSetsItAgainstThePlan() throws {
        var d = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        let i = try XCTUnwrap(d.towns.firstIndex { $0.id == "tongxiang" })
        func reported(_ v: String, _ source: String) -> Figure {
            Figure(quantity: .exact(Decimal(string: v)!, decimals: 2),
                   provenance: .reported(source: source, at: nil, quote: nil, note: nil))
        }
        d.towns[i].figures[FigureKey(.planYear, "2015")] = reported("20.00", "paper")
        d.towns[i].figures[FigureKey(.completed, "2015-09")] = reported("11.11", "ndrc-2016")
        var s = AppState(dataset: d, width: 100, height: 30)
        s.periodIndex = try XCTUnwrap(d.periods.firstIndex { $0.id == "2015-09" })
        let period = try XCTUnwrap(s.period)
        XCTAssertFalse(s.metrics.progress(d.towns[i], period: period).comparesWithPlan)
        // One rule for each town alone, in the core's figures and in the table's.
        for (n, town) in d.towns.enumerated() {
            let p = s.metrics.progress(town, period: period)
            let both = p.plan?.quantity.exactValue != nil && p.completed?.quantity.exactValue != nil
                && p.plan?.isInterpreted == false && p.completed?.isInterpreted == false
            let expected = both && p.comparesWithPlan ? 1 : 0
            XCTAssertEqual(s.groupProgress([n]).covered, expected, town.id)
            XCTAssertEqual(s.metrics.groupProgress([town], period: period).covered, expected, town.id)
        }
        // Type 1 (Haining, Tongxiang): Haining's ≈18.60 and 13.56 alone, as before the change.
        let typeOne = s.groupProgress(s.facts.townsByType[1] ?? [])
        XCTAssertEqual(typeOne.covered, 1)
        XCTAssertEqual(DecimalMath.text(typeOne.completed.sum, scale: 2), "13.56")
        // The same towns a filter by type lists and a stored (snapshot) table carries.
        XCTAssertFalse(s.periodTable()[i].completedComparesWithPlan)
    }
}
