import Foundation

/// Watches a dataset folder for a running dashboard: each `poll` compares the files'
/// fingerprint (`DatasetFingerprint`) with that of the data shown and, when they differ,
/// loads the dataset (`DatasetLoader.loadUnchanged`). Files that fail to load are not tried
/// again until they change once more.
///
/// Whole datasets or none: a change is loaded only when the files have stopped changing (the
/// same sizes, times and inodes at two looks `settle` apart), and the load must not see them
/// change either. A file that shrank and lost records the data shown had (a writer caught
/// between truncating and writing, `head -c 3000 full > figures.toml`) still loads when it is
/// valid TOML, but the reload's warnings begin with one naming what went missing
/// (`lostRecordsField`), which the dashboard shows instead of "data reloaded".
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
        /// The files changed and loaded: the new dataset, its warnings, when its files last
        /// changed, and the tables derived from it when it was read from its snapshot
        /// (`DerivedTables`, nil when read from the text: the dashboard derives them).
        case reloaded(Dataset, warnings: [LoadIssue], lastChange: Date?, derived: DerivedTables? = nil)
        /// The files changed and do not load (a file caught half-written, a bad edit): keep
        /// showing the last good data.
        case failed(LoadFailure)
    }

    /// The dataset folder.
    public let directory: String
    /// The files as they were when the data shown was read.
    public private(set) var shown: DatasetFingerprint
    /// When the data shown was loaded: given at start-up, set when a change loads (`poll`). What
    /// the dashboard shows as `数据载入 14:02:11`: not a file's modification time, which after a
    /// file is removed names an older file's time, not when the data shown changed.
    public private(set) var loadedAt: Date
    /// The files as they were when a load last failed.
    private var failed: DatasetFingerprint?
    /// The data shown (to name the records a shrunk file lost), when given.
    private var shownDataset: Dataset?
    /// How long the files must stay unchanged before a change is loaded: the second look at
    /// them is this long after the first (on the polling thread).
    public var settle: Duration = .milliseconds(300)
    /// How a change is read: `DatasetLoader.loadUnchanged` unless set (the dashboard reads
    /// through a child process and the snapshot, keeping the parser's memory out of its heap,
    /// with the tables the child derived, `DerivedTables`).
    public var load: @Sendable (String) throws -> Loaded = DatasetWatcher.loadText

    /// `directory` read from its text (`DatasetLoader.loadUnchanged`), with no derived tables.
    /// - Throws: what `loadUnchanged` throws.
    @Sendable
    public static func loadText(_ directory: String) throws -> Loaded {
        let loaded = try DatasetLoader.loadUnchanged(directory: directory)
        return Loaded(dataset: loaded.dataset, warnings: loaded.warnings, fingerprint: loaded.fingerprint)
    }

    /// What `load` gives: the dataset, its warnings, the files' stat fingerprint taken before
    /// their contents were read, and the tables derived from the dataset when it was read from
    /// its snapshot (nil: from the text).
    public struct Loaded: Sendable {
        public var dataset: Dataset
        public var warnings: [LoadIssue]
        public var fingerprint: DatasetFingerprint
        public var derived: DerivedTables?

        public init(dataset: Dataset, warnings: [LoadIssue], fingerprint: DatasetFingerprint,
                    derived: DerivedTables? = nil) {
            self.dataset = dataset
            self.warnings = warnings
            self.fingerprint = fingerprint
            self.derived = derived
        }
    }

    /// The `field` of the warning that names records lost by a file that shrank.
    public static let lostRecordsField = "(records lost)"
    /// The field of the warning `removedFiles` gives (optional files gone at a reload).
    public static let removedFilesField = "(files removed)"

    /// Watches `directory`, whose data shown (`dataset`, when given: a reload then names the
    /// records a shrunk file lost) was read from files with `fingerprint` (take it before that
    /// load, so that a change during the load is seen at the first poll).
    public init(directory: String, fingerprint: DatasetFingerprint, dataset: Dataset? = nil,
                loadedAt: Date = Date()) {
        self.directory = directory
        self.loadedAt = loadedAt
        shown = fingerprint
        shownDataset = dataset
    }

    /// Looks at the files, and loads them when they changed and then stayed as they were for
    /// `settle` (else `.pending`: the next poll looks again).
    public mutating func poll() -> Change {
        let now = DatasetFingerprint(directory: directory)
        if now == shown { failed = nil; return .unchanged }
        if now == failed { return .pending }
        if settle > .zero {
            let (seconds, attoseconds) = settle.components
            Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
            guard DatasetFingerprint(directory: directory) == now else { return .pending }
        }
        do {
            let loaded = try load(directory)
            var warnings = loaded.warnings
            if let old = shownDataset,
               let lost = DatasetWatcher.lostRecords(from: old, to: loaded.dataset,
                                                     before: shown, after: loaded.fingerprint) {
                warnings.insert(lost, at: 0)
            }
            if shownDataset != nil, let removed = DatasetWatcher.removedFiles(before: shown, after: loaded.fingerprint,
                                                                             directory: directory) {
                warnings.insert(removed, at: 0)
            }
            shown = loaded.fingerprint
            shownDataset = loaded.dataset
            failed = nil
            loadedAt = Date()
            return .reloaded(loaded.dataset, warnings: warnings, lastChange: loaded.fingerprint.lastChange,
                             derived: loaded.derived)
        } catch is DatasetLoader.ChangedDuringLoad {
            return .pending
        } catch let failure as LoadFailure {
            failed = now
            return .failed(failure)
        } catch {
            failed = now
            return .failed(LoadFailure(issues: [LoadIssue(.error, .unreadable, file: directory,
                                                          .value(.unexpected("\(error)")))]))
        }
    }

    /// A warning naming the optional data files (not the monthly ones: the period they held
    /// going is said as such) that were there in `before` and are gone in `after`; nil when none.
    /// A required file gone fails the load instead.
    static func removedFiles(before: DatasetFingerprint, after: DatasetFingerprint, directory: String) -> LoadIssue? {
        let there = Set(after.files.filter(\.exists).map(\.name))
        let removed = before.files.filter { $0.exists && !there.contains($0.name)
            && !$0.name.hasPrefix(DatasetLoader.monthlyFolderName + "/") }.map(\.name)
        guard let first = removed.first else { return nil }
        return LoadIssue(.warning, .missing, file: (directory as NSString).appendingPathComponent(first),
                         field: removedFilesField, .filesRemoved(removed))
    }

    /// A warning naming the towns, figures and totals that `old` had from a file that is
    /// smaller in `after` than in `before` and that `new` lacks; nil when none was lost. (A
    /// file removed, such as a monthly file taken out, is a deliberate change and not counted.)
    static func lostRecords(from old: Dataset, to new: Dataset, before: DatasetFingerprint,
                            after: DatasetFingerprint) -> LoadIssue? {
        let sizesAfter = Dictionary(after.files.filter(\.exists).map { ($0.name, $0.size) },
                                    uniquingKeysWith: { a, _ in a })
        let shrunk = before.files.filter { file in
            file.exists && (sizesAfter[file.name].map { $0 < file.size } ?? false)
        }
        guard !shrunk.isEmpty else { return nil }
        let paths = Set(shrunk.map { (old.directory as NSString).appendingPathComponent($0.name) })
        func fromShrunk(_ origin: SourceLocation?) -> Bool { origin.map { paths.contains($0.file) } ?? false }
        var lost: [String] = []
        let newTowns = Dictionary(new.towns.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for town in old.towns {
            guard let now = newTowns[town.id] else {
                if fromShrunk(town.origin) { lost.append("town \(town.id)") }
                continue
            }
            for (key, figure) in town.figures where now.figures[key] == nil && fromShrunk(figure.origin) {
                lost.append("\(town.id) \(key)")
            }
        }
        for (key, figure) in old.totals where new.totals[key] == nil && fromShrunk(figure.origin) {
            lost.append("total \(key)")
        }
        guard !lost.isEmpty else { return nil }
        lost.sort()
        let files = shrunk.map { "\($0.name) (\($0.size) -> \(sizesAfter[$0.name] ?? 0) bytes)" }
            .joined(separator: ", ")
        return LoadIssue(.warning, .missing, file: (old.directory as NSString).appendingPathComponent(shrunk[0].name),
                         field: lostRecordsField, .recordsLost(records: lost, files: files))
    }
}
