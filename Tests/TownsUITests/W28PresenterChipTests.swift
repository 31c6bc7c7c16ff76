import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Wave 28's fresh user, in a meeting: the presenter's chip.
final class W28PresenterChipTests: XCTestCase {
    /// Under LANG=C (English, ASCII) the presenter's chip read `lc-0 following`: `·` between the
    /// meeting's name and the count is drawn `-`, a meeting named `lc-0`. No form of the chip, in
    /// either language or glyph set, at any width, joins the count to the name by a name's
    /// character (`·`, `-`), and the form at 80 columns still names the meeting where it did.
    func testTheCountIsNeverJoinedToTheMeetingsName() throws {
        var base = try bundledState()
        for language in [Language.zh, .en] {
            base.language = language
            for glyphs in [Glyphs.unicode, .ascii] {
                let renderer = Renderer(theme: .monochrome, glyphs: glyphs)
                for width in [60, 80, 100, 120, 140] {
                    for view in AppState.topViews {
                        var s = update(base, .resize(width: width, height: 24))
                        s = update(s, .showView(view))
                        s = update(s, .meeting(.presenting(name: "lc", followers: 0)))
                        s.message = nil
                        let hints = renderer.render(s).lines()[23]
                        let at = "\(language) \(glyphs == .ascii ? "ascii" : "unicode") \(width) \(view): \(hints)"
                        XCTAssertNil(hints.range(of: "(lc|会议)[-·][0-9]", options: .regularExpression), at)
                        // Since wave 34 the count says what it counts (`会议 lc：0人`, `会议0人`), and
                        // where even the nameless chip would push the arrows or q off there is none
                        // (W34UiMeetingChipTests).
                        let forms = language == .en
                            ? ["meeting lc: 0 following", "0 following lc", " 0 following"]
                            : ["会议 lc：0 人跟随", "会议 lc：0人", "会议0人"]
                        if Renderer.meetingBadge(s, glyphs: glyphs) != nil {
                            XCTAssertTrue(forms.contains { hints.trimmingCharacters(in: .whitespaces).hasSuffix($0) }, at)
                        }
                    }
                }
            }
        }
        // The fresh user's screen: LANG=C, the overview at 80 columns.
        var s = update(base, .resize(width: 80, height: 24))
        s.language = .en
        s = update(s, .showView(.overview))
        s = update(s, .meeting(.presenting(name: "lc", followers: 0)))
        let hints = Renderer(theme: .monochrome, glyphs: .ascii).render(s).lines()[23]
        XCTAssertTrue(hints.trimmingCharacters(in: .whitespaces).hasSuffix(" 0 following lc"), hints)
        // A name holding `·` (README's `例会·嘉兴`) is not continued by the count either.
        var zh = update(base, .resize(width: 140, height: 30))
        zh.language = .zh
        zh = update(zh, .meeting(.presenting(name: "例会·嘉兴", followers: 2)))
        XCTAssertTrue(screen(zh)[29].trimmingCharacters(in: .whitespaces).hasSuffix(" 会议 例会·嘉兴：2 人跟随"), screen(zh)[29])
    }
}
