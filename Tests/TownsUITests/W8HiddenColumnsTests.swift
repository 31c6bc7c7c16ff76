import TownsCore
@testable import TownsUI
import XCTest

/// Fresh users (w8 point 3): the note of hidden columns said only how many (`6 cols hidden`);
/// it names them as far as they fit, and `:columns` lists every column, which the width hides
/// and from what width each shows.
final class W8HiddenColumnsTests: XCTestCase {
    func testTheNoteNamesTheHiddenColumnsAsFarAsTheyFit() throws {
        // (With the time the data changed on the line too, as after a reload: names before a count.)
        for (width, height, changed) in [(60, 14, nil), (80, 24, nil), (80, 24, "09:43:39")] {
            for language in Language.allCases {
                var s = try bundledState(width: width, height: height)
                s.language = language
                s.dataChangedAt = changed
                let columns = try XCTUnwrap(ColumnsList.columns(s))
                let hidden = columns.filter { !$0.shown }.map(\.title)
                XCTAssertFalse(hidden.isEmpty, "\(width)x\(height) \(language)")
                let crumb = screen(s)[2]
                // The first hidden columns by title, in order; then how many more, if any.
                let named = hidden.prefix { crumb.contains(" " + $0) }
                XCTAssertGreaterThan(named.count, 0, "\(width)x\(height) \(language): \(crumb)")
                if named.count < hidden.count {
                    let more = hidden.count - named.count
                    XCTAssertTrue(crumb.contains("+\(more) more") || crumb.contains("等 \(hidden.count) 列"),
                                  "\(width)x\(height) \(language): \(crumb)")
                }
            }
        }
    }

    func testColumnsListsEveryColumnAndTheWidthThatShowsEachHiddenOne() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24)
            s.language = language
            let after = update(s, .runCommand("columns"))
            let message = try XCTUnwrap(after.message)
            let columns = try XCTUnwrap(ColumnsList.columns(s))
            XCTAssertEqual(columns.map(\.title), s.sortableColumns(.townList).map(\.title))
            for c in columns { XCTAssertTrue(message.contains(c.title), "\(c.title) in \(message)") }
            XCTAssertEqual(after.messageLog.entries.last?.text, message, "in :messages")
            for c in columns where !c.shown {
                let from = try XCTUnwrap(c.from, "\(c.title) shows at some width")
                XCTAssertTrue(message.contains("\(from)"), message)
                var wider = s, narrower = s
                wider.width = from
                narrower.width = from - 1
                XCTAssertEqual(ColumnsList.columns(wider)?.first { $0.title == c.title }?.shown, true, c.title)
                XCTAssertEqual(ColumnsList.columns(narrower)?.first { $0.title == c.title }?.shown, false, c.title)
            }
            // Sorted by a hidden column, it shows.
            let hidden = try XCTUnwrap(columns.first { !$0.shown })
            let sorted = update(s, .runCommand("sort \(hidden.title)"))
            XCTAssertEqual(ColumnsList.columns(sorted)?.first { $0.title.hasPrefix(hidden.title) }?.shown, true)
            // All shown: says so; a page has none.
            var wide = s
            wide.width = 400
            XCTAssertEqual(update(wide, .runCommand("columns")).message,
                           wide.tr(Catalogue.allColumnsShown("\(columns.count)",
                                                              columns.map(\.title).joined(separator: " "))))
            let page = update(s, .open)
            XCTAssertEqual(update(page, .runCommand("columns")).message, s.tr(Catalogue.noColumnsHere))
        }
        XCTAssertTrue(Commands.names.contains("columns"))
        let help = wholeHelp(apply(try bundledState(width: 100, height: 30), .toggleHelp)).joined(separator: "\n")
        XCTAssertTrue(help.contains(":columns"), "the help names :columns")
    }
}
