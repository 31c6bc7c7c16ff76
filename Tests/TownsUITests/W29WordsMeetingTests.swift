import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Wave 29's findings on the meeting's words and the status line's language: `f` rejoining while
/// the data differs said it followed again; after `:follow off` the chip said the meeting ended; a
/// warning on the status line kept the language it came in after `L`.
final class W29WordsMeetingTests: XCTestCase {
    func sent(_ presenter: AppState) throws -> Session {
        try JSONDecoder().decode(Session.self, from: try JSONEncoder().encode(presenter.session.forFollowers))
    }

    /// A follower of alice's meeting lc whose data differs from hers, in `language`.
    func differing(_ language: Language, width: Int = 100, height: Int = 30) throws -> AppState {
        var p = try bundledState(width: 120, height: 40, period: "2015-09")
        p = apply(p, .nextView, .moveDown)
        var f = try bundledState(width: width, height: height, period: "2015-09")
        f.language = language
        f = update(f, .meeting(.joined(meeting: "lc", presenter: "alice")))
        return update(f, .meeting(.followed(try sent(p), presenterData: "theirs", ownData: "mine")))
    }

    func testRejoiningWhileTheDataDiffersSaysItCannotFollowAndWhatToDo() throws {
        for language in [Language.zh, .en] {
            var f = try differing(language)
            // Every press says the same while the data differs (wave 29's fresh user: presses
            // alternated "browsing alone (f rejoins alice)" and "cannot follow alice").
            f = update(f, .meeting(.toggleFollow))
            let first = f.message ?? ""
            f = update(f, .meeting(.toggleFollow))
            let said = f.message ?? ""
            XCTAssertEqual(first, said)
            f = update(f, .meeting(.toggleFollow))
            XCTAssertEqual(f.message, said)
            XCTAssertFalse(said.contains(language == .zh ? "重新跟随" : "following alice again"), said)
            XCTAssertEqual(said, language == .zh
                ? "还不能跟随 alice：其数据与本机不同；用相同的 --data 即可跟随"
                : "cannot follow alice: their data differs; use the same --data to follow")
            XCTAssertEqual(f.session.flash?.level, .warning)
            XCTAssertFalse(f.isFollowingPresenter)
            // Whole on the status line at 80 columns, in Chinese and English.
            var narrow = f
            narrow = update(narrow, .resize(width: 80, height: 24))
            XCTAssertEqual(screen(narrow)[22].trimmingCharacters(in: .whitespaces), said)
            // Once the data agrees it follows by itself, as the W28 message promises.
            f = update(f, .meeting(.followed(Session(), presenterData: "same", ownData: "same")))
            XCTAssertTrue(f.isFollowingPresenter)
            XCTAssertNil(f.session.flash, "the warning is no longer true")
        }
    }

    func testAWarningOnTheStatusLineIsWordedWhenDrawn() throws {
        // The data differs: said in Chinese; `L` says it in English at once, and back.
        var f = try differing(.zh)
        XCTAssertEqual(screen(f)[28].trimmingCharacters(in: .whitespaces),
                       "未跟随 alice，独自浏览：其数据与本机不同；用相同的 --data 即可跟随")
        f = update(f, .toggleLanguage)
        XCTAssertEqual(screen(f)[28].trimmingCharacters(in: .whitespaces),
                       "browsing alone: alice's data differs from yours; use the same --data to follow")
        f = update(f, .toggleLanguage)
        XCTAssertEqual(screen(f)[28].trimmingCharacters(in: .whitespaces),
                       "未跟随 alice，独自浏览：其数据与本机不同；用相同的 --data 即可跟随")
        // The meeting ended (said in both languages by the front end).
        var g = try differing(.en)
        g = update(g, .meeting(.ended("meeting ended", both: Bilingual("会议已结束", "meeting ended"))))
        XCTAssertEqual(screen(g)[28].trimmingCharacters(in: .whitespaces), "meeting ended")
        g = update(g, .toggleLanguage)
        XCTAssertEqual(screen(g)[28].trimmingCharacters(in: .whitespaces), "会议已结束")
        // The log keeps each as first shown.
        XCTAssertEqual(g.messageLog.entries.last?.text, "meeting ended")
        // A message (not a warning) gives way to the language's, as before.
        var h = try bundledState(width: 100, height: 30)
        h.language = .zh
        h = update(h, .nextPeriod)
        h = update(h, .toggleLanguage)
        XCTAssertEqual(h.message, "Language: English")
    }

    func testRecordsLostFollowTheLanguage() throws {
        var s = try bundledState(width: 100, height: 30)
        s.language = .zh
        s = update(s, .dataReloaded(Facts(dataset: s.dataset), changedAt: "10:53:01", warnings: 0,
                                    lost: "figures.toml: 12 records gone", lostChinese: "figures.toml：少了 12 条记录"))
        XCTAssertEqual(s.recordsLost, "数据已更新，但有记录消失：figures.toml：少了 12 条记录")
        s = update(s, .toggleLanguage)
        XCTAssertTrue(screen(s)[28].contains("figures.toml: 12 records gone"), screen(s)[28])
        s = update(s, .moveDown)  // the message goes; the warning stays, in English
        XCTAssertEqual(s.recordsLost?.hasSuffix("figures.toml: 12 records gone"), true)
        XCTAssertTrue(screen(s)[28].contains("figures.toml: 12 records gone"), screen(s)[28])
    }

    func testLeavingTheMeetingIsSaidAsInformationAndTheChipSaysLeft() throws {
        for language in [Language.zh, .en] {
            var f = try bundledState(width: 120, height: 30, period: "2015-09")
            f.language = language
            f = update(f, .meeting(.joined(meeting: "weekly", presenter: "alice")))
            f = update(f, .meeting(.left))
            XCTAssertEqual(f.meeting, .left(name: "weekly"))
            XCTAssertEqual(f.session.flash?.level, .info)
            XCTAssertEqual(f.message, language == .zh ? "已离开会议 weekly，独自浏览（:follow weekly 重新加入）"
                                                      : "left meeting weekly: browsing alone (:follow weekly rejoins)")
            XCTAssertEqual(f.messageLog.entries.last?.warning, false)
            f = update(f, .toggleHelp)
            let hints = screen(f)[29]
            XCTAssertFalse(hints.contains("会议结束") || hints.contains("ended"), hints)
            XCTAssertTrue(hints.trimmingCharacters(in: .whitespaces)
                            .hasSuffix(language == .zh ? " 已离开会议" : " left meeting"), hints)
            // `f` says so again, not "not following a meeting".
            f = update(f, .toggleHelp)
            f = update(f, .meeting(.toggleFollow))
            XCTAssertEqual(f.message?.hasPrefix(language == .zh ? "已离开会议 weekly" : "left meeting weekly"), true)
        }
    }
}

/// Wave 29's fresh user: the assessment's city line wrote the towns of unknown tier in English
/// (`+ 241 unknown`) in Chinese.
final class W29FreshCityLineTests: XCTestCase {
    func testTheCityLinesUnknownTownsAreInTheReadersLanguage() throws {
        var data = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        // A town whose tier cannot be determined: no industry, no accelerated county.
        data.towns[0].industry = nil
        data.towns[0].acceleratedCounty = nil
        for language in [Language.zh, .en] {
            var s = AppState(dataset: data, width: 160, height: 40)
            s.language = language
            s = update(s, .showView(.assessment))
            let text = screen(s).joined(separator: "\n")
            let words = language == .zh ? "+ 1 镇未知" : "+ 1 unknown"
            XCTAssertTrue(text.contains(words), "\(language): \(text)")
            if language == .zh { XCTAssertFalse(text.contains("unknown"), text) }
        }
    }
}

/// Wave 29's fresh user: a dataset without rules.toml showed the assessment's towns with no
/// rule's column and the marks' legend (✓ ✗ ? ○), and nothing said no rule is judged.
final class W29FreshNoRulesTests: XCTestCase {
    func testAnAssessmentWithoutRulesSaysSoAndExplainsNoMarks() throws {
        var data = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        data.rules = []
        for language in [Language.zh, .en] {
            var s = AppState(dataset: data, width: 100, height: 30)
            s.language = language
            s = update(s, .showView(.assessment))
            let text = screen(s).joined(separator: "\n")
            XCTAssertTrue(text.contains(s.tr(Catalogue.noRulesNothingJudged)), "\(language): \(text)")
            XCTAssertFalse(text.contains(language == .zh ? "未达标" : "not met"), "\(language): \(text)")
        }
    }
}
