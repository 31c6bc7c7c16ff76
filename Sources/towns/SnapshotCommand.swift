import ArgumentParser
import Foundation
import Synchronization
import TownsCore
import TownsUI

/// `towns snapshot`: reads the dataset's text and writes its snapshot (a binary form, checked
/// and keyed by the files' contents) to the cache folder. The dashboard runs it in a child
/// process when its snapshot is missing or stale, so the TOML parser's memory never lands in
/// the dashboard's heap.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write the dataset's snapshot to the cache (the dashboard does this itself when needed).",
        discussion: """
            The text in the dataset folder stays the source of truth: the snapshot is derived from it, \
            keyed by a fingerprint of the files' contents, written to $TOWNS_CACHE, else \
            $XDG_CACHE_HOME/towns/snapshots, else ~/.cache/towns/snapshots (never into the dataset \
            folder), and ignored whenever it does not match the files. TOWNS_SNAPSHOT=0 turns snapshots off.

            One towns writes a dataset's snapshot at a time (a lock file beside it in the cache folder): \
            a second waits for the first, or with --if-idle does nothing.

            Exit status: 0 written (or, with --if-idle, left to the towns writing it); 3 the data loaded but the snapshot could not be written (the cache \
            folder read-only, the disk full); a dataset with errors exits as towns check does.
            """)

    @OptionGroup var data: DataOptions
    /// `towns` itself, whose `--lang`, `--ascii`, `--themes`, `--theme` this command refuses.
    @ParentCommand var root: Towns
    func validate() throws { try root.display.refuse(for: "snapshot") }
    @Flag(name: .long, help: "Print where the snapshot went and how long it took.")
    var verbose = false
    @Flag(name: .customLong("if-idle"),
          help: "Do nothing (exit 0) when another towns is writing this snapshot already (the dashboard's background rebuild).")
    var ifIdle = false

    func run() throws {
        let directory = try data.directory()
        guard let store = SnapshotFiles.store() else {
            printError("towns: " + refusal("没有缓存文件夹（请设 XDG_CACHE_HOME 或 HOME）；未写快照",
                                           "no cache folder (set XDG_CACHE_HOME or HOME); no snapshot written"))
            throw ExitCode(3)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            if ifIdle {
                guard try store.writeUnlessBusy(directory: directory, derive: AppState.derivedTables) else {
                    if verbose {
                        printOut(refusal("另一个 towns 正在写这份快照；未再写", "another towns is writing this snapshot; not written again"))
                    }
                    return
                }
            } else {
                try store.write(directory: directory, derive: AppState.derivedTables)
            }
        } catch let failure as SnapshotStore.WriteFailure {
            // Named with the variable that chose the folder, in the interface's language.
            let named = ProcessInfo.processInfo.environment["TOWNS_CACHE"].map { $0.isEmpty ? "" : " (TOWNS_CACHE)" } ?? ""
            printError("towns: " + refusal(failure.chinese, failure.description) + named)
            throw ExitCode(3)
        } catch {
            _ = try loadDataset(directory)  // prints the errors, exits with the first one's code
            throw error
        }
        if verbose {
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            printOut("\(store.path(for: directory)) written in \(Int(ms)) ms")
        }
    }
}

/// The dashboard's way to its data: the snapshot when it matches the text, else the text
/// (and a snapshot rebuilt by a child process in the background).
enum SnapshotFiles {
    /// The snapshot store, or nil when snapshots are off (TOWNS_SNAPSHOT=0) or there is no
    /// cache folder.
    static func store(environment: [String: String] = ProcessInfo.processInfo.environment) -> SnapshotStore? {
        if environment["TOWNS_SNAPSHOT"] == "0" { return nil }
        let folder = environment["TOWNS_CACHE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? SnapshotStore.defaultFolder(environment: environment)
        return folder.map { SnapshotStore(folder: $0, producer: producer) }
    }

    /// This build of towns: its executable's size, modification time and inode (a rebuilt or
    /// reinstalled towns does not trust the snapshots of the one before).
    static let producer: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown build" }
        return "towns \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }()

    /// The dataset for the dashboard, the fingerprint of the files it shows, the tables
    /// derived from it when it comes from a snapshot (`DerivedTables`), the load's
    /// warnings worded in Chinese (`chinese`) or English, sanitized (the dashboard shows them
    /// on its first frame: wave 31), and why the text was read rather than the snapshot (nil:
    /// the snapshot was used), which is also reported to `notice` (the start notice's words).
    /// Warnings are also printed as `loadDataset` prints them; a dataset with errors exits as it does.
    static func loadForDashboard(_ directory: String, chinese: Bool = false, notice: SlowStartNotice? = nil) throws
        -> (dataset: Dataset, fingerprint: DatasetFingerprint, derived: DerivedTables?, warnings: [String],
            textCause: SlowStartNotice.Cause?)
    {
        let cause: SlowStartNotice.Cause
        if let store = store() {
            do throws(SnapshotRejection) {
                let loaded = try store.open(directory: directory)
                for w in loaded.warnings { printErrorAtWords(TerminalText.sanitize(w.description(chinese: chinese))) }
                return (loaded.dataset, loaded.fingerprint, loaded.derived,
                        onScreen(loaded.warnings, directory: directory, chinese: chinese), nil)
            } catch {
                cause = .refused(error)
            }
        } else {
            cause = ProcessInfo.processInfo.environment["TOWNS_SNAPSHOT"] == "0" ? .snapshotsOff : .noCacheFolder
        }
        notice?.reading(cause)
        // Taken before the load: a change during the load shows as a change at the first poll.
        let fingerprint = DatasetFingerprint(directory: directory)
        let (dataset, warnings) = try loadDatasetAndWarnings(directory, chinese: chinese)
        rebuildInBackground(directory)
        return (dataset, fingerprint, nil, onScreen(warnings, directory: directory, chinese: chinese), cause)
    }

    /// Load warnings as the dashboard's status line shows them: each file named within the data
    /// folder (`figures.toml:3: …`, as the town pages name their sources), so a long folder's
    /// path does not fill the line before the problem; sanitized.
    static func onScreen(_ warnings: [LoadIssue], directory: String, chinese: Bool) -> [String] {
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        return warnings.map { warning in
            var shown = warning
            if shown.file.hasPrefix(folder) { shown.file.removeFirst(folder.count) }
            return TerminalText.sanitize(shown.description(chinese: chinese))
        }
    }

    /// Starts `towns snapshot --data DIR --if-idle` and does not wait for it; its output is
    /// discarded (a failure only means the next start reads the text again). While one such
    /// rebuild runs, another start's does nothing (`SnapshotStore.writeUnlessBusy`).
    static func rebuildInBackground(_ directory: String) {
        guard store() != nil else { return }
        _ = try? runChild(directory, wait: false, ifIdle: true) { status in
            // Written (0), left to another towns (0), or not: a failure is kept for the dashboard.
            guard status != 0 else { return }
            rebuildFailure.withLock { $0 = (status, "towns snapshot --data \(TerminalText.sanitize(directory))") }
        }
    }

    /// The exit status of the last background rebuild that failed, and the command that says
    /// why, until the dashboard takes it (`takeRebuildFailure`) to say so.
    private static let rebuildFailure = Mutex<(status: Int32, command: String)?>(nil)

    /// The last background rebuild's failure (its exit status, the command that says why), once:
    /// nil when none failed since the last call.
    static func takeRebuildFailure() -> (status: Int32, command: String)? {
        rebuildFailure.withLock { failure in
            defer { failure = nil }
            return failure
        }
    }

    /// Runs `towns snapshot` for `directory` in a child process (`--if-idle` when `ifIdle`).
    /// - Returns: the child's exit status when `wait`, else 0 once started.
    @discardableResult
    /// `exited`: given the child's exit status when it ends (not waited for: on another thread).
    static func runChild(_ directory: String, wait: Bool, ifIdle: Bool = false,
                         exited: (@Sendable (Int32) -> Void)? = nil) throws -> Int32 {
        let child = Process()
        if let exited { child.terminationHandler = { exited($0.terminationStatus) } }
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = ["snapshot", "--data", directory] + (ifIdle ? ["--if-idle"] : [])
        child.standardInput = FileHandle.nullDevice
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        guard wait else { return 0 }
        child.waitUntilExit()
        return child.terminationStatus
    }

    /// A reload for the watcher: the text read and checked in a child process that writes the
    /// snapshot, then the snapshot read here with the tables the child derived (`DerivedTables`,
    /// so the dashboard derives none of them again). When the child fails or the snapshot does
    /// not match (the data has errors, the cache cannot be written), the text is read here, so
    /// errors are named exactly as `DatasetLoader` names them.
    @Sendable
    static func loadThroughChild(_ directory: String) throws -> DatasetWatcher.Loaded {
        guard let store = store() else { return try DatasetWatcher.loadText(directory) }
        return try store.reload(directory: directory) { (try? runChild(directory, wait: true)) == 0 }
    }
}
