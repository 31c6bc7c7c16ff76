import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 36's fresh user's open findings on the screen, fixed in wave 38: the full year's behind
/// heading, the changes view's cut measure, the follower's `L`, the selected bar in 8 colours.
final class W38FreshUserUITests: XCTestCase {
    /// 1. At the 2015 full year no town has a completion rate: the towns-behind heading said
    /// `— behind` (`落后 — 镇`); it says in words that the count cannot be told, at 100 and 80.
    func testTheFullYearsBehindHeadingSaysInWordsThatItCannotBeTold() throws {
        for (width, height) in [(100, 30), (80, 24)] {
            for language in Language.allCases {
                var s = try bundledState(width: width, height: height, period: "2015-12")
                s.language = language
                s.stack = [Screen(.overview)]
                let lines = screen(s).map { $0.trimmingCharacters(in: .whitespaces) }
                let all = lines.joined(separator: "\n")
                XCTAssertFalse(lines.contains(language == .zh ? "落后 — 镇" : "— behind"), "\(width) \(language)\n\(all)")
                // The widest form the panel column holds (`behind: not known` at 80 in English).
                let headings = language == .zh ? ["落后镇数：不能判断", "落后：不能判断"]
                    : ["behind: cannot be told", "behind: not known"]
                XCTAssertTrue(lines.contains { l in headings.contains { l.hasPrefix($0) } }, "\(width) \(language)\n\(all)")
                // The line under it still says why.
                XCTAssertTrue(all.contains(language == .zh ? "另 5 镇无本期进度，不能判断" : "5 towns: no rate this period, not judged"),
                              all)
            }
        }
        // Where the column holds it, the reason too (100 columns).
        var s = try bundledState(width: 100, height: 30, period: "2015-12")
        s.language = .en
        s.stack = [Screen(.overview)]
        XCTAssertTrue(screen(s).contains { $0.hasPrefix(" behind: cannot be told (no rates)") }, screen(s).joined(separator: "\n"))
    }

    /// 2. The English changes view at 100 columns cut `featured investment` to `featured invest…`:
    /// `featured inv.`, the note spelling it out; an export names it whole.
    func testTheChangesViewsFeaturedInvestmentIsNotCut() throws {
        for (width, height) in [(100, 30), (80, 24)] {
            var s = try bundledState(width: width, height: height, period: "2015-12")
            s.language = .en
            s.stack = [Screen(.changes)]
            let all = screen(s).joined(separator: "\n")
            XCTAssertFalse(all.contains("featured invest…"), all)
            XCTAssertTrue(all.contains("featured inv. "), all)
            if width == 100 {
                XCTAssertTrue(all.replacingOccurrences(of: "\n ", with: " ").contains("featured inv.: featured-industry investment"), all)
            }
        }
        XCTAssertEqual(Catalogue.measureColumnName(.featuredInvestment).zh, "特色产业投资")
        XCTAssertEqual(Catalogue.measureColumnName(.completed).en, "completed")
    }

    /// 3. The follower's key line lists `L` (its own language) at 80 and 100 columns, both languages,
    /// the meeting's keys kept.
    func testTheFollowersKeyLineListsL() throws {
        for (width, height) in [(100, 30), (80, 24)] {
            for language in Language.allCases {
                for presenter in ["root", "wang"] {
                    var s = try bundledState(width: width, height: height)
                    s.language = language
                    s.stack = [Screen(.overview)]
                    s.meeting = .following(Following(meeting: "w38", presenter: presenter))
                    XCTAssertTrue(s.isFollowingPresenter)
                    let line = try XCTUnwrap(screen(s).last)
                    let l = language == .zh ? " L English " : " L 中文 "
                    XCTAssertTrue(line.contains(l), "\(width) \(language): \(line)")
                    for key in [" f ", " e ", " y ", " t ", " : ", " ? ", " q "] {
                        XCTAssertTrue((" " + line).contains(key), "\(width) \(language) \(key): \(line)")
                    }
                    XCTAssertTrue(line.contains(presenter), line)
                }
            }
        }
    }
}
