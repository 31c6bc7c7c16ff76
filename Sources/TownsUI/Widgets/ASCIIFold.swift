extension Grid {
    /// Typographic punctuation of the interface's own texts written in ASCII, for the ASCII
    /// glyph set (`--ascii`, and a locale that is not UTF-8, where the terminal cannot show
    /// them and leaves a blank): “ ” ‘ ’ as quotes, — – as `-`, … ending a text as `.` (`working out…`), and
    /// before a word (`… and 3 more`, `name… 另 2 个`) as a blank: the words say that more follows, and a lone `.`
    /// read as a full stop (a cut is drawn `$`, `Glyphs.cut`), Δ as `D` (not `d`, a place lost), × as
    /// `x`, ÷ as `/`, · as `-`, ≥ ≤ as `>` `<`, and marks left in prose as `Glyphs.ascii` draws them (≈ `~`,
    /// → before a figure `p`, else `>`).
    /// One cell each, so nothing moves; other characters (names in Chinese) are left as they are.
    public mutating func foldPunctuationToASCII() {
        for y in 0..<height {
            for x in 0..<width {
                let next = x + 1 < width ? self[x + 1, y].text.first : nil
                let then = x + 2 < width ? self[x + 2, y].text.first : nil
                if let ascii = Grid.ascii(self[x, y].text, before: next, then: then) { self[x, y].text = ascii }
            }
        }
    }

    /// `text` (one cell's) as the ASCII set writes it, before `next`; nil: as it is. `→` before
    /// a figure is the projection's mark (`→18.08` as `p18.08`), else an arrow between words
    /// (`大→小` as `大>小`).
    /// `then`: the character after `next` (a `…` before a space and a word is a blank).
    static func ascii(_ text: String, before next: Character?, then: Character? = nil) -> String? {
        if text == "→" { return next.map { $0.isNumber || "≈~".contains($0) } == true ? "p" : ">" }
        // Before a word only: before ` (` (`working… (2000 towns`) the `…` ends a text, a `.`.
        if text == "…", next == " ", let then, then.isLetter || then.isNumber { return " " }
        return asciiPunctuation[text]
    }

    /// `text` with the punctuation and prose marks `foldPunctuationToASCII` folds on screen, for
    /// what the ASCII set writes to files (`--ascii` reports and exports). A file need not keep
    /// one cell for one: a dash is `--` (a lone `-` would read as minus, or as zero in a
    /// spreadsheet), a cut `…` is `...`.
    public static func foldToASCII(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        let characters = Array(text)
        var out = ""
        for (i, ch) in characters.enumerated() {
            let next = i + 1 < characters.count ? characters[i + 1] : nil
            out += fileASCII[ch] ?? ascii(String(ch), before: next) ?? String(ch)
        }
        return out
    }

    static let fileASCII: [Character: String] = ["—": "--", "…": "..."]

    static let asciiPunctuation: [String: String] = [
        "“": "\"", "”": "\"", "‘": "'", "’": "'", "—": "-", "–": "-", "…": ".", "×": "x", "·": "-",
        "≥": ">", "≤": "<", "−": "-", "²": "2",
        // A formula's division (the help's projection, a page's Chinese formula with --ascii): under
        // LANG=C it was drawn `?`, the "cannot be judged" mark (wave 23, F6); `›` as `>`.
        "÷": "/", "›": ">",
        // Marks written in prose (a formula's "≈18.6", a projection's "→18.08"), as the ASCII set draws them.
        "≈": "~", "◇": "&", "†": "*", "▼": "v", "✓": "Y", "✗": "N", "│": "|", "─": "-", "◀": "<",
        // A place's move, new since, not yet due (the help's and the legends' prose: under LANG=C
        // `▽` was drawn `?`, the "cannot be judged" mark: wave 22's fresh user).
        "▲": "u", "▽": "d", "✦": "n", "○": "o",
        // A change (the Δ columns), as an upper-case D (DDone, DRate): not `d`, a place lost (`Glyphs.ascii`).
        "Δ": "D",
        // The sort mark (`SortMark`), as the keys that choose it: not `v`, the behind mark.
        "↓": ">", "↑": "<",
    ]
}

extension Glyphs {
    /// Whether this is the ASCII set (as drawn, or as exports write it: `forExport`).
    public var isASCII: Bool { self == .ascii || self == Glyphs.ascii.forExport }

    /// `text` as a file written with this set holds it: sanitised (`TerminalText.sanitize`),
    /// and in the ASCII set with its punctuation and prose marks folded (`Grid.foldToASCII`), as
    /// the screen draws them (`→18.08` as `p18.08`, `≈` as `~`, `—` as `-`).
    public func written(_ text: String) -> String {
        let safe = TerminalText.sanitize(text)
        return isASCII ? Grid.foldToASCII(safe) : safe
    }
}

extension ExportFrame {
    /// This frame's lines as `glyphs` writes them (`Glyphs.written`).
    func written(_ glyphs: Glyphs) -> ExportFrame {
        guard glyphs.isASCII else { return self }
        var f = ExportFrame(
            heading: heading.map(glyphs.written), legend: legend.map(glyphs.written),
            sources: sources.map(glyphs.written))
        (f.legendTitle, f.sourcesTitle) = (glyphs.written(legendTitle), glyphs.written(sourcesTitle))
        return f
    }
}
