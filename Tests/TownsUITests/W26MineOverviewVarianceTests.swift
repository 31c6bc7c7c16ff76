import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 26's fresh user, F2: at a month the city did not report, the overview's city line worked
/// its schedule variance out from the towns' summed rate and printed it as reported (`-34.6▼`),
/// while the towns view and the city's page write `≈-35▼`. Now `≈`, to the digits the derived
/// rate supports, in both languages; a reported rate's variance (September's 42.5%!) keeps its
/// decimal and no `≈`.
final class W26MineOverviewVarianceTests: XCTestCase {
    func testTheCitysVarianceFromTheTownsSumIsMarkedOnTheOverview() throws {
        let october = W23FidTests.month("2015-10", through: 10, [
            ("haining", "completed", "\"16.00\""), ("haining", "completion_rate", "86"),
            ("tongxiang", "completed", "13.0"), ("tongxiang", "completion_rate", "99"),
            ("jiashan", "completed", "7.0"),
            ("nanhu", "completed", "4.0"), ("nanhu", "completion_rate", "26.7"),
            ("haiyan", "completed", "12.0"), ("haiyan", "completion_rate", "24"),
        ])
        let dir = try bundledCopy("w26-overview-variance", monthly: ["2015-10.toml": october])
        let facts = Facts(dataset: try DatasetLoader.load(directory: dir).dataset)
        for language in Language.allCases {
            var s = AppState(facts: facts, width: 120, height: 40)
            s.language = language
            s.periodIndex = try XCTUnwrap(facts.dataset.periods.firstIndex { $0.id == "2015-10" })
            s.stack = [Screen(.overview)]
            let lines = screen(s)
            let sched = language == .zh ? "进度差" : "Sched."
            let city = try XCTUnwrap(lines.first { $0.contains(sched) && $0.contains("106.8") },
                                     lines.joined(separator: "\n"))
            XCTAssertTrue(city.contains("\(sched) ≈-35▼"), city)
            XCTAssertFalse(city.contains("-34.6"), city)

            s.periodIndex = try XCTUnwrap(facts.dataset.periods.firstIndex { $0.id == "2015-09" })
            let september = screen(s)
            let reported = try XCTUnwrap(september.first { $0.contains(sched) && $0.contains("106.8") },
                                         september.joined(separator: "\n"))
            XCTAssertTrue(reported.contains("\(sched) -32.5▼!"), reported)
            XCTAssertFalse(reported.contains("≈-32"), reported)
        }
    }
}
