import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Wave 43's fresh user, the UI side: a search that matches nothing said at Enter, the
/// presentation layout's totals rows spaced where they fit, the 60x14 hint line keeping `/`, `b`
/// and `y`, no sums of an emptied list.
/// (A follower's ended meeting at 80 columns: `EndToEndTests/W43MeetingEndedWordsTests`.)
final class W43UIFindingsTests: XCTestCase {
    // MARK: 6. An emptied list's sums

    func testAListTheFilterEmptiedHasNoSumRows() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24, period: "2015-12")
            s.language = language
            s = apply(s, .toggleBehindFilter)
            let content = try XCTUnwrap(s.content(for: s.screen))
            XCTAssertEqual(content.rows.count, 0)
            XCTAssertTrue(content.summary.isEmpty, "nothing to sum: \(content.summary.count) rows")
            let lines = screen(s)
            XCTAssertTrue(lines.contains { $0.contains(s.tr(Catalogue.noTownsLeftByTheFilter(s.keyName(.clearFilter)))) },
                          lines.joined(separator: "\n"))
            XCTAssertFalse(lines.contains { $0.contains("0/0") }, lines.joined(separator: "\n"))
            XCTAssertFalse(lines.contains { $0.contains(s.tr(Catalogue.subtotalFilteredKnown)) },
                           lines.joined(separator: "\n"))
            // Its notes (the towns the filter could not test) stay.
            XCTAssertTrue(lines.contains { $0.contains("5") }, lines.joined(separator: "\n"))
            // A filter that keeps towns keeps its sums.
            let kept = apply(try bundledState(width: 80, height: 24, period: "2015-09"), .toggleBehindFilter)
            XCTAssertEqual(try XCTUnwrap(kept.content(for: kept.screen)).summary.count, 2)
        }
    }
}
