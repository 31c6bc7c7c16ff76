import CNcursesw
import Glibc
import TownsUI

/// The terminal in full-screen (curses) mode: draws `Grid`s, reads `Key`s, and restores the
/// terminal on `close` and on every signal that ends or stops the process (see `Signals`).
///
/// Open one at a time and use it from one thread. Typical use:
/// ```
/// try Terminal.prepareLocale()
/// let terminal = try Terminal.open(options: TerminalOptions())
/// defer { terminal.close() }
/// ```
public final class Terminal {
    /// The colours `draw` can show, fixed at `open`.
    public let colorCapability: ColorCapability
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var styles: StyleAttributes
    private var isOpen = true
    /// The locale is not UTF-8 (`LANG=C`): the terminal cannot show other characters than
    /// ASCII, and ncurses would write a character's bytes as junk; each such cell shows `?`.
    private let asciiOnly = !Terminal.localeIsUTF8
    /// The page style the window's background was last set to (`Grid.page`); nil: none yet.
    private var page: Style?
    /// The bytes that turn bracketed paste on (`pasteModeSequences`); empty: not used here.
    private var pasteOn: [UInt8] = []
    /// A bracketed paste being read.
    private var paste = BracketedPaste()

    /// Opens the terminal in curses mode (alternate screen, no echo, keys unbuffered, cursor hidden).
    ///
    /// Sets the locale first with `prepareLocale` if the current one is not UTF-8. Installs the
    /// signal handlers, then `newterm` on standard output/input; sets cbreak, noecho, nonl,
    /// keypad, the Esc delay, an invisible cursor, and colour as the terminal and `options` allow.
    /// - Throws: `TerminalError.localeNotUTF8` (no UTF-8 locale), `.notATerminal` (standard input
    ///   or output redirected), `.termNotSet` (TERM unset or empty), `.unknownTerminal` (no terminfo
    ///   entry for TERM), `.cannotAddressCursor` (e.g. TERM=dumb). Nothing is left changed when it throws.
    public static func open(options: TerminalOptions) throws -> Terminal {
        if !localeIsUTF8 && !(options.allowNonUTF8 && nonUTF8Notice() != nil) { try prepareLocale() }
        guard let termValue = getenv("TERM"), termValue.pointee != 0 else { throw TerminalError.termNotSet }
        let term = String(cString: termValue)
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }

        // The terminal's real size, always: exported COLUMNS and LINES (a shell's, a script's)
        // would make ncurses draw for a size the window is not.
        unsetenv("COLUMNS")
        unsetenv("LINES")
        Signals.install()
        guard let screen = newterm(nil, towns_stdout(), towns_stdin()) else {
            Signals.uninstall()
            throw TerminalError.unknownTerminal(term: term)
        }
        Signals.setCursesActive(true)
        guard towns_has_string_capability("cup") != 0 else {
            endwin()
            Signals.setCursesActive(false)
            Signals.uninstall()
            delscreen(screen)
            throw TerminalError.cannotAddressCursor(term: term)
        }
        ErrorOutputCapture.begin()
        return Terminal(screen: screen, options: options)
    }

    private init(screen: OpaquePointer, options: TerminalOptions) {
        self.screen = screen
        window = towns_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        leaveok(window, true)
        set_escdelay(Int32(clamping: max(0, options.escapeDelayMilliseconds)))
        curs_set(0)
        KeyDecoding.defineFallbackSequences()
        if let (on, off) = Terminal.pasteModeSequences() {
            pasteOn = on
            Signals.setPasteOff(off)
            Terminal.writeOut(on)
        }

        var colors: ColorMapping?
        if options.mouse { _ = towns_enable_mouse() }
        if options.useColor, has_colors(), start_color() == OK {
            let count = Int(towns_colors())
            if count >= 8 {
                colors = ColorMapping(
                    capability: count >= 256 ? .twoFiftySix : .eight,
                    colorCount: count, hasDefaultColors: use_default_colors() == OK)
            }
        }
        colorCapability = colors?.capability ?? .none
        styles = StyleAttributes(colors: colors)
    }

    deinit { close() }

    /// The screen's width in columns, as of the last `readKey` that reported `.resize`; 0 after `close`.
    public var width: Int { isOpen ? Int(getmaxx(window)) : 0 }

    /// The screen's height in rows, as of the last `readKey` that reported `.resize`; 0 after `close`.
    public var height: Int { isOpen ? Int(getmaxy(window)) : 0 }

    /// The width in columns of the terminal open on `fd` (standard error: a line written before
    /// the dashboard opens), from the kernel (TIOCGWINSZ); nil when `fd` is no terminal or its
    /// size is unknown.
    public static func columns(of fd: Int32) -> Int? {
        var rows: Int32 = 0, columns: Int32 = 0
        return towns_window_size(fd, &rows, &columns) == 0 ? Int(columns) : nil
    }

    /// Shows `grid`: every screen cell is written (cells beyond the grid are blank, grid cells
    /// beyond the screen are dropped, a wide character that would cross the right edge becomes
    /// a blank), then one `doupdate` sends only what changed. Does nothing after `close`.
    public func draw(_ grid: Grid) {
        guard isOpen else { return }
        if grid.page != page { setPage(grid.page) }
        let rows = height, columns = width
        for y in 0..<rows {
            var x = 0
            while x < columns {
                var cell = grid[x, y]
                var cellWidth = cell.isContinuation ? 0 : DisplayWidth.of(cell.text)
                if cellWidth < 1 || x + cellWidth > columns {
                    cell.text = " "  // orphan continuation, bare combining mark, or cut wide character
                    cellWidth = 1
                }
                if asciiOnly, !cell.text.unicodeScalars.allSatisfy(\.isASCII) {
                    cell.text = "?"  // in each of its cells: the layout stays
                    if cellWidth > 1 { for i in 1..<cellWidth { put(cell, x: x + i, y: y) } }
                }
                put(cell, x: x, y: y)
                x += cellWidth
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Makes `style`'s colours the window's background: what ncurses clears to (a line's end,
    /// the rest of the screen, the whole screen on a repaint), so that a theme's page colour
    /// (the light theme's white) covers every cell, not only those a character is written to.
    /// On a terminal whose entry has `bce` ncurses erases with the page colour set (the
    /// terminal fills with it); on one without, it writes the page's blanks. A change of page
    /// repaints the whole screen.
    private func setPage(_ style: Style) {
        page = style
        setBackground(pair: styles.resolve(Style(foreground: style.foreground, background: style.background)).pair)
        invalidate()
    }

    /// Sets the window's background (what erasing leaves) to a blank in colour pair `pair`.
    private func setBackground(pair: Int16) {
        var blank = cchar_t()
        var text: [wchar_t] = [wchar_t(32), 0]
        setcchar(&blank, &text, towns_a_normal(), pair, nil)
        wbkgrndset(window, &blank)
    }

    /// Writes one cell into the virtual screen. At the bottom-right corner `wadd_wch` stores the
    /// character and reports an error because the cursor cannot wrap; it never scrolls (scrollok
    /// is off), so the error is ignored.
    private func put(_ cell: Cell, x: Int, y: Int) {
        let (attributes, pair) = styles.resolve(cell.style)
        var scalars = cell.text.unicodeScalars.makeIterator()
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: Int(CCHARW_MAX) + 1) { buffer in
            var count = 0
            while count < Int(CCHARW_MAX), let scalar = scalars.next() {
                buffer[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            }
            buffer[count] = 0
            var character = cchar_t()
            setcchar(&character, buffer.baseAddress, attributes, pair, nil)
            mvwadd_wch(window, Int32(y), Int32(x), &character)
        }
    }

    /// Waits for a key press.
    ///
    /// - Parameter timeoutMilliseconds: how long to wait, in milliseconds; negative waits forever.
    /// - Returns: the key; `.resize` when the terminal was resized or the process was continued
    ///   after Ctrl-Z (the caller should then read `width`/`height` and draw again; after a
    ///   resume the next draw repaints everything); nil when the time ran out. Input with no
    ///   `Key` (mouse reports, unknown sequences) is skipped. Returns nil at once after `close`.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard isOpen else { return nil }
        let clock = ContinuousClock()
        let deadline =
            timeoutMilliseconds < 0 ? nil : clock.now + .milliseconds(min(timeoutMilliseconds, Int(Int32.max)))
        wtimeout(window, 0)
        var lastPasted = clock.now
        while true {
            if Signals.pendingTermination != 0 { return nil }  // the caller ends (`terminationSignal`)
            if Signals.takeResume() {
                // A size change meanwhile queues KEY_RESIZE, which the next pass returns.
                if !resume() { return .resize }
                continue
            }
            // Ctrl-Z where nothing could continue the process: the key, for the status line to answer.
            if Signals.takeSuspendRefused() { return .ctrl("z") }
            // Without waiting: a key ncurses already has, or one in the kernel's buffer. This
            // is also where ncurses notices SIGWINCH and reports KEY_RESIZE.
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status != ERR {
                switch paste.feed(status: status, code: code) {
                case .ended(let key): return key
                case .taken: lastPasted = clock.now
                case .notPaste: if let key = KeyDecoding.key(status: status, code: code) { return key }
                }
                continue
            }
            var wait: Int32 = -1
            if paste.isOpen {
                // A paste whose end marker does not come within a second of its last byte ends there.
                if lastPasted.duration(to: clock.now) > .seconds(1) { return paste.finish() }
                wait = 100
            } else if let deadline {
                let left = clock.now.duration(to: deadline)
                if left <= .zero { return nil }
                let (seconds, attoseconds) = left.components
                wait = Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
            }
            // Returns on input, at the deadline, or early (EINTR) on a signal: SIGWINCH, SIGCONT.
            var input = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            if poll(&input, 1, wait) > 0, input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                inputHungUp(wait: wait)
            }
        }
    }

    /// The terminal is gone (an SSH connection dropped) but no SIGHUP came, or SIGHUP is ignored:
    /// raises SIGHUP, which restores the terminal and ends the process; if that is ignored, waits
    /// `wait` milliseconds (negative: until a signal) rather than spin on a dead terminal.
    private func inputHungUp(wait: Int32) {
        raise(SIGHUP)
        if Signals.pendingTermination == 0 { _ = poll(nil, 0, wait) }
    }

    /// Re-enters curses mode after the process was stopped and continued, and repaints. Picks
    /// up a size change that happened meanwhile (a stopped process gets no SIGWINCH); returns
    /// true if there was one (ncurses then queues KEY_RESIZE).
    private func resume() -> Bool {
        var rows: Int32 = 0, columns: Int32 = 0
        let resized =
            towns_window_size(1, &rows, &columns) == 0
            && (rows != getmaxy(window) || columns != getmaxx(window))
        if resized { resizeterm(rows, columns) }
        Terminal.writeOut(pasteOn)  // turned off while stopped (`Signals`)
        invalidate()
        wnoutrefresh(window)
        doupdate()
        return resized
    }

    /// Makes the next `draw` clear the terminal and repaint every cell (for Ctrl-L, or when
    /// something else wrote to the terminal).
    public func invalidate() {
        guard isOpen else { return }
        clearok(towns_curscr(), true)
    }

    /// The bytes that turn bracketed paste on and off: the terminfo entry's `BE` and `BD`, else
    /// DEC mode 2004's for the families known to have it (xterm and its kin, tmux, screen, rxvt);
    /// nil for the others (vt100, linux), which are sent nothing.
    static func pasteModeSequences() -> (on: [UInt8], off: [UInt8])? {
        if let on = towns_string_capability("BE"), let off = towns_string_capability("BD") {
            return (Array(String(cString: on).utf8), Array(String(cString: off).utf8))
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard ["xterm", "tmux", "screen", "rxvt", "alacritty", "foot", "kitty", "wezterm"]
            .contains(where: { term.hasPrefix($0) }) else { return nil }
        return (Array("\u{1B}[?2004h".utf8), Array("\u{1B}[?2004l".utf8))
    }

    /// Writes `bytes` to the terminal at once, after what ncurses has buffered.
    private static func writeOut(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        fflush(towns_stdout())
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// While on, SIGTERM, SIGHUP and SIGINT do not end the process at once: the first is kept
    /// (`terminationSignal`) and `readKey` returns nil at once, so the caller can end cleanly (a
    /// presenter tells its followers the meeting ended and removes its socket), `close`, and
    /// call `end(by:)`. A second such signal ends the process at once, as when off (but a SIGHUP
    /// after a SIGHUP: a hang-up is one, whether the kernel or `readKey` says it).
    public static var defersTermination: Bool {
        get { deferring }
        set {
            deferring = newValue
            Signals.setDeferTermination(newValue)
        }
    }
    nonisolated(unsafe) private static var deferring = false

    /// The terminating signal kept while `defersTermination` was on; nil: none came.
    public static var terminationSignal: Int32? {
        let n = Signals.pendingTermination
        return n == 0 ? nil : n
    }

    /// Ends the process by `signal`'s default action (exit status 128+n): after `close`, for a
    /// `terminationSignal`.
    public static func end(by signal: Int32) -> Never {
        Signals.end(by: signal)
    }

    /// Leaves curses mode and gives the terminal back as it was: echo and canonical mode on,
    /// cursor visible, main screen. Writes out what went to standard error while the terminal
    /// was open (held back so it could not scribble on the screen) and puts back the previous
    /// signal dispositions. Safe to call more than once; `deinit` calls it too.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        // Without an alternate screen (vt100, linux) the last frame would stay under the
        // prompt: clear it first, so the shell gets a clean screen back.
        if towns_has_string_capability("smcup") == 0 {
            setBackground(pair: 0)  // the terminal's own colours, not the page's
            werase(window)
            wrefresh(window)
        }
        endwin()
        Signals.writePasteOff()
        Signals.setPasteOff([])
        ErrorOutputCapture.release()
        Signals.setCursesActive(false)
        Signals.uninstall()
        delscreen(screen)
    }
}
