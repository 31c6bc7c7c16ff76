import Foundation
import TownsCore
import TownsUI
import XCTest

/// A follower on a town's page scrolls to the presenter's content, not its line number
/// (issue 16, a fresh user's finding): at another width and language the page's lines wrap
/// differently, its headings and fields (keyed lines) are the same.
final class PageAnchorTests: XCTestCase {
    func sent(_ presenter: AppState) throws -> Session {
        try JSONDecoder().decode(Session.self, from: try JSONEncoder().encode(presenter.sessionForFollowers))
    }

    /// The page's lines as drawn on `state`'s screen, and which are headings.
    func page(_ s: AppState) -> [DetailLine] {
        s.pageLines(s.screen.kind, width: Renderer.bodyRect(width: s.width, height: s.height).width)
    }

    func headings(_ lines: [DetailLine]) -> [Int] {
        lines.indices.filter { i in
            if case let .text(_, role)? = lines[i].pieces.first { return role == .header }
            return false
        }
    }

    func testAFollowerScrollsToThePresentersHeadingAtItsOwnWidthAndLanguage() throws {
        var p = try bundledState(width: 140, height: 40, period: "2015-09")
        p = apply(p, .open)  // the first town's page
        XCTAssertTrue(p.screen.kind.isPage)
        var f = try bundledState(width: 64, height: 24, period: "2015-09")
        f = apply(f, .toggleLanguage)
        f = update(f, .meeting(.joined(meeting: "demo", presenter: "root")))
        let presenterHeadings = headings(page(p))
        XCTAssertGreaterThan(presenterHeadings.count, 3)
        var differed = 0
        for (n, line) in presenterHeadings.enumerated() {
            p.session.stack[p.stack.count - 1].scroll = line
            f = update(f, .meeting(.followed(try sent(p), presenterData: "d", ownData: "d")))
            let lines = page(f)
            let mine = headings(lines)
            let top = f.screen.scroll
            let last = max(0, lines.count - Renderer.visibleLines(f))
            if mine[n] <= last {
                XCTAssertEqual(top, mine[n], "heading \(n): the follower's top line is the same heading")
            } else {
                XCTAssertEqual(top, last, "heading \(n) is past the follower's last screen: the page's end shown")
            }
            if top != line { differed += 1 }
        }
        XCTAssertGreaterThan(differed, 0, "at 64 columns in English the headings are on other lines than at 140 in zh")
    }

    func testAFieldAtTheTopStaysAtTheTop() throws {
        var p = try bundledState(width: 140, height: 40, period: "2015-09")
        p = apply(p, .open)
        let lines = page(p)
        // Line 3 is a field (its label first) at 140 columns.
        p.session.stack[p.stack.count - 1].scroll = 3
        var f = try bundledState(width: 64, height: 24, period: "2015-09")
        f = update(f, .meeting(.joined(meeting: "demo", presenter: "root")))
        f = update(f, .meeting(.followed(try sent(p), presenterData: "d", ownData: "d")))
        XCTAssertEqual(try sent(p).stack.last?.anchor?.offset, 0)
        XCTAssertGreaterThan(lines.count, 3)
        let mine = page(f)
        // The same field: its label text is the presenter's top line's first piece.
        XCTAssertEqual(mine[f.screen.scroll].runs.first?.0, lines[3].runs.first?.0)
    }
}
