import Foundation
@testable import TownsCore
import XCTest

/// `WideHasher`'s stripe loop with the CPU's 256-bit vectors (`towns_wide_stripes`, AVX2) gives
/// exactly the hash of its Swift loop: for any length, any split into pieces (so a piece's
/// stripes start anywhere in a block of 16, where the lanes are scrambled), and through the
/// mapped snapshot's checksum. A snapshot written by one path is read by the other.
final class W26FirstWideHasherTests: XCTestCase {
    override func tearDown() {
        WideHasher.vectorStripes = true
        super.tearDown()
    }

    func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var x = seed
        return (0..<count).map { _ in
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: x >> 33)
        }
    }

    /// The hash of `data` cut into pieces of `piece` bytes, by the vector loop or the Swift one.
    func hash(_ data: [UInt8], piece: Int, vectors: Bool) -> UInt64 {
        WideHasher.vectorStripes = vectors
        defer { WideHasher.vectorStripes = true }
        var hasher = WideHasher()
        var start = 0
        while start < data.count {
            let end = min(start + piece, data.count)
            data[start..<end].withUnsafeBytes { hasher.combine($0) }
            start = end
        }
        return hasher.finalize()
    }

    func testTheVectorLoopHashesAsTheSwiftLoop() {
        // Lengths around a stripe (64 bytes) and a block of 16 stripes (1,024), and larger.
        for (i, size) in [0, 1, 63, 64, 65, 1_023, 1_024, 1_025, 2_048 + 7, 64 * 16 * 5 + 130, 100_003].enumerated() {
            let data = bytes(size, seed: UInt64(i) &+ 11)
            let expected = hash(data, piece: max(size, 1), vectors: false)
            for piece in [1, 64, 100, 64 * 3, 64 * 17 + 5, 1 << 20] {
                XCTAssertEqual(hash(data, piece: piece, vectors: true), expected, "\(size) bytes in pieces of \(piece)")
                XCTAssertEqual(hash(data, piece: piece, vectors: false), expected, "\(size) bytes in pieces of \(piece)")
            }
        }
        // A changed byte still changes the vector loop's hash (it reads every word).
        let data = bytes(5_000, seed: 3)
        let whole = hash(data, piece: data.count, vectors: true)
        for position in [0, 8, 31, 32, 63, 1_024, 4_999] {
            var flipped = data
            flipped[position] ^= 0x80
            XCTAssertNotEqual(hash(flipped, piece: flipped.count, vectors: true), whole, "bit flipped at \(position)")
        }
    }

    /// The mapped snapshot's checksum (a megabyte at a time) is the same by either loop.
    func testTheMappedChecksumIsTheSameByEitherLoop() throws {
        let dir = NSTemporaryDirectory() + "towns-w26-hash-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = bytes(3 * (1 << 20) + 77, seed: 5)
        let path = dir + "/a.snapshot"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(data)))
        let memory = try XCTUnwrap(SnapshotMemory(mapping: path))
        WideHasher.vectorStripes = false
        let scalar = memory.payloadChecksum()
        WideHasher.vectorStripes = true
        XCTAssertEqual(memory.payloadChecksum(), scalar)
        XCTAssertEqual(scalar, data[DatasetSnapshot.headerSize...].withUnsafeBytes { WideHasher.hash($0) })
    }
}
