import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 32's fresh user: `:filter problem 1` in Chinese drew the chip `筛选: 问题 weak-identity`,
/// the data's id, in English. The chip, `:filter`'s message and an export's heading name the problem
/// by its number and name in the session's language.
final class W32ProblemChipTests: XCTestCase {
    func testTheProblemFilterIsNamedByNumberAndNameInBothLanguages() throws {
        for (language, expected) in [(Language.zh, "问题 1 特色元素不突出"), (.en, "problem 1 Featured elements not prominent")] {
            var s = try bundledState(width: 120, height: 30, period: "2015-09")
            s.language = language
            s = update(s, .runCommand("filter problem 1"))
            XCTAssertEqual(s.filter.problem, "weak-identity", "the filter keeps the id")
            let lines = screen(s)
            XCTAssertTrue(lines.contains { $0.contains(expected) }, lines.joined(separator: "\n"))
            XCTAssertFalse(lines.contains { $0.contains("weak-identity") }, lines.joined(separator: "\n"))
            XCTAssertTrue((s.message ?? "").contains(expected), s.message ?? "no message")
            XCTAssertEqual(s.filter.summary(s.tr, problemName: s.problemShown),
                           expected)
        }
        // A problem the data does not have (a session resumed on other data): its id, as kept.
        let s = try bundledState()
        XCTAssertEqual(s.problemShown("no-such-problem"), "no-such-problem")
    }
}
