import Foundation

/// Where snapshots live and how they are read and written: one file a dataset folder, in a
/// cache folder of the user's (`$XDG_CACHE_HOME/towns/snapshots`, else
/// `~/.cache/towns/snapshots`), never in the dataset folder.
///
/// Reading never trusts and never fails hard: a missing, unreadable, foreign, truncated,
/// corrupt or stale snapshot is a `SnapshotRejection`, and the caller reads the text.
/// Writing goes through a temporary file renamed into place, so a reader sees the old
/// snapshot or the new one, never half of one.
public struct SnapshotStore: Sendable {
    /// The cache folder holding the snapshots.
    public var folder: String

    /// What identifies the program that reads the text (the dashboard passes its executable's
    /// size, time and inode): a snapshot written by another build of the loader is stale, even
    /// for the same text, since that loader may read or check the text differently.
    public var producer: String

    /// How long before a snapshot's files were examined each must have last changed for their
    /// stamps to stand for their contents (`DatasetStamps`), in nanoseconds: 3 s (two writes
    /// within one tick of a file system's clock may leave the same stamps; FAT's tick is 2 s).
    /// Tests set 0.
    public var racyMargin: Int64 = 3_000_000_000

    public init(folder: String, producer: String = "") {
        self.folder = folder
        self.producer = producer
    }

    /// The stamps file kept beside `directory`'s snapshot (`<key>.stamps`, `DatasetStamps`).
    public func stampsPath(for directory: String) -> String {
        String(path(for: directory).dropLast(".snapshot".count)) + ".stamps"
    }

    /// The stamps kept for `directory` when they decode and were written for `fingerprint` by
    /// this producer in this format; else nil.
    func keptStamps(for directory: String, fingerprint: UInt64) -> DatasetStamps? {
        guard let data = FileManager.default.contents(atPath: stampsPath(for: directory)),
              data.count <= 1 << 24,
              let kept = DatasetStamps.decode(Array(data)),
              kept.fingerprint == fingerprint, kept.producer == producer else { return nil }
        return kept.stamps
    }

    /// Writes `stamps` as those of `directory`'s text with content fingerprint `fingerprint`,
    /// through a temporary file renamed into place; false when it cannot (nothing is then
    /// vouched for: the next start reads and hashes the files).
    @discardableResult
    func keep(_ stamps: DatasetStamps, fingerprint: UInt64, for directory: String) -> Bool {
        guard !isInside(directory) else { return false }
        let target = stampsPath(for: directory)
        let temporary = target + ".\(getpid()).tmp"
        let bytes = Data(stamps.encoded(fingerprint: fingerprint, producer: producer))
        guard FileManager.default.createFile(atPath: temporary, contents: bytes,
                                             attributes: [.posixPermissions: 0o600]) else { return false }
        guard rename(temporary, target) == 0 else { unlink(temporary); return false }
        return true
    }

    /// The default cache folder for `environment` (XDG_CACHE_HOME, else HOME/.cache), or nil
    /// when neither is set.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return (cache as NSString).appendingPathComponent("towns/snapshots")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".cache/towns/snapshots")
    }

    /// The absolute, symlink-resolved form of a dataset folder: the snapshot's key.
    public static func canonical(_ directory: String) -> String {
        let absolute = directory.hasPrefix("/") ? directory
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(directory)
        return (absolute as NSString).resolvingSymlinksInPath
    }

    /// The snapshot file for `directory`: a hash of its canonical path, in `folder`.
    public func path(for directory: String) -> String {
        let key = Array(Self.canonical(directory).utf8).withUnsafeBytes { SnapshotHasher.hash($0) }
        let hex = String(key, radix: 16)
        let name = String(repeating: "0", count: 16 - hex.count) + hex + ".snapshot"
        return (folder as NSString).appendingPathComponent(name)
    }

    /// The dataset in `directory` from its snapshot, when the snapshot exists, checks, and was
    /// written from exactly the text the files hold now.
    ///
    /// - Returns: the dataset (its `directory` as given), its warnings, and the files' stat
    ///   fingerprint taken before their contents were read (for the watcher).
    /// - Throws: `SnapshotRejection`, saying why not.
    public func load(directory: String) throws(SnapshotRejection)
        -> (dataset: Dataset, warnings: [LoadIssue], fingerprint: DatasetFingerprint)
    {
        let loaded = try open(directory: directory)
        return (loaded.dataset, loaded.warnings, loaded.fingerprint)
    }

    /// What `open` gives: the dataset, its warnings, the files' stat fingerprint taken before
    /// their contents were read (for the watcher), and the tables derived from the dataset when
    /// the snapshot was written (`DerivedTables`; nil when it holds none).
    public struct Loaded: Sendable {
        public var dataset: Dataset
        public var warnings: [LoadIssue]
        public var fingerprint: DatasetFingerprint
        public var derived: DerivedTables?
        /// True when the files' contents were not read: their stamps equal those kept when they
        /// were last hashed (`DatasetStamps`); false when they were read and hashed.
        public var vouchedByStamps = false
    }

    /// The dataset in `directory` from its snapshot, with its derived tables, when the snapshot
    /// exists, checks, and was written from exactly the text the files hold now.
    ///
    /// The snapshot is mapped (`SnapshotMemory`), not copied. The files' contents and then the
    /// snapshot's eager part are hashed on another thread (the content fingerprint, the checksum;
    /// the files' stat fingerprint is taken there too, before their contents and after),
    /// which then helps check the figure area's structure (`FigureAreaHandOver`: the decode
    /// hands the area over as soon as it has read where it lies, and checks the parts left once
    /// its decode is done), while the snapshot is decoded on this one (`DatasetSnapshot.decodeUnverified`: damaged bytes throw, never trap);
    /// nothing decoded is returned before the checksum, the area's check and the two
    /// fingerprints are compared, so a damaged snapshot or one of other text is never used, and
    /// the load takes the longer of the two instead of their sum. The payload's deferred part
    /// (the stored tables read when first asked for) is not hashed here: each of its blocks is
    /// checked when first read (`SnapshotMemory.verify`, format 21).
    ///
    /// - Throws: `SnapshotRejection`, saying why not.
    public func open(directory: String) throws(SnapshotRejection) -> Loaded {
        let file = path(for: directory)
        guard let memory = SnapshotMemory(mapping: file) else { throw .missing("\(file) cannot be read") }
        let head = try DatasetSnapshot.header(memory.bytes)
        try memory.adopt(head)
        let hashing = ContentHash()
        let done = DispatchSemaphore(value: 0)
        let producer = self.producer
        let store = self
        let area = FigureAreaHandOver()
        DispatchQueue.global(qos: .userInitiated).async {
            // The files' stat fingerprint before their contents are read and after (here, off the
            // first screen's thread: the decode reads no text file, so a change while the
            // contents were hashed shows here exactly as it did after the decode).
            // The files' contents are read and hashed unless their stamps are those kept when
            // these contents were hashed (`DatasetStamps`: 18 MB read at 10,000 x 60).
            let now = DatasetStamps(directory: directory)
            hashing.before = DatasetFingerprint(now)
            if let kept = store.keptStamps(for: directory, fingerprint: head.fingerprint),
               kept.files == now.files, kept.settled(margin: store.racyMargin) {
                hashing.value = head.fingerprint
                hashing.vouched = true
            } else {
                hashing.value = DatasetSnapshot.contentFingerprint(directory: directory, producer: producer)
                // Hashed between two equal stamps, all settled: kept for the next start.
                if hashing.value == head.fingerprint, now.settled(margin: store.racyMargin),
                   DatasetStamps(directory: directory).files == now.files {
                    hashing.stamps = now
                }
            }
            hashing.unchanged = DatasetFingerprint(directory: directory) == hashing.before
            hashing.checksum = memory.eagerChecksum()
            if let stamps = hashing.stamps, hashing.checksum == head.eagerChecksum {
                store.keep(stamps, fingerprint: head.fingerprint, for: directory)
            }
            // The figure area's check (a tenth of the decode's work at 10,000 x 60), its parts
            // shared with the decoding thread once its decode is done; none when the checksum
            // already refuses the snapshot. The decode always gives (an area, or nothing).
            area.waitForArea()
            if hashing.checksum == head.eagerChecksum { area.help() } else { area.cancel() }
            done.signal()
        }
        let decoded = Result { () throws(SnapshotRejection) in
            try DatasetSnapshot.decodeUnverified(memory, directory: directory, areaCheck: area)
        }
        area.help()  // the parts the hashing thread has not taken (decodeUnverified gave)
        done.wait()
        // Both threads have read what they read: the decode gives its pages back when it ends,
        // but the checksum may have read some after that (a page's neighbours come in with it),
        // so every page goes back here, once both are done (at 10,000 x 60 up to ~8 MiB of
        // the file stayed resident otherwise). Pages read later come back when read.
        memory.release()
        guard hashing.checksum == head.eagerChecksum else { throw .corrupt("its checksum does not match") }
        if let failure = area.failure { throw failure }
        let loaded = try decoded.get()
        guard loaded.fingerprint == hashing.value else {
            throw .stale("the files in \(directory) changed since it was written")
        }
        guard hashing.unchanged, let before = hashing.before else {
            throw .stale("the files in \(directory) changed while they were read")
        }
        return Loaded(dataset: loaded.dataset, warnings: loaded.warnings, fingerprint: before, derived: loaded.derived,
                      vouchedByStamps: hashing.vouched)
    }

    /// A reload for a watcher (`DatasetWatcher.load`): `child` writes the snapshot of
    /// `directory` (the dashboard runs `towns snapshot` in a child process; true when it
    /// succeeded), then the snapshot is read here with its derived tables. When the child fails
    /// or the snapshot is not trusted (the data has errors, the cache cannot be written, the
    /// files changed again), the text is read here, so errors are named exactly as
    /// `DatasetLoader` names them, and no derived tables come with it.
    ///
    /// - Throws: what `DatasetLoader.loadUnchanged` throws, when the text is read.
    public func reload(directory: String, child: () -> Bool) throws -> DatasetWatcher.Loaded {
        if child(), let loaded = try? open(directory: directory) {
            return DatasetWatcher.Loaded(dataset: loaded.dataset, warnings: loaded.warnings,
                                         fingerprint: loaded.fingerprint, derived: loaded.derived)
        }
        return try DatasetWatcher.loadText(directory)
    }

    /// The content fingerprint, the eager part's checksum and the files' stat fingerprints worked
    /// out on another thread: written before the semaphore is signalled and read after it is
    /// waited for (`@unchecked Sendable` for that hand-over).
    private final class ContentHash: @unchecked Sendable {
        var value: UInt64 = 0
        var checksum: UInt64?
        /// The files' stat fingerprint taken before their contents were hashed.
        var before: DatasetFingerprint?
        /// Whether the stat fingerprint taken after the contents were hashed equals `before`.
        var unchanged = false
        /// Whether the content fingerprint was taken from the kept stamps (contents not read).
        var vouched = false
        /// Stamps to keep for the next start: the contents were hashed between two takings of them.
        var stamps: DatasetStamps?
    }

    /// Why a snapshot could not be written.
    public struct WriteFailure: Error, CustomStringConvertible, Sendable {
        /// What failed, in English, naming the file or folder.
        public var description: String
        /// The same in Chinese (`towns snapshot` under a Chinese interface: wave 26's fresh
        /// user, F10, met Foundation's English there).
        public var chinese: String
        public init(description: String, chinese: String) {
            self.description = description
            self.chinese = chinese
        }
    }

    /// Reads `directory`'s text (`DatasetLoader.loadUnchanged`) and writes its snapshot.
    ///
    /// - Returns: the dataset and warnings as read from the text.
    /// - Throws: `LoadFailure` or `DatasetLoader.ChangedDuringLoad` from the load (nothing
    ///   written); `WriteFailure` when the snapshot cannot be written (the cache folder
    ///   read-only or inside the dataset folder, the disk full): the data itself is fine.
    /// `derive`, when given, works out the tables stored beside the dataset (`DerivedTables`:
    /// the dashboard's, from TownsUI) from the dataset as read from the text.
    ///
    /// Holds the snapshot's lock (`lockPath`) while it reads and writes, waiting first for a
    /// write of the same snapshot by another process to end (two writers never both read the
    /// text at once).
    @discardableResult
    public func write(directory: String, derive: ((Dataset) -> DerivedTables.Source)? = nil) throws
        -> (dataset: Dataset, warnings: [LoadIssue])
    {
        let held = lock(directory, wait: true)
        defer { if let fd = held.fd { close(fd) } }
        return try writeHolding(directory: directory, derive: derive)
    }

    /// `write(directory:derive:)`, unless another process is writing this snapshot already: then
    /// nothing is read or written. The dashboard's background rebuild (`towns snapshot
    /// --if-idle`): each start of the dashboard on a changed or new dataset began one, so a
    /// presenter restarting during a minute-long rebuild at 10,000 x 60 had several running at
    /// once, each reading the whole text (wave 35, session 28).
    ///
    /// - Returns: false when another process holds the lock (nothing done), true when written.
    /// - Throws: as `write(directory:derive:)`.
    public func writeUnlessBusy(directory: String, derive: ((Dataset) -> DerivedTables.Source)? = nil) throws -> Bool {
        let held = lock(directory, wait: false)
        if held.busy { return false }
        defer { if let fd = held.fd { close(fd) } }
        try writeHolding(directory: directory, derive: derive)
        return true
    }

    /// The lock file of `directory`'s snapshot, beside it: `<key>.lock`. A writer holds an
    /// exclusive `flock` on it from before it reads the text until its snapshot is in place (or it
    /// failed); the lock goes with the process, however it ends. Never removed (a removed lock
    /// file would let two writers hold two locks).
    public func lockPath(for directory: String) -> String {
        let snapshot = path(for: directory)
        return String(snapshot.dropLast(".snapshot".count)) + ".lock"
    }

    /// Takes the lock of `directory`'s snapshot: waiting for it (`wait`), or not (`busy` when
    /// another process holds it). Without a lock file (the cache folder cannot be made or written)
    /// no lock is held and the write goes on, to fail with its own words.
    private func lock(_ directory: String, wait: Bool) -> (fd: Int32?, busy: Bool) {
        // Nothing made inside the dataset folder (the write refuses such a cache folder).
        guard !isInside(directory) else { return (nil, false) }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let fd = Glibc.open(lockPath(for: directory), O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return (nil, false) }
        if wait {
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else { close(fd); return (nil, false) }
            }
            return (fd, false)
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            close(fd)
            return (nil, busy)
        }
        return (fd, false)
    }

    /// Whether the cache folder is `directory` or inside it (no snapshot, nor lock, is made there).
    private func isInside(_ directory: String) -> Bool {
        (Self.canonical(folder) + "/").hasPrefix(Self.canonical(directory) + "/")
    }

    /// `write(directory:derive:)`'s work, the lock held (or none to be had).
    @discardableResult
    private func writeHolding(directory: String, derive: ((Dataset) -> DerivedTables.Source)?) throws
        -> (dataset: Dataset, warnings: [LoadIssue])
    {
        let stamps = DatasetStamps(directory: directory)
        let content = DatasetSnapshot.contentFingerprint(directory: directory, producer: producer)
        let before = DatasetFingerprint(directory: directory)
        let loaded = try DatasetLoader.loadUnchanged(directory: directory)
        guard loaded.fingerprint == before else { throw DatasetLoader.ChangedDuringLoad(directory: directory) }
        try write(DatasetSnapshot.encode(loaded.dataset, warnings: loaded.warnings, fingerprint: content,
                                         derived: derive?(loaded.dataset)),
                  for: directory)
        // The stamps vouch for the contents hashed only when nothing changed meanwhile and every
        // file had settled; else none are kept (the next start hashes, and keeps them then).
        if stamps.settled(margin: racyMargin), DatasetStamps(directory: directory).files == stamps.files {
            keep(stamps, fingerprint: content, for: directory)
        } else {
            unlink(stampsPath(for: directory))
        }
        return (loaded.dataset, loaded.warnings)
    }

    /// Writes snapshot `bytes` for `directory` through a temporary file (locked while it is
    /// written) renamed into place, first removing the temporaries of a write of this snapshot
    /// that was killed before its rename (`AbandonedTemporaries`).
    /// - Throws: `WriteFailure` naming the file when the cache folder cannot be made or written.
    public func write(_ bytes: [UInt8], for directory: String) throws {
        guard !isInside(directory) else {
            throw WriteFailure(description: "\(folder) is inside the dataset folder \(directory): no snapshot there",
                               chinese: "\(folder) 在数据文件夹 \(directory) 之内：快照不写在那里")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            // A file where the folder should be says so (Foundation's words were "The operation
            // could not be completed. A file with the same name already exists.").
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
                throw WriteFailure(description: "the cache folder \(folder) is a file, not a folder",
                                   chinese: "缓存文件夹 \(folder) 是文件，不是文件夹")
            }
            throw WriteFailure(description: "cannot create the cache folder \(folder): \(error.localizedDescription)",
                               chinese: "不能建立缓存文件夹 \(folder)：\(error.localizedDescription)")
        }
        let target = path(for: directory)
        var template = Array((target + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw WriteFailure(description: "cannot write in \(folder): \(reason)",
                               chinese: "不能在 \(folder) 中写入：\(reason)")
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Held until this process closes `fd` or ends, however it ends: a sibling temporary
        // nobody holds is a write that was killed, and the next write removes it.
        AbandonedTemporaries.hold(fd)
        AbandonedTemporaries.remove(in: folder, prefix: (target as NSString).lastPathComponent + ".",
                                    keeping: temporary)
        var failure: String?
        // A page at a time: the page cache then holds the file in pages, not in the large
        // blocks one big write makes (ext4 since Linux 6.16), each of which a read of the
        // mapped file maps whole, so reading a few tables kept megabytes of the snapshot
        // resident (at 10,000 x 14 the first screen held 6 MiB of it against 1.3 MiB).
        let piece = max(Int(sysconf(Int32(_SC_PAGESIZE))), 4096)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, min(piece, raw.count - offset))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno)); return
                }
                offset += n
            }
        }
        // Renamed (or removed) before its lock goes with `close`.
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            close(fd)
            throw WriteFailure(description: "cannot write \(target): \(failure)",
                               chinese: "不能写入 \(target)：\(failure)")
        }
        close(fd)
    }
}
