import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Wave 5 (words): the town page's Δ and place for every town the towns view gives them, its
/// formulas and the help in the reader's language.
final class W5WordsTests: XCTestCase {
    func page(_ state: AppState, _ id: String) -> String {
        state.pageLines(.townPage(id), width: 120).map { $0.text() }.joined(separator: "\n")
    }

    /// Every town with a Δ or a place in the towns view has its formula on its page (Tongxiang
    /// and Haiyan have no plan-based expectation, and lacked both).
    func testEveryTownWithDeltaOrPlaceHasThemOnItsPage() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState(period: "2015-09")
            s.language = language
            let columns = DeltaColumns(s)
            var checked = 0
            for town in s.dataset.towns {
                let text = page(s, town.id)
                if case .number = columns.sortKey(town, column: 1) {
                    XCTAssertTrue(text.contains(s.tr(Catalogue.deltaRateField)), "\(town.id) \(language): Δ\n\(text)")
                    checked += 1
                }
                guard case .number = columns.sortKey(town, column: 2) else { continue }
                XCTAssertTrue(text.contains(s.tr(Catalogue.placeField)), "\(town.id) \(language): place\n\(text)")
            }
            XCTAssertGreaterThanOrEqual(checked, 2)
            for id in ["tongxiang", "haiyan"] {
                XCTAssertTrue(page(s, id).contains(s.tr(Catalogue.placeField)), id)
            }
        }
    }

    /// The page's lines from its Δ on (a failure's message kept short).
    func deltaLines(_ text: String) -> String {
        text.components(separatedBy: "\n").drop { !$0.contains("Δ") }.prefix(8).joined(separator: "\n")
    }

    /// The Δ formulas in Chinese: periods as 2015年1-9月, points as 个百分点; English in English.
    func testDeltaFormulaInTheReadersLanguage() throws {
        var s = try bundledState(period: "2015-09")
        s.language = .zh
        let zh = deltaLines(page(s, "haining"))
        XCTAssertTrue(zh.contains("2015年1-9月 72.9 − 2015年1-8月 50 = 22.9 个百分点"), zh)
        XCTAssertFalse(zh.contains("Jan-Sep"), zh)
        s.language = .en
        let en = deltaLines(page(s, "haining"))
        XCTAssertTrue(en.contains("− 2015 Jan-Aug 50 = 22.9 points"), en)
        XCTAssertFalse(en.contains("个百分点"), en)
    }

    /// In Chinese mode the help's markers and commands are explained in Chinese: no English
    /// word of 3+ letters but command words (`towns check`, the reference's topics, period ids).
    func testHelpMarkersInChinese() throws {
        var s = try bundledState()
        s.language = .zh
        let lines = Renderer.helpLines(s, glyphs: .unicode)
        // What the reader types (commands, their arguments, keys) and the other language's name.
        let allowed: Set<String> = ["towns", "check", "next", "prev", "changes", "definition", "features",
                                    "creation", "types", "mechanism", "problems", "countermeasures", "industries",
                                    "FROM", "county", "type", "stage", "behind", "problem", "clear", "text", "csv",
                                    "json", "Ctrl", "Esc", "CSV", "English", "messages"]
        let word = try NSRegularExpression(pattern: "[A-Za-z]{3,}")
        for (key, text) in lines {
            let ns = text as NSString
            let words = word.matches(in: text, range: NSRange(location: 0, length: ns.length))
                .map { ns.substring(with: $0.range) }.filter { !allowed.contains($0) }
            XCTAssertEqual(words, [], "\(key): \(text)")
        }
        XCTAssertTrue(lines.contains { $0.1 == "落后：完成率低于全年已过比例" })
    }

    /// English mode: the town page's rules by the overview's English short names, amounts in
    /// "100M yuan", the measures by name (not `featured_investment`).
    func testEnglishTownPageInEnglish() throws {
        var s = try bundledState(period: "2015-09")
        s.language = .en
        for town in s.dataset.towns {
            let text = page(s, town.id)
            let lines = text.components(separatedBy: "\n")
            for rule in s.dataset.rules {
                XCTAssertFalse(lines.contains { $0.hasPrefix(rule.shortZH + " ") }, "\(town.id): \(rule.shortZH)")
                XCTAssertTrue(lines.contains { $0.hasPrefix(AppState.ruleShortEN(rule) + " ") },
                              "\(town.id): \(AppState.ruleShortEN(rule))")
            }
            // A figure's unit after its value: never 亿元 (the header may gloss it: "亿元 = 100 million yuan").
            XCTAssertNil(text.range(of: "[0-9] 亿元", options: .regularExpression), "\(town.id)")
            XCTAssertFalse(text.contains("featured_investment") || text.contains("featured_share"), town.id)
        }
        XCTAssertTrue(page(s, "nanhu").contains("≈11.2 100M yuan"), page(s, "nanhu"))
        s.language = .zh
        XCTAssertTrue(page(s, "nanhu").contains("≈11.2 亿元"))
    }

    /// `towns check` in English: the measures by their English names, towns by theirs; the
    /// Chinese lines keep the Chinese names.
    func testCheckFindingsInEnglishNameMeasuresAndTowns() throws {
        let s = try bundledState(period: "2015-09")
        let words = FindingWords(dataset: s.dataset, language: .en)
        let english = s.checker.run().map(words.line)
        XCTAssertGreaterThan(english.count, 5)
        let ids = Measure.allCases.map(\.rawValue).filter { $0.contains("_") }
        for line in english {
            // The flagged figures too, by name (`[flags completion rate, 2015 Jan-Sep]`), not by key.
            for id in ids { XCTAssertFalse(line.contains(id), "\(id) in: \(line)") }
            for town in s.dataset.towns { XCTAssertFalse(line.contains(town.nameZH), "\(town.nameZH) in: \(line)") }
        }
        XCTAssertTrue(english.contains { $0.contains("3-year plan: reported total 360.2") },
                      english.joined(separator: "\n"))
    }
}

