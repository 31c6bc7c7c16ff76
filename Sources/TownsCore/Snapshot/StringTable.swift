import Foundation

extension SnapshotReader {
    /// The snapshot's table of `count` distinct strings, read from here (each its length, then
    /// its UTF-8 bytes, checked as `text(length:)` checks them), this reader moved past it.
    /// A large table is decoded in two halves at once, the second on another core (found by
    /// walking the first half's lengths, no text decoded): at 10,000 x 60 its 42,760 strings
    /// took ~4.6 ms of the first screen's path on one thread, while the other core had only
    /// the eager checksum's ~2.4 ms to do (wave 37).
    ///
    /// - Throws: `SnapshotRejection.corrupt` when the table runs past the data or a string is
    ///   not UTF-8 (nothing decoded is kept).
    mutating func stringTable(count n: Int) throws -> [String] {
        guard n >= StringTableHalves.twoThreadsFrom else {
            var table: [String] = []
            table.reserveCapacity(n)
            for _ in 0..<n { table.append(try text(length: try count())) }
            return table
        }
        let half = n / 2
        var second = self
        for _ in 0..<half { try second.skip(try second.count()) }
        let work = StringTableHalves(first: self, second: second, half: half, count: n)
        let table = try [String](unsafeUninitializedCapacity: n) { buffer, initialized in
            initialized = 0
            work.base = buffer.baseAddress
            DispatchQueue.concurrentPerform(iterations: 2) { work.decode($0) }
            if let failure = work.failure {
                work.deinitializeDecoded()
                throw failure
            }
            initialized = n
        }
        try skip(work.end - position)
        return table
    }
}

/// The two halves of a string table being decoded at once (`SnapshotReader.stringTable`), each
/// straight into its place in the array being made (`base`): half 0 the strings before `half`,
/// half 1 the rest; each records how many it made, and the end of the table, under the lock.
/// `@unchecked Sendable` beside its lock: the readers point into the snapshot's bytes, and
/// `base` into the array being made, both of which outlive `DispatchQueue.concurrentPerform`.
final class StringTableHalves: @unchecked Sendable {
    /// Tables of fewer strings are decoded on one thread (splitting costs more than it saves).
    static let twoThreadsFrom = 4096
    private let lock = NSLock()
    private let readers: [SnapshotReader]
    private let half: Int
    private let count: Int
    private var made = [0, 0]
    private var firstFailure: Error?
    /// Where the table ends (the second half's reader's position once it is done).
    private(set) var end = 0
    var base: UnsafeMutablePointer<String>?

    init(first: SnapshotReader, second: SnapshotReader, half: Int, count: Int) {
        readers = [first, second]
        self.half = half
        self.count = count
    }

    /// The first error either half threw, if any.
    var failure: Error? { lock.withLock { firstFailure } }

    func decode(_ k: Int) {
        guard let base else { return }
        var reader = readers[k]
        let range = k == 0 ? 0..<half : half..<count
        var n = 0
        do {
            for i in range {
                (base + i).initialize(to: try reader.text(length: try reader.count()))
                n += 1
            }
        } catch {
            lock.withLock { if firstFailure == nil { firstFailure = error } }
        }
        lock.withLock {
            made[k] = n
            if k == 1 { end = reader.position }
        }
    }

    /// Gives back the strings made so far (after a failure: the array is not made).
    func deinitializeDecoded() {
        guard let base else { return }
        lock.withLock {
            if made[0] > 0 { base.deinitialize(count: made[0]) }
            if made[1] > 0 { (base + half).deinitialize(count: made[1]) }
            made = [0, 0]
        }
    }
}
