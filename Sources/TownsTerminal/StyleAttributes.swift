import CNcursesw
import TownsUI

/// Turns a `Style` into ncurses attributes and a colour pair, allocating pairs on demand
/// (one per distinct foreground/background) and remembering each style's result.
struct StyleAttributes {
    private let colors: ColorMapping?
    private var pairs: [PairKey: Int16] = [:]
    private var cache: [Style: (attributes: attr_t, pair: Int16)] = [:]
    private let maxPairs: Int

    private struct PairKey: Hashable { var foreground: Int16, background: Int16 }

    /// `colors` is nil when colour is off: styles then map to attributes only.
    init(colors: ColorMapping?) {
        self.colors = colors
        // init_pair takes a short; pair 0 is the terminal's default pair.
        self.maxPairs = colors == nil ? 0 : min(Int(towns_color_pairs()), Int(Int16.max))
    }

    /// The attributes and pair number to draw `style` with. When the terminal runs out of pairs
    /// (not seen in practice: views use a few dozen), the style falls back to pair 0.
    mutating func resolve(_ style: Style) -> (attributes: attr_t, pair: Int16) {
        if let known = cache[style] { return known }
        var attributes = towns_a_normal()
        var bold = style.bold
        if style.underline { attributes |= towns_a_underline() }
        if style.reverse { attributes |= towns_a_reverse() }
        if style.dim { attributes |= towns_a_dim() }
        var pair: Int16 = 0
        if let colors {
            // Readable whatever the theme asks for (no text in its own background colour, no
            // bold black): `ColorMapping.cell`.
            let cell = colors.cell(style)
            bold = cell.bold
            pair = self.pair(PairKey(foreground: cell.foreground, background: cell.background))
        }
        if bold { attributes |= towns_a_bold() }
        cache[style] = (attributes, pair)
        return (attributes, pair)
    }

    /// The pair for `key`. The terminal's own colours (-1, -1) get a pair of their own too,
    /// not pair 0: ncurses ends every run of colour before a cell of pair 0 with no attributes
    /// by a full reset (`\e[39m` then sgr0 `\e(B\e[m`, 11 bytes), where a change to another
    /// pair costs only the colour (`\e[39m`); a row of gray `—` cells then costs half the bytes.
    private mutating func pair(_ key: PairKey) -> Int16 {
        if let known = pairs[key] { return known }
        let next = pairs.count + 1
        guard next < maxPairs, init_pair(Int16(next), key.foreground, key.background) == OK else { return 0 }
        pairs[key] = Int16(next)
        return Int16(next)
    }
}
