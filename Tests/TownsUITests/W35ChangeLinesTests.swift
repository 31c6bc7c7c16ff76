import Foundation
@testable import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// Wave 35 (session 28): the overview's changes panel counted its lines by working out, for every
/// town listed (at 10,000 towns, nearly all of them), whether it takes a second line (its amount or
/// rate listed and another measure gone unknown: wave 34's F14): half of the first frame's time
/// from a snapshot. Those rows are now found with the rows' order (`DerivedOverview.changesTwoLines`,
/// stored in the snapshot), and the panel works out only the rows it shows.
final class W35ChangeLinesTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    /// The rows taking two lines, as the panel decided them before: amount or rate listed
    /// (new, gone, across sources, on another basis, or a Δ other than 0) and one of the other
    /// measures gone unknown; from the text's worked-out orders and from the snapshot's stored ones.
    func testTheRowsTakingTwoLinesAreThoseThePanelWorkedOutForEveryTown() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 150, months: 26, seed: 5, folders: folders,
                                                     name: "w35lines")
        let derived = try XCTUnwrap(loaded.derived)
        var fromText = AppState(dataset: text, width: 120, height: 40)
        let lean = fromText.metrics.withoutFormulas
        var twoLines = 0, entries = 0
        for p in text.periods.indices {
            fromText.periodIndex = p
            let period = text.periods[p]
            let orders = fromText.overviewOrders(text.towns, period: period)
            guard let previous = fromText.metrics.previousPeriod(period) else {
                XCTAssertEqual(orders.changesTwoLines, [], period.id)
                continue
            }
            let expected = orders.changes.indices.filter { k in
                let town = orders.changes[k].map { text.towns[$0] }
                let lists = [Measure.completed, .completionRate].contains {
                    let c = lean.change(town, $0, from: previous, to: period)
                    return c.isNew || c.isGone || c.acrossSources || AppState.onOtherBasis(c)
                        || (c.delta?.quantity.exactValue).map { $0 != 0 } == true
                }
                let gone = AppState.goneOnlyMeasures.contains { lean.change(town, $0, from: previous, to: period).isGone }
                return lists && gone
            }
            XCTAssertEqual(orders.changesTwoLines, expected, period.id)
            XCTAssertEqual(derived.overview(period.id)?.changesTwoLines, expected, "\(period.id): the snapshot's")
            twoLines += expected.count
            entries += orders.changes.count
        }
        XCTAssertGreaterThan(twoLines, 0, "some row takes two lines")
        XCTAssertLessThan(twoLines, entries, "some row takes one line")
    }

    /// The overview drawn from the text and from the snapshot: the same lines, the changes panel
    /// grown to the height (its second lines among them), in both languages.
    func testTheOverviewFromTheSnapshotIsTheTextsWithItsSecondLines() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 60, months: 14, seed: 3, folders: folders,
                                                     name: "w35screens")
        let derived = try XCTUnwrap(loaded.derived)
        var seen = 0
        for language in [Language.zh, .en] {
            for p in text.periods.indices.dropFirst() {
                var fromText = AppState(dataset: text, width: 120, height: 90)
                var fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 90)
                fromText.language = language
                fromSnapshot.language = language
                fromText.periodIndex = p
                fromSnapshot.periodIndex = p
                fromText = update(fromText, .showView(.overview))
                fromSnapshot = update(fromSnapshot, .showView(.overview))
                let a = screen(fromText), b = screen(fromSnapshot)
                XCTAssertEqual(a, b, "\(text.periods[p].id) \(language)")
                // A second line: a row with nothing in its name and bar columns, naming measures gone.
                let gone = language == .zh ? "不再报告" : "not reported"
                if a.contains(where: { $0.hasPrefix(String(repeating: " ", count: 20)) && $0.hasSuffix(gone) }) { seen += 1 }
            }
        }
        XCTAssertGreaterThan(seen, 0, "a second line shown")
    }

    /// Stored and read back as written; a second line beyond the changes, or one given twice or
    /// out of order, is refused (the snapshot is then not trusted), never read.
    func testTheSecondLinesReadBackAsWrittenAndBadOnesAreRefused() throws {
        func roundTrip(_ twoLines: [Int]) throws -> DerivedOverview {
            let written = DerivedOverview(behind: [], behindByRate: [], changes: [nil, 1, 2], changesTwoLines: twoLines,
                                          rules: [], types: [])
            var w = SnapshotWriter()
            w.overviews(["2016-01": written], townCount: 3)
            return try w.readBack { r, bytes -> DerivedOverview in
                let range = try XCTUnwrap(try r.overviewRanges()["2016-01"])
                var inner = SnapshotReader(bytes, from: range.lowerBound, to: range.upperBound)
                inner.strings = w.strings
                return try inner.overview(towns: 3)
            }
        }
        XCTAssertEqual(try roundTrip([0, 2]).changesTwoLines, [0, 2])
        XCTAssertEqual(try roundTrip([]).changesTwoLines, [])
        XCTAssertThrowsError(try roundTrip([3]), "beyond the three changes")
        XCTAssertThrowsError(try roundTrip([1, 1]), "twice")
        XCTAssertThrowsError(try roundTrip([2, 0]), "out of order")
    }
}
