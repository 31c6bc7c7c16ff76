import Foundation
@testable import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// Wave 30 (issue 17, cold keys): the assessment's city line reads each town's tier from the
/// snapshot (`Facts.storedCityYearOneTiers`), no town read. The stored tiers are those worked out
/// from the text, and the assessment draws the same from the snapshot as from the text.
final class W30AssessmentSnapshotTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func testStoredTiersAndTheAssessmentAreThoseFromTheText() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 300, months: 26, seed: 7, folders: folders,
                                                     name: "w30assessment")
        let derived = try XCTUnwrap(loaded.derived)
        let snapshotFacts = Facts(dataset: loaded.dataset, derived: derived)
        XCTAssertNil(Facts(dataset: text).storedCityYearOneTiers, "nothing stored when read from the text")
        let stored = try XCTUnwrap(snapshotFacts.storedCityYearOneTiers)
        XCTAssertEqual(stored, Assessment(metrics: Metrics(dataset: text)).cityYearOneTiers())
        for language in Language.allCases {
            for p in [0, 11, text.periods.count - 1] {
                let screens = [AppState(dataset: text, width: 120, height: 40),
                               AppState(facts: snapshotFacts, width: 120, height: 40)].map { s -> [String] in
                    var s = s
                    s.language = language
                    s.periodIndex = p
                    return screen(apply(s, .showView(.assessment)))
                }
                XCTAssertEqual(screens[0], screens[1], "\(language) period \(p)")
            }
        }
    }
}
