import Foundation
@testable import TownsCore
@testable import TownsUI
import TownsTestSupport
import XCTest
import TownsSynthetic

/// `SnapshotStore.open` decodes a snapshot on one thread while another hashes the text and the
/// snapshot's eager part (issue 17: the start takes the longer of the two, not their sum). The
/// decode therefore reads bytes not yet known to be whole: damaged bytes anywhere in the eager
/// part, the header or the block table must be refused (never used, never a trap), and the text
/// must still load. Since format 21 the derived tables read when first asked for lie in a
/// deferred part, each 64 KiB block checked when first read: a damaged byte there leaves the
/// snapshot used, and the table holding it is refused when read (nil: the dashboard works it
/// out), never given with the damage.
final class SnapshotDecodeBesideChecksumTests: XCTestCase {
    /// A new path under the temporary directory, removed when the test ends.
    func temporary(_ name: String) -> String { TemporaryFiles.path(name) }

    /// Every stored table a reader can ask for by a name it knows (the periods', the years',
    /// the overviews, the views', the keys'), as text: equal texts, equal tables; "nil" when
    /// not given.
    func tables(_ d: DerivedTables) -> [String: String] {
        var out: [String: String] = [:]
        out["planned"] = String(describing: d.plannedProjects())
        for id in d.periodIDs {
            out["table " + id] = String(describing: d.periodTable(id))
            out["ranks " + id] = String(describing: d.ranks(id))
            out["overview " + id] = String(describing: d.overview(id))
            out["changes " + id] = String(describing: d.views.changes(id))
            for language in ["zh", "en"] {
                out["stakes \(language) " + id] = String(describing: d.views.stakes(period: id, language: language))
            }
            let year = String(id.prefix(4))
            out["plans " + year] = String(describing: d.yearPlans(year))
        }
        out["search"] = String(describing: d.keys.searchTexts())
        out["syllables"] = String(describing: d.keys.syllables().map { $0.sorted { $0.key < $1.key } })
        return out
    }

    func testAByteDamagedAnywhereIsRefusedNeverUsed() throws {
        let dir = temporary("beside")
        // With the bundled rules, so the assessment's stored stakes are among the bytes damaged.
        let bundled = { try String(contentsOfFile: repositoryRoot + "/Data/" + $0, encoding: .utf8) }
        try SyntheticDataset(towns: 30, months: 14, seed: 5)
            .write(to: dir, rules: .init(rulesText: bundled("rules.toml"), sourcesText: bundled("sources.toml")))
        let store = SnapshotStore(folder: temporary("cache"))
        try store.write(directory: dir, derive: AppState.derivedTables)
        let file = store.path(for: dir)
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let whole = try XCTUnwrap(try store.open(directory: dir).derived, "the whole snapshot is used, with its tables")
        XCTAssertNoThrow(try whole.verifyDeferred())
        let expected = tables(whole)
        // Every one stored but the changes of a first month (nothing before it to change from).
        XCTAssertEqual(expected.filter { $0.value == "nil" }.keys.sorted(), ["changes 2015-01", "changes 2016-01"])
        let head = try original.withUnsafeBytes { try DatasetSnapshot.header($0) }
        let header = DatasetSnapshot.headerSize
        let deferred = header + head.eager..<header + head.length
        XCTAssertGreaterThan(deferred.count, original.count / 3, "most of the bytes are the tables read later")
        XCTAssertLessThan(header + head.length, original.count, "a block table follows the payload")
        let step = max(1, (original.count - header) / 120)
        var refused = 0, readLater = 0, tablesRefused = 0
        // Every place of the header too (a byte of a fingerprint, a length, a checksum).
        for position in Array(0..<header) + Array(stride(from: header, to: original.count, by: step)) {
            // One bit; the high bit (an integer's continuation); every bit.
            for damage: UInt8 in [0x01, 0x80, 0xFF] {
                var bytes = original
                bytes[position] ^= damage
                try Data(bytes).write(to: URL(fileURLWithPath: file))
                if deferred.contains(position) {
                    // Used: the eager part is whole. The damaged block is refused when read.
                    let derived = try XCTUnwrap(try store.open(directory: dir).derived, "byte \(position)")
                    XCTAssertThrowsError(try derived.verifyDeferred(), "byte \(position)") {
                        guard case .corrupt = $0 as? SnapshotRejection else { return XCTFail("byte \(position): \($0)") }
                    }
                    for (name, table) in tables(derived) where table != expected[name] {
                        XCTAssertEqual(table, "nil", "byte \(position): \(name) given with the damage")
                        tablesRefused += 1
                    }
                    readLater += 1
                    continue
                }
                do {
                    _ = try store.open(directory: dir)
                    XCTFail("a snapshot damaged at byte \(position) was used")
                } catch {
                    switch error {
                    case .corrupt, .truncated: refused += 1
                    // The header's magic, version or layout. Never stale: since format 22 a damaged
                    // fingerprint is corrupt, not read as a snapshot of other contents (wave 38's
                    // fresh user was told the data had changed).
                    case .foreign: if position < 16 { refused += 1 } else { fallthrough }
                    default: XCTFail("byte \(position): \(error)")
                    }
                }
            }
        }
        XCTAssertGreaterThanOrEqual(refused, 3 * (header + 120 / 4), "the header and the eager part, every damage")
        XCTAssertGreaterThanOrEqual(readLater, 3 * 120 / 3, "damages in the deferred part")
        XCTAssertGreaterThan(tablesRefused, readLater / 3, "the tables holding them refused when read")
        XCTAssertNoThrow(try DatasetLoader.load(directory: dir), "never fatal: the text still loads")
        try Data(original).write(to: URL(fileURLWithPath: file))
        XCTAssertEqual(tables(try XCTUnwrap(try store.open(directory: dir).derived)), expected,
                       "the undamaged bytes are used again")
    }
}
