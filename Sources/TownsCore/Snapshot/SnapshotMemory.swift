import Foundation

/// The bytes of a snapshot, kept for as long as something decoded from it reads them (the
/// figure area, the derived tables): the file mapped read-only (`mmap`), so that only the
/// pages read are in memory and nothing is copied, or a copy of bytes given in memory.
///
/// A mapped file is private and read-only: a writer replaces a snapshot by renaming a new file
/// into place (`SnapshotStore.write`), which leaves the mapped one as it was. A file shortened
/// in place by someone else would make a read fault; the cache folder is the user's own.
///
/// The payload has two parts (format 21): the eager part, everything a start decodes (the
/// dataset, the derived tables' index), checked whole by its checksum before anything decoded
/// is used (`eagerChecksum`); and the deferred part, the derived tables read when first asked
/// for, checked 64 KiB block by block against the block table when first read (`verify`,
/// called by `read`): a start does not hash tables it does not read (at 10,000 x 60, 25 MB of
/// the 35 MB payload).
///
/// `@unchecked Sendable`: the layout is set once (`adopt`) before the memory is shared; the
/// blocks' checks under `lock`; the memory is unmapped or freed at `deinit`.
final class SnapshotMemory: @unchecked Sendable {
    /// Every byte of the snapshot, header and block table included.
    let bytes: UnsafeRawBufferPointer
    private let mapped: Bool
    /// The payload's length and its eager part's (bytes), from the header (`adopt`).
    private(set) var payloadCount: Int
    private(set) var eagerCount: Int
    /// Each deferred block's hash (`WideHasher`), from the block table (`adopt`).
    private var blockHashes: [UInt64] = []
    private var adopted = false
    private let lock = NSLock()
    /// Per deferred block: 1 checked and matching, 2 not matching, 0 not yet checked.
    private var blockStates: [UInt8] = []
    /// Set once `verifyAhead` has checked every block.
    private var checkedAhead = false
    /// The blocks found not matching so far (those of `blockStates` that are 2).
    private var damaged = 0

    /// Maps the file at `path`; nil when it cannot be opened, is not a file or cannot be mapped.
    init?(mapping path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else {  // nothing to map: an empty snapshot (then refused as foreign)
            let empty = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 8)
            bytes = UnsafeRawBufferPointer(start: empty, count: 0)
            mapped = false
            payloadCount = 0
            eagerCount = 0
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
        mapped = true
        payloadCount = max(size - DatasetSnapshot.headerSize, 0)
        eagerCount = payloadCount
    }

    /// A copy of `source`.
    init(copying source: UnsafeRawBufferPointer) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 8)
        if let base = source.baseAddress { copy.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        bytes = UnsafeRawBufferPointer(start: copy.baseAddress, count: source.count)
        mapped = false
        payloadCount = max(source.count - DatasetSnapshot.headerSize, 0)
        eagerCount = payloadCount
    }

    /// Takes the payload's layout from the checked header `head` and reads the block table
    /// that follows the payload. Once (later calls do nothing); before the memory is shared.
    ///
    /// - Throws: `SnapshotRejection.corrupt` when the header's first bytes and the block table do
    ///   not match their checksum (`DatasetSnapshot.headedTableChecksum`).
    func adopt(_ head: DatasetSnapshot.Header) throws(SnapshotRejection) {
        guard !adopted else { return }
        let tableStart = DatasetSnapshot.headerSize + head.length
        let count = DatasetSnapshot.blockCount(deferred: head.length - head.eager)
        guard bytes.count == tableStart + count * 8 else { throw .corrupt("a block table of another size") }
        let table = UnsafeRawBufferPointer(rebasing: bytes[tableStart..<tableStart + count * 8])
        guard DatasetSnapshot.headedTableChecksum(head: bytes, table: table) == head.tableChecksum else {
            throw .corrupt("its header's or block table's checksum does not match")
        }
        blockHashes = (0..<count).map { UInt64(littleEndian: table.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        blockStates = Array(repeating: 0, count: count)
        payloadCount = head.length
        eagerCount = head.eager
        adopted = true
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            UnsafeMutableRawBufferPointer(mutating: bytes).deallocate()
        }
    }

    /// The payload: what follows the header (`DatasetSnapshot.headerSize`).
    var payload: UnsafeRawBufferPointer {
        let start = min(DatasetSnapshot.headerSize, bytes.count)
        return UnsafeRawBufferPointer(rebasing: bytes[start..<start + payloadCount])
    }

    /// Checks every deferred block not yet checked, in order, giving each block's pages back once
    /// it is hashed (so checking never holds the part in memory); a block that does not match
    /// is marked, and the table holding it refused when read. Safe beside `verify` on any thread;
    /// once every block is checked, nothing (the dashboard's warm-up calls it after every frame).
    func verifyAhead() {
        guard adopted, !lock.withLock({ checkedAhead }) else { return }
        for block in blockHashes.indices where lock.withLock({ blockStates[block] == 0 }) {
            _ = check(block: block)
            release(payload: blockRange(block))
        }
        lock.withLock { checkedAhead = true }
    }

    /// Where deferred block `block` lies in the payload.
    private func blockRange(_ block: Int) -> Range<Int> {
        let start = eagerCount + block * DatasetSnapshot.blockSize
        return start..<min(start + DatasetSnapshot.blockSize, payloadCount)
    }

    /// Hashes deferred block `block`, records whether it matches its hash in the table (a block
    /// found not matching stays so), and returns that.
    private func check(block: Int) -> Bool {
        let good = WideHasher.hash(UnsafeRawBufferPointer(rebasing: payload[blockRange(block)])) == blockHashes[block]
        return lock.withLock {
            if blockStates[block] != 2 {
                blockStates[block] = good ? 1 : 2
                if !good { damaged += 1 }
            }
            return blockStates[block] == 1
        }
    }

    /// The deferred blocks found not matching their hash so far (0 until one is: each is
    /// found when a table in it is first read, or by `verifyAhead`).
    var damagedBlocks: Int { lock.withLock { damaged } }

    /// The deferred blocks checked so far (matching or not), and how many there are.
    var checkedBlocks: (checked: Int, of: Int) {
        lock.withLock { (blockStates.count { $0 != 0 }, blockStates.count) }
    }

    /// Checks the deferred blocks holding `range` of the payload (offsets in `payload`) against
    /// the block table, each block once (the eager part was checked whole when the snapshot
    /// was opened, before anything decoded from it was used). Safe on any thread.
    ///
    /// - Throws: `SnapshotRejection.corrupt` when a block does not match (then the table is not
    ///   used: its callers work it out, as for a snapshot without it).
    func verify(_ range: Range<Int>) throws(SnapshotRejection) {
        guard adopted, !range.isEmpty, range.upperBound > eagerCount else { return }  // nothing to read, or eager
        let size = DatasetSnapshot.blockSize
        let first = (max(range.lowerBound, eagerCount) - eagerCount) / size
        let last = (range.upperBound - 1 - eagerCount) / size
        guard first <= last, last < blockHashes.count else {
            throw .corrupt("a range beyond its deferred blocks")
        }
        let states = lock.withLock { blockStates[first...last] }
        if states.contains(2) { throw .corrupt("a block of its derived tables does not match its checksum") }
        for block in first...last where states[block] == 0 && !check(block: block) {
            throw .corrupt("a block of its derived tables does not match its checksum")
        }
    }

    /// Tells the system the pages of a mapped file may leave this process's memory (read again
    /// from the page cache when next read): after the checksum and the checks have read every
    /// page, only the pages read later stay resident. Nothing for a copy.
    func release() {
        guard mapped, let base = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), bytes.count, MADV_DONTNEED)
    }

    /// The checksum of the payload's eager part (`WideHasher.hash` of `payload[..<eagerCount]`,
    /// the same value), worked out a megabyte at a time; a mapped file's pages are given back as
    /// soon as they are hashed, so checking a snapshot never holds the whole part in memory at
    /// once (~10 MB at 10,000 towns x 60 months, most of it never read again).
    func eagerChecksum() -> UInt64 {
        let eager = UnsafeRawBufferPointer(rebasing: payload[0..<eagerCount])
        guard mapped, !eager.isEmpty else { return WideHasher.hash(eager) }
        var hasher = WideHasher()
        let chunk = 1 << 20  // a multiple of the page size (the hash is the same however the bytes are split)
        var start = DatasetSnapshot.headerSize  // in `bytes`
        let stop = DatasetSnapshot.headerSize + eagerCount
        while start < stop {
            let end = min((start / chunk + 1) * chunk, stop)
            hasher.combine(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
            release(bytesBelow: end, from: start)
            start = end
        }
        return hasher.finalize()
    }

    /// Gives back the pages of a mapped file holding `range` of the payload (offsets in
    /// `payload`), read again from the page cache if read again: for a part decoded into memory
    /// of its own or checked, as soon as it is done with, not after the whole decode. Nothing
    /// for a copy.
    func release(payload range: Range<Int>) {
        let offset = min(DatasetSnapshot.headerSize, bytes.count)  // of the payload in `bytes`
        release(bytesBelow: min(range.upperBound + offset, bytes.count), from: range.lowerBound + offset)
    }

    /// Gives back the whole pages of a mapped file that lie in `from..<bytesBelow` (offsets in `bytes`).
    private func release(bytesBelow end: Int, from start: Int) {
        guard mapped, let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = start / page * page
        let last = end == bytes.count ? end : end / page * page
        guard last > first else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + first), last - first, MADV_DONTNEED)
    }

    /// `body` with a reader of `range` of the payload (with `strings` as its string table).
    /// What `body` reads is decoded into memory of its own (a stored table), so the whole pages
    /// of a mapped file within `range` are given back afterwards (read again from the page cache
    /// if the range is read again): at 10,000 x 60 the tables a few keys read kept ~8 MiB of the
    /// file resident otherwise.
    func read<T>(_ range: Range<Int>, strings: [String], _ body: (inout SnapshotReader) throws -> T) throws -> T {
        try verify(range)
        var reader = SnapshotReader(payload, from: range.lowerBound, to: range.upperBound)
        reader.strings = strings
        defer {
            let offset = min(DatasetSnapshot.headerSize, bytes.count)  // of the payload in `bytes`
            release(bytesBelow: min(range.upperBound + offset, bytes.count), from: range.lowerBound + offset)
        }
        return try body(&reader)
    }
}
