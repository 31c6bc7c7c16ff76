import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Wave 8 (a fresh user's findings): one language a page. The breadcrumb and the tabs said
/// `小镇 Towns ›` and `概览 Overview` in Chinese mode; a follower's English hint line lost `: cmd`;
/// a meeting's `会议已结束` chip stayed and pushed `b` and `y` off the hint line at 80 columns.
final class OneLanguageTests: XCTestCase {
    /// The top views and a drill-down of each kind.
    let kinds: [Screen.Kind] = [.overview, .townList, .typeList, .entityList, .assessment, .province, .reference,
                                .changes, .cityTotals, .messages, .townsOfType(1), .townsOfEntity(nil)]

    /// In Chinese, the tabs (row 1) and the breadcrumb (row 2) hold no English word (3+ letters),
    /// at 80 and at 120 columns; in English, no Chinese.
    func testTabsAndBreadcrumbsAreInOneLanguage() throws {
        for width in [80, 120] {
            for language in Language.allCases {
                var base = try bundledState(width: width, height: 30, period: "2015-09")
                base.language = language
                for kind in kinds {
                    var s = base
                    s.stack = [Screen(.overview), Screen(kind)]
                    let rows = screen(s)
                    for row in rows[1...2] {
                        let other = language == .zh ? "[A-Za-z]{3,}" : "\\p{Han}"
                        XCTAssertNil(row.range(of: other, options: .regularExpression),
                                     "\(language) \(width) \(kind): \(row)")
                    }
                }
            }
        }
    }

    func follower(_ language: Language, presenter: String = "alice", width: Int = 80, height: Int = 24) throws
        -> AppState
    {
        var s = try bundledState(width: width, height: height, period: "2015-09")
        s.language = language
        return update(s, .meeting(.joined(meeting: "weekly", presenter: presenter)))
    }

    /// A follower's hint line keeps `:` (its way to :follow, :lang, :export) at 80 columns in
    /// both languages, also beside a long presenter's chip: `: cmd` in English where tight.
    func testAFollowersHintLineKeepsTheCommandKey() throws {
        for (language, labels) in [(Language.en, ["command", "cmd"]), (.zh, ["命令"])] {
            for presenter in ["alice", "presenter-with-a-rather-long-name"] {
                let f = try follower(language, presenter: presenter)
                XCTAssertTrue(f.isFollowingPresenter)
                let line = screen(f).last!
                XCTAssertTrue(labels.contains { line.contains(" : \($0) ") }, "\(language) \(presenter): \(line)")
            }
        }
        // Tight (a long name's chip), English says `cmd`.
        let tight = try follower(.en, presenter: "presenter-with-a-rather-long-name")
        XCTAssertTrue(screen(tight).last!.contains(" : cmd "), screen(tight).last!)
    }

    /// After the meeting ended, at 80x24 the hint line shows every key it shows without a
    /// meeting (`b` and `y` among them); the status line says why, in the session's language.
    func testAnEndedMeetingsChipGivesWayToTheKeys() throws {
        for language in Language.allCases {
            var f = try follower(language)
            f = update(f, .meeting(.ended(language == .zh ? "会议已结束" : "meeting ended")))
            guard case .ended? = f.meeting else { return XCTFail("\(String(describing: f.meeting))") }
            var alone = f
            alone.meeting = nil
            let last = screen(f).last!
            XCTAssertEqual(Renderer.keyHints(f, width: 80).map(\.0), Renderer.keyHints(alone, width: 80).map(\.0))
            for key in ["b", "y"] where Renderer.keyHints(alone, width: 80).contains(where: { $0.0 == key }) {
                XCTAssertTrue(last.contains(" \(key) "), "\(language): \(last)")
            }
            XCTAssertTrue(Renderer.keyHints(alone, width: 80).contains { $0.0 == "y" }, "y copies, at 80 columns")
            XCTAssertTrue(screen(f).joined().contains(language == .zh ? "会议已结束" : "meeting ended"))
            // Where there is room, the short chip shows, in the session's language.
            var wide = f
            wide.width = 160
            let chip = Renderer.meetingBadge(wide)?.text
            XCTAssertEqual(chip, language == .zh ? "会议结束" : "ended")
        }
    }
}
