import Foundation

/// What every file a dataset's loader reads looked like (its size, modification and status-change
/// times, inode and device) at a moment, `takenAt`: a record kept beside a snapshot (the
/// snapshot's `.stamps` file, `SnapshotStore.stampsPath`) saying that text stamped so has the
/// content fingerprint `fingerprint`. A start whose files carry the same stamps uses that
/// fingerprint without reading the files (at 10,000 towns x 60 months: 18 MB read and hashed on
/// every first screen, wave 36).
///
/// The rule is git's for its index ("racy git"): a file's stamps vouch for its bytes only when
/// they were taken at least `SnapshotStore.racyMargin` after its last change (`max` of its
/// modification and status-change times), since two writes within one tick of the file system's
/// clock (a few milliseconds; two seconds on FAT) may leave the same times and size. The
/// status-change time cannot be set back by any program (`touch -d`, `utimes` and a copy that
/// keeps times all set it to now), so a file edited and given its old modification time back,
/// or replaced by a copy, no longer matches; a file replaced by rename has a new inode. Not
/// guarded: a file system whose clock runs more than the margin behind this machine's (a
/// network file system's server) written twice within one of its ticks.
///
/// Written only by a writer that hashed the contents between two takings of equal stamps
/// (`SnapshotStore.write`, and `open` when it hashed the contents itself); a stamps file that
/// does not decode, is for other contents, another producer or another format is not used.
public struct DatasetStamps: Equatable, Sendable {
    /// One file's stamps; `exists` false when it is absent (every other field 0).
    public struct File: Equatable, Sendable {
        /// Path relative to the dataset folder (`figures.toml`, `monthly/2015-10.toml`).
        public var name: String
        public var exists: Bool
        /// Size in bytes.
        public var size: Int64
        /// Last modification, nanoseconds since 1970 (UTC).
        public var modified: Int64
        /// Last status change (`st_ctim`), nanoseconds since 1970 (UTC).
        public var changed: Int64
        public var inode: UInt64
        public var device: UInt64
    }

    /// The files in the loader's order (`DatasetLoader.fileNames`, `optionalFileNames`, then the
    /// monthly files by name), the same list `DatasetSnapshot.contentFingerprint` hashes.
    public var files: [File]
    /// When the first file was examined, nanoseconds since 1970 (UTC, `CLOCK_REALTIME`).
    public var takenAt: Int64

    /// The stamps of the files in `directory` now. Never throws: a file that cannot be examined
    /// is recorded as absent.
    public init(directory: String) {
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        takenAt = Int64(clock.tv_sec) * 1_000_000_000 + Int64(clock.tv_nsec)
        let names = DatasetLoader.readFileNames(directory: directory)
        files = names.map { name in
            var info = stat()
            let path = (directory as NSString).appendingPathComponent(name)
            guard stat(path, &info) == 0 else {
                return File(name: name, exists: false, size: 0, modified: 0, changed: 0, inode: 0, device: 0)
            }
            return File(name: name, exists: true, size: Int64(info.st_size),
                        modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                        changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                        inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
        }
    }

    init(files: [File], takenAt: Int64) {
        self.files = files
        self.takenAt = takenAt
    }

    /// Whether every file last changed at least `margin` nanoseconds before the stamps were
    /// taken: only then do equal stamps later mean equal bytes.
    public func settled(margin: Int64) -> Bool {
        files.allSatisfy { !$0.exists || max($0.modified, $0.changed) < takenAt - margin }
    }

    /// The stamps file's bytes: `TOWNSTMP`, the snapshot format (UInt32), the content
    /// fingerprint (UInt64), `takenAt` (Int64), the producer and each file (lengths UInt32,
    /// numbers 8 bytes, little-endian), then a checksum (UInt64) of all before it.
    func encoded(fingerprint: UInt64, producer: String) -> [UInt8] {
        var bytes = Self.magic
        func append<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
        func text(_ s: String) { let utf8 = Array(s.utf8); append(UInt32(utf8.count)); bytes += utf8 }
        append(DatasetSnapshot.formatVersion)
        append(fingerprint)
        append(takenAt)
        text(producer)
        append(UInt32(files.count))
        for f in files {
            text(f.name)
            append(UInt8(f.exists ? 1 : 0))
            append(f.size); append(f.modified); append(f.changed); append(f.inode); append(f.device)
        }
        append(bytes.withUnsafeBytes { WideHasher.hash($0) })
        return bytes
    }

    /// The stamps in `bytes` (`encoded`), with the fingerprint and producer they were written
    /// for; nil when they do not decode whole, their checksum fails or their format is not this
    /// build's.
    static func decode(_ bytes: [UInt8]) -> (stamps: DatasetStamps, fingerprint: UInt64, producer: String)? {
        guard bytes.count >= magic.count + 8, Array(bytes[0..<magic.count]) == magic else { return nil }
        let body = bytes.count - 8
        var offset = magic.count
        func load<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard body - offset >= MemoryLayout<T>.size else { return nil }
            let v = bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
            offset += MemoryLayout<T>.size
            return v
        }
        func text() -> String? {
            guard let n = load(UInt32.self), body - offset >= Int(n) else { return nil }
            let s = String(decoding: bytes[offset..<offset + Int(n)], as: UTF8.self)
            offset += Int(n)
            return s
        }
        let checksum = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: body, as: UInt64.self)) }
        guard bytes.withUnsafeBytes({ WideHasher.hash(UnsafeRawBufferPointer(rebasing: $0[0..<body])) }) == checksum,
              load(UInt32.self) == DatasetSnapshot.formatVersion,
              let fingerprint = load(UInt64.self), let takenAt = load(Int64.self), let producer = text(),
              let count = load(UInt32.self) else { return nil }
        var files: [File] = []
        for _ in 0..<count {
            guard let name = text(), let exists = load(UInt8.self), exists <= 1, let size = load(Int64.self),
                  let modified = load(Int64.self), let changed = load(Int64.self), let inode = load(UInt64.self),
                  let device = load(UInt64.self) else { return nil }
            files.append(File(name: name, exists: exists == 1, size: size, modified: modified, changed: changed,
                              inode: inode, device: device))
        }
        guard offset == body else { return nil }
        return (DatasetStamps(files: files, takenAt: takenAt), fingerprint, producer)
    }

    static let magic = Array("TOWNSTMP".utf8)
}

extension DatasetFingerprint {
    /// The fingerprint of the files `stamps` examined (the same `stat`s, not taken again).
    public init(_ stamps: DatasetStamps) {
        files = stamps.files.map {
            FileState(name: $0.name, exists: $0.exists, size: $0.size, modified: $0.modified, inode: $0.inode)
        }
    }
}
