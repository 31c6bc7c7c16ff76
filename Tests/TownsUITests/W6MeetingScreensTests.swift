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
        XCTAssertTrue(zhoushan.hasSuffix("无 none"), zhoushan)
        for (kind, heading) in [(Screen.Kind.changes, " 变化 Changes"), (.reference, " 参考 Reference"),
                                (.province, " 全省 Province"), (.typeList, " 类型 Types")] {
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
}
