import TownsCore
import TownsUI

/// The dashboard's own work, timed in this process without a terminal: loading a dataset,
/// the first frame (state + render), each key (update + render of the next frame) and
/// rendering alone at two sizes.
public struct InProcessBench: Sendable {
    /// Most runs of each timing, and how long to keep repeating one (at least 3 runs).
    public var iterations: Int
    public var budget: Duration
    public var loadIterations: Int
    public var renderer: Renderer

    public init(iterations: Int, budget: Duration, loadIterations: Int,
        renderer: Renderer = Renderer(theme: .monochrome)) {
        self.iterations = iterations
        self.budget = budget
        self.loadIterations = loadIterations
        self.renderer = renderer
    }

    /// What the summary and the targets need.
    public struct Result: Sendable {
        public var dataset: Dataset
        public var loadMS: Double
        public var firstFrameMS: Double
        /// The slowest key's median (update + render), in ms, and its label.
        public var slowestKey: (label: String, ms: Double)
    }

    /// Runs every timing on the dataset in `directory` and prints it to `report`. With
    /// `snapshotFolder`, the dataset's snapshot is written there and read back (timed), and the
    /// first frame and keys are timed on the dataset read from it, as the dashboard starts:
    /// its figures read from the snapshot when asked.
    public func run(directory: String, report: BenchReport, firstFrameTarget: Double,
        keyTarget: Double, snapshotFolder: String? = nil) throws -> Result {
        var dataset: Dataset?
        var derived: DerivedTables?
        let load = try Samples.collect(iterations: loadIterations, budget: .seconds(10), minimum: 1) { _ in
            dataset = try DatasetLoader.load(directory: directory).dataset
        }
        var data = dataset!
        report.line("[\(report.tag)] \(data.towns.count) towns, \(data.periods.count) periods, " +
            "\(data.entities.count) entities"
                    + (data.synthetic ? " (synthetic)" : ""))
        report.samples("load", load)
        if let snapshotFolder {
            let store = SnapshotStore(folder: snapshotFolder, producer: "towns bench, in process")
            let (_, write) = try timed { try store.write(directory: directory, derive: AppState.derivedTables) }
            // The views' tables (format 8) alone, on the dataset read from the text: what they add to a write.
            let (_, views) = timed { _ = AppState.derivedViews(AppState(dataset: data)) }
            report.milliseconds("in-process snapshot write", write.milliseconds,
                                note: "read and check the text, derive the tables (AppState.derivedTables), write; "
                                    + "of which the views' tables about \(BenchReport.number(views.milliseconds)) ms "
                                    + "(AppState.derivedViews, timed alone)")
            let snapshot = try Samples.collect(iterations: loadIterations, budget: .seconds(10), minimum: 1) { _ in
                let loaded = try store.open(directory: directory)
                dataset = loaded.dataset
                derived = loaded.derived
            }
            report.samples("in-process snapshot load", snapshot,
                           note: "the first frame and keys below are timed on this dataset, as the dashboard's")
            data = dataset!
        }

        // First frame: the state the dashboard starts with, and its first render.
        var stateTimes = Samples(), renderTimes = Samples()
        let first = Samples.collect(iterations: max(3, iterations / 10), budget: budget) { _ in
            let (state, st) = timed { AppState(facts: Facts(dataset: data, derived: derived), width: 80, height: 24) }
            let (_, rt) = timed { renderer.render(state) }
            stateTimes.add(st)
            renderTimes.add(rt)
        }
        report.samples("first frame 80x24", first,
                       note: "state \(BenchReport.number(stateTimes.medianMS)) + render " +
                           "\(BenchReport.number(renderTimes.medianMS)); "
                             + BenchReport.verdict(first.medianMS, target: firstFrameTarget, unit: "ms"))
        // Cold keys start from new facts each time (the overview's checks, a view's first list):
        // too slow for --short's few runs (CI, a debug build), so only in a full run.
        if iterations >= 20 {
            if derived != nil {
                coldKeys(data, derived: nil, label: "cold, nothing stored:", report: report, keyTarget: keyTarget)
            }
            coldKeys(data, derived: derived, label: "cold", report: report, keyTarget: keyTarget)
        }

        // Keys are timed on the towns view, the list they were chosen for (the first frame above
        // is the overview, as the dashboard opens).
        var start = AppState(facts: Facts(dataset: data, derived: derived), width: 80, height: 24)
        start.stack = [Screen(.townList)]
        _ = renderer.render(start)
        var slowest: (String, Double) = ("", 0)
        func key(_ label: String, from initial: AppState, reset: ((AppState) -> AppState)? = nil,
            _ action: (Int) -> Action) {
            var state = initial
            var updates = Samples(), renders = Samples(), s = Samples()
            // A key's time is its update and render; `reset` (between presses) is not timed.
            _ = Samples.collect(iterations: iterations, budget: budget) { i in
                let (next, ut) = timed { update(state, action(i)) }
                let (_, rt) = timed { renderer.render(next) }
                updates.add(ut)
                renders.add(rt)
                s.add(ut + rt)
                state = reset?(next) ?? next
            }
            if s.medianMS > slowest.1 { slowest = (label, s.medianMS) }
            report.samples("key " + label, s,
                note: "first press \(BenchReport.number(s.firstMS)); update \(BenchReport.number(updates.medianMS)) " +
                    "+ render \(BenchReport.number(renders.medianMS)); "
                           + BenchReport.verdict(s.medianMS, target: keyTarget,
                               unit: "ms") + (s.maxMS > keyTarget ? " (max above)" : ""))
        }
        key("move (↓)", from: start) { _ in .moveDown }
        key("page (PgDn)", from: start) { _ in .pageDown }
        key("end (End)", from: start) { i in i % 2 == 0 ? .last : .first }
        key("open (Enter)", from: start, reset: { update($0, .back) }) { _ in .open }
        key("back (Esc)", from: update(start, .open), reset: { update($0, .open) }) { _ in .back }
        key("period (])", from: start) { _ in .nextPeriod }
        // The dashboard warms up (AppState.warm) on the other core after each frame, while it
        // waits for a key: the same keys with the warm-up done between presses (untimed).
        let warmed = Samples.collect(iterations: 1, budget: budget) { _ in start.warm() }
        report.samples("warm-up after first frame", warmed,
                       note: "on the other core while the first frame is read: "
                             + "neighbouring periods, pinyin, search text"
                             + (start.warmSkipped.isEmpty ? "" : "; left out: "
                                 + start.warmSkipped.sorted().joined(separator: ",")
                                 + " (AppState.warmSkipped: TOWNS_WARM_SKIP, else nothing from a snapshot)"))
        key("period (]) after warm-up", from: start, reset: { s in s.warm(); return s }) { _ in .nextPeriod }
        for (n, kind, name) in [(2, Screen.Kind.typeList, "types"), (3, .entityList, "entities"),
            (4, .assessment, "assessment"), (5, .province, "province")] {
            key("view \(n) \(name)", from: start, reset: { update($0, .showView(.townList)) }) { _ in .showView(kind) }
        }
        key("view 1 towns", from: update(start, .showView(.typeList)), reset: { update($0, .showView(.typeList)) }) {
            _ in .showView(.townList)
        }
        // The first visit of each view from the opening screen: with nothing worked out
        // (cold), and after the warm-up the dashboard runs once the first frame is drawn.
        for (n, kind, name) in [(2, Screen.Kind.typeList, "types"), (3, .entityList, "entities"),
            (4, .assessment, "assessment"), (5, .province, "province")] {
            var cold = Samples(), warm = Samples()
            for _ in 0..<max(1, min(3, iterations / 10)) {
                for warmed in [false, true] {
                    let fresh = AppState(facts: Facts(dataset: data, derived: derived), width: 80, height: 24)
                    _ = renderer.render(fresh)
                    if warmed { fresh.warm() }
                    let (_, t) = timed { renderer.render(update(fresh, .showView(kind))) }
                    if warmed { warm.add(t) } else { cold.add(t) }
                }
            }
            report.samples("first visit view \(n) \(name)", cold,
                           note: "cold; after warm-up \(BenchReport.number(warm.medianMS)) ms; "
                                 + BenchReport.verdict(warm.medianMS, target: keyTarget, unit: "ms"))
        }
        key("move in entities", from: update(start, .showView(.entityList))) { _ in .moveDown }
        key("move in assessment", from: update(start, .showView(.assessment))) { _ in .moveDown }
        // Sort cycles through the columns (s), filter toggles behind-schedule (b): after a
        // column's or filter's first press its list is kept, as in the dashboard.
        key("sort (s)", from: start) { _ in .sortNextColumn }
        key("sort reverse (S)", from: update(start, .sortNextColumn)) { _ in .sortReverse }
        key("filter (b)", from: start) { _ in .toggleBehindFilter }
        // One search keystroke: the query "h" typed into a fresh search, matched over every row.
        key("search keystroke", from: update(start, .startSearch), reset: { s in
            var t = s
            t.search = SearchState(query: "", editing: true)
            return t
        }) { _ in .searchKey(.char("h")) }
        let fresh = AppState(facts: Facts(dataset: data, derived: derived), width: 80, height: 24)
        _ = renderer.render(fresh)
        fresh.warm()
        key("sort (s) after warm-up", from: fresh, reset: { s in s.warm(); return s }) { _ in .sortNextColumn }
        key("search keystroke after warm-up", from: update(fresh, .startSearch), reset: { s in
            var t = s
            t.search = SearchState(query: "", editing: true)
            t.warm()
            return t
        }) { _ in .searchKey(.char("h")) }
        for (w, h) in [(80, 24), (240, 70)] {
            var state = start
            state = update(state, .resize(width: w, height: h))
            let s = Samples.collect(iterations: iterations, budget: budget) { _ in _ = renderer.render(state) }
            report.samples("render \(w)x\(h)", s)
        }
        return Result(dataset: data, loadMS: load.medianMS, firstFrameMS: first.medianMS, slowestKey: slowest)
    }
}
