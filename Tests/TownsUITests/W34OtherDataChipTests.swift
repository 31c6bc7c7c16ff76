import TownsCore
@testable import TownsUI
import XCTest

/// Wave 34's fresh user: a follower on other data (its own `--data`) was counted in the presenter's
/// chip as following (`会议 m2：1 人跟随`) while it browsed alone. The chip counts only those who see
/// this screen, names those on other data where it is whole, and is a warning while any are; the
/// status line says so when one joins (kept in `:messages`), in the language shown.
final class W34OtherDataChipTests: XCTestCase {
    func testAFollowerOnOtherDataIsNotCountedAsFollowing() throws {
        for (language, chip, warning, short) in [
            (Language.zh, "会议 m2：0 人跟随，1 人数据不同", "1 位跟随者的数据与你不同，看不到你的画面（请用相同 --data）",
             ["会议 m2：0人+1不同", "会议0人+1不同"]),
            (.en, "meeting m2: 0 following, 1 on other data",
             "1 follower on other data: not seeing your screen (use the same --data)",
             ["0 following m2 +1 other", "0 following +1 other",
              "0 following"]),
        ] {
            var s = try bundledState(width: 160, height: 40, period: "2015-09")
            s.language = language
            s = update(s, .meeting(.presenting(name: "m2", followers: 0)))
            s = update(s, .meeting(.presenting(name: "m2", followers: 1, otherData: 1)))
            XCTAssertEqual(s.message, warning)
            XCTAssertTrue(s.messageLog.entries.contains { $0.text == warning && $0.warning }, "\(s.messageLog.entries)")
            let badge = try XCTUnwrap(Renderer.meetingBadge(s))
            XCTAssertEqual(badge.text, chip)
            XCTAssertTrue(badge.warning)
            XCTAssertTrue(screen(s).last?.trimmingCharacters(in: .whitespaces).hasSuffix(chip) ?? false,
                          screen(s).joined(separator: "\n"))
            // Narrow: the short chip counts the one following, 0, and the one on other data (wave 35's
            // fresh user saw `会议 m1：0人` alone at 80 columns), still a warning. English's longer
            // hint line leaves it no room at 80 on the overview: `0 following` alone, a warning (the
            // arrows and q are not given to it).
            if language == .zh {
                var narrow80 = s
                narrow80.width = 80
                XCTAssertTrue(try XCTUnwrap(Renderer.meetingBadge(narrow80)).text.hasSuffix("+1不同"))
            }
            var narrow = s
            narrow.width = 80
            let small = try XCTUnwrap(Renderer.meetingBadge(narrow))
            XCTAssertTrue(short.contains(small.text), small.text)
            XCTAssertTrue(small.warning)
            // The follower reloads onto the same data: counted as following, no warning, no new message.
            var same = update(s, .meeting(.presenting(name: "m2", followers: 1, otherData: 0)))
            // The warning does not outlive it (wave 34's second fresh user: it stood beside `1 人跟随`).
            XCTAssertEqual(same.message, language == .zh ? "跟随者的数据现已与你相同" : "every follower is on your data now")
            XCTAssertEqual(same.session.flash?.level, .info)
            same.message = nil
            let back = try XCTUnwrap(Renderer.meetingBadge(same))
            XCTAssertFalse(back.warning)
            XCTAssertEqual(back.text, language == .zh ? "会议 m2：1 人跟随" : "meeting m2: 1 following")
            same = update(same, .meeting(.presenting(name: "m2", followers: 2, otherData: 0)))
            XCTAssertNil(same.message)
        }
    }
}
