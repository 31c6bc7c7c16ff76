import Foundation

/// A checked binary snapshot of a loaded dataset: a faster form of `Data/` derived from the
/// text, never a second source. It holds the dataset and its warnings exactly as
/// `DatasetLoader.load` gave them, keyed by a fingerprint of the text files' contents.
///
/// Layout (little-endian): `TOWNSNAP` (8 bytes), format version (UInt32), the platform's
/// `Decimal` size (UInt32), the content fingerprint (UInt64), the payload's length (UInt64),
/// its eager part's length (UInt64) and checksum (UInt64), the checksum of the header's first
/// 40 bytes with the block table (UInt64, `headedTableChecksum`: a damaged fingerprint or length
/// is `corrupt`, never read as other contents, format 22); then the payload: its eager part (the dataset folder, the table of distinct
/// strings, and the body, `SnapshotWriter`) and its deferred part (the derived tables read
/// when first asked for, `SnapshotWriter.deferredSection`); then the block table: the hash of
/// each `blockSize` block of the deferred part (UInt64 each, the last block short). The eager
/// part is checked whole before anything decoded is used; a deferred block when first read
/// (`SnapshotMemory.verify`), so a start hashes only what it reads (format 21; formats 14-20
/// hashed the whole payload before the first screen: 35 MB at 10,000 x 60). Format 22: the
/// header's fingerprint is checked too (wave 38's fresh user flipped a byte of it, and the start
/// said the data had changed since the snapshot, which it had not). Format 23: the towns' records
/// in sections of 64, each with its own strings, decoded when a view first asks (`LazyTowns`).
/// Format 24: each section's towns' ids in its head, read without the towns (`LazyTowns.id(at:)`).
/// A reader trusts nothing it has not checked: a wrong magic, version or layout is `foreign`,
/// a short file `truncated`, a checksum or a value that does not match `corrupt` (a deferred
/// block's: that table is not used, and is worked out instead), another folder or other
/// contents `stale`.
public enum DatasetSnapshot {
    /// Bumped whenever the body's layout changes; older and newer snapshots are `foreign`.
    public static let formatVersion: UInt32 = 24
    static let magic = Array("TOWNSNAP".utf8)
    /// The header's size in bytes.
    static let headerSize = 56
    /// The size of a block of the deferred part, each checked on its own (bytes: 64 KiB).
    static let blockSize = 1 << 16

    /// The number of blocks of a deferred part of `deferred` bytes.
    static func blockCount(deferred: Int) -> Int { (deferred + blockSize - 1) / blockSize }

    /// What a checked header says (`header`): lengths in bytes.
    struct Header {
        var fingerprint: UInt64
        /// The payload's length, and its eager part's (the rest is the deferred part).
        var length: Int
        var eager: Int
        /// The eager part's checksum (`WideHasher`), and the header's first bytes' with the block
        /// table's (`headedTableChecksum`).
        var eagerChecksum: UInt64
        var tableChecksum: UInt64
    }

    /// A fingerprint of the contents of every file the loader reads in `directory` (their
    /// names, whether each exists, and their bytes) and of `producer`, the program reading
    /// them: equal fingerprints, equal text read by the same loader. Reads every file (14 MB
    /// at 10,000 towns x 60 months: a few milliseconds from the page cache).
    public static func contentFingerprint(directory: String, producer: String = "") -> UInt64 {
        var hasher = WideHasher()
        hasher.combine(UInt64(formatVersion))
        hasher.combine(producer)
        let names = DatasetLoader.readFileNames(directory: directory)
        for name in names {
            hasher.combine(name)
            let path = (directory as NSString).appendingPathComponent(name)
            var contents = WideHasher()
            if combineFile(path, into: &contents) {
                hasher.combine(UInt64(1))
                hasher.combine(contents.finalize())
            } else {
                hasher.combine(UInt64(0))
            }
        }
        return hasher.finalize()
    }

    /// Hashes the bytes of the file at `path` a megabyte at a time (never the whole file in
    /// memory: 14 MB of figures.toml at 10,000 x 60 would add as much to the peak). False when
    /// it cannot be opened or read (a missing file, a folder).
    static func combineFile(_ path: String, into hasher: inout WideHasher) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let size = 1 << 20  // (the hash is the same however the file is split)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            // Fill the buffer (a read may return less), so only the file's last piece is short.
            var filled = 0
            while filled < size {
                let n = read(fd, buffer.baseAddress! + filled, size - filled)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return false }
                if n == 0 { break }
                filled += n
            }
            hasher.combine(UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
            if filled < size { return true }
        }
    }

    /// The snapshot's bytes for `dataset` and its `warnings`, read from text whose content
    /// fingerprint was `fingerprint`, with the tables derived from it (`DerivedTables`), if given.
    public static func encode(_ dataset: Dataset, warnings: [LoadIssue], fingerprint: UInt64,
                              derived: DerivedTables.Source? = nil) -> [UInt8] {
        var body = SnapshotWriter()
        body.dataset(dataset, warnings: warnings)
        body.derived(derived, townCount: dataset.townCount)
        var bytes: [UInt8] = []
        func raw(_ text: String) {
            let utf8 = Array(text.utf8)
            var lengthWriter = SnapshotWriter()
            lengthWriter.uint(UInt64(utf8.count))
            bytes += lengthWriter.body
            bytes += utf8
        }
        raw(dataset.directory)
        var countWriter = SnapshotWriter()
        countWriter.uint(UInt64(body.strings.count))
        bytes += countWriter.body
        for s in body.strings { raw(s) }
        bytes += body.body
        return file(eager: bytes, deferred: body.deferred, fingerprint: fingerprint)
    }

    /// A snapshot file of a payload whose eager part is `eager` and deferred part `deferred`:
    /// the header, the payload, the block table (the layout above).
    static func file(eager: [UInt8], deferred: [UInt8], fingerprint: UInt64) -> [UInt8] {
        var table: [UInt8] = []
        deferred.withUnsafeBytes { deferred in
            for block in 0..<blockCount(deferred: deferred.count) {
                let start = block * blockSize, end = min(start + blockSize, deferred.count)
                let hash = WideHasher.hash(UnsafeRawBufferPointer(rebasing: deferred[start..<end]))
                withUnsafeBytes(of: hash.littleEndian) { table += $0 }
            }
        }
        var header = magic
        func append<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { header += $0 } }
        append(formatVersion)
        append(UInt32(MemoryLayout<Decimal>.size))
        append(fingerprint)
        append(UInt64(eager.count + deferred.count))
        append(UInt64(eager.count))
        append(eager.withUnsafeBytes { WideHasher.hash($0) })
        let headed = header.withUnsafeBytes { head in
            table.withUnsafeBytes { headedTableChecksum(head: head, table: $0) }
        }
        append(headed)
        return header + eager + deferred + table
    }

    /// The bytes of the header its last checksum covers: magic, version, decimal size,
    /// fingerprint, payload length, eager length (the eager checksum is checked by itself).
    static let checkedHeaderBytes = 40

    /// The header's last checksum: `WideHasher` of the header's first `checkedHeaderBytes` bytes
    /// (`head`, at least that many) followed by the block table's bytes (`table`), so that a
    /// damaged fingerprint or length refuses the snapshot as `corrupt` at once rather than being
    /// read as a snapshot of other contents (`stale`).
    static func headedTableChecksum(head: UnsafeRawBufferPointer, table: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = WideHasher()
        hasher.combine(UnsafeRawBufferPointer(rebasing: head[0..<checkedHeaderBytes]))
        hasher.combine(table)
        return hasher.finalize()
    }

    /// The content fingerprint a snapshot was written for, after checking its header only
    /// (not the eager part's checksum).
    public static func fingerprint(of bytes: UnsafeRawBufferPointer) throws(SnapshotRejection) -> UInt64 {
        try header(bytes).fingerprint
    }

    static func header(_ bytes: UnsafeRawBufferPointer) throws(SnapshotRejection) -> Header {
        // An empty file, or one cut inside the magic (a full disk, an interrupted copy), is
        // truncated, not another program's (wave 42's fresh user: an empty file was said to be
        // of another version).
        guard bytes.count >= magic.count else {
            if Array(bytes).elementsEqual(magic.prefix(bytes.count)) {
                throw .truncated("\(bytes.count) bytes, shorter than the header")
            }
            throw .foreign("it does not begin with TOWNSNAP")
        }
        guard Array(bytes[0..<magic.count]) == magic else {
            throw .foreign("it does not begin with TOWNSNAP")
        }
        guard bytes.count >= headerSize else { throw .truncated("\(bytes.count) bytes, shorter than the header") }
        func load<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
        let version = load(8, UInt32.self)
        guard version == formatVersion else { throw .foreign("format \(version), this towns reads \(formatVersion)") }
        let decimalSize = load(12, UInt32.self)
        guard decimalSize == MemoryLayout<Decimal>.size else {
            throw .foreign("decimals of \(decimalSize) bytes, this platform's are \(MemoryLayout<Decimal>.size)")
        }
        let length = load(24, UInt64.self), eager = load(32, UInt64.self)
        guard length <= UInt64(bytes.count - headerSize) else {
            throw .truncated("\(bytes.count - headerSize) bytes of a payload of \(length)")
        }
        guard eager <= length else { throw .corrupt("an eager part of \(eager) bytes in a payload of \(length)") }
        // The block table follows the payload: 8 bytes a block of the deferred part.
        let expected = UInt64(headerSize) + length + UInt64(blockCount(deferred: Int(length - eager)) * 8)
        guard UInt64(bytes.count) >= expected else {
            throw .truncated("\(bytes.count) bytes of a snapshot of \(expected)")
        }
        guard UInt64(bytes.count) == expected else {
            throw .corrupt("\(UInt64(bytes.count) - expected) bytes after the block table")
        }
        return Header(fingerprint: load(16, UInt64.self), length: Int(length), eager: Int(eager),
                      eagerChecksum: load(40, UInt64.self), tableChecksum: load(48, UInt64.self))
    }

    /// Decodes a snapshot of `directory`'s text with content fingerprint `fingerprint`.
    ///
    /// - Returns: the dataset (its `directory` the one given) and the load's warnings.
    /// - Throws: `SnapshotRejection`, saying why the snapshot is not used: then read the text.
    public static func decode(_ bytes: UnsafeRawBufferPointer, directory: String, fingerprint: UInt64)
        throws(SnapshotRejection) -> (dataset: Dataset, warnings: [LoadIssue])
    {
        let decoded = try decode(SnapshotMemory(copying: bytes), directory: directory)
        guard decoded.fingerprint == fingerprint else {
            throw .stale("the files in \(directory) changed since it was written")
        }
        return (decoded.dataset, decoded.warnings)
    }

    /// Decodes the snapshot in `memory` (kept by the figure area and the derived tables, which
    /// read it later) of `directory`'s text, checking all but its content fingerprint, which it
    /// returns: the caller compares it with the files' before using anything decoded.
    static func decode(_ memory: SnapshotMemory, directory: String) throws(SnapshotRejection)
        -> (dataset: Dataset, warnings: [LoadIssue], derived: DerivedTables?, fingerprint: UInt64)
    {
        let head = try header(memory.bytes)
        try memory.adopt(head)
        guard memory.eagerChecksum() == head.eagerChecksum else { throw .corrupt("its checksum does not match") }
        return try decodeUnverified(memory, directory: directory)
    }

    /// What `decode` does but the eager part's checksum: the header, the bounds and values of
    /// everything decoded are checked, so damaged bytes throw and never trap (`SnapshotReader`
    /// throws on every bound, a count or number out of range). `SnapshotStore.open` runs it
    /// beside the checksum, on another thread, and uses nothing it gives unless the checksum
    /// matches; every other caller goes through `decode`.
    ///
    /// With `areaCheck` the figure area is not checked here but given to it (`FigureAreaHandOver`,
    /// nothing when the decode stops before the area) for another thread to check: the caller
    /// uses nothing decoded before that check passed. Then the mapped pages are not given back
    /// here either (the check may still be reading them): the caller does, once both are done.
    static func decodeUnverified(_ memory: SnapshotMemory, directory: String,
                                 areaCheck: FigureAreaHandOver? = nil) throws(SnapshotRejection)
        -> (dataset: Dataset, warnings: [LoadIssue], derived: DerivedTables?, fingerprint: UInt64)
    {
        defer { areaCheck?.finish() }
        let head = try header(memory.bytes)
        try memory.adopt(head)
        let payload = memory.payload
        do {
            // The eager part: the deferred one is read when first asked for (`deferredRange`).
            var reader = SnapshotReader(payload, from: 0, to: memory.eagerCount)
            reader.deferredStart = memory.eagerCount
            let folder = try reader.text(length: try reader.count())
            guard folder == directory else { throw SnapshotRejection.stale("written for \(folder), not \(directory)") }
            let n = try reader.count()
            reader.strings = try reader.stringTable(count: n)
            let result = try reader.dataset(directory: directory, memory: memory, areaCheck: areaCheck)
            let derived = try reader.bool() ? try DerivedTables(&reader, memory: memory) : nil
            guard reader.atEnd else { throw SnapshotRejection.corrupt("bytes left after the dataset") }
            if let derived, derived.townCount != result.dataset.townCount {
                throw SnapshotRejection.corrupt("derived tables of \(derived.townCount) towns")
            }
            // Every page has been read (the checksum, the checks): only those read later stay.
            if areaCheck == nil { memory.release() }
            return (result.dataset, result.warnings, derived, head.fingerprint)
        } catch let rejection as SnapshotRejection {
            throw rejection
        } catch {
            throw .corrupt("\(error)")
        }
    }
}
