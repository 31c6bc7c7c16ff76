import TownsCore
@testable import TownsUI
import XCTest

/// Wave 34's second fresh user: at 60x14 in English with a filter on (`b`, `:filter county 海宁市`) the
/// breadcrumb line read `filter: behind schedule · city row as reported (c cle1-7/20`, the chip cut
/// mid-word and run into the scroll position. A chip wider than the room beside the position drops
/// its clear key's hint, then is cut with `…`, a gap before the position kept.
final class W34BreadcrumbChipTests: XCTestCase {
    func testTheFilterChipNeverRunsIntoThePosition() throws {
        for language in [Language.en, .zh] {
            for (width, height) in [(60, 14), (70, 20), (80, 24)] {
                for command in ["", "filter county 海宁市"] {
                    var s = update(try bundledState(width: width, height: height, period: "2015-09"), .showView(.overview))
                    s.language = language
                    s = command.isEmpty ? update(s, .toggleBehindFilter) : update(s, .runCommand(command))
                    s.message = nil
                    let line = screen(s)[2]
                    let at = "\(language) \(width)x\(height) \(command): [\(line)]"
                    XCTAssertFalse(s.filter.isEmpty, at)
                    XCTAssertTrue(line.contains(language == .zh ? "筛选" : "filter"), at)
                    // The position, a gap of two blanks or more before it; nothing cut against it.
                    if line.range(of: "[0-9]+-[0-9]+/[0-9]+ *$", options: .regularExpression) != nil {
                        XCTAssertNotNil(line.range(of: "[^ ]  +[0-9]+-[0-9]+/[0-9]+ *$", options: .regularExpression), at)
                    }
                    XCTAssertNil(line.range(of: "\\(c cl[a-z]*[0-9]", options: .regularExpression), at)
                }
            }
        }
    }
}
