import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// A follower whose data differs from the presenter's (another `--data`, a file changed on one
/// side) stayed on its own screen saying `data differs: your own` on the chip; the message saying
/// so was cut at 80 columns before what to do, and neither said it was not following.
final class W28DataDiffersTests: XCTestCase {
    func sent(_ presenter: AppState) throws -> Session {
        try JSONDecoder().decode(Session.self, from: try JSONEncoder().encode(presenter.session.forFollowers))
    }

    func testAFollowerWhoseDataDiffersSaysItBrowsesAloneWhyAndWhatToDo() throws {
        for language in [Language.zh, .en] {
            for glyphs in [Glyphs.unicode, .ascii] {
                for (width, height) in [(80, 24), (120, 30)] {
                    let renderer = Renderer(theme: .monochrome, glyphs: glyphs)
                    var p = try bundledState(width: 120, height: 40, period: "2015-09")
                    p = apply(p, .nextView, .moveDown)
                    var f = try bundledState(width: width, height: height, period: "2015-09")
                    f.language = language
                    f = update(f, .meeting(.joined(meeting: "lc", presenter: "alice")))
                    f = update(f, .meeting(.followed(try sent(p), presenterData: "theirs", ownData: "mine")))
                    let at = "\(language) \(glyphs == .ascii ? "ascii" : "unicode") \(width)"
                    var lines = renderer.render(f).lines()
                    // Once, as a message, whole on the status line: not following, why, what to do.
                    let said = language == .en
                        ? "browsing alone: alice's data differs from yours; use the same --data to follow"
                        : "未跟随 alice，独自浏览：其数据与本机不同；用相同的 --data 即可跟随"
                    XCTAssertEqual(f.session.flash?.level, .warning, at)
                    XCTAssertEqual(lines[height - 2].trimmingCharacters(in: .whitespaces), said, at)
                    // The chip says it too, and keeps saying it once the message has gone.
                    let chip = language == .en ? "alone: " : "独自浏览："
                    XCTAssertTrue(lines[height - 1].contains(chip + (language == .en ? "presenter's data differs"
                                                                                      : "主持人数据不同"))
                                  || lines[height - 1].contains(chip + (language == .en ? "data differs" : "数据不同")),
                                  "\(at): \(lines[height - 1])")
                    f = update(f, .moveDown)
                    lines = renderer.render(f).lines()
                    XCTAssertNil(f.session.flash, at)
                    XCTAssertTrue(lines[height - 1].contains(chip), "\(at): \(lines[height - 1])")
                    // Said once: the presenter's next move does not say it again.
                    p = apply(p, .moveDown)
                    f = update(f, .meeting(.followed(try sent(p), presenterData: "theirs", ownData: "mine")))
                    XCTAssertNil(f.session.flash, at)
                    // The same data again: following, the chip says whom.
                    f = update(f, .meeting(.followed(try sent(p), presenterData: "same", ownData: "same")))
                    XCTAssertTrue(f.isFollowingPresenter, at)
                    XCTAssertFalse(renderer.render(f).lines()[height - 1].contains(chip), at)
                }
            }
        }
        // Where the line has room beside every key hint, the chip says what to do.
        var f = try bundledState(width: 200, height: 30, period: "2015-09")
        f.language = .en
        f = update(f, .meeting(.joined(meeting: "lc", presenter: "alice")))
        f = update(f, .meeting(.followed(Session(), presenterData: "theirs", ownData: "mine")))
        XCTAssertTrue(screen(f)[29].trimmingCharacters(in: .whitespaces)
                        .hasSuffix(" alone: presenter's data differs (use the same --data)"), screen(f)[29])
    }
}
