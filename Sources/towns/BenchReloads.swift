import CTownsMemory
import Foundation
import TownsBench
import TownsCore
import TownsUI

/// `towns bench`'s live reloads (issue 17: 20 reloads at 10,000 x 60 leave RSS within 10 MiB of
/// where it started), run as the dashboard runs them: the data shown first read from the snapshot
/// on this thread with a frame drawn, then each reload read on a reload thread of its own
/// (`BackgroundJob`, `SnapshotFiles.loadThroughChild`), applied by `update` (`.dataReloaded`, the
/// state's caches of the old data dropped with it), a frame drawn, and the freed heap given back
/// (`towns_release_free_heap`) as the dashboard gives it back after a reload.
extension BenchCommand {
    /// `reloads` live reloads of `directory` (whose snapshot is in `store`), with this process's
    /// RSS (VmRSS) before them, after the first and after the last. `throughChild`: each reload
    /// writes the snapshot in a child first (`towns snapshot`, minutes at 10,000 x 60), as the
    /// dashboard's do; false reads the snapshot as it stands (the dashboard's side of a reload
    /// only: a measuring aid, `TOWNS_RELOAD_CHILD=0`).
    static func reloadMemory(_ directory: String, store: SnapshotStore, reloads: Int, throughChild: Bool,
                             report: BenchReport) throws {
        // The first data is held by the state only (as the dashboard holds it), so that a reload frees it.
        var state = try { () throws -> AppState in
            let first = try store.open(directory: directory)
            return AppState(facts: Facts(dataset: first.dataset, derived: first.derived))
        }()
        let renderer = Renderer(theme: .monochrome)
        _ = renderer.render(state)
        _ = towns_release_free_heap()  // as the dashboard does after its load
        let before = residentKiB()
        var afterFirst: Int?
        var times = Samples()
        let job = BackgroundJob<Result<DatasetWatcher.Loaded, any Error>>(label: "towns.reload", qos: .userInitiated)
        for i in 0..<reloads {
            let (loaded, t) = timed { () -> Result<DatasetWatcher.Loaded, any Error> in
                job.start {
                    Result {
                        try throughChild ? SnapshotFiles.loadThroughChild(directory)
                            : SnapshotFiles.loadSnapshot(directory, store: store)
                    }
                }
                while true {
                    if let done = job.take() { return done }
                    usleep(20_000)
                }
            }
            let new = try loaded.get()
            times.add(t)
            state = update(state, .dataReloaded(Facts(dataset: new.dataset, derived: new.derived),
                                                changedAt: nil, warnings: new.warnings.count))
            _ = renderer.render(state)
            if ProcessInfo.processInfo.environment["TOWNS_RELOAD_TRIM"] != "0" { _ = towns_release_free_heap() }
            if i == 0 { afterFirst = residentKiB() }
        }
        report.samples("reload" + (throughChild ? " through the child" : " (snapshot read again)"), times,
                       note: throughChild ? "towns snapshot in a child, then the snapshot read on a reload thread"
                           : "the snapshot read on a reload thread, no child (TOWNS_RELOAD_CHILD=0)")
        guard let before, let after = residentKiB() else { return }
        let grown = Double(after - before) / 1024
        let mib = { (kib: Int) in BenchReport.number(Double(kib) / 1024) }
        report.value(
            "RSS after \(reloads) reloads", grown, "MiB",
            note: BenchReport.verdict(grown, target: 10, unit: "MiB")
                + "; this process's VmRSS: \(mib(before)) MiB before, "
                + (afterFirst.map { "\(mib($0)) after the first, " } ?? "") + "\(mib(after)) MiB after")
    }

    /// A measuring aid: `TOWNS_RELOAD_ONLY=DIR towns bench --reloads N` prints only the reloads'
    /// lines (`reloadMemory`) on DIR's snapshot in the dashboard's cache (`TOWNS_CACHE`; written
    /// first by a child when it is not there or not this build's), so a change to a reload's
    /// memory is measured without a full run.
    func reloadOnly(_ dir: String, _ out: @escaping @Sendable (String) -> Void) throws {
        guard let store = SnapshotFiles.store() else { return out("no cache folder: set TOWNS_CACHE") }
        if (try? store.open(directory: dir)) == nil {
            let (status, write) = try timed { try SnapshotFiles.runChild(dir, wait: true) }
            guard status == 0 else { return out("towns snapshot exited \(status)") }
            out("snapshot written by a child in \(BenchReport.number(write.milliseconds)) ms")
        }
        try Self.reloadMemory(dir, store: store, reloads: reloads,
                              throughChild: ProcessInfo.processInfo.environment["TOWNS_RELOAD_CHILD"] != "0",
                              report: BenchReport(tag: "reload", write: out))
    }
}

extension SnapshotFiles {
    /// The snapshot of `directory` in `store` read as it stands, as a watcher's load (no child).
    /// - Throws: `SnapshotRejection` when it is not trusted.
    static func loadSnapshot(_ directory: String, store: SnapshotStore) throws -> DatasetWatcher.Loaded {
        let loaded = try store.open(directory: directory)
        return DatasetWatcher.Loaded(dataset: loaded.dataset, warnings: loaded.warnings,
                                     fingerprint: loaded.fingerprint, derived: loaded.derived)
    }
}
