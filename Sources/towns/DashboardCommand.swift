import ArgumentParser
import CTownsMemory
import Foundation
import TownsCore
import TownsTerminal
import TownsUI

/// `towns` (or `towns dashboard`): the interactive dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the dashboard (the default when no command is given).",
        discussion: """
            Views (Tab, or 0-7): 0 the overview (the default), 1 towns, 2 development types, 3 operating \
            entities, 4 assessment against the province's rules, 5 the province's first creation list by \
            city, 6 the paper's passages, 7 what changed since the previous period. Enter opens a \
            row (a type's or entity's towns, a town's page with every figure's source or formula); \
            Esc or Backspace goes back.

            Keys: ↑↓ jk move, PgUp PgDn, Home End g G, [ ] period, / search (Chinese, pinyin such as \
            haiyan, initials such as hyhd, English), n N next/previous match, s S sort by the next \
            column / reverse, b behind schedule only, c clear filter and search, : command line \
            (view, town, period, filter, sort, search, export, theme, lang; Tab completes, ↑↓ history), \
            e export the view as CSV, t next theme, L 中文/English, P presentation layout, f browse alone / \
            rejoin (towns follow), ? help, Ctrl-L redraw, q quit.

            Markers: ≈ derived (formula on the town's page), — unknown (never 0), >N lower bound, \
            ! fails a consistency check (towns check), ▼ behind schedule, │ expected by now.

            Configuration: $XDG_CONFIG_HOME/towns/config.toml (default ~/.config/towns/config.toml): \
            view, period, theme, language, mouse, cycle, and [keys] action = ["key", ...]; see towns config. \
            Colours follow the terminal (none on vt100) and NO_COLOR. The data files are looked at \
            every second: when they change (towns import), the data is reloaded in place; data that \
            does not load is not shown, and the status line names the error.

            Exit status: 0 quit; 2 usage, or standard output is not a terminal (use towns report); 3 \
            the terminal or locale cannot be used (one line says what to set); 10-23 the data does not \
            load (errors printed as FILE:LINE: FIELD: PROBLEM; the code is the first error's class, \
            see towns check --help).
            """)

    @OptionGroup var data: DataOptions
    @OptionGroup var display: DisplayOptions
    @OptionGroup var screen: ScreenOptions
    @OptionGroup var opening: OpeningOptions

    /// How often the data files are looked at for changes, in milliseconds.
    static let pollMilliseconds = 1000

    func run() throws {
        try run(meeting: nil, cycle: nil)
    }

    /// The dashboard; `meeting`: present or follow from the start (`towns present`, `towns
    /// follow`), failing before the terminal opens; `cycle`: the playlist's interval in seconds.
    func run(meeting request: MeetingRequest?, group: gid_t? = nil, cycle: Double?) throws {
        try start.run(meeting: request, group: group, cycle: cycle)
    }

    /// The options as parsed, as the plain value the dashboard runs from.
    var start: DashboardStart {
        var start = DashboardStart(data: data, display: display, screen: screen)
        start.view = opening.view
        start.period = opening.period
        start.town = opening.town
        start.filter = opening.filter
        start.resume = opening.resume
        return start
    }
}

/// How the dashboard is drawn and set up, for every command that opens it (the dashboard,
/// `present`, `follow`): colour, the configuration file, the mouse.
struct ScreenOptions: ParsableArguments {
    @Flag(name: .long, help: "No colour (as when NO_COLOR is set): markers and attributes only.")
    var noColor = false
    /// `--config PATH`, declared once for this and `towns meetings` (`ConfigOption`).
    @OptionGroup var configuration: ConfigOption
    /// The configuration file given with `--config`; nil: the default one.
    var config: String? { configuration.config }
    @Flag(
        name: .long,
        help: "Mouse: click selects, double-click opens, wheel scrolls (also `mouse = true` in the config).")
    var mouse = false
}

/// What the dashboard opens on: view, period, town, filter, or the saved session. The dashboard
/// and `present` take them; `follow` does not (the presenter chooses: `PresenterChoices` refuses
/// them there, and its help does not list them).
struct OpeningOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Open on this view (default: overview): overview, towns, types, entities, assessment, province, "
                + "reference or changes."))
    var view: ReportCommand.View?
    @Option(name: .long, help: ArgumentHelp("Open on this period (2015-09).", valueName: "ID"))
    var period: String?
    @Option(name: .long, help: ArgumentHelp(
        "Open this town's page (id, name, pinyin), or the city's totals page by its name (jiaxing).", valueName: "ID"))
    var town: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Open filtered, as :filter does (county NAME, type N, stage S, behind, problem ID); repeatable.",
            valueName: "WHAT VALUE"))
    var filter: [String] = []
    @Flag(name: .long, help: "Reopen the session saved when the dashboard last quit on this data.")
    var resume = false
}

/// What the dashboard opens with: the values of `DashboardCommand`'s options (with `towns`'
/// own `--data`, `--lang`, `--ascii`, `--themes`, `--theme`) as a plain value. A start with no
/// arguments, or with `--data DIR` alone, makes it without ArgumentParser (`plain(_:)`): parsing
/// reflects every option of every command (~3 ms of the first screen's main thread, issue 17);
/// every other command line goes through the parser as before.
struct DashboardStart {
    /// `--data DIR` (nil: `$TOWNS_DATA`, next to the executable, the package's `Data/`).
    var data: String?
    // The others as `DisplayOptions` and `DashboardCommand` document them.
    var lang: Language?
    var ascii = false
    var themes: String?
    var theme: String?
    var noColor = false
    var config: String?
    var mouse = false
    var view: ReportCommand.View?
    var period: String?
    var town: String?
    var filter: [String] = []
    var resume = false

    /// The start `arguments` (without the program's name) ask for when they are none, or
    /// exactly `--data DIR` with a `DIR` that is not empty, does not begin with `-` and is no
    /// command's name (which the parser might read otherwise); nil for any other command line,
    /// which the parser reads.
    static func plain(_ arguments: [String]) -> DashboardStart? {
        if arguments.isEmpty { return DashboardStart() }
        guard arguments.count == 2, arguments[0] == "--data" else { return nil }
        let folder = arguments[1]
        guard !folder.isEmpty, !folder.hasPrefix("-"), !commandNames.contains(folder) else { return nil }
        return DashboardStart(data: folder)
    }

    /// The names of `towns`' commands, and `help`.
    static var commandNames: Set<String> {
        Set(Towns.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])
    }

    /// The dashboard; `meeting`: present or follow from the start (`towns present`, `towns
    /// follow`), failing before the terminal opens; `cycle`: the playlist's interval in seconds.
    func run(meeting request: MeetingRequest?, group: gid_t? = nil, cycle: Double?) throws {
        let directory = try Locations.find("Data", flag: data, environment: "TOWNS_DATA")
        // The snapshot when it matches the text, else the text (SnapshotCommand.swift).
        let slow = SlowStartNotice(directory: directory)
        // Load problems and the meeting's refusals in the dashboard's language (`--lang`, the
        // configuration file's, `--config` too since wave 29, zh; en under LANG=C).
        let chinese = DisplayOptions.wordsLanguage(lang: lang, config: Config(path: config).language) == .zh
        // The first load is held in this optional alone, emptied once the state and the watcher
        // hold what they need: a local kept to the end of `run` would keep the first data in
        // memory after a live reload replaced it (issue 17: 20 reloads within 10 MiB).
        var first: (dataset: Dataset, fingerprint: DatasetFingerprint, derived: DerivedTables?, warnings: [String],
                    textCause: SlowStartNotice.Cause?)?
        do {
            defer { slow.cancel() }  // before an error is printed, so the notice never follows it
            first = try SnapshotFiles.loadForDashboard(directory, chinese: chinese, notice: slow)
        }
        let fingerprint = first!.fingerprint
        let loadedAt = Date()  // when the data shown was loaded (`数据载入`), not a file's time
        let problems = AppState(dataset: first!.dataset).commandLineProblems(
            periodID: period, town: town, filters: filter, language: chinese ? .zh : .en)
        if !problems.isEmpty {
            for p in problems { printErrorAtWords("towns: " + TerminalText.sanitize(p)) }
            throw ExitCode(2)
        }
        let meeting = MeetingLink(directory: directory, group: group, cycleSeconds: cycle)
        defer { meeting.close() }
        // In the language the dashboard opens in (`--lang`, the config's, English under LANG=C):
        // a refusal here ("no open meetings") is the command's error.
        let meetingOpening = try { () throws -> Action? in
            var openingState = AppState(dataset: first!.dataset)
            openingState.language = chinese ? .zh : .en
            return try meeting.opening(request, openingState)
        }()
        // The loader's parse trees are freed; give their pages back to the system, so what the
        // dashboard allocates later (on other threads' heaps too) does not add to them.
        _ = towns_release_free_heap()
        let settings = Config(path: config)
        let themeFiles = ThemeFiles(
            folder: try? Locations.find("Themes", flag: themes, environment: "TOWNS_THEMES"),
            choice: theme ?? settings.theme ?? "default", language: chinese ? .zh : .en)
        // The refusals in the interface's language (wave 23: English under a Chinese interface).
        guard isatty(STDOUT_FILENO) == 1 else {
            printError(
                chinese
                    ? "towns：标准输出不是终端，仪表盘无法打开。要文字输出，请用 `towns report`"
                        + "（例如 `towns report --period 2015-09 > towns.txt`）。"
                    : "towns: standard output is not a terminal, so the dashboard cannot open. For text, use `towns"
                        + " report` (e.g. `towns report --period 2015-09 > towns.txt`)."
            )
            throw ExitCode(2)
        }
        guard isatty(STDIN_FILENO) == 1 else {
            printError(
                chinese
                    ? "towns：标准输入不是终端，仪表盘无法读取按键。要文字输出，请用 `towns report`"
                        + "（例如 `towns report --period 2015-09 > towns.txt`）。"
                    : "towns: standard input is not a terminal, so the dashboard cannot read keys. For text, use"
                        + " `towns report` (e.g. `towns report --period 2015-09 > towns.txt`)."
            )
            throw ExitCode(2)
        }
        let environmentNoColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal: Terminal
        // A locale that is not UTF-8 (LANG=C, POSIX, GB18030): ASCII and English, with a notice.
        let localeNotice = Terminal.nonUTF8Notice()
        do {
            terminal = try Terminal.open(
                options: TerminalOptions(
                    escapeDelayMilliseconds: 25,
                    useColor: !(noColor || environmentNoColor),
                    mouse: mouse || settings.mouse == true, allowNonUTF8: true))
        } catch let error as TerminalError {
            printError((chinese ? "towns：" : "towns: ") + error.text(chinese: chinese))
            throw ExitCode(3)
        }
        defer { terminal.close() }

        let colour = terminal.colorCapability != .none
        let renderer = Renderer(
            themes: !colour ? [.monochrome]
                : themeFiles.themes.map { terminal.colorCapability == .eight ? $0.onEightColours : $0 },
            glyphs: ascii || localeNotice != nil ? .ascii : .unicode)
        var state = AppState(facts: Facts(dataset: first!.dataset, derived: first!.derived), width: terminal.width,
                             height: terminal.height)
        state.themeNames = colour ? themeFiles.names : ["monochrome"]
        state.defaultThemeBuiltIn = colour && themeFiles.defaultBuiltIn
        let (keyMap, keyWords) = KeyMap.standard.applyingWithWords(settings.rebindings)
        let keyProblems = keyWords.map { chinese ? $0.zh : $0.en }
        let notices = settings.problems(in: chinese ? .zh : .en) + keyProblems + themeFiles.notices
        // The terminal says it has more colours than its terminfo entry allows: say what to set,
        // in the language shown (and reworded by `L`).
        var wordedNotices: [Bilingual] = []
        // A snapshot refused as damaged, truncated or of another version, and why (wave 38).
        if let refused = SlowStartNotice.messagesNotice(first!.textCause) { wordedNotices.append(refused) }
        let colorterm = ProcessInfo.processInfo.environment["COLORTERM"] ?? ""
        if terminal.colorCapability == .eight, ["truecolor", "24bit"].contains(colorterm.lowercased()) {
            let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
            wordedNotices.append(Catalogue.colortermButEightColours(colorterm, term: term))
        }
        var startUp = Settings(
            language: localeNotice != nil ? .en : lang ?? settings.language,
            themeName: colour && themeFiles.names.indices.contains(themeFiles.selected)
                ? themeFiles.names[themeFiles.selected] : nil,
            view: settings.view.flatMap { ReportCommand.View(rawValue: $0)?.kind },
            periodID: settings.period, source: settings.path ?? "config", notices: notices, keyMap: keyMap)
        startUp.periodLine = settings.lines["period"]
        startUp.periodNoticeIndex = settings.problemCount(before: settings.lines["period"] ?? 0)
        startUp.localeNotice = localeNotice
        startUp.wordedNotices = wordedNotices
        startUp.loadWarnings = first!.warnings
        startUp.loadWarningsCommand = "towns check --data \(ConfigCommand.shellWord(directory))"
        startUp.cycleStops = settings.cycle
        startUp.chineseUnavailable = localeNotice != nil
        startUp.localeVariable = Terminal.localeVariable
        // The warning's "(+N more: ...)" names a command that lists them all: with the file given
        // (`--config PATH`; wave 34's fresh user was pointed to `towns config`, which read the default
        // file and listed nothing), and this theme.
        startUp.allNoticesCommand = "towns config"
            + (config.map { " --config \(ConfigCommand.shellWord($0))" } ?? "")
        if let theme {
            startUp.allNoticesCommand += (themes.map { " --themes \(ConfigCommand.shellWord($0))" } ?? "")
                + " --theme \(ConfigCommand.shellWord(theme))"
        }
        // A large dataset's first frame takes a while when read from the text (every town worked
        // out, the opening's checks too): say so meanwhile, in the language it will open in. From a
        // snapshot with its derived tables the first frame is a few milliseconds away (at 10,000
        // x 60 about what drawing this frame costs): no working frame then.
        if state.dataset.townCount >= Renderer.workingFrameTowns, state.facts.derived == nil {
            var working = state
            working.language = startUp.language ?? working.language
            terminal.draw(renderer.workingFrame(working))
        }
        state = update(state, .configure(opening(startUp, data: directory)))
        state.dataChangedAt = LiveReload.clock(loadedAt)
        if let meetingOpening { state = update(state, meetingOpening) }
        var watcher = DatasetWatcher(directory: directory, fingerprint: fingerprint, dataset: first!.dataset,
                                     loadedAt: loadedAt)
        first = nil  // the state and the watcher hold the data now, and let go of it on a reload
        if SnapshotFiles.store() != nil { watcher.load = SnapshotFiles.loadThroughChild }
        let reload = BackgroundJob<(DatasetWatcher, DatasetWatcher.Change)>(label: "towns.reload", qos: .userInitiated)
        var lastPoll = ContinuousClock.now
        // Whether this reload's "reading the changed files" has been said (once a reload).
        var reloadingSaid = false
        let warmUp = BackgroundJob<Void>(label: "towns.warm-up", qos: .utility)
        // Set when new data replaced the old: the old data's heap is given back once nothing holds
        // it (issue 17: without it the first reload left ~10 MiB of freed heap resident for good).
        var trimAfterReload = false
        // The tables whose damaged snapshot blocks have been said (weak: a reload frees them).
        weak var damageSaidFor: DerivedTables?
        var running = true
        /// Applies `action`, then performs the effects it asks for, each reporting back as an action.
        /// `made`: `action`'s step, already worked out (`performKey`).
        func perform(_ action: Action, made: (state: AppState, effects: [Effect])? = nil) {
            var pending = [action]
            var made = made
            while !pending.isEmpty {
                let action = pending.removeFirst()
                let (next, effects) = made ?? step(state, action)
                made = nil
                state = next
                for effect in effects {
                    switch effect {
                    case .quit:
                        running = false
                    case var .copy(clip):
                        // As the screen draws it: under --ascii or LANG=C the ASCII marks (`ClipboardText`).
                        if renderer.glyphs.isASCII { clip = ClipboardText.of(state, glyphs: renderer.glyphs) ?? clip }
                        let refusal = terminal.copyToClipboard(clip.text)
                        // Whatever the terminal does with it; why not, in the interface's language.
                        let file = CopyFile.write(clip.text, chinese: state.language == .zh)
                        pending.append(.copied(rows: clip.rows, refusal: refusal, saved: file.saved,
                                               notSaved: file.notSaved))
                    case let .export(request):
                        // A large dataset's export takes seconds: the screen says so first.
                        if state.dataset.townCount >= Renderer.workingFrameTowns {
                            terminal.draw(renderer.exportingFrame(state))
                        }
                        // Where the rows went, else why not (a file there is replaced only with --force).
                        let outcome = ExportFile.export(state, request, glyphs: renderer.glyphs)
                        pending.append(.exportFinished(outcome.message(state), failed: !outcome.isWritten))
                    case let .meeting(request):
                        pending += meeting.perform(request, state)
                    }
                }
            }
        }
        /// A key's action. At national scale (`Renderer.workingFrameTowns` towns or more) its step
        /// and its next frame are worked out on another thread (`KeyWork.run`), and when they take
        /// longer than `KeyWork.busyAfter` (from the text, while the snapshot is written: seconds)
        /// the screen says it is working meanwhile, where before nothing moved. The frame drawn
        /// after it finds its views worked out. Below that scale, as any other action.
        func performKey(_ action: Action) {
            guard state.dataset.townCount >= Renderer.workingFrameTowns else { return perform(action) }
            let before = state
            var busyDrawn = false
            let made = KeyWork.run({
                let made = step(before, action)
                _ = renderer.render(made.state)
                return made
            }, busy: {
                busyDrawn = true
                terminal.draw(renderer.keyWorkingFrame(before))
            })
            perform(action, made: made)
            // The busy line replaced at once, also where the loop would not redraw (a follower's
            // frame is drawn only when it changed, `MeetingLink.needsDraw`).
            if busyDrawn { terminal.draw(renderer.render(state)) }
        }
        // A presenter's SIGTERM, SIGHUP or Ctrl-C ends the loop as `q` does (`MeetingLink.present`).
        while running && Terminal.terminationSignal == nil {
            for action in meeting.poll(state) { perform(action) }
            meeting.publish(state)
            if meeting.needsDraw(state) { terminal.draw(renderer.render(state)) }
            warmUp.take()  // a finished warm-up has nothing to give: the next may start
            // Blocks of the snapshot found damaged (by the warm-up's check, or a table's first
            // read): said once per data shown, and the snapshot rebuilt in the background.
            if let derived = state.facts.derived, derived !== damageSaidFor, derived.damagedBlocks > 0 {
                damageSaidFor = derived
                perform(.snapshotDamaged(blocks: derived.damagedBlocks))
                SnapshotFiles.rebuildInBackground(directory)
            }
            // A rebuild in the background that could not write the snapshot: said, not left to be
            // promised again at every start (wave 41's fresh user).
            if let failed = SnapshotFiles.takeRebuildFailure() {
                perform(.snapshotNotRebuilt(status: failed.status, command: failed.command))
            }
            if trimAfterReload && !warmUp.isBusy && !reload.isBusy {
                // The old data's last holders (the frame before, a warm-up over it) are gone.
                trimAfterReload = false
                _ = towns_release_free_heap()
            }
            let shown = state
            warmUp.start { shown.warmAndTrim() }
            // While a reload runs, look for its result every 50 ms; else wait up to a poll.
            let key = terminal.readKey(
                timeoutMilliseconds: meeting.keyTimeout(reload.isBusy ? 50 : DashboardCommand.pollMilliseconds))
            // Live reload: a poll at most once a poll interval, also while keys keep coming; the
            // files are read on another thread (a second at province scale), the keys go on
            // with the data shown, and the new data replaces it when it has loaded.
            if ContinuousClock.now - lastPoll >= .milliseconds(DashboardCommand.pollMilliseconds) {
                lastPoll = ContinuousClock.now
                let current = watcher
                reload.start {
                    var polled = current
                    let change = polled.poll()
                    return (polled, change)
                }
            }
            // A poll that finds nothing changed takes milliseconds: one running longer is reading
            // changed files (minutes at 10,000 x 60, wave 40's fresh user waited 2.5 with no sign).
            if !reloadingSaid, let running = reload.runningFor, running > .seconds(1) {
                reloadingSaid = true
                perform(.reloading)
            }
            if let (polled, change) = reload.take() {
                reloadingSaid = false
                watcher = polled
                if let action = LiveReload.action(for: change, directory: directory, loadedAt: polled.loadedAt,
                                                  chinese: state.language == .zh) {
                    perform(action)
                    if case .dataReloaded = action { trimAfterReload = true }
                }
            }
            guard let key else { continue }
            meeting.keyPressed()
            switch key {
            case .resize:
                perform(.resize(width: terminal.width, height: terminal.height))
            case .ctrl("l"):
                terminal.invalidate()
            default:
                performKey(route(key, in: state))
            }
        }
        try? SessionFile.save(state.session, for: directory)  // for --resume; a failure costs only that
        if let signal = Terminal.terminationSignal {
            // The followers are told the meeting ended and its files go, then the signal ends the process.
            // SIGHUP: the terminal hung up (or reading it gave EOF/EIO, `Terminal.readKey`).
            meeting.close(terminalLost: signal == SIGHUP)
            terminal.close()
            Terminal.end(by: signal)
        }
    }

    /// The start-up settings with the command line's `--view --period --town --filter` and
    /// `--resume` (the saved session, or a notice why there is none) applied over the config's.
    func opening(_ settings: Settings, data: String) -> Settings {
        var s = settings
        if resume {
            // The notice in the language the dashboard opens in (no session to give another).
            let (session, notice) = SessionFile.load(for: data, language: settings.language ?? .zh)
            s.resume = session
            if let notice { s.notices.insert(notice, at: 0) }
        }
        if let view { s.view = view.kind }
        if let period { s.periodID = period }
        s.town = town
        s.filters = filter
        if view != nil || period != nil { s.source = "command line" }
        return s
    }
}

/// Work on a background queue, one run at a time: `start` runs `work` unless a run is going
/// or its result has not been taken; `take` gives a finished run's result, once. The dashboard
/// has two: the warm-up after each frame (`AppState.warm`) and live reload's polls.
///
/// `@unchecked Sendable`: `running` and `finished` are read and written only under `lock`.
final class BackgroundJob<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var startedAt: ContinuousClock.Instant?
    private var finished: Result?
    private let queue: DispatchQueue

    init(label: String, qos: DispatchQoS) {
        queue = DispatchQueue(label: label, qos: qos)
    }

    /// Whether a run is going, or has finished and its result is not taken.
    var isBusy: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running || finished != nil
    }

    /// How long the run going has taken so far; nil when none is going.
    var runningFor: Duration? {
        lock.lock()
        defer { lock.unlock() }
        return startedAt.map { .now - $0 }
    }

    /// Runs `work` on the queue, unless busy.
    func start(_ work: @escaping @Sendable () -> Result) {
        lock.lock()
        defer { lock.unlock() }
        guard !running, finished == nil else { return }
        running = true
        startedAt = .now
        queue.async {
            let result = work()
            self.lock.lock()
            self.finished = result
            self.running = false
            self.startedAt = nil
            self.lock.unlock()
        }
    }

    /// The result of the last finished run, once; nil while a run goes or none has run.
    @discardableResult
    func take() -> Result? {
        lock.lock()
        defer { lock.unlock() }
        let result = finished
        finished = nil
        return result
    }
}

extension AppState {
    /// `warm`, then, if it worked something out, what it dropped (older periods' tables, the
    /// parts of each core's results) goes back to the system rather than staying in each
    /// thread's heap, and so do the pages of the mapped snapshot read so far (its tables are
    /// decoded into the memo; at 10,000 x 60 this keeps ~12 MiB of the file from staying resident). One that found everything ready (most frames) does not trim: trimming
    /// holds the heap's lock, which a key being handled may be waiting for.
    func warmAndTrim() {
        let clock = ContinuousClock()
        let started = clock.now
        warm()
        // The snapshot's deferred blocks, checked once, after the first frame (format 21).
        facts.derived?.checkAhead()
        if started.duration(to: clock.now) > .milliseconds(5) {
            if !(AppState.warmSkip ?? []).contains("release") { facts.derived?.releasePages() }
            _ = towns_release_free_heap()
        }
    }
}

extension DashboardStart {
    /// The start the shared options ask for, on the default view, period and town (the
    /// others are set after, where a command takes them: `DashboardCommand.start`).
    init(data: DataOptions, display: DisplayOptions, screen: ScreenOptions) {
        self.init(data: data.data, lang: display.lang, ascii: display.ascii, themes: display.themes,
                  theme: display.theme, noColor: screen.noColor, config: screen.config, mouse: screen.mouse)
    }

    /// `towns follow`'s start (`FollowDisplayOptions`: the same options, described in follow's words).
    init(data: DataOptions, display: FollowDisplayOptions, screen: ScreenOptions) {
        self.init(data: data.data, lang: display.lang, ascii: display.ascii, themes: display.themes,
                  theme: display.theme, noColor: screen.noColor, config: screen.config, mouse: screen.mouse)
    }
}
