import Foundation
import XCTest

@testable import TownsCore

/// Wave 14: the overview's undecided towns (`DerivedOverview.undecided`) are stored in a
/// snapshot and read back as written, beside the towns behind (format version 11).
final class W14VerdictSnapshotTests: XCTestCase {
    func testAnOverviewWithUndecidedTownsReadsBackAsWritten() throws {
        var g = GroupProgress()
        g.members = 2
        let written = DerivedOverview(
            behind: [3], behindByRate: [4], undecided: [0, 2], changes: [nil, 1], rules: [DerivedOverview.RuleCounts()],
            types: [g])
        var w = SnapshotWriter()
        w.overviews(["2015-09": written], townCount: 5)
        let read = try w.readBack { r, bytes -> DerivedOverview in
            let ranges = try r.overviewRanges()
            let range = try XCTUnwrap(ranges["2015-09"])
            var inner = SnapshotReader(bytes, from: range.lowerBound, to: range.upperBound)
            inner.strings = w.strings
            return try inner.overview(towns: 5)
        }
        XCTAssertEqual(read, written)
        XCTAssertEqual(read.undecided, [0, 2])
        // A position beyond the towns is refused, not read.
        XCTAssertThrowsError(try w.readBack { r, bytes in
            let range = try XCTUnwrap(try r.overviewRanges()["2015-09"])
            var inner = SnapshotReader(bytes, from: range.lowerBound, to: range.upperBound)
            return try inner.overview(towns: 2)
        })
        XCTAssertEqual(DatasetSnapshot.formatVersion, 24)  // w41: each section of towns holds its towns' ids in its head (LazyTowns.id(at:)); w40: the towns in sections of 64, each with its own strings and its towns' types, decoded when first asked for (LazyTowns); w38: the header's fingerprint and lengths checked with the block table; w37: the derived tables read when first asked for in a deferred part after the eager one, each 64 KiB block checked when first read; w36: the derived tables' lists of names (sort ranks, groups, row sets, tallies) each a section, read when first asked for; w35: the changes' rows taking two lines; w34: a town's industry_note_zh; w27: a group's and a sum row's towns' rates' hull (GroupProgress.memberRates); w25: each list of tallies a section (read when asked for); w23: an entity's file and line; w22: the checksum and fingerprint hashed 64 bytes at a time (WideHasher); w21: ≈† marks stored, a problem's cause_en, sums' checked keys, plan flags as of the period; w15: stored rule counts doubt flagged figures; b keeps undecided towns
    }
}
