import ArgumentParser
import Foundation
import TownsBench
import TownsCore
import TownsUI
import TownsSynthetic

/// `towns bench`: figures, not a timed test. The dashboard's own work in this process, then
/// the real binary through a pseudo-terminal (bytes written, time to first screen, peak
/// memory), on the bundled data and on a synthetic province-scale dataset; then VisiData on
/// the same towns as CSV, through the same pseudo-terminal, for comparison.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure load, first frame, keys, rendering, terminal bytes and memory; compare with VisiData.",
        discussion: """
            Prints one figure a line as `[dataset] label  value unit  note`. Build as for an \
            install first, `swift build -c release --static-swift-stdlib`: a debug build is several \
            times slower, and a build linked to the shared Swift libraries takes ~6 MiB more \
            memory. Keys are timed cold and after the warm-up the dashboard runs between keys. \
            --short uses \
            1,000 towns x 12 months and few runs (for CI). Targets (2 cores): first frame ≤ 30 ms \
            bundled and ≤ 300 ms at 10,000 x 60; each key ≤ 5 ms; peak memory ≤ 30 MiB bundled and \
            ≤ 150 MiB at 10,000 x 60.
            """)

    @OptionGroup var data: DataOptions
    /// `towns` itself, whose `--lang`, `--ascii`, `--themes`, `--theme` this command refuses.
    @ParentCommand var root: Towns
    @Flag(name: .long, help: "Small and quick: 1,000 towns x 12 months, few runs.")
    var short = false
    @Option(name: .long, help: "Towns in the synthetic dataset (default 10000; 1000 with --short).")
    var towns: Int?
    @Option(name: .long, help: "Monthly periods in the synthetic dataset (default 60; 12 with --short).")
    var months: Int?
    @Option(name: .long, help: "Seed of the synthetic dataset.")
    var seed: UInt64 = 1
    @Option(name: .long, help: "Most runs of each in-process timing (default 200; 10 with --short).")
    var iterations: Int?
    @Option(name: .long, help: ArgumentHelp(
        "Live reloads through the child to measure memory over (default 20; 0 skips them).",
        discussion: "Each reload is a whole snapshot write: minutes at 10,000 x 60."))
    var reloads: Int = 20
    @Flag(name: .long, help: "Skip the pseudo-terminal runs (of towns and of VisiData).")
    var noTerminal = false
    @Flag(name: .long, help: "Skip VisiData.")
    var noVisidata = false
    @Flag(name: .long, help: "Only the pseudo-terminal runs (and VisiData): no timings in this process.")
    var terminalOnly = false
    @Flag(name: .long, help: "Only the meeting figure: 50 followers in process, send to receipt.")
    var meeting = false

    func validate() throws {
        try root.display.refuse(for: "bench")
        try NumberBounds.check(towns, "--towns", NumberBounds.towns)
        try NumberBounds.check(months, "--months", NumberBounds.months)
        try NumberBounds.check(iterations, "--iterations", NumberBounds.iterations)
        try NumberBounds.check(reloads, "--reloads", NumberBounds.reloads)
    }

    func run() throws {
        // Each line written at once (FileHandle does not buffer), so a slow bench shows progress.
        let out: @Sendable (String) -> Void = { line in printOut(line) }
        let townCount = towns ?? (short ? 1000 : 10000)
        let monthCount = months ?? (short ? 12 : 60)
        let runs = iterations ?? (short ? 10 : 200)
        let budget: Duration = short ? .milliseconds(300) : .seconds(2)
        #if DEBUG
            let build = "debug build (figures are several times slower than release)"
        #else
            let build = "release build"
        #endif
        out(
            "towns bench: \(build), \(ProcessInfo.processInfo.activeProcessorCount) cores; times are medians;"
                + " key = update + render of the next frame"
        )
        // The generated data, the caches, VisiData's home and the meeting's socket, removed
        // however the bench ends (an error, Ctrl-C, SIGTERM, SIGHUP: it left 3.5 MB in /tmp for
        // each bench stopped).
        let scratch = try ScratchFolder(prefix: "towns-bench")
        defer { scratch.remove() }
        scratch.removeOnSignals()
        let work = scratch.path
        if meeting { return try meetingBench(out, work: work) }
        if let dir = ProcessInfo.processInfo.environment["TOWNS_COLD_ONLY"] { return try coldOnly(dir, out) }
        if let dir = ProcessInfo.processInfo.environment["TOWNS_RELOAD_ONLY"] { return try reloadOnly(dir, out) }
        let bench = InProcessBench(iterations: runs, budget: budget, loadIterations: short ? 2 : 5)
        let exe =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]

        // The bundled data.
        let bundledDir = try data.directory()
        let small = BenchReport(tag: "bundled", write: out)
        if !terminalOnly {
            _ = try bench.run(directory: bundledDir, report: small, firstFrameTarget: 30, keyTarget: 5,
                              snapshotFolder: work + "/cache-in-process")
        }
        if !noTerminal {
            let r = try townsThroughTerminal(exe, directory: bundledDir, work: work, report: small, rssTarget: 30)
            _ = r
        }

        // The synthetic dataset.
        let tag = "\(townCount)x\(monthCount)"
        let big = BenchReport(tag: tag, write: out)
        let dir = work + "/synthetic"
        let (_, genTime) = try timed {
            try SyntheticDataset(towns: townCount, months: monthCount, seed: seed)
                .write(to: dir, rules: GenerateCommand.bundledRules(data: data.data))
        }
        big.milliseconds(
            "generate", genTime.milliseconds,
            note: "towns generate --towns \(townCount) --months \(monthCount) --seed \(seed)")
        let atScale = townCount >= 10000 && monthCount >= 60
        let dataset = terminalOnly
            ? try DatasetLoader.load(directory: dir).dataset
            : try bench.run(directory: dir, report: big, firstFrameTarget: atScale ? 300 : 30, keyTarget: 5,
                            snapshotFolder: work + "/cache-in-process").dataset
        var townsRun: TerminalBench.Result?
        var opening: TerminalBench.Result?
        if !noTerminal {
            townsRun = try townsThroughTerminal(
                exe, directory: dir, work: work, report: big, rssTarget: atScale ? 150 : nil)
            opening = try townsDefaultView(exe, directory: dir, work: work, report: big)
        }
        // VisiData's one-period CSV, written before the starts so that its starts can be taken
        // among towns' (`defaultViewAgainstBundled`).
        let vd = noTerminal || noVisidata ? nil : try visidataStart(dataset, work: work)
        var medians: StartMedians?
        if !noTerminal {
            medians = try defaultViewAgainstBundled(
                exe, bundled: bundledDir, directory: dir, work: work, starts: short ? 1 : 4, visidata: vd,
                visidataStarts: short ? 1 : 2, report: big)
        }
        if !noTerminal && !noVisidata {
            try visidata(
                dataset, vd, townsRun: townsRun, work: work, report: BenchReport(tag: tag + " visidata", write: out),
                opening: opening, medians: medians)
        }
        out("done")
    }

    /// The real binary on a pseudo-terminal at 80x24 (keys, bytes, memory) and its first
    /// screen at 240x70.
    func townsThroughTerminal(
        _ exe: String, directory: String, work: String, report: BenchReport,
        rssTarget: Double?
    ) throws -> TerminalBench.Result {
        var env = BenchCommand.terminalEnvironment(home: ProcessInfo.processInfo.environment["HOME"] ?? work)
        env = Self.snapshotEnvironment(env, work: work)
        // The first screen from the text (no snapshot), then the snapshot's figures; the runs
        // below start from the snapshot (BenchSnapshot.swift).
        var text = TerminalBench(executable: exe, arguments: ["--data", directory],
                                 environment: env.merging(["TOWNS_SNAPSHOT": "0"]) { $1 }, rows: 24, columns: 80)
        text.startMarker = "退出"
        let fromText = try text.run(steps: [], quit: ["q"])
        if let ms = fromText.firstScreenMS {
            report.milliseconds("pty text 80x24 first screen", ms, note: "no snapshot (TOWNS_SNAPSHOT=0)")
        }
        if let kib = fromText.maxRSSKiB { report.value("pty text 80x24 peak RSS", Double(kib) / 1024, "MiB") }
        try snapshotFigures(exe, directory: directory, work: work, report: report, reloads: reloads)
        // The keys below were chosen for the towns view (the dashboard opens on the overview).
        var t = TerminalBench(
            executable: exe, arguments: ["--data", directory, "--view", "towns"], environment: env, rows: 24,
            columns: 80)
        t.startMarker = "退出"  // on the key-hint line, the last line drawn
        let presses = short ? 2 : 8
        let r = try t.run(
            steps: [
                .init("move (↓↑)", "j", "k", times: presses),
                .init("page (PgDn PgUp)", "\u{1b}[6~", "\u{1b}[5~", times: 2),
                .init("open (Enter)", "\r"),
                .init("back (h)", "h"),
                .init("period (])", "]", times: 2),
                .init("full frame (Ctrl-L)", "\u{0c}"),
            ], quit: ["q"])
        BenchCommand.printRun(r, name: "pty 80x24", report: report, rssTarget: rssTarget)
        if !short {
            t.rows = 70
            t.columns = 240
            let wide = try t.run(
                steps: [.init("move (↓↑)", "j", "k", times: presses), .init("full frame (Ctrl-L)", "\u{0c}")],
                quit: ["q"])
            BenchCommand.printRun(wide, name: "pty 240x70", report: report, rssTarget: nil)
        }
        return r
    }

    /// VisiData's executable and the one-period CSV of `dataset` it opens, written into `work`;
    /// nil when VisiData is not installed.
    func visidataStart(_ dataset: Dataset, work: String) throws -> VisiDataStart? {
        guard let vd = BenchCommand.findExecutable("vd") ?? BenchCommand.findExecutable("visidata") else { return nil }
        let state = AppState(dataset: dataset)
        let csv = work + "/towns.csv"
        try Data(TownsCSV.text(dataset, period: state.period).utf8).write(to: URL(fileURLWithPath: csv))
        let home = work + "/vd-home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return VisiDataStart(executable: vd, csv: csv, home: home)
    }

    /// VisiData on the synthetic towns as CSV (`start`, from `visidataStart`), through the same
    /// pseudo-terminal, and the ratios; the default view's against `medians` when given.
    func visidata(
        _ dataset: Dataset, _ start: VisiDataStart?, townsRun: TerminalBench.Result?, work: String,
        report: BenchReport, opening: TerminalBench.Result? = nil, medians: StartMedians? = nil
    ) throws {
        guard let start else {
            report.unavailable("first screen", "n/a: VisiData is not installed (Debian: apt-get install -y visidata)")
            return
        }
        let vd = start.executable
        let state = AppState(dataset: dataset)
        report.line(
            "[\(report.tag)] \(vd) on \(dataset.townCount) towns as CSV (period"
                + " \(state.period?.id ?? "-"), 12 columns), 80x24"
        )
        var t = TerminalBench(
            executable: vd, arguments: [start.csv], environment: BenchCommand.terminalEnvironment(home: start.home),
            rows: 24, columns: 80)
        t.startMarker = "name_zh"  // a column header
        let r = try t.run(
            steps: [.init("move (↓↑)", "j", "k", times: short ? 2 : 8), .init("full frame (Ctrl-L)", "\u{0c}")],
            quit: ["q", "q", "gq"])
        BenchCommand.printRun(r, name: "pty 80x24", report: report, rssTarget: nil)
        try visidataLong(vd, dataset, townsRun: townsRun, work: work, report: report)
        if let medians, let b = medians.visidata {
            let a = medians.towns
            report.value(
                "ratio default view first screen towns/vd", a / b, "x",
                note: "median \(BenchReport.number(a)) ms of \(medians.townsStarts) starts vs median"
                    + " \(BenchReport.number(b)) ms of \(medians.visidataStarts), taken in turn (towns' overview from"
                    + " its snapshot, the view it opens on; vd the one-period CSV; target 0.1x)")
        } else if let a = opening?.firstScreenMS, let b = r.firstScreenMS {
            report.value(
                "ratio default view first screen towns/vd", a / b, "x",
                note: "\(BenchReport.number(a)) ms vs \(BenchReport.number(b)) ms, one start each (towns' overview"
                    + " from its snapshot, the view it opens on; vd the one-period CSV; target 0.1x)")
        }
        if let a = opening?.maxRSSKiB, let b = r.maxRSSKiB {
            report.value(
                "ratio default view peak RSS towns/vd", Double(a) / Double(b), "x",
                note: "\(BenchReport.number(Double(a) / 1024)) MiB vs \(BenchReport.number(Double(b) / 1024)) MiB"
                    + " (target 1x)")
        }
        if let mine = townsRun {
            if let a = mine.firstScreenMS, let b = r.firstScreenMS {
                report.value(
                    "ratio first screen towns/vd", a / b, "x",
                    note:
                        "\(BenchReport.number(a)) ms vs \(BenchReport.number(b)) ms (towns holds every figure of"
                            + " every period, from its snapshot; vd reads the one-period CSV)"
                )
            }
            if let a = mine.maxRSSKiB, let b = r.maxRSSKiB {
                report.value(
                    "ratio peak RSS towns/vd", Double(a) / Double(b), "x",
                    note: "\(BenchReport.number(Double(a) / 1024)) MiB vs \(BenchReport.number(Double(b) / 1024)) MiB")
            }
            let m = mine.steps.first { $0.label.hasPrefix("move") }, n = r.steps.first { $0.label.hasPrefix("move") }
            if let m, let n, n.meanBytes > 0 {
                report.value(
                    "ratio bytes per move towns/vd", m.meanBytes / n.meanBytes, "x",
                    note: "\(BenchReport.number(m.meanBytes)) vs \(BenchReport.number(n.meanBytes)) bytes")
            }
        }
    }

    static func printRun(_ r: TerminalBench.Result, name: String, report: BenchReport, rssTarget: Double?) {
        if let ms = r.firstScreenMS {
            report.milliseconds("\(name) first screen", ms, note: "start to the last byte of the first settled screen")
        } else {
            report.unavailable("\(name) first screen", "nothing written")
        }
        report.value("\(name) bytes first screen", Double(r.firstScreenBytes), "bytes")
        for s in r.steps {
            var note = "mean of \(s.bytes.count)"
            if let settle = s.medianSettleMS {
                note += "; settles in \(BenchReport.number(settle)) ms (median, key to last byte)"
            }
            report.value("\(name) bytes \(s.label)", s.meanBytes, "bytes", note: note)
        }
        if let kib = r.maxRSSKiB {
            let mib = Double(kib) / 1024
            report.value(
                "\(name) peak RSS", mib, "MiB",
                note: (rssTarget.map { BenchReport.verdict(mib, target: $0, unit: "MiB") + "; " } ?? "")
                    + "the child's VmHWM before quitting" + (r.quitCleanly ? "" : "; did not quit, terminated"))
        } else {
            report.unavailable("\(name) peak RSS", "n/a (/proc/PID/status unreadable)")
        }
    }

    /// TERM, LANG and PATH as a person's terminal has them, and HOME; nothing else.
    static func terminalEnvironment(home: String) -> [String: String] {
        [
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
        ]
    }

    static func findExecutable(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

extension BenchCommand {
    /// A measuring aid (issue 17 point 3): `TOWNS_COLD_ONLY=DIR towns bench` prints only the
    /// `cold` lines, on DIR's snapshot in the dashboard's cache (`TOWNS_CACHE`; written first when
    /// it is not there or not this build's), so a change to a cold key is timed in seconds rather
    /// than a full run's minutes. `TOWNS_COLD_RUNS` (default 3) presses of each key,
    /// `TOWNS_COLD_KEY` only the keys whose label contains it (`period`, `assessment`, `sort`).
    func coldOnly(_ dir: String, _ out: @escaping @Sendable (String) -> Void) throws {
        let environment = ProcessInfo.processInfo.environment
        guard let store = SnapshotFiles.store() else { return out("no cache folder: set TOWNS_CACHE") }
        let loaded: SnapshotStore.Loaded
        if let found = try? store.open(directory: dir) {
            loaded = found
        } else {
            let (_, write) = try timed { try store.write(directory: dir, derive: AppState.derivedTables) }
            out("snapshot written in \(BenchReport.number(write.milliseconds)) ms")
            loaded = try store.open(directory: dir)
        }
        let bench = InProcessBench(iterations: 20, budget: .seconds(1), loadIterations: 1)
        bench.coldKeys(loaded.dataset, derived: loaded.derived, label: "cold",
                       report: BenchReport(tag: "cold", write: out),
                       keyTarget: 5, runs: Int(environment["TOWNS_COLD_RUNS"] ?? "3") ?? 3,
                       only: environment["TOWNS_COLD_KEY"])
    }
}
