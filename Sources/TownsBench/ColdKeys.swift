import Foundation
import TownsCore
import TownsUI

/// The CPU time `clock` (`CLOCK_THREAD_CPUTIME_ID`, `CLOCK_PROCESS_CPUTIME_ID`) has counted, in ms:
/// a cold key's CPU, which a loaded machine's other work does not lengthen as it does the wall time.
func cpuMilliseconds(_ clock: clockid_t) -> Double {
    var t = timespec()
    clock_gettime(clock, &t)
    return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
}

extension InProcessBench {
    /// Cold keys (issue 17 point 3): each key pressed once on a fresh state of the towns view,
    /// its first frame drawn and nothing else worked out (no warm-up, new facts: no pinyin,
    /// no period table kept), as a key pressed within a second of the start. Each is timed
    /// `runs` times, every time from new facts; printed as the median and the slowest, with
    /// the update and render of the median run. `label` starts each line. With `derived` nil,
    /// the same dataset without the snapshot's stored tables (every key works them out). `only`: just
    /// the keys whose label contains it (a measuring aid: `towns bench` with `TOWNS_COLD_ONLY`).
    public func coldKeys(_ data: Dataset, derived: DerivedTables?, label: String, report: BenchReport,
                         keyTarget: Double, runs: Int = 3, only: String? = nil) {
        func fresh(_ kind: Screen.Kind) -> AppState {
            var state = AppState(facts: Facts(dataset: data, derived: derived), width: 80, height: 24)
            if kind != state.screen.kind { state.stack = [Screen(kind)] }
            _ = renderer.render(state)
            return state
        }
        func cold(_ key: String, from kind: Screen.Kind = .townList, prepare: (AppState) -> AppState = { $0 },
                  _ action: Action) {
            if let only, !key.contains(only) { return }
            var total = Samples(), parts: [(Double, Double)] = [], cpu: [(thread: Double, process: Double)] = []
            for _ in 0..<max(1, runs) {
                let state = prepare(fresh(kind))
                let before = (thread: cpuMilliseconds(CLOCK_THREAD_CPUTIME_ID),
                              process: cpuMilliseconds(CLOCK_PROCESS_CPUTIME_ID))
                let (next, ut) = timed { update(state, action) }
                let (_, rt) = timed { renderer.render(next) }
                cpu.append((cpuMilliseconds(CLOCK_THREAD_CPUTIME_ID) - before.thread,
                            cpuMilliseconds(CLOCK_PROCESS_CPUTIME_ID) - before.process))
                // Both states (and their facts and memo) outlive the timing: the dashboard keeps
                // them across a key, and their teardown (a fifth of a cold key at 10,000 towns)
                // is no part of one.
                withExtendedLifetime((state, next)) {}
                total.add(ut + rt)
                parts.append((ut.milliseconds, rt.milliseconds))
            }
            let median = parts.sorted { $0.0 + $0.1 < $1.0 + $1.1 }[parts.count / 2]
            let thread = cpu.map(\.thread).sorted()[cpu.count / 2], process = cpu.map(\.process).sorted()[cpu.count / 2]
            report.samples(label + " " + key, total,
                           note: "update \(BenchReport.number(median.0)) + render \(BenchReport.number(median.1)); "
                               + "CPU median \(BenchReport.number(thread)) ms its thread, "
                               + "\(BenchReport.number(process)) ms every thread; "
                               + BenchReport.verdict(total.maxMS, target: keyTarget, unit: "ms"))
        }
        // The towns' records decoded, as the dashboard's warm-up does first after the first frame
        // (`AppState.warm`, `towns`): a key a person presses finds them so. Without this, the first
        // key to need every town (whichever came first in this list) paid their decode (~5 ms on
        // both cores at 10,000 towns) and the others did not (wave 41).
        _ = data.towns
        cold("period (])", .nextPeriod)
        cold("period ([)", .previousPeriod)
        for (n, kind, name) in [(2, Screen.Kind.typeList, "types"), (3, .entityList, "entities"),
            (4, .assessment, "assessment"), (5, .province, "province"), (8, .changes, "changes")] {
            cold("first visit view \(n) \(name)", .showView(kind))
        }
        cold("first visit view 1 towns", from: .overview, .showView(.townList))
        cold("first visit view 0 overview", .showView(.overview))
        cold("first visit view 7 reference", .showView(.reference))
        // Enter on a town (its page): the first row of the towns view, and a row half-way down
        // (the page of a town no warm-up or first frame has touched).
        cold("open town page (Enter) first row", .open)
        cold("open town page (Enter) middle row", prepare: { state in
            var s = state
            s.screen = s.selecting(s.screen, row: data.towns.count / 2)
            return s
        }, .open)
        cold("open town page (Enter) from types", from: .townsOfType(1), .open)
        cold("filter (b)", .toggleBehindFilter)
        cold("filter (:filter type 2)", .runCommand("filter type 2"))
        cold("search keystroke", prepare: { update($0, .startSearch) }, .searchKey(.char("h")))
        cold("narrow keystroke (&)", prepare: { update($0, .startNarrowing) }, .searchKey(.char("h")))
        let columns = fresh(.townList).sortableColumns(.townList)
        for (n, column) in columns.enumerated() where n < SortChooser.keys.count {
            cold("sort column \(n + 1) \(column.title)", prepare: { update($0, .chooseSort(descending: false)) },
                 .sortChooserKey(.char(SortChooser.keys[n])))
        }
    }
}
