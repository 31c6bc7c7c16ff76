import Foundation
@testable import TownsCore
import XCTest

/// A snapshot's bytes do not depend on the order a dictionary of the dataset happens to hold
/// its entries in (which changes from process to process with the hash seed, and with a
/// dictionary's capacity within one process).
final class W23WriteOrderTests: XCTestCase {
    func testTheTotalsAreWrittenInTheirKeysOrderWhateverTheDictionarysOrder() throws {
        let dataset = try loadBundled()
        XCTAssertGreaterThan(dataset.totals.count, 8, "the bundled data's totals make the test")
        var other = dataset
        // The same entries in a dictionary of another capacity, put in in reverse: another
        // iteration order in this process.
        var totals: [FigureKey: Figure] = [:]
        totals.reserveCapacity(dataset.totals.count * 64)
        for (key, figure) in dataset.totals.reversed() { totals[key] = figure }
        other.totals = totals
        XCTAssertEqual(other.totals, dataset.totals)
        XCTAssertNotEqual(Array(other.totals.keys), Array(dataset.totals.keys),
                          "the two dictionaries iterate in the same order: the test proves nothing")
        let a = DatasetSnapshot.encode(dataset, warnings: [], fingerprint: 1)
        let b = DatasetSnapshot.encode(other, warnings: [], fingerprint: 1)
        XCTAssertTrue(a == b, "the same totals in another order wrote other bytes")
    }

    func testTheSnapshotOrderIsATotalOrderOfKeys() {
        let keys = [FigureKey(.planYear, "2015"), FigureKey(.planYear), FigureKey(.completed, "2015-09"),
                    FigureKey(.completed, "2015-03"), FigureKey(.planTotal)]
        let sorted = keys.sorted(by: FigureKey.snapshotOrder)
        XCTAssertEqual(keys.reversed().sorted(by: FigureKey.snapshotOrder), sorted)
        XCTAssertEqual(keys.shuffled().sorted(by: FigureKey.snapshotOrder), sorted)
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            XCTAssertTrue(FigureKey.snapshotOrder(a, b), "\(a) before \(b)")
            XCTAssertFalse(FigureKey.snapshotOrder(b, a), "\(b) not before \(a)")
        }
        XCTAssertFalse(FigureKey.snapshotOrder(FigureKey(.planYear), FigureKey(.planYear)))
    }
}
