import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Wave 36's fresh user: a filter of no kind named none of the kinds there are.
final class W36FreshUserTests: XCTestCase {
    func command(_ state: AppState, _ text: String) -> AppState {
        let s = text.reduce(handle(state, .char(":"))) { handle($0, .char($1)) }
        return step(s, route(.enter, in: s)).state
    }

    func testAnUnknownFilterNamesTheKindsThereAre() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState(period: "2015-09")
            s.language = language
            s = command(s, "filter nosuch")
            let message = try XCTUnwrap(s.message)
            XCTAssertTrue(message.contains("nosuch"), message)
            XCTAssertTrue(message.contains("county|type|stage|behind|problem|clear"), message)
            XCTAssertTrue(s.filter.isEmpty, "nothing filtered")
        }
    }
}
