import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Wave 43's fresh user, the UI side: a search that matches nothing said at Enter, the
/// presentation layout's totals rows spaced where they fit, the 60x14 hint line keeping `/`, `b`
/// and `y`, a failed reload's place and reason before its boilerplate, no sums of an emptied list.
/// (A follower's ended meeting at 80 columns: `EndToEndTests/W43MeetingEndedWordsTests`.)
final class W43UIFindingsTests: XCTestCase {
    // MARK: 2. `/zzz` Enter

    func testASearchMatchingNothingSaysSoAtEnterAndItsChipOffersNoKeys() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24)
            s.language = language
            s = apply(s, .startSearch, .searchKey(.char("z")), .searchKey(.char("z")), .searchKey(.char("z")),
                      .searchKey(.enter))
            XCTAssertEqual(s.search?.editing, false)
            XCTAssertEqual(s.message, s.tr(Catalogue.noMatchFor("zzz")), "said at Enter, not only at n")
            let lines = screen(s)
            XCTAssertTrue(lines[2].contains("/zzz " + s.tr("无匹配", "no match")), lines[2])
            XCTAssertFalse(lines[2].contains("(n/N)"), "no keys that find nothing: \(lines[2])")
            XCTAssertTrue(lines[22].contains(s.tr(Catalogue.noMatchFor("zzz"))), lines[22])
            // A query that matches keeps its keys in the chip and says which match it is on.
            var h = try bundledState(width: 80, height: 24)
            h.language = language
            h = apply(h, .startSearch, .searchKey(.char("h")), .searchKey(.char("a")), .searchKey(.enter))
            XCTAssertTrue(screen(h)[2].contains("/ha (n/N)"), screen(h)[2])
            XCTAssertNotEqual(h.message, h.tr(Catalogue.noMatchFor("ha")))
            // On the overview a town the window folds away is said to be folded (wave 34), not no match.
            var o = try bundledState(width: 80, height: 24, period: "2015-09")
            o.stack = [Screen(.overview)]
            o.language = language
            o = update("tongxiang".reduce(apply(o, .startSearch)) { update($0, .searchKey(.char($1))) }, .searchKey(.enter))
            XCTAssertTrue(o.searchMatches().isEmpty, "folded at 80x24 (W34OvSearchTests)")
            XCTAssertFalse(screen(o)[2].contains(o.tr("无匹配", "no match")), screen(o)[2])
            XCTAssertEqual(o.message, o.tr(Catalogue.overviewMatchFolded("tongxiang", 1, key: o.keyName(.showView(.townList)))))
        }
    }

    // MARK: 3. The presentation layout's totals rows

    func testThePresentationLayoutSpacesTheTotalsRowsWhereTheyFit() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24, period: "2015-09")
            s.language = language
            s = update(s, .meeting(.togglePresentation))
            let lines = screen(s)
            let city = try XCTUnwrap(lines.firstIndex { $0.contains(s.tr("全市报告", "Jiaxing reported")) },
                                     lines.joined(separator: "\n"))
            XCTAssertTrue(lines[city + 1].trimmingCharacters(in: .whitespaces).isEmpty,
                          "a blank line between the totals rows:\n" + lines.joined(separator: "\n"))
            XCTAssertTrue(lines[city + 2].contains(s.tr(Catalogue.sumOfKnown)), lines[city + 2])
            // The count of towns in the sums stays under its sum, not spaced from it.
            XCTAssertTrue(lines[city + 3].contains(s.tr(Catalogue.townsInTheSums)), lines[city + 3])
            // The note on the sum row is still drawn whole below them.
            XCTAssertTrue(lines.contains { $0.contains(s.tr(Catalogue.sumRowNoVerdictPresenting(s.tr(Catalogue.sumOfKnown)))
                .prefix(8)) }, lines.joined(separator: "\n"))
        }
    }

    func testWhereTheyDoNotFitTheTotalsRowsStayDense() throws {
        // 60x14: the rows and the notes do not all fit; the totals rows stay one after another.
        var s = try bundledState(width: 60, height: 14, period: "2015-09")
        s = update(s, .meeting(.togglePresentation))
        let content = try XCTUnwrap(s.content(for: s.screen))
        XCTAssertEqual(Renderer.summaryOffsets(s, content), Array(0..<Renderer.summaryShown(s, content)))
        // Nor outside the presentation layout, whatever the room.
        let usual = try bundledState(width: 100, height: 40, period: "2015-09")
        let plain = try XCTUnwrap(usual.content(for: usual.screen))
        XCTAssertEqual(Renderer.summaryOffsets(usual, plain), [0, 1, 2])
        let lines = screen(usual)
        let city = try XCTUnwrap(lines.firstIndex { $0.contains("全市报告") })
        XCTAssertTrue(lines[city + 1].contains("已知小镇合计"), lines[city + 1])
    }

    // MARK: 4. The hint line at 60x14

    func testAtSixtyColumnsTheTownsViewKeepsSearchBehindAndCopy() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 60, height: 14)
            s.language = language
            let keys = Renderer.keyHints(s, width: 60).map(\.0)
            for key in ["↑↓", "Enter", "/", "b", "y", "e", ":", "?", "q"] {
                XCTAssertTrue(keys.contains(key), "\(key) at 60 columns in \(language): \(keys)")
            }
            let line = screen(s)[13]
            for key in ["/", "b", "y", "q"] { XCTAssertTrue(line.contains(" \(key) "), "\(key) drawn: \(line)") }
            XCTAssertTrue(line.hasPrefix(" ↑↓ Enter "), "the arrows and Enter without their words: \(line)")
            XCTAssertLessThanOrEqual(DisplayWidth.of(line.replacingOccurrences(of: "\\s+$", with: "",
                                                                               options: .regularExpression)), 60)
        }
    }

    func testAtEightyColumnsTheHintsKeepTheirWordsAndFortyByTwelveSaysTooSmall() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24)
            s.language = language
            let hints = Renderer.keyHints(s, width: 80)
            XCTAssertTrue(hints.contains { $0.0 == "↑↓" && !$0.1.isEmpty }, "\(hints)")
            XCTAssertTrue(hints.contains { $0.0 == "><" }, "the sort stays at 80 columns: \(hints)")
            var small = try bundledState(width: 40, height: 12)
            small.language = language
            XCTAssertTrue(screen(small).joined().contains("40x12"), screen(small).joined(separator: "\n"))
            XCTAssertEqual(step(small, route(.char("q"), in: small)).effects, [.quit], "q still quits")
        }
    }

    // MARK: 5. A failed reload at 100 columns

    func testAFailedReloadSaysThePlaceAndTheReasonBeforeTheBoilerplate() throws {
        let issue = LoadIssue(.error, .syntax, file: "towns.toml", line: 31, column: 16, field: "town[1].id",
                              .tomlSyntax("Error while parsing key-value pair: expected a comment or whitespace, saw '='"))
        let brief = try Bilingual(XCTUnwrap(issue.briefDescription(chinese: true)),
                                  XCTUnwrap(issue.briefDescription(chinese: false)))
        for language in Language.allCases {
            var s = try bundledState(width: 100, height: 30)
            s.language = language
            s = update(s, .reloadFailed(issue.description(chinese: false), more: 0,
                                        chinese: issue.description(chinese: true), brief: brief))
            let line = screen(s)[28]
            XCTAssertTrue(line.hasPrefix(" towns.toml:31:16: town[1].id: "), "the place first: \(line)")
            XCTAssertTrue(line.contains(s.tr("写错了：expected", "expected a comment or")),
                          "then the reason: \(line)")
            XCTAssertFalse(line.contains("Error while parsing"), line)
            // That the data shown is the last that loaded stays, after the reason, then the pointer
            // to the whole (wave 20: a cut line points to `:messages`).
            XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasSuffix(
                s.tr(Catalogue.notReloadedAfter) + s.tr(Catalogue.wholeInMessages)), line)
            // Wide enough, the whole problem and then that the data was not reloaded.
            var wide = s
            wide.width = 200
            let whole = screen(wide)[28]
            XCTAssertTrue(whole.contains(s.tr(Catalogue.notReloaded) + "towns.toml:31:16"), whole)
            // The log keeps the whole problem.
            XCTAssertEqual(s.messageLog.entries.last?.text, s.reloadProblem)
        }
    }

    func testABriefFormKeepsTheHintOfABareWordAndSaysMoreProblems() throws {
        let issue = LoadIssue(.error, .syntax, file: "figures.toml", line: 7, column: 9, field: "figure[2].value",
                              .tomlSyntax("Error while parsing floating-point: expected decimal digit, saw 'x'",
                                          context: .numberField))
        let en = try XCTUnwrap(issue.briefDescription(chinese: false))
        XCTAssertEqual(en, "figures.toml:7:9: figure[2].value: expected decimal digit, saw 'x'; "
                           + "a number is digits with at most one point (51.26) (TOML floating-point)")
        let zh = try XCTUnwrap(issue.briefDescription(chinese: true))
        XCTAssertEqual(zh, "figures.toml:7:9: figure[2].value: 浮点数写错了：expected decimal digit, saw 'x'；"
                           + "数字只含数字和一个小数点（如 51.26）")
        // A problem with no briefer words has none: another kind, or the guard's own words.
        XCTAssertNil(LoadIssue(.error, .impossible, file: "f.toml", line: 3, .negative("-3")).briefDescription(chinese: false))
        let guarded = LoadIssue(.error, .syntax, file: "figures.toml", line: 1, column: 2,
                                .tomlSyntax("a table header must start with a key (ASCII letters, digits, - or _, or a quoted key)"))
        XCTAssertNil(guarded.briefDescription(chinese: true))
        var g = try bundledState(width: 100, height: 30)
        g = update(g, .reloadFailed(guarded.description(chinese: false), more: 0, chinese: guarded.description(chinese: true)))
        XCTAssertTrue(screen(g)[28].hasPrefix(" figures.toml:1:2: TOML 语法错误：表头须以键开头"), screen(g)[28])
        XCTAssertTrue(screen(g)[28].contains("（数据未更新）"), screen(g)[28])
        var s = try bundledState(width: 100, height: 30)
        s.language = .en
        s = update(s, .reloadFailed(issue.description(chinese: false), more: 2, chinese: issue.description(chinese: true),
                                    brief: Bilingual(zh, en)))
        XCTAssertEqual(s.reloadFailure?.shorterForms(s).dropFirst().first,
                       en + " (not reloaded; +2 more: towns check)")
        XCTAssertTrue(screen(s)[28].hasPrefix(" figures.toml:7:9: figure[2].value: expected decimal digit"),
                      screen(s)[28])
    }

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
