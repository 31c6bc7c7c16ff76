import Foundation
import TownsCore
@testable import TownsUI
import TownsTestSupport
import XCTest
import TownsSynthetic

/// `SnapshotStore.open` decodes a snapshot on one thread while another hashes the text and the
/// snapshot's payload (issue 17: the start takes the longer of the two, not their sum). The
/// decode therefore reads bytes not yet known to be whole: damaged bytes anywhere in the
/// payload, the derived tables included, must be refused (never used, never a trap), and the
/// text must still load.
final class SnapshotDecodeBesideChecksumTests: XCTestCase {
    /// A new path under the temporary directory, removed when the test ends.
    func temporary(_ name: String) -> String { TemporaryFiles.path(name) }

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
        XCTAssertNotNil(try store.open(directory: dir).derived, "the whole snapshot is used, with its tables")
        let header = 40  // `DatasetSnapshot.headerSize`: the payload follows
        let step = max(1, (original.count - header) / 120)
        var refused = 0
        for position in stride(from: header, to: original.count, by: step) {
            // One bit; the high bit (an integer's continuation); every bit.
            for damage: UInt8 in [0x01, 0x80, 0xFF] {
                var bytes = original
                bytes[position] ^= damage
                try Data(bytes).write(to: URL(fileURLWithPath: file))
                do {
                    _ = try store.open(directory: dir)
                    XCTFail("a snapshot damaged at byte \(position) was used")
                } catch {
                    if case .corrupt = error { refused += 1 } else { XCTFail("byte \(position): \(error)") }
                }
            }
        }
        XCTAssertGreaterThanOrEqual(refused, 3 * 120)
        XCTAssertNoThrow(try DatasetLoader.load(directory: dir), "never fatal: the text still loads")
        try Data(original).write(to: URL(fileURLWithPath: file))
        XCTAssertNotNil(try store.open(directory: dir).derived, "the undamaged bytes are used again")
    }
}
