import CTownsText

/// Display width in terminal cells (columns), as the C library's `wcwidth` reports it under a
/// UTF-8 locale: the width ncursesw uses to place characters, so a table aligned here is
/// aligned in a real terminal. 海 is one `Character` and two cells; `é` written as `e` plus a
/// combining accent is one cell; box-drawing and block characters (East Asian "ambiguous")
/// are one cell, as glibc and tmux count them.
public enum DisplayWidth {
    /// Width of one scalar: 0 (combining), 1 or 2; -1 for a control or non-printable scalar.
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7f { return 1 }
        return Int(towns_scalar_width(v))
    }

    /// Width of one grapheme cluster: the sum of its scalars' widths, capped at 2. A cluster
    /// with a non-printable scalar reports -1 (it must be sanitised before display).
    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars {
            let w = of(scalar)
            if w < 0 { return -1 }
            total += w
        }
        return min(total, 2)
    }

    /// Width of a string that has been sanitised (`TerminalText.sanitize`), in columns.
    public static func of(_ string: String) -> Int {
        var total = 0
        for character in string {
            total += max(of(character), 0)
        }
        return total
    }
}
