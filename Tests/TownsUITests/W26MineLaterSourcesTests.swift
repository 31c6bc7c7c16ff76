import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 26's fresh user, F5: a Jan-Sep export cited October's sheet, though no figure it shows
/// comes from it: a derived plan's sources are the pairs it rests on as of the period shown
/// (`Metrics.yearPlan(_:asOf:)`), not every month of the year.
final class W26MineLaterSourcesTests: XCTestCase {
    func testASeptemberExportDoesNotCiteOctober() throws {
        let october = W23FidTests.month("2015-10", through: 10, [
            ("haining", "completed", "\"16.00\""), ("haining", "completion_rate", "86"),
        ])
        let dir = try bundledCopy("w26-later-sources", monthly: ["2015-10.toml": october])
        let dataset = try DatasetLoader.load(directory: dir).dataset
        for view: Screen.Kind in [.overview, .townList] {
            for (period, cites) in [("2015-09", false), ("2015-10", true)] {
                var s = AppState(dataset: dataset, width: 120, height: 40)
                s.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == period })
                s.stack = [Screen(view)]
                let md = try XCTUnwrap(s.exportOutput(.md, glyphs: .unicode)).text
                XCTAssertEqual(md.contains("2015-10.toml:"), cites, "\(view) \(period)\n" + md)
                // Haining's Jan-Sep plan (≈18.6) rests on September's pair, cited either way.
                XCTAssertTrue(md.contains("figures.toml:"), md)
            }
        }
    }
}
