import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// The cold first visits at national scale (wave 24, issue 17 point 3) made with less work show what
/// they showed: the names of a type joined into one buffer (`RowContext.joined`) are the standard
/// library's join, whatever the names' scripts, lengths and the separator.
final class W24KeysColdViewsTests: XCTestCase {
    func testJoinedIsTheStandardJoin() {
        let samples: [[String]] = [
            [], [""], ["海盐核电小镇"], ["a", ""], ["", "", ""], ["海宁", "Haining", "e\u{301}", "🇨🇳", "x"],
            (0..<2_500).map { "小镇\($0)" + String(repeating: "z", count: $0 % 7) },
        ]
        for names in samples {
            for separator in ["、", ", ", "", " / "] {
                XCTAssertEqual(RowContext.joined(names, separator: separator), names.joined(separator: separator),
                               "\(names.prefix(3)) \(separator)")
            }
        }
    }
}
