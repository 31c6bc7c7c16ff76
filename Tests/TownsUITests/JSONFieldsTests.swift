import Foundation
import TownsCore
import XCTest

@testable import TownsUI

/// README: "JSON holds the same as fields (`title`, `heading`, `markers`, `sources`)": a view's
/// JSON and a page's (a town's, the city's totals) both, the sources as the text form cites them.
final class JSONFieldsTests: XCTestCase {
    func testViewsAndPagesHoldTitleHeadingMarkersAndSources() throws {
        let base = try bundledState(period: "2015-09")
        let kinds: [[Screen.Kind]] = [[.townList], [.assessment], [.townList, .townPage("haining")],
                                      [.townList, .cityTotals]]
        for stack in kinds {
            var s = base
            s.stack = stack.map { Screen($0) }
            let text = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode)).text
            let json = try XCTUnwrap(s.exportOutput(.json, glyphs: .unicode)).text
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let kind = stack.last!
            XCTAssertEqual(object["title"] as? String, text.components(separatedBy: "\n").first, "\(kind)")
            XCTAssertFalse((object["heading"] as? [String] ?? []).isEmpty, "\(kind)")
            XCTAssertFalse((object["markers"] as? [String] ?? []).isEmpty, "\(kind)")
            let sources = try XCTUnwrap(object["sources"] as? [String], "\(kind): no sources")
            XCTAssertFalse(sources.isEmpty, "\(kind)")
            guard kind.isPage else { continue }
            // A page's sources: each one cited on the page, whole (its id, title and more; not wrapped).
            for line in sources {
                let id = String(line.prefix { $0 != ":" })
                XCTAssertNotNil(s.dataset.sources[id], "\(kind): \(line)")
                XCTAssertTrue(line.contains(s.dataset.sources[id]?.title ?? "?"), "\(kind): \(line)")
                let note = s.dataset.sources[id]?.note
                // In the reader's language: the data's Chinese words beside the note (wave 11).
                if let note {
                    let shown = s.dataset.note(note, chinese: s.language == .zh)
                    XCTAssertTrue(line.hasSuffix(shown), "\(kind): unwrapped: \(line)")
                }
            }
        }
    }
}
