import XCTest

@testable import TownsUI

/// Wave 41's fresh user: a damaged snapshot that could not be replaced (a read-only cache) was
/// said to be "rebuilt in the background" at every start, and never was. A background rebuild
/// that fails is now said once, as a warning in the language shown, with the command that says
/// why, and logged in `:messages`.
final class W41SnapshotNotRebuiltTests: XCTestCase {
    func testAFailedRebuildIsAWarningInBothLanguagesNamingTheCommandAndLogged() throws {
        var s = try bundledState(width: 100, height: 30)
        s.language = .zh
        s = update(s, .snapshotNotRebuilt(status: 3, command: "towns snapshot --data /srv/big"))
        let flash = try XCTUnwrap(s.session.flash)
        XCTAssertEqual(flash.level, .warning)
        XCTAssertEqual(flash.text, "快照未能重新生成（缓存文件夹不可写或磁盘已满）：所示数据读自文本，以后启动仍读文本；"
                           + "towns snapshot --data /srv/big 说明原因")
        XCTAssertEqual(flash.text(in: .en),
                       "the snapshot could not be rebuilt (the cache folder is not writable or the disk is full): the "
                           + "data shown was read from the text, and later starts read it too; "
                           + "towns snapshot --data /srv/big says why")
        XCTAssertEqual(s.messageLog.entries.last?.text, flash.text, "logged in :messages")
        // Another exit status is named as such, not guessed at.
        let other = update(try bundledState(width: 100, height: 30), .snapshotNotRebuilt(status: 11, command: "x"))
        XCTAssertTrue(other.session.flash?.text(in: .en).contains("(exit 11)") == true)
    }
}
