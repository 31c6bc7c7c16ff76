/// How `Terminal.open` sets the terminal up.
public struct TerminalOptions: Sendable {
    /// How long a lone Esc byte waits for the rest of an escape sequence (an arrow key, say)
    /// before it counts as the Esc key, in milliseconds. ncurses' default is 1000.
    public var escapeDelayMilliseconds: Int
    /// Whether to use colour at all. Pass `false` when `NO_COLOR` is set (non-empty) or the user
    /// gave `--no-color`: styles are then drawn with attributes only (bold, underline, reverse, dim).
    public var useColor: Bool

    /// Report mouse clicks, double-clicks and the wheel as `Key.mouse` (opt-in: it takes over
    /// the terminal's own text selection, which then needs Shift).
    public var mouse: Bool

    /// Open under a locale that is not UTF-8 (`LANG=C`, `POSIX`, GB18030) rather than refuse:
    /// the caller then draws ASCII only (`Terminal.nonUTF8Notice` says what was found).
    public var allowNonUTF8: Bool

    public init(
        escapeDelayMilliseconds: Int = 25, useColor: Bool = true, mouse: Bool = false, allowNonUTF8: Bool = false
    ) {
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
        self.useColor = useColor
        self.mouse = mouse
        self.allowNonUTF8 = allowNonUTF8
    }
}

/// The colours `Terminal.draw` can show; every `Color` is mapped to the nearest one there is.
public enum ColorCapability: Sendable, Equatable {
    /// No colour (colour turned off, or a monochrome terminal such as vt100): attributes only.
    case none
    /// The 8 ANSI colours (the 16 with bright variants when the terminal has 16): a 256-palette
    /// colour is mapped to the nearest of them, and a bright foreground on an 8-colour terminal
    /// is drawn as its base colour in bold.
    case eight
    /// The xterm 256-colour palette: every `Color` is shown as given.
    case twoFiftySix
}
