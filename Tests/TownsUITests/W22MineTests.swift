import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 21's fresh user's findings fixed in wave 22 (mine): the too-small screen names every key
/// it refused; a derivation from a later period says so at an earlier one; a derived rate has
/// the digits its inputs support; an English search does not run across a word's end.
final class W22MineTests: XCTestCase {
    // MARK: Below 60x14, every refused key named

    func testEveryKeyRefusedWhileTooSmallIsNamedOnce() throws {
        for language in Language.allCases {
            var s = try bundledState()
            s.language = language
            s = update(s, .resize(width: 40, height: 12))
            for key: Key in [.char("j"), .enter, .char("j"), .char("2")] { s = handle(s, key) }
            s = update(s, .resize(width: 100, height: 30))
            let said = try XCTUnwrap(s.message)
            for name in ["j", KeyMap.name(.enter), "2"] {
                XCTAssertTrue(said.contains(name), "\(language): \(name) not named in \(said)")
            }
            XCTAssertEqual(said.components(separatedBy: " j ").count + said.components(separatedBy: " j,").count - 2, 1,
                           "j named once: \(said)")
            XCTAssertTrue(language == .zh ? said.contains("终端太小") : said.contains("terminal too small"), said)
            XCTAssertFalse(language == .zh && said.contains("terminal"), "Chinese only in Chinese: \(said)")
            // The next small spell names only its own keys.
            s = update(s, .resize(width: 40, height: 12))
            s = handle(s, .char("e"))
            let next = try XCTUnwrap(s.message)
            XCTAssertFalse(next.contains(KeyMap.name(.enter)), next)
            XCTAssertTrue(next.contains("e"), next)
        }
    }

    func testTheTooSmallScreenIsInTheInterfacesLanguageOnly() throws {
        var s = try bundledState()
        s.language = .zh
        s = update(s, .resize(width: 40, height: 12))
        let zh = screen(s).joined(separator: "\n")
        XCTAssertTrue(zh.contains("终端太小"), zh)
        XCTAssertFalse(zh.contains("terminal too small"), zh)
        s.language = .en
        XCTAssertTrue(screen(s).joined().contains("terminal too small"))
    }

    // MARK: English search within words

    func testAnEnglishSearchDoesNotRunAcrossAWordsEnd() throws {
        let index = SearchIndex()
        let haiyan = ["海盐核电小镇", "Haiyan Nuclear Power Town", "中国核建集团", "China Nuclear Construction Group"]
        XCTAssertFalse(index.matches("nan", haiyan), "`nan` is not chi-na n-uclear")
        XCTAssertTrue(index.matches("na nu", haiyan), "with the space it is")
        XCTAssertTrue(index.matches("nuclear power", haiyan))
        XCTAssertTrue(index.matches("Nuclear  Power", haiyan), "white space runs are one space")
        XCTAssertTrue(index.matches("hyhd", haiyan), "initials still match")
        XCTAssertTrue(index.matches("haiyan", haiyan))
        XCTAssertTrue(index.matches("海盐 核电", haiyan), "Chinese ignores white space")
        let nanhu = ["南湖基金小镇", "Nanhu Fund Town"]
        XCTAssertTrue(index.matches("nan", nanhu))
    }

    func testTheTownsViewsSearchForNanKeepsNanhuNotHaiyan() throws {
        var s = try bundledState(width: 160, height: 40, period: "2015-09")
        s.language = .en
        for c in "&nan" { s = handle(s, .char(c)) }
        s = handle(s, .enter)
        let lines = screen(s).joined(separator: "\n")
        XCTAssertTrue(lines.contains("Nanhu"), lines)
        XCTAssertFalse(lines.contains("Haiyan Nuclear"), lines)
    }

    // MARK: As of the period shown, a later period's derivation says so

    func testAPlanDerivedFromALaterPeriodSaysSoAtAnEarlierOne() throws {
        for language in Language.allCases {
            var s = try bundledState(period: "2015-08")
            s.language = language
            let nanhu = try XCTUnwrap(s.dataset.town("nanhu"))
            let haining = try XCTUnwrap(s.dataset.town("haining"))
            let plan = FigureKey(.planYear, "2015")
            // Nanhu's plan is first derivable from Jan-Sep (3.52 / 23.5%): at Jan-Aug it says so.
            let nanhuAug = s.explain(try XCTUnwrap(s.metrics.figure(nanhu, plan)?.explanation))
            XCTAssertTrue(nanhuAug.hasPrefix(language == .zh ? "据以后的期间推出：" : "from a later period: "), nanhuAug)
            // Haining's from Jan-Aug (9.3 / 50%), confirmed later by Jan-Sep's 13.56 / 72.9%.
            let hainingAug = s.explain(try XCTUnwrap(s.metrics.figure(haining, plan)?.explanation))
            XCTAssertFalse(hainingAug.contains(language == .zh ? "据以后" : "from a later"), hainingAug)
            XCTAssertTrue(hainingAug.contains(language == .zh ? "；以后 " : "; later confirmed by "), hainingAug)
            // At Jan-Sep both are as of the period: nothing later.
            s.periodIndex = try XCTUnwrap(s.dataset.periods.firstIndex { $0.id == "2015-09" })
            for town in [nanhu, haining] {
                let text = s.explain(try XCTUnwrap(s.metrics.figure(town, plan)?.explanation))
                XCTAssertFalse(text.contains(language == .zh ? "以后" : "later"), text)
            }
            // The town's page at Jan-Aug says it too.
            var page = s
            page.periodIndex = try XCTUnwrap(s.dataset.periods.firstIndex { $0.id == "2015-08" })
            page.width = 160
            page.height = 80
            page.stack = [Screen(.townList), Screen(.townPage(nanhu.id))]
            let lines = screen(page).joined(separator: "\n")
            XCTAssertTrue(lines.contains(language == .zh ? "据以后的期间推出" : "from a later period"), lines)
        }
    }

    // MARK: A derived rate with the digits its inputs support

    func testARateOverADerivedPlanHasTheDigitsItsInputsSupport() throws {
        let dir = NSTemporaryDirectory() + "towns-w22mine-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/monthly", withIntermediateDirectories: true)
        try october2015Month(sourceTitle: "月报 monthly sheet 2015-10: w22.csv",
                             figures: [("nanhu", "completed", "\"4.5\"", "line 2")])
            .write(toFile: dir + "/monthly/2015-10.toml", atomically: true, encoding: .utf8)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        var s = AppState(dataset: dataset, width: 160, height: 40)
        s.stack = [Screen(.townList)]
        s.language = .en
        s.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2015-10" })
        let nanhu = try XCTUnwrap(dataset.town("nanhu"))
        let rate = try XCTUnwrap(s.metrics.figure(nanhu, FigureKey(.completionRate, "2015-10")))
        // 4.5 (4.45-4.55) over a plan of [14.926, 15.032]: [29.6, 30.5], one digit's worth.
        let interval = try XCTUnwrap(rate.interval)
        XCTAssertLessThan(interval.lower, 30)
        XCTAssertGreaterThan(interval.upper, 30)
        XCTAssertEqual(rate.supportedDecimals, 0)
        let row = try XCTUnwrap(screen(s).first { $0.contains("Nanhu") })
        XCTAssertTrue(row.contains("≈30%"), row)
        XCTAssertFalse(row.contains("≈30.0%"), row)
        // A reported plan keeps the rate's tenth: 9.3 of Haining's plan at Jan-Aug is reported 50%.
        XCTAssertEqual(Interval(printed: 32.5, decimals: 1).divided(by: Interval(printed: 106.8, decimals: 1), scale: 100)?
            .supportedDecimals(atMost: 1), 1)
    }

    // MARK: A follower's help

    func testAFollowersHelpPutsThePresentersKeysUnderTheirOwnHeading() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 120, height: 40, period: "2015-09")
            s.language = language
            let alone = Renderer.helpLines(s, glyphs: .unicode)
            s = update(s, .meeting(.joined(meeting: "weekly", presenter: "alice")))
            XCTAssertTrue(s.isFollowingPresenter)
            let lines = Renderer.helpLines(s, glyphs: .unicode)
            XCTAssertEqual(lines.count, alone.count + 2, "the same entries, a heading and a blank line more")
            let heading = try XCTUnwrap(lines.firstIndex { $0.1.contains(language == .zh ? "由主持人操作" : "the presenter drives") })
            let move = s.tr(Catalogue.keyMoveDown)
            let down = try XCTUnwrap(lines.firstIndex { $0.1 == move })
            XCTAssertGreaterThan(down, heading, "moving is the presenter's")
            // Help and quit stay the follower's: above the heading.
            let quit = try XCTUnwrap(s.keyMap.bindings.first { $0.action == .quit })
            let quitLine = try XCTUnwrap(lines.firstIndex { $0.1 == s.tr(quit.label) })
            XCTAssertLessThan(quitLine, heading)
            let filter = try XCTUnwrap(lines.firstIndex { $0.0.hasPrefix(":filter") })
            XCTAssertGreaterThan(filter, heading, ":filter is refused while following")
            let lang2 = try XCTUnwrap(lines.firstIndex { $0.0.hasPrefix(":lang") })
            XCTAssertLessThan(lang2, heading, ":lang is the follower's")
            // Browsing alone (f): one list again.
            let detached = update(s, .meeting(.toggleFollow))
            XCTAssertEqual(Renderer.helpLines(detached, glyphs: .unicode).count, alone.count)
        }
    }
}
