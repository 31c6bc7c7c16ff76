import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 31's fresh user: a projection of 74.99% at Jan-Sep (74.99 / 9 x 12 = 99.9867%) read
/// `→100.0%` beside its `-0.01▼`: the plan met by the projection, behind by the rate. A projection
/// is written with the digits that keep it on its own side of 100% and inside what the rate's
/// rounding allows ([99.98, 99.9933]): `→99.99%`.
final class W32FidProjectionDigitsTests: XCTestCase {
    /// Jiashan (no 2015 figures in Data/) given a Jan-Sep rate of 74.99% alone: no plan, no amount,
    /// so its year end is projected in % of the plan.
    static let jiashan = """

        [[figure]]
        town = "jiashan"
        measure = "completion_rate"
        period = "2015-09"
        value = 74.99
        source = "paper"

        """

    func state(_ view: Screen.Kind = .townList, language: Language = .en) throws -> AppState {
        try editedBundledState("w32proj", view: view, period: "2015-09", width: 200, height: 60,
                               language: language) { $0 + Self.jiashan }
    }

    func testTheCoreProjectionKeepsItsSideOf100() throws {
        let s = try state()
        let town = try XCTUnwrap(s.dataset.town("jiashan"))
        let p = s.metrics.progress(town, period: try XCTUnwrap(s.period)).againstPlan
        let proj = try XCTUnwrap(p.rateProjection)
        guard case let .exact(v, d) = proj.quantity else { return XCTFail("\(proj.quantity)") }
        XCTAssertEqual(d, 2)
        XCTAssertEqual(v, Decimal(string: "99.99"))
        // A projection that is 100 stays at 1 digit; one well clear of 100 too.
        XCTAssertEqual(Metrics.projectionDecimals(100, possible: nil), 1)
        XCTAssertEqual(Metrics.projectionDecimals(Decimal(string: "97.2133")!, possible: nil), 1)
        XCTAssertEqual(Metrics.projectionDecimals(Decimal(string: "100.04")!, possible: nil), 2)
    }

    /// The page and the overview's behind row, in both languages: `→99.99%`, never `→100.0%`.
    func testThePageAndTheOverviewSay9999() throws {
        for language in [Language.en, .zh] {
            for view in [Screen.Kind.townPage("jiashan"), .overview] {
                let s = try state(view, language: language)
                let lines = screen(s).joined(separator: "\n")
                XCTAssertTrue(lines.contains("→99.99%"), "\(view) \(language)\n" + lines)
                XCTAssertFalse(lines.contains("→100.0%"), "\(view) \(language)\n" + lines)
                if view == .overview {
                    let content = try XCTUnwrap(s.content(for: s.screen))
                    for format in [ExportRequest.Format.csv, .text] {
                        let out = Export.render(content, format: format, title: "t", legend: "l")
                        XCTAssertTrue(out.contains("99.99%"), out)
                        XCTAssertFalse(out.contains("100.0%"), out)
                    }
                }
            }
        }
    }
}
