import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Wave 7 (a fresh user's findings): the same notes in both languages, where they fit.
final class W7WordsTests: XCTestCase {
    /// The breadcrumb line (the third) of a screen.
    func breadcrumb(_ state: AppState) -> String { screen(state)[2] }

    /// English says how many columns are hidden wherever Chinese does: beside the time the data
    /// changed at 80x24, behind the filter, and in the assessment at 60x14 (was silent).
    func testEnglishSaysColumnsAreHidden() throws {
        let base = try bundledState()
        var cases: [(String, AppState)] = []
        var changed = update(base, .resize(width: 80, height: 24))
        changed.dataChangedAt = "07:13:38"
        cases.append(("towns, data changed", changed))
        cases.append(("towns behind", update(update(base, .resize(width: 80, height: 24)), .toggleBehindFilter)))
        cases.append(("assessment 60x14",
                      update(update(base, .resize(width: 60, height: 14)), .showView(.assessment))))
        for (name, state) in cases {
            var zh = state
            zh.language = .zh
            var en = state
            en.language = .en
            XCTAssertTrue(breadcrumb(zh).contains("未显示"), "\(name) zh: \(breadcrumb(zh))")
            let line = breadcrumb(en)
            XCTAssertTrue(line.contains("columns hidden") || line.contains("cols hidden")
                          || line.contains("columns left out:") || line.contains("hidden: "), "\(name) en: \(line)")
        }
    }
}

/// Wave 7: the presenter's chip is short at 80 columns so the meeting's keys stay on the hint line.
final class W7PresenterChipTests: XCTestCase {
    func testPresenterChipShortAt80KeepsFindBehindCopy() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState()
            s.language = language
            s = update(s, .resize(width: 80, height: 24))
            s = update(s, .meeting(.presenting(name: "m7", followers: 1)))
            s.message = nil
            let hints = screen(s)[23]
            for key in [" / ", " b ", " y ", " >< "] {
                XCTAssertTrue(hints.contains(key),
                              "\(language) lacks \(key): \(hints)")
            }
            // Since wave 21 the name gave way before a key (in English `m7·1 following` pushed `q quit`
            // off); since wave 29 the meeting's name stayed before `q quit` and the arrows; since wave 34
            // the arrows and q stay (the line's first keys) and the count says what it counts
            // (`会议 m7：1人`; in English the name gives way: `1 following`; W34UiMeetingChipTests).
            XCTAssertTrue(hints.hasSuffix(language == .zh ? " 会议 m7：1人" : " q quit 1 following"), hints)
            XCTAssertTrue(hints.hasPrefix(" ↑↓"), hints)
            s = update(s, .resize(width: 140, height: 30))
            let wide = screen(s)[29]
            XCTAssertTrue(wide.contains(s.tr(Catalogue.badgePresenting("m7", 1))), "full chip where it fits: \(wide)")
        }
    }
}

/// Wave 7: status messages in the reader's language only (Esc at the top said both in Chinese).
final class W7OneLanguageTests: XCTestCase {
    func testEscAtTheTopAndReloadWordsInOneLanguage() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState()
            s.language = language
            let top = update(s, .back).message ?? ""
            let words: [String] = [top, s.tr(Catalogue.dataReloaded), s.tr(Catalogue.notReloaded),
                                   s.tr(Catalogue.reloadedRecordsGone), s.tr(Catalogue.wrappedToTheFirst),
                                   s.tr(Catalogue.noPeriodsInTheData), s.tr(Catalogue.noRulesTomlInThe)]
            for text in words {
                if language == .zh {
                    XCTAssertNil(text.range(of: "\\b(at|the|quit|data|reloaded|wrapped|no)\\b",
                                            options: .regularExpression), text)
                } else {
                    XCTAssertNil(text.range(of: "\\p{Han}", options: .regularExpression), text)
                }
            }
            XCTAssertFalse(top.isEmpty)
        }
    }
}

/// Wave 7: under LANG=C (ASCII), the towns view's hint line at 80 keeps `b behind`.
final class W7ASCIIHintsTests: XCTestCase {
    func testASCIIHintLineAt80KeepsBehind() throws {
        var s = try bundledState()
        s.language = .en
        s = update(s, .resize(width: 80, height: 24))
        let hints = Renderer.keyHintLine(s, width: 80, glyphs: .ascii).hints.map { $0.0 + " " + $0.1 }
        XCTAssertTrue(hints.contains("b behind"), "\(hints)")
        XCTAssertTrue(hints.contains("U/D move"), "\(hints)")
        for key in ["/", "e", "y", ":", "?", "q"] {
            XCTAssertTrue(hints.contains { $0.hasPrefix(key + " ") }, "\(hints)")
        }
    }
}

/// Wave 7: presenting, the arrows and q stay where the line has room for them (the overview at 80).
final class W7PresenterArrowsTests: XCTestCase {
    func testPresenterKeepsArrowsAndQuitWhereTheyFit() throws {
        var s = try bundledState()
        s.language = .zh
        s = update(s, .resize(width: 80, height: 24))
        s = update(s, .meeting(.presenting(name: "m7", followers: 0)))
        for view in [Screen.Kind.overview, .townList] {
            s = update(s, .showView(view))
            let hints = screen(s)[23]
            XCTAssertTrue(hints.contains("q 退出") || view == .townList, "\(view): \(hints)")
            XCTAssertTrue(hints.contains("↑↓ 移动") || view == .townList, "\(view): \(hints)")
            XCTAssertTrue(hints.contains("会议 m7"), "\(view): \(hints)")
        }
    }
}
