import TownsCore
@testable import TownsUI
import XCTest

/// Wave 8 (w8-fid): findings of fresh users on fidelity, each with what a person would see.
final class W8FidTests: XCTestCase {
    /// Finding 6: `b` set logs a message in `:messages`; `b` cleared logs one too, saying so.
    func testClearingTheBehindFilterIsLoggedAsSettingItIs() throws {
        for language in Language.allCases {
            var s = try bundledState()
            s.language = language
            s = apply(s, .toggleBehindFilter)
            XCTAssertTrue(s.filter.behindSchedule)
            let afterSet = s.messageLog.entries.count
            XCTAssertGreaterThan(afterSet, 0, "setting b is logged")
            s = apply(s, .toggleBehindFilter)
            XCTAssertFalse(s.filter.behindSchedule)
            XCTAssertEqual(s.messageLog.entries.count, afterSet + 1, "clearing b is logged")
            let text = try XCTUnwrap(s.messageLog.entries.last?.text)
            XCTAssertTrue(text.hasPrefix(s.tr(Catalogue.behindFilterOff)), text)
            XCTAssertTrue(text.contains(s.tr(Catalogue.towns("\(s.dataset.towns.count)"))), text)
        }
    }
}
