import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 34's fresh user: Jiashan's page in Chinese showed its industry's note with an English
/// aside, `… (a reading of the paper; the creation list prints no industry)`. A town's
/// `industry_note_zh` is the note in Chinese; the English page keeps `industry_note`. (The snapshot
/// keeps it: `SnapshotTests.testBundledDataRoundTrips`, `testEveryFieldIsWritten`.)
final class W34IndustryNoteTests: XCTestCase {
    func testEachLanguageHasItsNote() throws {
        for (language, want, not) in [
            (Language.zh, "（对论文的一种解读；创建名单未列产业）", "a reading of the paper"),
            (.en, "(a reading of the paper; the creation list prints no industry)", "对论文的一种解读"),
        ] {
            var s = try bundledState(width: 160, height: 60, period: "2015-09")
            s.language = language
            s.stack = [Screen(.townList), Screen(.townPage("jiashan"))]
            let all = screen(s).joined(separator: "\n")
            XCTAssertTrue(all.contains(want), all)
            XCTAssertFalse(all.contains(not), all)
        }
    }
}
