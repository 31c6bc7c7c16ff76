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
}
