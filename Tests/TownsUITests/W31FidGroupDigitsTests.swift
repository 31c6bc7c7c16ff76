import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 30's fresh user: the types view at Jan-Sep 2015 wrote type 1 (Haining alone in its sums,
/// 13.56 / ≈18.6, its own rate 72.9%) `≈73%` beside type 3 (Nanhu alone, 3.52 / ≈15.0, its own
/// 23.5%) `≈23.5%`: the same one-town situation with two digits rules. A type whose sums are one
/// town's takes the digits its town's rate supports (`GroupProgress.printedRate`): `≈72.9%`.
final class W31FidGroupDigitsTests: XCTestCase {
    func testOneTownTypesTakeTheirTownsDigits() throws {
        for language in Language.allCases {
            var s = try bundledState(period: "2015-09")
            s.language = language
            s = apply(s, .showView(.typeList))
            let lines = screen(s)
            let text = lines.joined(separator: "\n")
            let one = try XCTUnwrap(lines.first { $0.contains("13.56") }, text)
            let three = try XCTUnwrap(lines.first { $0.contains("3.52") }, text)
            XCTAssertTrue(one.contains("≈72.9%"), one)
            XCTAssertFalse(one.contains("≈73%"), one)
            XCTAssertTrue(three.contains("≈23.5%"), three)
        }
    }
}
