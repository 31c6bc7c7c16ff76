extension Grid {
    /// Typographic punctuation of the interface's own texts written in ASCII, for the ASCII
    /// glyph set (`--ascii`, and a locale that is not UTF-8, where the terminal cannot show
    /// them and leaves a blank): “ ” ‘ ’ as quotes, — – as `-`, … (a name cut) as `.`, × as
    /// `x`, · as `-`, ≥ ≤ as `>` `<`, and marks left in prose as `Glyphs.ascii` draws them (≈ `~`,
    /// → `^`). One cell each, so nothing moves; other characters (names in Chinese) are left as they are.
    public mutating func foldPunctuationToASCII() {
        for y in 0..<height {
            for x in 0..<width {
                if let ascii = Grid.asciiPunctuation[self[x, y].text] { self[x, y].text = ascii }
            }
        }
    }

    static let asciiPunctuation: [String: String] = [
        "“": "\"", "”": "\"", "‘": "'", "’": "'", "—": "-", "–": "-", "…": ".", "×": "x", "·": "-",
        "≥": ">", "≤": "<", "−": "-",
        // Marks written in prose (a formula's "≈18.6", a projection's "→18.08"), as the ASCII set draws them.
        "≈": "~", "→": "^", "◇": "&", "†": "*", "▼": "v", "✓": "Y", "✗": "N", "│": "|", "─": "-", "◀": "<",
        // A change (the Δ columns, the changes tab), as a lower-case d: dDone, dRate, 7 d.
        "Δ": "d",
        // The sort mark (`SortMark`), as the keys that choose it: not `v`, the behind mark.
        "↓": ">", "↑": "<",
    ]
}
