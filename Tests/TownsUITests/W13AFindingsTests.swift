import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// A fresh user's findings (wave 13, w13-a): the presentation layout at 60x14 in English keeps
/// the rate and its `▼` as Chinese does, the legend naming no unit beside no amount; `b` stays on
/// the key-hint line at 80 columns with a filter on; a follower at 60x14 keeps `e`.
final class W13AFindingsTests: XCTestCase {
    /// `P` at 60x14, in both languages: the rate column and a `▼` are drawn; the legend names the
    /// unit (亿元) only where an amount column (plan, completed) is drawn.
    func testPresentationAt60ColumnsKeepsTheRateInBothLanguages() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 60, height: 14, period: "2015-09")
            s.language = language
            // The next key clears the flash that says what `P` did: the legend is drawn again.
            s = apply(s, .meeting(.togglePresentation), .moveDown)
            let lines = screen(s)
            let all = lines.joined(separator: "\n")
            let header = lines[3]
            XCTAssertTrue(header.contains(s.tr(Catalogue.done2)), "the rate column in \(language): \(all)")
            let body = lines[3..<(lines.count - 2)]
            XCTAssertTrue(body.contains { $0.contains("%\(Glyphs.unicode.glyph(.behind))") }, "a ▼: \(all)")
            let amounts = [Catalogue.plan2, Catalogue.done].contains { title in
                header.split(separator: " ").contains {
                    $0.hasPrefix(s.tr(title)) && !$0.hasPrefix(s.tr(Catalogue.done2))
                }
            }
            let legend = lines[lines.count - 2]
            XCTAssertTrue(legend.contains(Glyphs.unicode.glyph(.behind)), "the legend is drawn: \(legend)")
            let unit = language == .en ? "unit" : "单位"
            XCTAssertEqual(legend.contains(unit), amounts, "the unit only beside an amount, \(language): \(all)")
        }
    }

    /// At 80 columns with the behind filter on, `b` (and `c`, clear) stay on the key-hint line in
    /// both languages, with the other keys a meeting needs (README).
    func testEightyColumnsWithAFilterKeepB() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24, period: "2015-09")
            s.language = language
            s = update(s, .toggleBehindFilter)
            XCTAssertFalse(s.filter.isEmpty)
            let line = try XCTUnwrap(screen(s).last)
            for key in ["↑↓", "Enter", "/", "b", "c", "e", "y", ":", "?", "q"] {
                XCTAssertTrue(line.contains(" \(key) "), "\(key) in \(language): \(line)")
            }
        }
    }

    /// A follower at 60x14, in both languages: `e`, `:` and `?` stay on the key-hint line.
    func testAFollowerAt60ColumnsKeepsExport() throws {
        for language in Language.allCases {
            let presenter = try bundledState(width: 60, height: 14, period: "2015-09")
            var s = try bundledState(width: 60, height: 14, period: "2015-09")
            s.language = language
            s = update(s, .meeting(.joined(meeting: "demo", presenter: "root")))
            let sent = try JSONDecoder().decode(
                Session.self, from: try JSONEncoder().encode(presenter.session.forFollowers))
            s = update(s, .meeting(.followed(sent, presenterData: "d", ownData: "d")))
            XCTAssertTrue(s.isFollowingPresenter)
            let line = try XCTUnwrap(screen(s).last)
            for key in ["f", "e", ":", "?"] {
                XCTAssertTrue(line.contains(" \(key) "), "\(key) in \(language): \(line)")
            }
        }
    }
}
