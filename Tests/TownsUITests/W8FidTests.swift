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
}
