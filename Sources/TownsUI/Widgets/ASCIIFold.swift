extension Grid {
    /// Typographic punctuation of the interface's own texts written in ASCII, for the ASCII
    /// glyph set (`--ascii`, and a locale that is not UTF-8, where the terminal cannot show
    /// them and leaves a blank): “ ” ‘ ’ as quotes, — – as `-`, … (a name cut) as `.`, × as
    /// `x`, · as `-`, ≥ ≤ as `>` `<`, and marks left in prose as `Glyphs.ascii` draws them (≈ `~`,
    /// → before a figure `p`, else `>`).
    /// One cell each, so nothing moves; other characters (names in Chinese) are left as they are.
    public mutating func foldPunctuationToASCII() {
        for y in 0..<height {
            for x in 0..<width {
                if self[x, y].text == "→" {
                    // Before a figure the projection's mark (`→18.08` as `p18.08`), else an
                    // arrow between words (`大→小` as `大>小`).
                    let next = x + 1 < width ? self[x + 1, y].text : ""
                    self[x, y].text = next.first.map { $0.isNumber || "≈~".contains($0) } == true ? "p" : ">"
                } else if let ascii = Grid.asciiPunctuation[self[x, y].text] {
                    self[x, y].text = ascii
                }
            }
        }
    }

    static let asciiPunctuation: [String: String] = [
        "“": "\"", "”": "\"", "‘": "'", "’": "'", "—": "-", "–": "-", "…": ".", "×": "x", "·": "-",
        "≥": ">", "≤": "<", "−": "-",
        // Marks written in prose (a formula's "≈18.6", a projection's "→18.08"), as the ASCII set draws them.
        "≈": "~", "◇": "&", "†": "*", "▼": "v", "✓": "Y", "✗": "N", "│": "|", "─": "-", "◀": "<",
        // A change (the Δ columns, the changes tab), as a lower-case d: dDone, dRate, 7 d.
        "Δ": "d",
        // The sort mark (`SortMark`), as the keys that choose it: not `v`, the behind mark.
        "↓": ">", "↑": "<",
    ]
}
