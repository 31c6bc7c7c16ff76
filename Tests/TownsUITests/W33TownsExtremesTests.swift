import Foundation
import TownsTestSupport
import XCTest

@testable import TownsCore
@testable import TownsUI

/// Wave 33 (issue 17, the towns view's first visit and `b` at 10,000 x 60): the natural widths
/// of a towns table's extreme rows (`AppState.extremeRows`, measured beside the width sample) are
/// stored in the snapshot per language and period, for every town's table and the towns behind
/// schedule's (`storedTownsExtremes`), where each first visit made those rows (bars, 进度差, Δ
/// columns) to measure them. The stored widths are the ones worked out from the text's table, and
/// a snapshot without them is still read, its tables measured as before.
final class W33TownsExtremesTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    /// Every town's and the behind filter's list in `state`'s period and language: positions and content.
    private func lists(_ state: AppState) -> [(String, [Int], ListContent)] {
        [TownFilter(), AppState.storedFilter].compactMap { filter in
            var s = state
            s.filter = filter
            guard let positions = s.listedTowns(.townList), let content = s.listContent(.townList) else { return nil }
            return (filter.isEmpty ? "every town" : "behind", positions, content)
        }
    }

    func testStoredExtremeWidthsAreTheTextsForEveryPeriodAndLanguage() throws {
        // More towns than the width sample (128): only then are the extreme rows measured.
        let (text, loaded) = try writtenWithSnapshot(towns: 300, months: 14, seed: 11, folders: folders,
                                                     name: "w33extremes")
        let derived = try XCTUnwrap(loaded.derived)
        var fromText = AppState(dataset: text, width: 120, height: 40)
        var fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 40)
        var compared: [String: Int] = [:]
        for p in text.periods.indices {
            for language in Language.allCases {
                (fromText.periodIndex, fromSnapshot.periodIndex) = (p, p)
                (fromText.language, fromSnapshot.language) = (language, language)
                let where_ = "\(text.periods[p].id) \(language)"
                for ((list, positions, worked), (_, storedPositions, read)) in zip(lists(fromText), lists(fromSnapshot)) {
                    XCTAssertEqual(positions, storedPositions, "\(where_) \(list)")
                    guard positions.count > ViewCache.widthSample else { continue }
                    let stored = try XCTUnwrap(fromSnapshot.storedTownsExtremes(positions, columns: read.columns.count),
                                               "\(where_) \(list): stored")
                    XCTAssertEqual(stored, fromText.workedOutTownsExtremes(positions, content: worked),
                                   "\(where_) \(list)")
                    XCTAssertNil(fromText.storedTownsExtremes(positions, columns: worked.columns.count))
                    // The widths the table takes from them are the text path's.
                    XCTAssertEqual(read.knownWidths, worked.knownWidths, "\(where_) \(list)")
                    compared[list, default: 0] += 1
                }
                // And the towns view drawn from either is the same, with and without `b`.
                let shown = apply(fromText, .showView(.townList)), shownStored = apply(fromSnapshot, .showView(.townList))
                XCTAssertEqual(screen(shown), screen(shownStored), where_)
                XCTAssertEqual(screen(apply(shown, .toggleBehindFilter)), screen(apply(shownStored, .toggleBehindFilter)),
                               where_)
            }
        }
        XCTAssertEqual(compared["every town"], text.periods.count * Language.allCases.count)
        // The behind list is compared where it has more than 128 towns: none in this data (its
        // stored widths are written and read by the same names and code as every town's).
    }

    func testASnapshotWithoutThemIsReadAndMeasuresTheRows() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 150, months: 14, seed: 11, folders: folders,
                                                     name: "w33noextremes", derive: { dataset in
            var source = AppState.derivedTables(for: dataset)
            source.keys.measures = source.keys.measures.filter { !$0.key.contains(".extreme-widths.") }
            return source
        })
        let derived = try XCTUnwrap(loaded.derived)
        var fromText = AppState(dataset: text, width: 120, height: 40)
        var fromSnapshot = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 40)
        for p in text.periods.indices {
            (fromText.periodIndex, fromSnapshot.periodIndex) = (p, p)
            for ((list, positions, worked), (_, _, read)) in zip(lists(fromText), lists(fromSnapshot))
            where positions.count > ViewCache.widthSample {
                XCTAssertNil(fromSnapshot.storedTownsExtremes(positions, columns: read.columns.count), list)
                XCTAssertEqual(read.knownWidths, worked.knownWidths, "\(text.periods[p].id) \(list)")
            }
            XCTAssertEqual(screen(apply(fromText, .showView(.townList))),
                           screen(apply(fromSnapshot, .showView(.townList))), text.periods[p].id)
        }
    }
}
