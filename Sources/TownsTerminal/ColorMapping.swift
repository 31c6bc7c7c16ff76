import TownsUI

/// Maps a `Color` to a colour number the terminal has (ncurses numbering: -1 is the terminal's
/// default colour, 0-7 the ANSI colours, 8-15 their bright variants, 16-255 the xterm palette).
struct ColorMapping {
    let capability: ColorCapability
    /// How many colours the terminal reports (`COLORS`).
    let colorCount: Int
    /// Whether colour -1 (the terminal's own foreground/background) is available
    /// (`use_default_colors` succeeded); otherwise the default is white on black.
    let hasDefaultColors: Bool

    /// The colour number for `color` as a foreground, and whether it must be drawn bold to look
    /// bright (a bright colour on an 8-colour terminal, the usual "bold is bright" convention).
    func foreground(_ color: Color) -> (number: Int16, bold: Bool) {
        guard case .eight = capability, let index = paletteIndex(color) else {
            return (number(color, defaultNumber: 7), false)
        }
        let ansi = Self.nearestANSI(index)
        // Gray text must stay readable: many terminals draw "bold black" as black, which
        // vanishes on a dark background, so a gray nearest to bright black becomes white.
        if ansi == 8 && colorCount < 16 { return (7, false) }
        if ansi >= 8 && colorCount < 16 { return (Int16(ansi - 8), true) }
        return (Int16(ansi), false)
    }

    /// The colour number for `color` as a background (bright colours fall back to their base
    /// colour on an 8-colour terminal).
    func background(_ color: Color) -> Int16 {
        guard case .eight = capability, let index = paletteIndex(color) else {
            return number(color, defaultNumber: 0)
        }
        let ansi = Self.nearestANSI(index)
        return Int16(ansi >= 8 && colorCount < 16 ? ansi - 8 : ansi)
    }

    /// The colour numbers and boldness to draw `style` with, kept readable whatever the theme
    /// asks for on this terminal:
    /// - a foreground that comes out as the background's colour (a light gray on white mapped
    ///   to white on an 8-colour terminal, a yellow mark in a yellow selection band) is drawn in
    ///   black on a light background and in white on a dark one;
    /// - black text is never bold where many terminals show bold black as gray: on an
    ///   8-colour terminal the bold is left out, on a 256-colour one palette black (16), which
    ///   terminals do not brighten, is used instead.
    /// The terminal's own colours (-1) are unknown here and left as they are.
    func cell(_ style: Style) -> (foreground: Int16, background: Int16, bold: Bool) {
        var (fg, bright) = foreground(style.foreground)
        let bg = background(style.background)
        var bold = style.bold || bright
        if fg >= 0, bg >= 0, sameColour(fg, bright: bright, bg) {
            fg = isLight(bg) ? (capability == .eight ? 0 : 16) : (capability == .eight ? 7 : 15)
            bright = false
            bold = style.bold
        }
        // Reverse video shows the background's colour as the text's.
        if bold, style.reverse ? bg == 0 : fg == 0 {
            if capability == .eight { bold = false } else if style.reverse { return (fg, 16, bold) } else { fg = 16 }
        }
        return (fg, bg, bold)
    }

    /// Whether foreground `fg` (drawn bright when `bright`) shows as background `bg`: the same
    /// colour number, or on a 256-colour terminal the same RGB value (15 and 231 are both white).
    private func sameColour(_ fg: Int16, bright: Bool, _ bg: Int16) -> Bool {
        if fg == bg { return true }
        guard capability != .eight, fg < 256, bg < 256 else { return false }
        return Self.rgb(Int(fg)) == Self.rgb(Int(bg))
    }

    /// Whether colour number `n` is light (black text reads on it): by its luminance.
    private func isLight(_ n: Int16) -> Bool {
        if capability == .eight { return [2, 3, 6, 7].contains(n) }
        let (r, g, b) = Self.rgb(Int(n))
        return 299 * r + 587 * g + 114 * b > 140_000
    }

    private func number(_ color: Color, defaultNumber: Int16) -> Int16 {
        switch color {
        case .default: return hasDefaultColors ? -1 : defaultNumber
        case let .ansi(n): return Int16(n & 15)
        case let .indexed(n): return Int16(n)
        }
    }

    private func paletteIndex(_ color: Color) -> Int? {
        switch color {
        case .default: return nil
        case let .ansi(n): return Int(n & 15)
        case let .indexed(n): return Int(n)
        }
    }

    // MARK: The xterm palette

    /// The nearest of the 16 ANSI colours (0-15) to xterm palette entry `index` (0-255), by
    /// squared distance in RGB using xterm's default colours. Entries 0-15 map to themselves.
    static func nearestANSI(_ index: Int) -> Int {
        if index < 16 { return index }
        let (r, g, b) = rgb(index)
        var best = 0, bestDistance = Int.max
        for candidate in 0..<16 {
            let (cr, cg, cb) = rgb(candidate)
            let distance = (r - cr) * (r - cr) + (g - cg) * (g - cg) + (b - cb) * (b - cb)
            if distance < bestDistance { best = candidate; bestDistance = distance }
        }
        return best
    }

    /// The RGB value (each 0-255) of xterm palette entry `index` (0-255) with xterm's defaults.
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            return ansiRGB[index]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let n = index - 16
            return (levels[n / 36], levels[n / 6 % 6], levels[n % 6])
        default:
            let level = 8 + 10 * (index - 232)
            return (level, level, level)
        }
    }

    private static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}
