import TownsCore
@testable import TownsUI
import XCTest

/// Wave 34's fresh user (F10): presenting with a filter on at 80x24, the key line lost `↑↓` and `q`
/// to the meeting's chip (wave 21's design: the line keeps its first keys), and the chip read
/// `会议 f2mtg2:0`, a name and a bare count no one reads as "0 people follow".
final class W34UiMeetingChipTests: XCTestCase {
    func testPresentingWithAFilterKeepsTheArrowsAndQAndAReadableChip() throws {
        for language in Language.allCases {
            for glyphs in [Glyphs.unicode, .ascii] {
                let renderer = Renderer(theme: .monochrome, glyphs: glyphs)
                for view in [Screen.Kind.townList, .overview] {
                    for filtered in [true, false] {
                        var s = try bundledState(width: 80, height: 24, period: "2015-09")
                        s.language = language
                        s.stack = [Screen(view)]
                        if filtered { s = update(s, .toggleBehindFilter) }
                        s = update(s, .meeting(.presenting(name: "f2mtg2", followers: 0)))
                        s = update(s, .moveDown)
                        s.message = nil
                        let lines = renderer.render(s).lines()
                        let hints = lines[23].trimmingCharacters(in: .whitespaces)
                        let at = "\(language) \(glyphs == .ascii ? "ascii" : "unicode") \(view) filtered \(filtered):\n"
                            + lines.joined(separator: "\n")
                        XCTAssertTrue(hints.hasPrefix(glyphs.upDown), at)
                        XCTAssertTrue(hints.contains("q "), at)
                        // No chip of the form `会议 NAME:N` / `NAME:N`: the count says what it counts.
                        XCTAssertNil(hints.range(of: "[:：][0-9]+$", options: .regularExpression), at)
                        // The chip, where shown, counts in words: `会议 f2mtg2：0人`, `会议0人`, `0 following f2m…`.
                        let chip = Renderer.meetingBadge(s, glyphs: glyphs)?.text
                        if let chip {
                            XCTAssertTrue(hints.hasSuffix(chip), at)
                            XCTAssertTrue(chip.contains(language == .zh ? "0人" : "0 following"), at)
                        }
                        // In Chinese it stays beside them (`会议0人`); in English with a filter on at 80
                        // columns even `0 following` would push q off (and ASCII's `U/D` is a cell wider): no chip there.
                        if glyphs == .unicode, language == .zh || !filtered || view == .overview {
                            XCTAssertNotNil(chip, at)
                        }
                    }
                }
            }
        }
    }
}
