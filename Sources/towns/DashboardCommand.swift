import ArgumentParser
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
        Keys: ↑↓/jk move, PgUp/PgDn, Home/End (g/G), Enter opens, Esc/Backspace goes back, \
        Tab switches views (1 towns, 2 types, 3 entities), [ ] change the period, ? help, q quits. \
        Colours follow the terminal (none on vt100) and NO_COLOR. The data files are looked at \
        every second: when they change (towns import), the data is reloaded in place; data that \
        does not load is not shown, and the status line names the error.
        """)

    @OptionGroup var data: DataOptions
    @Option(name: .long, help: ArgumentHelp("Themes folder (default: $TOWNS_THEMES, next to the executable, or the package's Themes/).", valueName: "DIR"))
    var themes: String?
    @Option(name: .long, help: ArgumentHelp("Theme name in the themes folder, or a path to a theme file.", valueName: "NAME|PATH"))
    var theme: String = "default"
    @Flag(name: .long, help: "No colour (as when NO_COLOR is set): markers and attributes only.")
    var noColor = false
    @Flag(name: .long, help: "ASCII characters only for bars, lines and markers.")
    var ascii = false

    /// How often the data files are looked at for changes, in milliseconds.
    static let pollMilliseconds = 1000

    func run() throws {
        let directory = try data.directory()
        // Taken before the load: a change during the load shows as a change at the first poll.
        let fingerprint = DatasetFingerprint(directory: directory)
        let dataset = try loadDataset(directory)
        var notices: [String] = []
        let loadedTheme = loadTheme(notices: &notices)
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            printError("towns: standard output is not a terminal, so the dashboard cannot open. For text, use `towns report` (e.g. `towns report --period 2015-09 > towns.txt`).")
            throw ExitCode(2)
        }
        let environmentNoColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal: Terminal
        do {
            try Terminal.prepareLocale()
            terminal = try Terminal.open(options: TerminalOptions(escapeDelayMilliseconds: 25,
                                                                  useColor: !(noColor || environmentNoColor)))
        } catch let error as TerminalError {
            printError("towns: \(error)")
            throw ExitCode(3)
        }
        defer { terminal.close() }

        let renderer = Renderer(theme: terminal.colorCapability == .none ? .monochrome : loadedTheme,
                                glyphs: ascii ? .ascii : .unicode)
        var state = AppState(dataset: dataset, width: terminal.width, height: terminal.height)
        state.message = notices.first
        state.dataChangedAt = LiveReload.clock(fingerprint.lastChange)
        var watcher = DatasetWatcher(directory: directory, fingerprint: fingerprint)
        var lastPoll = ContinuousClock.now
        let keyMap = KeyMap.standard
        while !state.quit {
            terminal.draw(renderer.render(state))
            let key = terminal.readKey(timeoutMilliseconds: DashboardCommand.pollMilliseconds)
            // Live reload: at most once a poll interval, also while keys keep coming.
            if ContinuousClock.now - lastPoll >= .milliseconds(DashboardCommand.pollMilliseconds) {
                lastPoll = ContinuousClock.now
                state = LiveReload.poll(&watcher, state)
            }
            guard let key else { continue }
            switch key {
            case .resize:
                state = update(state, .resize(width: terminal.width, height: terminal.height))
            case .ctrl("l"):
                terminal.invalidate()
            default:
                if let action = keyMap.action(for: key) { state = update(state, action) }
            }
        }
    }

    /// The default theme from its file, then the chosen one over it. Problems become notices
    /// shown on the first frame; the dashboard still opens (plain styles where needed).
    func loadTheme(notices: inout [String]) -> Theme {
        var base = Theme.monochrome
        let folder = try? Locations.find("Themes", flag: themes, environment: "TOWNS_THEMES")
        func read(_ path: String, over fallback: Theme?) -> Theme? {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                notices.append("主题 theme: cannot read \(path); using plain styles")
                return nil
            }
            do {
                let (t, warnings) = try Theme.parse(text, file: path, fallback: fallback)
                notices += warnings
                return t
            } catch {
                notices.append("主题 theme: \(error)")
                return nil
            }
        }
        if let folder, let t = read((folder as NSString).appendingPathComponent("default.toml"), over: nil) {
            base = t
        } else if folder == nil {
            notices.append("主题 theme: no Themes/ folder found (give --themes DIR); using plain styles")
        }
        if theme == "default" { return base }
        let path = theme.contains("/") || theme.hasSuffix(".toml")
            ? theme : ((folder ?? ".") as NSString).appendingPathComponent("\(theme).toml")
        return read(path, over: base) ?? base
    }
}
