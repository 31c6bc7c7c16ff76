import Foundation
import TownsCore
@testable import TownsUI
import TownsSynthetic
import XCTest

/// Wave 26 (README "Known gaps"): in a list of more than 2,048 rows (the changes view of a
/// national dataset), a presenter's move between two rows opening the same town is a move the
/// followers see: `Screen.occurrence` is counted in a list of any length, through an index of
/// the list's targets made once per list (`ViewCache.targetRows`).
final class W26KeysOccurrenceTests: XCTestCase {
    static let dataset: Dataset = {
        let dir = NSTemporaryDirectory() + "towns-w26keys-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try! SyntheticDataset(towns: 3000, months: 6, seed: 26).write(to: dir, rules: nil)
        return try! DatasetLoader.load(directory: dir).dataset
    }()

    /// A row past the 2,048th whose next row opens the same town, in the changes view of `s`.
    func pairOfRows(_ s: AppState) throws -> Int {
        let content = try XCTUnwrap(s.list(for: s.screen)).content
        XCTAssertGreaterThan(content.selectableCount, 2048, "a list longer than wave 25's limit")
        return try XCTUnwrap((2049..<content.selectableCount - 1).first { r in
            content.target(at: r) != nil && content.target(at: r) == content.target(at: r + 1)
        }, "two rows opening one town past row 2,048")
    }

    func testAMoveBetweenRowsOpeningOneTownIsSentInALongList() throws {
        for language in Language.allCases {
            var p = AppState(dataset: Self.dataset, width: 120, height: 35)
            p.language = language
            p = update(p, .showView(.changes))
            p = update(p, .meeting(.presenting(name: "m3", followers: 1)))
            var f = AppState(dataset: Self.dataset, width: 100, height: 30)
            f.language = language
            f = apply(f, .showView(.changes), .meeting(.joined(meeting: "m3", presenter: "root")))
            let r = try pairOfRows(p)
            p.screen = p.selecting(p.screen, row: r)
            f = try w25Followed(f, p)
            XCTAssertEqual(f.selection, r, "\(language): the follower on the presenter's row")
            let sent = try w25Sent(p)
            p = update(p, .moveDown)
            XCTAssertEqual(p.selection, r + 1, "\(language)")
            XCTAssertEqual(p.screen.selected, sent.stack[0].selected, "\(language): the same town's next row")
            XCTAssertNotEqual(try w25Sent(p), sent, "\(language): a move the followers are sent")
            f = try w25Followed(f, p)
            XCTAssertEqual(f.selection, r + 1, "\(language): the follower's selection goes with it")
            p = update(p, .moveUp)
            f = try w25Followed(f, p)
            XCTAssertEqual(f.selection, r, "\(language): and back")
        }
    }

    /// The row is found by its town and which of the town's rows it is by a state with a memo of
    /// its own (the list and its index made again), and an occurrence past the town's rows takes
    /// the town's last.
    func testTheRowIsFoundAgainInALongList() throws {
        var t = AppState(dataset: Self.dataset, width: 120, height: 35)
        t = update(t, .showView(.changes))
        let r = try pairOfRows(t)
        t.screen = t.selecting(t.screen, row: r + 1)
        let occurrence = try XCTUnwrap(t.screen.occurrence, "the town's second row or later")
        var s = AppState(dataset: Self.dataset, width: 100, height: 30)
        s.session = t.session
        XCTAssertEqual(s.selection, r + 1)
        s.screen.occurrence = occurrence + 1000
        let list = try XCTUnwrap(s.list(for: s.screen))
        let target = try XCTUnwrap(s.screen.selected)
        let last = try XCTUnwrap((0..<list.content.selectableCount).last { list.content.target(at: $0) == target })
        XCTAssertEqual(s.selection, last, "past the town's rows: its last")
    }

    /// A towns table (one row a town) is never indexed for a move: its occurrence is nil.
    func testATownsTableIsNotIndexedForAMove() throws {
        var s = AppState(dataset: Self.dataset, width: 120, height: 35)
        s = apply(s, .showView(.townList), .moveDown, .moveDown)
        let list = try XCTUnwrap(s.list(for: s.screen))
        XCTAssertTrue(list.content.targetsUnique)
        XCTAssertNil(s.screen.occurrence)
        XCTAssertNil(list.rowsByTarget, "no index made for a move in a towns table")
    }
}
