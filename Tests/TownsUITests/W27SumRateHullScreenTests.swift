import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 26's fresh user, F1, on screen: at Jan-Aug 2015 (bundled data) type 1's rate, Haining's
/// alone (9.3 at 50%, plan then ≈19), read `≈49%` in the types view and the towns view's sum row
/// filtered to Haining, beside Haining's `50%`. Both read `≈50%`, worked out from the text and
/// read from a snapshot alike. (Since wave 43 the plan is the year's one figure, ≈18.6 at Jan-Aug too.)
final class W27SumRateHullScreenTests: XCTestCase {
    func testHainingAloneReadsFiftyPercent() throws {
        let folders = TemporaryFolders()
        let store = SnapshotStore(folder: folders.make("cache"))
        try store.write(directory: repositoryRoot + "/Data", derive: AppState.derivedTables)
        let loaded = try store.open(directory: repositoryRoot + "/Data")
        let derived = try XCTUnwrap(loaded.derived)
        let fromText = Facts(dataset: try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset)
        let fromSnapshot = Facts(dataset: loaded.dataset, derived: derived)
        for (language, facts) in [(Language.zh, fromText), (.en, fromText), (.zh, fromSnapshot), (.en, fromSnapshot)] {
            let dataset = facts.dataset
            var s = AppState(facts: facts, width: 140, height: 40)
            s.language = language
            s.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2015-08" })
            s.stack = [Screen(.typeList)]
            let types = screen(s)
            let type1 = try XCTUnwrap(types.first { $0.contains("9.3") && $0.contains("≈18.6") }, types.joined(separator: "\n"))
            XCTAssertTrue(type1.contains("≈50%"), type1)
            XCTAssertFalse(type1.contains("≈49%"), type1)

            s.stack = [Screen(.townList)]
            s = runCommand(s, "filter county 海宁")
            let towns = screen(s)
            let sum = try XCTUnwrap(towns.first { $0.contains(language == .zh ? "已知合计" : "Sum of known") },
                                    towns.joined(separator: "\n"))
            XCTAssertTrue(sum.contains("≈50%"), sum)
            XCTAssertFalse(sum.contains("≈49%"), sum)
        }
    }
}
