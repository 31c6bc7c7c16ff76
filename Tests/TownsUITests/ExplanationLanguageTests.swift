import Foundation
import TownsCore
import TownsUI
import XCTest

/// Issue 14 point 7: a page's projections and the stakes are worded in the reader's language,
/// and a data file's line is on a line of its own.
final class ExplanationLanguageTests: XCTestCase {
    func page(_ language: Language) throws -> [String] {
        var s = try bundledState(width: 120, height: 60, period: "2015-09")
        s.language = language
        return s.pageLines(.townPage("haining"), width: 120).map { $0.text() }
    }

    func testTheProgressBlockInEachLanguage() throws {
        let zh = try page(.zh).joined(separator: "\n")
        for words in ["年计划 ≈18.6 × 9/12（全年已过 9 个月）= 13.95", "应完成 13.95 − 已完成 13.56 = 0.39",
                      "已完成 13.56 ÷ 9 个月 × 12 = →18.08（按目前进度的预测，不是报告数）",
                      "（年计划 ≈18.6 − 已完成 13.56）÷ 剩余 3 个月 = 每月 1.68", "后果：若未完成2015年度计划"] {
            XCTAssertTrue(zh.contains(words), "\(words) in\n\(zh)")
        }
        XCTAssertFalse(zh.contains("months x 12"), "no English projection in Chinese mode")
        // 9/12 of the year, not "the whole year has passed" (a fresh user's reading, w9-screens).
        XCTAssertFalse(zh.contains("（全年已过）"), zh)
        let en = try page(.en).joined(separator: "\n")
        for words in ["plan ≈18.6 x 9/12 of the year elapsed = 13.95", "completed 13.56 / 9 months x 12 = →18.08",
                      "At stake: if the 2015 annual plan is missed"] {
            XCTAssertTrue(en.contains(words), "\(words) in\n\(en)")
        }
        XCTAssertFalse(en.contains("全年已过") || en.contains("后果"), "no Chinese wording in English mode")
    }

    func testFileAndLineOnASourcesLineOfTheirOwn() throws {
        // The line of the land-reward rule's [[rule]] header in rules.toml (read, not written here).
        let rules = try String(contentsOfFile: repositoryRoot + "/Data/rules.toml", encoding: .utf8)
            .components(separatedBy: "\n")
        let idLine = try XCTUnwrap(rules.firstIndex(of: "id = \"land-reward\""))
        let ruleLine = try XCTUnwrap(rules[..<idLine].lastIndex(of: "[[rule]]")) + 1
        for language in [Language.zh, .en] {
            let lines = try page(language)
            XCTAssertFalse(lines.contains { $0.contains(".toml:") && $0.contains("[") }, "never mid-sentence")
            let label = language == .zh ? "数据出处 " : "data file: "
            let sources = lines.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }
            XCTAssertTrue(sources.contains { $0.hasSuffix("rules.toml:\(ruleLine)") }, sources.joined(separator: "\n"))
            XCTAssertTrue(sources.allSatisfy {
                $0.trimmingCharacters(in: .whitespaces).dropFirst(label.count).allSatisfy { !$0.isWhitespace }
            }, "a sources line holds only the file and line")
        }
    }

    func testADerivationInEachLanguageFromTheCoresSteps() throws {
        let dataset = try bundledState().dataset
        let plan = try XCTUnwrap(Metrics(dataset: dataset).figure(try XCTUnwrap(dataset.town("haining")),
                                                                   FigureKey(.planYear, "2015")))
        let e = try XCTUnwrap(plan.explanation)
        XCTAssertEqual(e.step, .planFromCompleted(period: "2015-08", completed: "9.3", rate: "50", result: "18.60"))
        XCTAssertEqual(e.confirmedBy.count, 1)
        XCTAssertNil(Metrics(dataset: dataset).withoutFormulas.figure(try XCTUnwrap(dataset.town("haining")),
                                                                      FigureKey(.planYear, "2015"))?.explanation)
        let zh = try page(.zh).joined(separator: "\n")
        XCTAssertTrue(zh.contains("推算：2015年1-8月完成 9.3 ÷ 完成率 50% = 18.60（按印出数字的舍入"), zh)
        XCTAssertTrue(zh.contains("2015年1-9月完成 13.56 ÷ 完成率 72.9% = 18.60 印证"), zh)
        // Lines as one text (a page wraps at spaces).
        let en = try page(.en).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(en.contains("completed 2015 Jan-Aug 9.3 / completion 50% = 18.60 (given the rounding"), en)
        XCTAssertTrue(en.contains("confirmed by completed 2015 Jan-Sep 13.56 / completion 72.9% = 18.60"), en)
    }
}
