import XCTest

@testable import TownsUI

/// Wave 38: blocks of the snapshot found damaged after the first frame are said once, as a
/// warning in the language shown, reworded by `L`, and logged in `:messages`.
final class W38SnapshotDamagedUpdateTests: XCTestCase {
    func testTheDamageIsAWarningInBothLanguagesAndLogged() throws {
        var s = try bundledState(width: 100, height: 30)
        s.language = .zh
        s = update(s, .snapshotDamaged(blocks: 2))
        let flash = s.session.flash
        XCTAssertEqual(flash?.level, .warning)
        XCTAssertEqual(flash?.text, "快照有 2 块损坏：其中的表已改从数据算出（所示数字不受影响），快照在后台重建")
        XCTAssertEqual(flash?.text(in: .en),
                       "2 blocks are damaged in the snapshot: the tables in them are worked out from the data instead "
                           + "(the figures shown are not affected); the snapshot is being rebuilt in the background")
        XCTAssertEqual(s.messageLog.entries.last?.text, flash?.text, "logged in :messages")
        let one = update(try bundledState(width: 100, height: 30), .snapshotDamaged(blocks: 1))
        XCTAssertTrue(one.session.flash?.text(in: .en).hasPrefix("1 block is damaged") == true)
    }
}
