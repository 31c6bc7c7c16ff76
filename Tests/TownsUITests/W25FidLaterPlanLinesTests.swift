import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 24's fresh user, F6: a town's page at an earlier period works its expected amount, gap and
/// amount a month from a plan first derivable from a later period (Haiyan's ≈47 from Jan-Oct's
/// 11.30 / 23.9%, shown at Jan-Sep): each line worked from it says so, as the plan's own line does,
/// in both languages; at the period that gives it, none does.
final class W25FidLaterPlanLinesTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func testLinesWorkedFromALaterPlanSayLater() throws {
        let dir = try folders.bundledData(adding: ["2015-10.toml": W23FidTests.month("2015-10", through: 10, [
            ("haiyan", "completed", "\"11.30\""), ("haiyan", "completion_rate", "23.9"),
        ])], name: "w25fid-later")
        let facts = Facts(dataset: try DatasetLoader.load(directory: dir).dataset)
        for language in Language.allCases {
            func page(_ period: String) throws -> [String] {
                var s = AppState(facts: facts, width: 200, height: 120)
                s.language = language
                s.periodIndex = try XCTUnwrap(facts.dataset.periods.firstIndex { $0.id == period })
                s.stack = [Screen(.townList), Screen(.townPage("haiyan"))]
                return screen(s)
            }
            let later = language == .zh ? "据以后的期间推出" : "from a later period"
            let september = try page("2015-09")
            let line = try XCTUnwrap(september.first { $0.contains("≈47") && $0.contains("9/12") },
                                     september.joined(separator: "\n"))
            XCTAssertTrue(line.contains(later), line)
            let october = try page("2015-10")
            let lineOctober = try XCTUnwrap(october.first { $0.contains("≈47") && $0.contains("10/12") },
                                            october.joined(separator: "\n"))
            XCTAssertFalse(lineOctober.contains(later), lineOctober)
        }
    }
}
