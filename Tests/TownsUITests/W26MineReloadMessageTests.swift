import Foundation
import TownsCore
import TownsUI
import XCTest

/// Wave 26's fresh user, F4: after a live reload every follower's status line said "数据已更新" /
/// "data reloaded" for the rest of the meeting (a follower presses no key), the legend gone with
/// it. It goes at the presenter's next move, as the joining message does (wave 25, F1); a warning
/// that came with the reload stays.
final class W26MineReloadMessageTests: XCTestCase {
    func testTheReloadMessageGoesAtThePresentersNextMove() throws {
        let facts = Facts(dataset: try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset)
        for language in Language.allCases {
            var p = try bundledState(width: 120, height: 35, period: "2015-09")
            var f = try w25Followed(try w25Follower(language), p)
            p = update(p, .moveDown)
            f = try w25Followed(f, p)
            XCTAssertNil(f.message, "\(language): the joining message went")
            let legendBefore = try XCTUnwrap(screen(f).dropLast().last)

            for warnings in [0, 2] {
                f = update(f, .dataReloaded(facts, changedAt: nil, warnings: warnings))
                let said = try XCTUnwrap(f.message)
                XCTAssertTrue(said.hasPrefix(language == .zh ? "数据已更新" : "data reloaded"), said)
                f = try w25Followed(f, p)
                XCTAssertEqual(f.message, said, "\(language): the same place sent again is not a move")
                p = update(p, .moveDown)
                f = try w25Followed(f, p)
                XCTAssertNil(f.message, "\(language) \(warnings) warnings: the presenter moved")
                XCTAssertEqual(screen(f).dropLast().last, legendBefore, "\(language): the legend is back")
            }

            // A warning that came with a reload (the period shown gone) is not ended by a move.
            let gone = (language == .zh ? "数据已更新" : "data reloaded") + " — period gone"
            f.session.flash = Flash(gone, level: .warning)
            p = update(p, .moveUp)
            f = try w25Followed(f, p)
            XCTAssertEqual(f.session.flash, Flash(gone, level: .warning), "\(language): a warning stays")
        }
    }
}
