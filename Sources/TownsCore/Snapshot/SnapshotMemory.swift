import Foundation

/// The bytes of a snapshot, kept for as long as something decoded from it reads them (the
/// figure area, the derived tables): the file mapped read-only (`mmap`), so that only the
/// pages read are in memory and nothing is copied, or a copy of bytes given in memory.
///
/// A mapped file is private and read-only: a writer replaces a snapshot by renaming a new file
/// into place (`SnapshotStore.write`), which leaves the mapped one as it was. A file shortened
/// in place by someone else would make a read fault; the cache folder is the user's own.
///
/// `@unchecked Sendable`: immutable after `init`; the memory is unmapped or freed at `deinit`.
final class SnapshotMemory: @unchecked Sendable {
    /// Every byte of the snapshot, header included.
    let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

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
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
        mapped = true
    }

    /// A copy of `source`.
    init(copying source: UnsafeRawBufferPointer) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 8)
        if let base = source.baseAddress { copy.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        bytes = UnsafeRawBufferPointer(start: copy.baseAddress, count: source.count)
        mapped = false
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
        UnsafeRawBufferPointer(rebasing: bytes[min(DatasetSnapshot.headerSize, bytes.count)...])
    }

    /// Tells the system the pages of a mapped file may leave this process's memory (read again
    /// from the page cache when next read): after the checksum and the checks have read every
    /// page, only the pages read later stay resident. Nothing for a copy.
    func release() {
        guard mapped, let base = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), bytes.count, MADV_DONTNEED)
    }

    /// The checksum of the payload (`WideHasher.hash(payload)`, the same value), worked out
    /// a megabyte at a time; a mapped file's pages are given back as soon as they are hashed,
    /// so checking a snapshot never holds the whole file in memory at once (24.5 MiB at
    /// 10,000 towns x 60 months, most of it never read again).
    func payloadChecksum() -> UInt64 {
        let payload = self.payload
        guard mapped, !payload.isEmpty else { return WideHasher.hash(payload) }
        var hasher = WideHasher()
        let chunk = 1 << 20  // a multiple of the page size (the hash is the same however the bytes are split)
        var start = DatasetSnapshot.headerSize  // in `bytes`
        while start < bytes.count {
            let end = min((start / chunk + 1) * chunk, bytes.count)
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
        let offset = bytes.count - payload.count  // of the payload in `bytes`
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
        var reader = SnapshotReader(payload, from: range.lowerBound, to: range.upperBound)
        reader.strings = strings
        defer {
            let offset = bytes.count - payload.count  // of the payload in `bytes`
            release(bytesBelow: min(range.upperBound + offset, bytes.count), from: range.lowerBound + offset)
        }
        return try body(&reader)
    }
}
