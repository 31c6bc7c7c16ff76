import Foundation
import TownsCore
import TownsUI
import XCTest

/// A fresh user's small findings (wave 6): headings and cells that say what the others say, and
/// README's references to its own sections.
final class W6ConsistencyTests: XCTestCase {
    func testEveryCityWithoutFiguresSaysNoneAndTopViewsHaveBothWords() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s = update(s, .showView(.province))
        let lines = screen(s)
        let zhoushan = try XCTUnwrap(lines.first { $0.contains("舟山") })
        XCTAssertTrue(zhoushan.hasSuffix(" 无"), zhoushan)
        for (kind, heading) in [(Screen.Kind.changes, " 变化"), (.reference, " 参考"),
                                (.province, " 全省"), (.typeList, " 类型")] {
            let shown = screen(update(s, .showView(kind)))
            XCTAssertTrue(shown[2].hasPrefix(heading), "\(kind): \(shown[2])")
        }
    }

    func testReadmesSeeReferencesNameSectionsThatExist() throws {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        let headings = Set(readme.split(separator: "\n").filter { $0.hasPrefix("#") }
            .map { $0.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces) })
        let see = try NSRegularExpression(pattern: "see \"([^\"]+)\" (above|below)")
        let matches = see.matches(in: readme, range: NSRange(readme.startIndex..., in: readme))
        XCTAssertFalse(matches.isEmpty)
        for m in matches {
            let name = String(readme[Range(m.range(at: 1), in: readme)!])
            XCTAssertTrue(headings.contains(name), "README says see \"\(name)\": no such section")
        }
    }

    /// The types view's town list ends with whole names and `… 另 N 个` (or is `共 N 个`), never a name cut
    /// mid-word without the count after it (a fresh user saw `海宁皮革时尚小镇、桐乡…` at 100x30).
    func testTheTypesViewsListEndsWithWholeNames() throws {
        let names = ["海宁皮革时尚小镇", "桐乡毛衫时尚小镇"]
        for width in [100, 110, 120, 160] {
            var s = try bundledState(width: width, height: 30, period: "2015-09")
            s = update(s, .showView(.typeList))
            let row = try XCTUnwrap(screen(s).first { $0.hasPrefix("    1 ") })
            let list = try XCTUnwrap(row.components(separatedBy: "▼ ").last).trimmingCharacters(in: .whitespaces)
            // Not one name fitting, how many in all: `共 2 个`, no `…` after nothing (W11FixbTests).
            // Wave 20: where no whole name fits with the count, the first name cut, then the count:
            // the cut is said by the count after it (`海宁皮革时尚小… 另 1 个`), not left to look whole.
            let whole = [names.joined(separator: "、"), names[0] + "… 另 1 个", "共 2 个"]
            let cutFirst = list.hasSuffix("… 另 1 个") && names[0].hasPrefix(list.dropLast("… 另 1 个".count))
                && list.count > "… 另 1 个".count
            XCTAssertTrue(whole.contains(list) || cutFirst, "\(width): \(row)")
        }
    }

    /// The overview at heights under 24: a panel's heading never stands alone on the body's
    /// last line (a fresh user saw 考核 there at 100x20, none of its figures); it shows on scroll.
    func testNoOverviewHeadingStandsAloneAtTheBottom() throws {
        let headings = ["核对", "考核", "类型", "全市", "Checks", "Assessment", "Types", "City"]
        for width in [80, 100] {
            for height in 16...26 { for language in [Language.zh, .en] {
                var s = update(try bundledState(width: width, height: height, period: "2015-09"), .showView(.overview))
                if language == .en { s = update(s, .toggleLanguage) }
                let lines = screen(s)
                let last = lines[height - 3].trimmingCharacters(in: .whitespaces)
                XCTAssertFalse(headings.contains(last), "\(width)x\(height) \(language): \(lines[height - 3])")
            } }
        }
    }

    /// A sort mark is never glued to the next column's title (`年计划↓完成`, `Plan↓Done`): by
    /// every column, both ways, in both languages, at 80 and 100 columns, in the towns and types views.
    func testASortMarkIsPartedFromTheNextTitle() throws {
        for (width, height) in [(80, 24), (100, 30)] {
            for language in [Language.zh, .en] {
                for view in [Screen.Kind.townList, .typeList] {
                    var s = update(try bundledState(width: width, height: height, period: "2015-09"), .showView(view))
                    if language == .en { s = update(s, .toggleLanguage) }
                    for _ in 0..<16 {
                        for state in [s, update(s, .sortReverse)] {
                            let header = screen(state)[3]
                            XCTAssertNil(header.range(of: "[↓↑][^ ]", options: .regularExpression),
                                         "\(width)x\(height) \(language) \(view): \(header)")
                        }
                        s = update(s, .sortNextColumn)
                    }
                }
            }
        }
    }
}
