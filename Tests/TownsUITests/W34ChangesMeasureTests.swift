import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 33's fresh user: a changes report (`towns report --view changes`, `e` on the changes view)
/// cut its measure column at 16 cells, `完成率（Δ：百分…` / `completion rate…`, the Δ's unit
/// (points) lost, under a note saying names were cut. In print the measure is whole (at the default
/// `--width` 120 the source gives way, cut), as the towns are.
final class W34ChangesMeasureTests: XCTestCase {
    func testThePrintedMeasureIsWhole() throws {
        for (language, whole, town) in [(Language.zh, "完成率（Δ：百分点）", "海宁皮革时尚小镇"),
                                        (.en, "completion rate (Δ in points)", "Haining Leather Fashion Town")] {
            var s = try bundledState(width: 120, height: 40, period: "2015-09")
            s.language = language
            s.stack = [Screen(.changes)]
            let out = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode, width: 120, fits: true)).text
            XCTAssertTrue(out.contains(whole), out)
            XCTAssertFalse(out.contains(whole.prefix(8) + "…"), out)
            // The towns whole too: the source gives way first (at first the names were cut, `海宁皮革时尚小…`).
            XCTAssertTrue(out.contains(town + " "), out)
        }
    }
}
