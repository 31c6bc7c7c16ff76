import TownsCore
import XCTest

@testable import TownsUI

/// Wave 21's fresh user: presenting at 80 columns, a town's page lost `/ search` and `y copy`
/// from the hint line beside the full `meeting q4: 2 following`, which a list keeps.
final class W21MinePageHintTests: XCTestCase {
    func testAPresentersPageKeepsSearchAndCopy() throws {
        for language in Language.allCases {
            for name in ["q4", "weekly-review"] {
                var s = try bundledState()
                s.language = language
                s = update(s, .resize(width: 80, height: 24))
                s = update(s, .meeting(.presenting(name: name, followers: 2)))
                s = update(s, .showView(.townList))
                s = update(s, .open)
                guard case .townPage = s.screen.kind else { return XCTFail("\(s.screen.kind)") }
                s.message = nil
                let hints = screen(s)[23]
                for key in [" / ", " y ", " e ", ": ", "? "] {
                    XCTAssertTrue(hints.contains(key), "\(language) \(name) lacks \(key): \(hints)")
                }
                let badge = try XCTUnwrap(Renderer.meetingBadge(s)?.text)
                XCTAssertTrue(hints.trimmingCharacters(in: .whitespaces).hasSuffix(badge), hints)
            }
        }
        // Alone, the page's line is as it was: the scroll arrows first, then Esc, / and y.
        var alone = try bundledState()
        alone.language = .en
        alone = update(alone, .resize(width: 80, height: 24))
        alone = update(alone, .showView(.townList))
        alone = update(alone, .open)
        alone.message = nil
        XCTAssertTrue(screen(alone)[23].contains("scroll"), screen(alone)[23])
    }
}
