import Foundation

/// What the files of a dataset folder look like from outside: for every file the loader
/// reads (the seven required files, `rules.toml`, `province.toml`, every `monthly/*.toml`),
/// its size, modification time (nanoseconds) and inode.
///
/// Cheap to take (one `stat` a file and one directory listing), so a running dashboard can
/// take one every second and reload when it changes. A file replaced by rename (as
/// `towns import` writes) gets a new inode; a file rewritten in place a new time or size; a
/// monthly file added or removed changes the list. Files the loader skips (an import's
/// temporary `.YYYY-MM.toml.XXXXXX`, the lock) do not count.
public struct DatasetFingerprint: Equatable, Sendable {
    /// The state of one file; `exists` false when it is absent (or cannot be examined).
    public struct FileState: Equatable, Sendable {
        /// Path relative to the dataset folder, e.g. `figures.toml`, `monthly/2015-10.toml`.
        public var name: String
        public var exists: Bool
        /// Size in bytes.
        public var size: Int64
        /// Last modification, nanoseconds since 1970 (UTC).
        public var modified: Int64
        public var inode: UInt64
    }

    /// One entry a file, in a fixed order (required files, optional files, then the monthly
    /// files by name).
    public var files: [FileState]

    /// Takes the fingerprint of the dataset in `directory`. Never throws: a file that cannot
    /// be examined is recorded as absent (loading it will then say why).
    public init(directory: String) {
        self.init(DatasetStamps(directory: directory))  // the same `stat`s, fewer fields kept
    }

    /// The latest modification time among the files, or nil when none exists. (A monthly file
    /// removed changes the fingerprint but leaves no time behind.)
    public var lastChange: Date? {
        let latest = files.filter(\.exists).map(\.modified).max()
        return latest.map { Date(timeIntervalSince1970: Double($0) / 1_000_000_000) }
    }
}

extension DatasetLoader {
    /// The files changed while a load read them: the load's result may mix old and new
    /// contents, so it is not used. Try again a moment later.
    public struct ChangedDuringLoad: Error, CustomStringConvertible, Sendable {
        /// The dataset folder.
        public var directory: String
        public var description: String { "\(directory): files changed while they were read; not used" }
    }

    /// Loads the dataset in `directory` as `load(directory:)` does, and makes sure no file
    /// changed while it was read: the fingerprint taken before the load must equal the one
    /// taken after. What a running dashboard uses to reload.
    ///
    /// - Returns: the dataset, its warnings, and the fingerprint of the files it was read from.
    /// - Throws: `ChangedDuringLoad` when a file changed meanwhile (whether or not the load
    ///   succeeded: a failure may be a file caught half-written); else `LoadFailure` (as `load`).
    public static func loadUnchanged(directory: String) throws -> (dataset: Dataset, warnings: [LoadIssue],
        fingerprint: DatasetFingerprint) {
        let before = DatasetFingerprint(directory: directory)
        let loaded: (dataset: Dataset, warnings: [LoadIssue])
        do {
            loaded = try load(directory: directory)
        } catch {
            if DatasetFingerprint(directory: directory) != before { throw ChangedDuringLoad(directory: directory) }
            throw error
        }
        guard DatasetFingerprint(directory: directory) == before else { throw ChangedDuringLoad(directory: directory) }
        return (loaded.dataset, loaded.warnings, before)
    }
}
