import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// A fresh user's findings (wave 14): a flagged town's verdict on being behind is the same
/// everywhere (undecided, `?`, when its readings disagree and a check fails on their figures),
/// and a copy follows the screen's glyph set.
final class W14FindTests: XCTestCase {
    /// Data/ copied with Haining's Jan-Sep completed 13.56 printed as 14.56 (its check fails:
    /// behind by its rate 72.9%, ahead by the amount against the plan worked out from it).
    func flaggedHaining(language: Language = .zh) throws -> AppState {
        try editedBundledState("w14", period: "2015-09", width: 160, height: 40, language: language) { text in
            XCTAssertTrue(text.contains("value = 13.56\n"))
            return text.replacingOccurrences(of: "value = 13.56\n", with: "value = 14.56\n")
        }
    }

    func testTheCoreCallsTheFlaggedTownUndecidedAndTheCleanOnesNot() throws {
        let s = try flaggedHaining()
        let period = try XCTUnwrap(s.period)
        let haining = try XCTUnwrap(s.dataset.town("haining"))
        let r = s.checker.scheduleReadings(haining, period: period)
        XCTAssertEqual(r.byRate, Decimal(string: "-2.1"))
        XCTAssertLessThan(try XCTUnwrap(r.byAmount), 0)  // ahead by the amount
        XCTAssertTrue(r.flagged)
        XCTAssertTrue(r.isUndecided)
        // The bundled data: no town undecided (the city's 42.5%! is behind either way).
        let clean = try bundledState(width: 160, height: 40, period: "2015-09")
        let cleanPeriod = try XCTUnwrap(clean.period)
        for town in clean.dataset.towns {
            XCTAssertFalse(clean.checker.isVerdictUndecided(town, period: cleanPeriod), town.id)
        }
        XCTAssertFalse(clean.checker.isVerdictUndecided(nil, period: cleanPeriod))
    }

    func testEveryPlaceGivesTheSameUndecidedAnswer() throws {
        for language in [Language.zh, .en] {
            let s = try flaggedHaining(language: language)
            let name = language == .zh ? "海宁皮革时尚小镇" : "Haining"
            // The towns list: `?` in the place of ▼, the `!` kept.
            let row = try XCTUnwrap(screen(s).first { $0.contains(name) })
            XCTAssertTrue(row.contains("-2.1?!"), row)
            XCTAssertFalse(row.contains("▼"), row)
            // The overview: not among the towns behind, listed apart with `?` and both readings.
            let overview = screen(update(s, .showView(.overview)))
            let line = try XCTUnwrap(
                overview.first { $0.contains(name) && $0.contains("?") }, overview.joined(separator: "\n"))
            XCTAssertTrue(line.contains(language == .zh ? "落后/超前 ?" : "behind/ahead ?"), line)
            XCTAssertFalse(overview.contains { $0.contains(name) && $0.contains(language == .zh ? "差 —" : "short —") })
            // The page: no "超前"/"Ahead by" field, the undecided line with both readings and the check.
            let page = s.pageLines(.townPage("haining"), width: 200).map { $0.runs.map(\.0).joined() }
            XCTAssertNil(page.first { $0.hasPrefix(language == .zh ? "超前" : "Ahead by") }, page.joined(separator: "\n"))
            let verdict = try XCTUnwrap(page.first { $0.hasPrefix(language == .zh ? "落后/超前 ?" : "Behind/ahead ?") },
                                        page.joined(separator: "\n"))
            XCTAssertTrue(verdict.contains(language == .zh ? "按完成率 落后 2.1" : "by rate behind by 2.1"), verdict)
            XCTAssertTrue(verdict.contains(language == .zh ? "按金额 超前" : "by amount ahead by"), verdict)
            XCTAssertNotNil(page.first { $0.contains(language == .zh ? "检查不符：" : "a check fails: ") })
            XCTAssertTrue(page.contains { $0.contains("-2.1?!") }, page.joined(separator: "\n"))  // the history table
            // The copy (and so an export of the same rows): the same `?`.
            let copy = try XCTUnwrap(ClipboardText.of(s)).text
            let copied = try XCTUnwrap(copy.split(separator: "\n").first { $0.contains(name) })
            XCTAssertTrue(copied.contains("-2.1?!"), String(copied))
        }
    }

    func testATownWithNoFlaggedInputKeepsItsVerdict() throws {
        let s = try bundledState(width: 160, height: 40, period: "2015-09")
        let text = screen(s).joined(separator: "\n")
        XCTAssertFalse(text.contains("?!"), text)
        let overview = screen(update(s, .showView(.overview))).joined(separator: "\n")
        XCTAssertFalse(overview.contains("落后/超前"), overview)
    }

    func testACopyUnderTheASCIISetWritesASCIIMarks() throws {
        let s = try bundledState(width: 160, height: 40, period: "2015-09")
        let unicode = try XCTUnwrap(ClipboardText.of(s)).text
        XCTAssertTrue(unicode.contains("≈") && unicode.contains("—"), unicode)
        let ascii = try XCTUnwrap(ClipboardText.of(s, glyphs: .ascii)).text
        for mark in ["≈", "—", "▼", "→", "◇", "†"] { XCTAssertFalse(ascii.contains(mark), mark + "\n" + ascii) }
        XCTAssertTrue(ascii.contains("\tNA"), ascii)  // unknown as an --ascii CSV writes it
        XCTAssertTrue(ascii.contains("~"), ascii)
        // A page too.
        let page = try XCTUnwrap(ClipboardText.of(update(s, .open), glyphs: .ascii)).text
        for mark in ["≈", "▼", "→"] { XCTAssertFalse(page.contains(mark), mark + "\n" + page) }
    }
}

extension W14FindTests {
    /// The types: an undecided town is not counted behind (`?1` beside the count), and the towns
    /// list says under its table that the sum row's rate carries no verdict.
    func testTheTypesCountAnUndecidedTownApartAndTheSumRowSaysItHasNoVerdict() throws {
        let s = try flaggedHaining()
        let overview = screen(update(s, .showView(.overview)))
        let type1 = try XCTUnwrap(overview.first { $0.contains("1 创意设计") }, overview.joined(separator: "\n"))
        XCTAssertTrue(type1.contains("落后 0 ?1"), type1)
        // The behind panel's header counts it apart the same way (Nanhu and Haiyan behind).
        XCTAssertTrue(overview.contains { $0.hasPrefix(" 落后 2 镇 ?1") }, overview.joined(separator: "\n"))
        for language in [Language.zh, .en] {
            var clean = try bundledState(width: 160, height: 40, period: "2015-09")
            clean.language = language
            let text = screen(clean).joined(separator: "\n")
            XCTAssertTrue(text.contains(language == .zh ? "不判定落后" : "no behind verdict"), text)
        }
    }
}

/// A theme file's problems are worded in the reader's language (wave 14), as the data's are.
final class W14ThemeWordsTests: XCTestCase {
    let englishRun = "[A-Za-z]{2,}[ ,;:()'-]+[A-Za-z]{2,}[ ,;:()'-]+[A-Za-z]{2,}"

    /// Every kind of warning `Theme.parse` gives, once in each language.
    let bad = """
        [roles]
        nosuchrole = { fg = "red" }
        row = "red"
        header = { fg = "mauve", bold = "yes", blink = true }
        [roles8]
        """

    func testTheParserSWarningsAreInTheReaderSLanguage() throws {
        let (_, zh) = try Theme.parse(bad, file: "t.toml", language: .zh)
        let (_, en) = try Theme.parse(bad, file: "t.toml", language: .en)
        XCTAssertEqual(zh.count, 5, zh.joined(separator: "\n"))
        XCTAssertEqual(en.count, zh.count)
        for w in zh {
            // The file, section and key, and a quoted example, are not words: what is left is Chinese.
            let message = String(w.split(separator: ": ", maxSplits: 2).last ?? "")
            // A list of the roles' names is names, not words.
            let own = message.replacingOccurrences(of: "\\{[^}]*\\}", with: "", options: .regularExpression)
                .replacingOccurrences(of: "[A-Za-z]+(, [A-Za-z]+){3,}", with: "", options: .regularExpression)
            XCTAssertNil(own.range(of: englishRun, options: .regularExpression), w)
            XCTAssertNotNil(own.range(of: "\\p{Han}", options: .regularExpression), w)
        }
        for w in en { XCTAssertNil(w.range(of: "\\p{Han}", options: .regularExpression), w) }
        let (_, noRoles) = try Theme.parse("[theme]\nname = \"x\"\n", file: "t.toml", language: .zh)
        XCTAssertEqual(noRoles, ["t.toml: " + Catalogue.themeNoRoles.zh])
        // Not TOML: the parser's error, in Chinese too.
        XCTAssertThrowsError(try Theme.parse("[roles\n", file: "t.toml", language: .zh)) { error in
            XCTAssertNotNil("\(error)".range(of: "\\p{Han}", options: .regularExpression), "\(error)")
        }
    }

    /// No site of the theme parser builds a warning from free English words again: each one
    /// is a catalogue entry (`Catalogue.theme...`).
    func testNoThemeSiteBuildsAnEnglishOnlyString() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for file in ["Sources/TownsUI/Theme.swift", "Sources/towns/ThemeFiles.swift"] {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains("warnings.append")
                || line.contains("notices.append") || line.hasPrefix("                \"") {
                let literal = line.replacingOccurrences(of: "\\\\\\([^)]*\\)", with: "", options: .regularExpression)
                let strings = literal.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
                for s in strings {
                    XCTAssertNil(s.range(of: englishRun, options: .regularExpression), "\(file): \(line)")
                }
            }
        }
    }
}
