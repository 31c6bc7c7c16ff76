import Foundation
import Glibc
@testable import TownsMeeting
import XCTest

/// Wave 34's fresh user: a follower joined on other data (its own `--data`, another month) browsed
/// alone (`独自浏览：数据不同`) while the presenter's chip said `1 人跟随`. Each follower tells its
/// data's fingerprint (`MeetingGuest.announce`); the presenter counts those whose fingerprint is
/// not the one it sends (`MeetingHost.otherDataCount`), again when its own data changes.
final class W34OtherDataTests: XCTestCase {
    func testThePresenterCountsFollowersOnOtherData() throws {
        let folder = try meetingFolder()
        let host = try MeetingHost<TestState>(name: "data", dataFingerprint: "fp1", options: hostOptions(folder))
        defer { host.close() }
        let same = try join("data", folder), other = try join("data", folder), silent = try join("data", folder)
        XCTAssertTrue(eventually { host.followerCount == 3 })
        XCTAssertEqual(host.otherDataCount, 0, "nothing said yet: none counted")
        same.announce(dataFingerprint: "fp1")
        other.announce(dataFingerprint: "fp2")
        XCTAssertTrue(eventually { host.otherDataCount == 1 }, "\(host.otherDataCount)")
        // The follower reloads onto the presenter's data: none differs.
        other.announce(dataFingerprint: "fp1")
        XCTAssertTrue(eventually { host.otherDataCount == 0 }, "\(host.otherDataCount)")
        // The presenter's data changes (a reload): both that said fp1 differ now; the silent one is not counted.
        host.send(TestState(view: "towns", index: 1), dataFingerprint: "fp3")
        XCTAssertTrue(eventually { host.otherDataCount == 2 }, "\(host.otherDataCount)")
        // One leaves: counted out.
        same.leave()
        XCTAssertTrue(eventually { host.followerCount == 2 && host.otherDataCount == 1 },
                      "\(host.followerCount) \(host.otherDataCount)")
        XCTAssertEqual(silent.status, .following, "still attached, its input read and thrown away")
    }

    /// A line of garbage, or one longer than any fingerprint, counts nothing and drops nobody.
    func testOtherLinesAreThrownAway() throws {
        let folder = try meetingFolder()
        let host = try MeetingHost<TestState>(name: "junk", dataFingerprint: "fp1", options: hostOptions(folder))
        defer { host.close() }
        let guest = try join("junk", folder)
        XCTAssertTrue(eventually { host.followerCount == 1 })
        guest.announce(dataFingerprint: String(repeating: "x", count: 1000))  // cut to 200 bytes, still other data
        XCTAssertTrue(eventually { host.otherDataCount == 1 })
        guest.announce(dataFingerprint: "fp1")
        XCTAssertTrue(eventually { host.otherDataCount == 0 })
        XCTAssertEqual(host.followerCount, 1)
    }

    /// Wave 41's fresh user: `towns meetings` listed a follower on other data as following. The
    /// description says how many of the followers are on other data, rewritten when that changes;
    /// one written by an older build (no such field) reads as unknown.
    func testTheDescriptionSaysHowManyFollowOnOtherData() throws {
        let folder = try meetingFolder()
        let host = try MeetingHost<TestState>(name: "listed", dataFingerprint: "fp1", options: hostOptions(folder))
        defer { host.close() }
        let path = folder.descriptionPath("listed")
        let same = try join("listed", folder), other = try join("listed", folder)
        XCTAssertTrue(eventually { MeetingDescription.read(path)?.followers == 2 })
        XCTAssertEqual(MeetingDescription.read(path)?.otherData, 0)
        same.announce(dataFingerprint: "fp1")
        other.announce(dataFingerprint: "fp2")
        XCTAssertTrue(eventually { MeetingDescription.read(path)?.otherData == 1 },
                      "\(String(describing: MeetingDescription.read(path)))")
        XCTAssertEqual(MeetingDescription.read(path)?.followers, 2, "the count unchanged: only who is on which data")
        other.announce(dataFingerprint: "fp1")
        XCTAssertTrue(eventually { MeetingDescription.read(path)?.otherData == 0 })

        let older = #"{"dropped":0,"followers":3,"group":"staff","meeting":"m","pid":1,"presenter":"lin","started":"2026-12-01T20:40:00Z"}"#
        let file = folder.path + "/older.json"
        try older.write(toFile: file, atomically: true, encoding: .utf8)
        let read = try XCTUnwrap(MeetingDescription.read(file))
        XCTAssertEqual(read.followers, 3)
        XCTAssertNil(read.otherData, "an older presenter's description: not known, not none")
    }
}
