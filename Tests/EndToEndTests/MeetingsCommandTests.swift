import Foundation
import Glibc
import TownsMeeting
import XCTest

/// `towns meetings` lists the meetings a presenter in this process holds open.
final class MeetingsCommandTests: XCTestCase {
    struct State: Codable, Sendable, Equatable { var view: String }

    func testListsOpenMeetingsWithPresenterSinceAndFollowers() throws {
        let binary = try Paths.townsBinary()
        let parent = NSTemporaryDirectory() + "towns-meetings-e2e-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let folder = MeetingFolder(path: parent + "/m")
        var options = MeetingHost<State>.Options()
        options.folder = folder
        let host = try MeetingHost<State>(name: "周会", dataFingerprint: "fp", options: options)
        let guests = try (0..<2).map { _ in try MeetingGuest<State>(name: "周会", folders: [folder]) }
        let deadline = Date().addingTimeInterval(5)
        while MeetingDescription.read(folder.descriptionPath("周会"))?.followers != 2 && Date() < deadline {
            usleep(10_000)
        }
        // A description left by a presenter whose process is gone: not listed.
        let gone = MeetingDescription(meeting: "old", presenter: "x", pid: Int32.max - 1, started: Date(), followers: 9,
                                      dropped: 0, group: "g")
        try gone.write(to: folder.descriptionPath("old"), group: getegid())

        let r = try runProcess(binary, ["meetings", "--lang", "zh"],
                               environment: ["TOWNS_MEETINGS": folder.path, "TZ": "UTC"])
        XCTAssertEqual(r.status, 0, r.summary)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, r.summary)
        // One language: the Chinese header only (wave 8: it was both).
        XCTAssertEqual(lines[0].split(separator: " ").map(String.init), ["会议", "主持人", "开始", "跟随"], r.summary)
        let since = ISO8601DateFormatter().string(from: host.started).prefix(16)
            .replacingOccurrences(of: "T", with: " ")
        let user = MeetingUsers.name(of: geteuid()) ?? "?"
        XCTAssertTrue(lines[1].hasPrefix("周会"), r.summary)
        XCTAssertEqual(lines[1].split(separator: " ").map(String.init), ["周会", user, String(since.prefix(10)),
                                                                          String(since.suffix(5)), "2"], r.summary)
        XCTAssertEqual(guests.count, 2)

        // A follower on other data is said as such (wave 41's fresh user: it was counted as following).
        guests[1].announce(dataFingerprint: "other")
        let said = Date().addingTimeInterval(5)
        while MeetingDescription.read(folder.descriptionPath("周会"))?.otherData != 1 && Date() < said {
            usleep(10_000)
        }
        for (lang, cell) in [("zh", "2（1 人数据不同）"), ("en", "2 (1 on other data)")] {
            let listed = try runProcess(binary, ["meetings", "--lang", lang], environment: ["TOWNS_MEETINGS": folder.path])
            XCTAssertEqual(listed.status, 0, listed.summary)
            XCTAssertTrue(listed.stdout.split(separator: "\n").last?.hasSuffix(cell) == true, listed.summary)
        }

        host.close()
        // LANG=C: English only, as the dashboard.
        let after = try runProcess(binary, ["meetings", "--folder", folder.path],
                                   environment: ["LANG": "C", "LC_ALL": "C"])
        XCTAssertEqual(after.status, 0, after.summary)
        XCTAssertTrue(after.stdout.contains("no open meetings") && !after.stdout.contains("没有进行中的会议"), after.summary)
        let zh = try runProcess(binary, ["meetings", "--folder", folder.path, "--lang", "zh"])
        XCTAssertTrue(zh.stdout.contains("没有进行中的会议") && !zh.stdout.contains("no open"), zh.summary)
    }
}
