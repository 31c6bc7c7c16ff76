import TownsCore
import XCTest

@testable import TownsUI

/// `:town` (and the command line's `--town`) with the city's name opens the city's totals page:
/// the one page that is not a town's could only be reached through the towns view's totals row.
final class CityByNameTests: XCTestCase {
    func testTheCityByEveryNameOpensItsTotalsPage() throws {
        let s = try bundledState(period: "2015-09")
        let names = [s.dataset.regionZH, String(s.dataset.regionZH.dropLast()), s.dataset.regionEN,
                     s.dataset.regionEN.lowercased(), s.dataset.regionEN.uppercased()]
        for name in names {
            XCTAssertTrue(s.namesTheCity(name), name)
            let t = runCommand(s, "town " + name)
            XCTAssertEqual(t.stack.map(\.kind), [.townList, .cityTotals], name)
            XCTAssertEqual(t.stack[0].selected, .cityTotals, "\(name): Esc goes back to the totals row")
        }
    }

    func testATownStillWinsAndAnUnknownNameIsNotTheCity() throws {
        let s = try bundledState(period: "2015-09")
        XCTAssertFalse(s.namesTheCity("嘉"), "a part of the name is not the city")
        XCTAssertFalse(s.namesTheCity(""))
        XCTAssertEqual(runCommand(s, "town haining").stack.last?.kind, .townPage("haining"))
        XCTAssertNotEqual(runCommand(s, "town 杭州市").stack.last?.kind, .cityTotals)
    }
}
