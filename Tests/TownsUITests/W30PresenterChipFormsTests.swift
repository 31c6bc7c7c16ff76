import TownsCore
@testable import TownsUI
import XCTest

/// Wave 30: in Chinese the presenter chip's shortest form is the short one's text (`会议 m7:1`), so
/// `meetingBadge` laid the hint line out for it twice per presenter frame; each form is tried once.
final class W30PresenterChipFormsTests: XCTestCase {
    func testEachFormOfThePresentersChipIsTriedOnce() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24)
            s.language = language
            for name in ["m7", "lc", "weekly-review-jiaxing", "例会"] {
                for glyphs in [Glyphs.unicode, .ascii] {
                    let forms = Renderer.presenterChipForms(s, name: name, followers: 1, glyphs: glyphs).forms
                    XCTAssertEqual(forms.count, Set(forms).count, "\(language) \(name): \(forms)")
                    // Every form still there: the full, the short, the shortest, the nameless.
                    for words in [Catalogue.badgePresenting(name, 1), Catalogue.badgePresentingShort(name, 1),
                                  Catalogue.badgePresentingShortest(name, 1), Catalogue.badgePresentingNameless(1)] {
                        XCTAssertTrue(forms.contains(s.tr(words)), "\(language) \(name): \(forms)")
                    }
                }
            }
        }
    }

    /// The chip chosen is the one chosen before, on every view at 80x24 and 100x30 (W7PresenterChipTests
    /// keeps `会议 m7:1` and `meeting m7: 1` at 80 columns).
    func testTheChipChosenIsTheFirstFormThatKeepsTheKeys() throws {
        for language in Language.allCases {
            for (width, height) in [(80, 24), (100, 30)] {
                var s = try bundledState(width: width, height: height)
                s.language = language
                s = update(s, .meeting(.presenting(name: "m7", followers: 1)))
                s.message = nil
                let chip = try XCTUnwrap(Renderer.meetingBadge(s)).text
                XCTAssertTrue(screen(s)[height - 1].contains(chip), "\(language) \(width)x\(height): \(chip)")
                XCTAssertTrue(Renderer.presenterChipForms(s, name: "m7", followers: 1, glyphs: .unicode).forms.contains(chip),
                              chip)
            }
        }
    }
}
