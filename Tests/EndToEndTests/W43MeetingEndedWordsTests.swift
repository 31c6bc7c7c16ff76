import Foundation
import TownsCore
import TownsMeeting
import TownsUI
import XCTest

@testable import towns

/// Wave 43's fresh user: a follower whose presenter was SIGKILLed read at 80 columns
/// `会议已结束（连接中断：主持人已退出，…（全文见 :messages）`, the way back (`:follow NAME`) cut.
/// The status line keeps the way back and shortens the cause; `:messages` keeps the whole.
final class W43MeetingEndedWordsTests: XCTestCase {
    func follower(width: Int, language: Language) throws -> AppState {
        let dataset = try DatasetLoader.load(directory: Paths.data).dataset
        var s = AppState(dataset: dataset, width: width, height: 24)
        s.language = language
        return update(s, .meeting(.joined(meeting: "weekly", presenter: "root")))
    }

    /// The status line (the line above the key hints).
    func statusLine(_ s: AppState) -> String { Renderer(theme: .monochrome).render(s).lines()[s.height - 2] }

    func testTheWayBackStaysOnTheLineAtEightyColumnsInBothLanguages() throws {
        for why in [MeetingGuest<Session>.EndReason.lost, .presenterLost] {
            for language in Language.allCases {
                var s = try follower(width: 80, language: language)
                s = update(s, MeetingLink.endedAction(why, meeting: "weekly", s))
                let line = statusLine(s)
                XCTAssertTrue(line.contains(":follow weekly " + s.tr("重新加入", "once restarted")),
                              "\(why) \(language): the way back whole: \(line)")
                XCTAssertTrue(line.contains(s.tr("会议", "meeting")), line)
                // Whole in the log, the cause in full.
                XCTAssertEqual(s.session.flash?.text, s.tr(MeetingLink.endedWords(why, meeting: "weekly")))
                // `L` rewords the shorter forms too (`Flash.shorterWords`), each keeping the way back.
                var other = s
                other.language = language == .zh ? .en : .zh
                let forms = try XCTUnwrap(other.session.flash?.shorter(in: other.language))
                XCTAssertFalse(forms.isEmpty)
                XCTAssertTrue(forms.allSatisfy { $0.contains(":follow weekly " + other.tr("重新加入", "once restarted")) },
                              "\(forms)")
                XCTAssertTrue(statusLine(other).contains(":follow weekly " + other.tr("重新加入", "once restarted")),
                              statusLine(other))
            }
        }
    }

    func testTheSIGKILLedPresentersCauseIsShortenedNotTheWayBack() throws {
        var s = try follower(width: 80, language: .zh)
        s = update(s, MeetingLink.endedAction(.lost, meeting: "weekly", s))
        let line = statusLine(s)
        XCTAssertTrue(line.contains("会议已结束（连接中断）；再次主持后 :follow weekly 重新加入"), line)
        XCTAssertTrue(line.contains("（全文见 :messages）"), line)
        var e = try follower(width: 80, language: .en)
        e = update(e, MeetingLink.endedAction(.lost, meeting: "weekly", e))
        XCTAssertTrue(statusLine(e).contains("meeting connection lost; :follow weekly once restarted"), statusLine(e))
        // Wide enough, the whole cause.
        var wide = try follower(width: 160, language: .zh)
        wide = update(wide, MeetingLink.endedAction(.lost, meeting: "weekly", wide))
        XCTAssertTrue(statusLine(wide).contains("主持人已退出，或因本端长时间未读取而断开）；再次主持后 :follow weekly 重新加入"),
                      statusLine(wide))
    }
}
