import TownsCore
import TownsTestSupport
@testable import TownsUI
import XCTest

/// Wave 33's fresh user: the sort's message read `按「小镇」 升序`, a blank after the closing 」.
final class W33SortWordsTests: XCTestCase {
    func testTheSortMessageHasNoBlankAfterTheQuoteInChinese() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s.stack = [Screen(.townList)]
        s.language = .zh
        let up = update(update(s, .chooseSort(descending: false)), .sortChooserKey(.char("1")))
        XCTAssertEqual(up.message, "按「小镇」升序")
        let down = update(update(s, .chooseSort(descending: true)), .sortChooserKey(.char("1")))
        XCTAssertEqual(down.message, "按「小镇」降序")
        var en = s
        en.language = .en
        XCTAssertEqual(update(update(en, .chooseSort(descending: false)), .sortChooserKey(.char("1"))).message,
                       "sorted by \"Town\" ascending")
    }
}
