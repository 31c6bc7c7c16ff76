import Foundation
@testable import TownsCore
import XCTest

/// The snapshot's checksum and content fingerprint (`WideHasher`, eight lanes), and the mapped
/// snapshot's checksum worked out a megabyte at a time with its pages given back as it goes
/// (`SnapshotMemory.payloadChecksum`, issue 17: the check no longer holds the whole file).
final class SnapshotChecksumTests: XCTestCase {
    /// Bytes that differ from their neighbours (a seeded sequence, not all zeros).
    func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var x = seed
        return (0..<count).map { _ in
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: x >> 33)
        }
    }

    /// The same bytes give the same hash whether combined at once or in pieces of any size (whole
    /// stripes of 64 bytes or not); one bit changed anywhere, a byte more, a word moved to another
    /// lane or a stripe moved to another place gives another.
    func testTheSameBytesHashTheSameHoweverSplit() {
        let data = bytes(10_003, seed: 7)
        let whole = data.withUnsafeBytes { WideHasher.hash($0) }
        for piece in [1, 3, 8, 24, 40, 63, 64, 65, 4096, 8 * 999] {
            var hasher = WideHasher()
            var start = 0
            while start < data.count {
                let end = min(start + piece, data.count)
                data[start..<end].withUnsafeBytes { hasher.combine($0) }
                start = end
            }
            XCTAssertEqual(hasher.finalize(), whole, "pieces of \(piece) bytes")
        }
        for position in [0, 7, 8, 31, 32, 5_000, 10_002] {
            var flipped = data
            flipped[position] ^= 0x01
            XCTAssertNotEqual(flipped.withUnsafeBytes { WideHasher.hash($0) }, whole, "bit flipped at \(position)")
        }
        XCTAssertNotEqual((data + [0]).withUnsafeBytes { WideHasher.hash($0) }, whole, "a zero byte more")
        // Two words swapped (each still hashed, in another lane): another hash.
        var swapped = data
        swapped.replaceSubrange(0..<8, with: data[8..<16])
        swapped.replaceSubrange(8..<16, with: data[0..<8])
        XCTAssertNotEqual(swapped.withUnsafeBytes { WideHasher.hash($0) }, whole)
        // Two stripes of 64 bytes swapped (the same words, in the same lanes, at other places).
        var moved = data
        moved.replaceSubrange(0..<64, with: data[64..<128])
        moved.replaceSubrange(64..<128, with: data[0..<64])
        XCTAssertNotEqual(moved.withUnsafeBytes { WideHasher.hash($0) }, whole)
    }

    /// A mapped file's eager checksum (a file whose header is not adopted: all payload), worked out a megabyte at a time (pages given back as they are
    /// hashed), is the checksum of its payload at once, for files shorter and longer than a
    /// piece, and ending inside a word; and the file's bytes read after it are still its own.
    func testTheMappedChecksumIsThePayloadsChecksum() throws {
        let dir = NSTemporaryDirectory() + "towns-checksum-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (i, size) in [DatasetSnapshot.headerSize + 1, 1000, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 13].enumerated() {
            let data = bytes(size, seed: UInt64(i + 1))
            let path = dir + "/\(i).snapshot"
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(data)))
            let memory = try XCTUnwrap(SnapshotMemory(mapping: path))
            let expected = data[DatasetSnapshot.headerSize...].withUnsafeBytes { WideHasher.hash($0) }
            XCTAssertEqual(memory.eagerChecksum(), expected, "\(size) bytes")
            XCTAssertEqual(Array(memory.bytes), data, "\(size) bytes read again after their pages went")
            let copy = data.withUnsafeBytes { SnapshotMemory(copying: $0) }
            XCTAssertEqual(copy.eagerChecksum(), expected, "\(size) bytes copied")
        }
    }

    /// Both hashers end a piece that is not a whole number of words the same way, held once
    /// (`SnapshotHasher.tailWord`): its bytes little-endian, the top byte marked, so a trailing
    /// zero byte still changes either hash.
    func testBothHashersEndAShortPieceAlike() {
        for count in 1..<8 {
            let data = bytes(count, seed: UInt64(count) &* 31)
            let tail = data.withUnsafeBytes { SnapshotHasher.tailWord($0, from: 0) }
            for (j, byte) in data.enumerated() {
                XCTAssertEqual(UInt8(truncatingIfNeeded: tail >> (8 * UInt64(j))), byte, "byte \(j) of \(count)")
            }
            XCTAssertEqual(tail >> 56, 0xFF, "the mark")
            let longer = data + [0]
            XCTAssertNotEqual(data.withUnsafeBytes { SnapshotHasher.hash($0) },
                              longer.withUnsafeBytes { SnapshotHasher.hash($0) })
            XCTAssertNotEqual(data.withUnsafeBytes { WideHasher.hash($0) },
                              longer.withUnsafeBytes { WideHasher.hash($0) })
        }
    }

    /// A number beyond an `Int` in a snapshot body is damage thrown (`SnapshotReader.natural`),
    /// never a trap: a snapshot is decoded beside its checksum, before the checksum says it is whole.
    func testANumberBeyondAnIntIsThrownNotTrapped() throws {
        for value in [UInt64(Int.max) + 1, UInt64.max] {
            var writer = SnapshotWriter()
            writer.uint(value)
            try writer.body.withUnsafeBytes { raw in
                var reader = SnapshotReader(raw)
                XCTAssertThrowsError(try reader.natural()) {
                    guard case .corrupt = $0 as? SnapshotRejection else { return XCTFail("\($0)") }
                }
                var again = SnapshotReader(raw)
                XCTAssertEqual(try again.uint(), value)
            }
        }
        var writer = SnapshotWriter()
        writer.uint(UInt64(Int.max))
        try writer.body.withUnsafeBytes { raw in
            var reader = SnapshotReader(raw)
            XCTAssertEqual(try reader.natural(), Int.max)
        }
    }

    /// Strings of the table are their bytes exactly when those are UTF-8, and damage otherwise
    /// (`SnapshotReader.text`): a stray byte, a cut sequence, an overlong form, a surrogate.
    func testAStringThatIsNotUTF8IsDamage() throws {
        let texts = ["", "a", "嘉兴市首批省级特色小镇", "梦想小镇 Dream Town 😀",
                     String(repeating: "镇", count: 40)]
        for text in texts {
            let utf8 = Array(text.utf8)
            try utf8.withUnsafeBytes { raw in
                var reader = SnapshotReader(raw)
                XCTAssertEqual(try reader.text(length: utf8.count), text)
            }
        }
        let bad: [[UInt8]] = [[0xFF], [0x61, 0x80], Array("镇".utf8).dropLast(), [0xC0, 0xAF], [0xED, 0xA0, 0x80],
                              Array("小镇".utf8) + [0xE9, 0x95], [0xEF, 0xBF, 0xBD, 0xFE]]
        for bytes in bad {
            try bytes.withUnsafeBytes { raw in
                var reader = SnapshotReader(raw)
                XCTAssertThrowsError(try reader.text(length: bytes.count), "\(bytes)")
            }
        }
    }
}
