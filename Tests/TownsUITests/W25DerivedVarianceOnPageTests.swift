import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 25's second fresh user, G5: a schedule variance worked out from a derived rate is `≈` in the
/// page's progress history too (Nanhu at Jan-Oct: 4.50 over its plan ≈15.0 is ≈30%, its variance
/// `≈-53▼` as the towns list writes it, not `-53▼`); a reported rate's variance has no `≈`.
final class W25DerivedVarianceOnPageTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func testAVarianceFromADerivedRateIsMarkedInTheHistory() throws {
        let dir = try folders.bundledData(
            adding: ["2015-10.toml": W23FidTests.month("2015-10", through: 10, [("nanhu", "completed", "\"4.50\"")])],
            name: "w25-variance")
        let facts = Facts(dataset: try DatasetLoader.load(directory: dir).dataset)
        for language in Language.allCases {
            var s = AppState(facts: facts, width: 160, height: 140)
            s.language = language
            s.periodIndex = try XCTUnwrap(facts.dataset.periods.firstIndex { $0.id == "2015-10" })
            s.stack = [Screen(.townList), Screen(.townPage("nanhu"))]
            let lines = screen(s)
            let october = try XCTUnwrap(lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(language == .zh ? "2015年1-10月" : "2015 Jan-Oct")
                && $0.contains("4.50") }, lines.joined(separator: "\n"))
            XCTAssertTrue(october.contains("≈30%") && october.contains("≈-53▼"), october)
            let september = try XCTUnwrap(lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(language == .zh ? "2015年1-9月" : "2015 Jan-Sep")
                && $0.contains("3.52") }, lines.joined(separator: "\n"))
            XCTAssertTrue(september.contains("-51.5▼") && !september.contains("≈-51.5"), september)
        }
    }
}
