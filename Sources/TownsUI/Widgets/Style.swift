/// A terminal colour as a theme names it. The backend maps it to the nearest colour the
/// terminal has (none, 8 or 256), so a view never asks what the terminal can do.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background (ncurses colour -1).
    case `default`
    /// One of the 16 ANSI colours: 0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta,
    /// 6 cyan, 7 white; 8-15 the bright variants.
    case ansi(UInt8)
    /// An entry of the xterm 256-colour palette (16-231 the 6x6x6 cube, 232-255 grays).
    case indexed(UInt8)
}

/// How a cell is drawn: colours plus attributes. Attributes carry meaning on their own
/// where colour is absent (monochrome terminals, `NO_COLOR`).
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(
        foreground: Color = .default, background: Color = .default,
        bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// The terminal's default colours, no attributes.
    public static let plain = Style()
}
