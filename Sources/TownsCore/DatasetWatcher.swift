import Foundation

/// Watches a dataset folder for a running dashboard: each `poll` compares the files'
/// fingerprint (`DatasetFingerprint`) with that of the data shown and, when they differ,
/// loads the dataset (`DatasetLoader.loadUnchanged`). Files that fail to load are not tried
/// again until they change once more.
///
/// Cheap when nothing changed: a `stat` a file and one directory listing.
public struct DatasetWatcher: Sendable {
    /// What a poll found.
    public enum Change: Sendable {
        /// The files are as they were when the data shown was read.
        case unchanged
        /// The files changed but there is nothing new: they changed again while being read
        /// (try at the next poll), or they are the ones that failed last time.
        case pending
        /// The files changed and loaded: the new dataset, its warnings, and when its files
        /// last changed.
        case reloaded(Dataset, warnings: [LoadIssue], lastChange: Date?)
        /// The files changed and do not load (a file caught half-written, a bad edit): keep
        /// showing the last good data.
        case failed(LoadFailure)
    }

    /// The dataset folder.
    public let directory: String
    /// The files as they were when the data shown was read.
    public private(set) var shown: DatasetFingerprint
    /// The files as they were when a load last failed.
    private var failed: DatasetFingerprint?

    /// Watches `directory`, whose data shown was read from files with `fingerprint` (take
    /// it before that load, so that a change during the load is seen at the first poll).
    public init(directory: String, fingerprint: DatasetFingerprint) {
        self.directory = directory
        shown = fingerprint
    }

    /// Looks at the files once, and loads them when they changed.
    public mutating func poll() -> Change {
        let now = DatasetFingerprint(directory: directory)
        if now == shown { failed = nil; return .unchanged }
        if now == failed { return .pending }
        do {
            let loaded = try DatasetLoader.loadUnchanged(directory: directory)
            shown = loaded.fingerprint
            failed = nil
            return .reloaded(loaded.dataset, warnings: loaded.warnings, lastChange: loaded.fingerprint.lastChange)
        } catch is DatasetLoader.ChangedDuringLoad {
            return .pending
        } catch let failure as LoadFailure {
            failed = now
            return .failed(failure)
        } catch {
            failed = now
            return .failed(LoadFailure(issues: [LoadIssue(.error, .unreadable, file: directory, problem: "\(error)")]))
        }
    }
}
