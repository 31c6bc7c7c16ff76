/// Makes untrusted text (anything read from data files) safe to put on a terminal.
///
/// Data strings come from many offices; a control character or escape sequence in a town
/// name must never reach the terminal. Every string a view draws passes through
/// `sanitize`, which the `Grid` applies itself, and the non-interactive commands use it too.
public enum TerminalText {
    /// Returns `text` with every character that could drive the terminal or hide text
    /// replaced by a visible stand-in:
    /// - C0 controls and DEL become caret notation (`ESC` -> `^[`, `BEL` -> `^G`, DEL -> `^?`);
    ///   tab and newline too, since a cell holds one line;
    /// - C1 controls (U+0080-U+009F), bidirectional overrides and isolates (U+202A-U+202E,
    ///   U+2066-U+2069, U+200E, U+200F, U+061C), zero-width characters (U+200B-U+200D, U+2060,
    ///   U+FEFF, U+180E), line and paragraph separators, interlinear annotation controls, tag
    ///   characters (U+E0000-U+E007F, invisible text), and any other scalar `wcwidth` calls
    ///   non-printable become `�` (U+FFFD);
    /// - a lone regional indicator (half a flag: U+1F1E6-U+1F1FF not paired with its neighbour)
    ///   becomes `�` too: `wcwidth` gives it one column and some terminals draw two, which left
    ///   a stray cell beside it. Pairs (flags) are kept: two columns either way.
    public static func sanitize(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        // Nothing to replace (most Chinese text): the text as it is, not rebuilt scalar by scalar.
        if text.unicodeScalars.allSatisfy({ keptAsIs($0) }) { return text }
        if text.unicodeScalars.contains(where: { isRegionalIndicator($0.value) }) {
            return sanitizeScalars(lonelyIndicatorsReplaced(text.unicodeScalars))
        }
        return sanitizeScalars(text.unicodeScalars)
    }

    /// The scalars with every regional indicator that is not half of a pair replaced by U+FFFD.
    static func lonelyIndicatorsReplaced(_ view: String.UnicodeScalarView) -> [Unicode.Scalar] {
        var scalars = Array(view)
        var run = 0  // regional indicators in a row so far
        for i in scalars.indices {
            guard isRegionalIndicator(scalars[i].value) else { run = 0; continue }
            run += 1
            let pairsWithNext = run % 2 == 1 && i + 1 < scalars.count && isRegionalIndicator(scalars[i + 1].value)
            if run % 2 == 1 && !pairsWithNext { scalars[i] = "\u{FFFD}" }
        }
        return scalars
    }

    static func sanitizeScalars<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            let v = scalar.value
            if v < 0x20 || v == 0x7f {
                out.append("^")
                out.append(Unicode.Scalar(v == 0x7f ? 0x3f : v + 0x40)!)
            } else if v < 0x7f {
                out.append(scalar)
            } else if isHidden(v) || DisplayWidth.of(scalar) < 0 {
                out.append("\u{FFFD}")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `sanitize` for text of several lines (a report, a CSV file, a help text): each line is
    /// sanitised and the line ends are kept (LF, and CR LF as CSV has them); tabs are kept
    /// too (they only move the cursor right); a byte-order mark at the very start (a CSV for
    /// spreadsheets) is kept. Everything else that could drive a terminal is made visible,
    /// as `sanitize` does. Idempotent: sanitised text comes back unchanged.
    public static func sanitizeLines(_ text: String) -> String {
        if isPlainASCII(text) { return text }  // fast path (no line ends either)
        // By scalars: in Swift "\r\n" is one Character, which a split on "\n" would miss.
        var scalars = Substring(text).unicodeScalars
        var out = String.UnicodeScalarView()
        if scalars.first == "\u{FEFF}" {
            out.append("\u{FEFF}")
            scalars = scalars.dropFirst()
        }
        let lines = scalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            if i > 0 { out.append("\n") }
            var content = line
            var carriageReturn = false
            if content.last == "\r" {
                content = content.dropLast()
                carriageReturn = true
            }
            for (j, field) in content.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if j > 0 { out.append("\t") }
                out.append(contentsOf: sanitize(String(String.UnicodeScalarView(field))).unicodeScalars)
            }
            if carriageReturn { out.append("\r") }
        }
        return String(out)
    }

    /// `DisplayWidth.of(sanitize(text))`, in cells, without making the sanitised copy when every
    /// scalar is one `sanitize` keeps and that never joins another in a character (printable
    /// ASCII, CJK ideographs and punctuation, full-width forms, Latin-1 letters and signs,
    /// dashes and quotes, arrows, box drawing, blocks and shapes, dingbats: grapheme break
    /// property Other, none hidden): then the width is the sum of the scalars' widths, as
    /// `DisplayWidth.of` counts each one-scalar character. Else as `sanitize` and
    /// `DisplayWidth.of` give it. A type's 2,500 towns joined are measured scalar by scalar.
    public static func sanitizedWidth(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x20 && v < 0x7f { total += 1; continue }
            guard isLoneScalar(v) else { return DisplayWidth.of(sanitize(text)) }
            let w = DisplayWidth.of(scalar)
            if w < 0 { return DisplayWidth.of(sanitize(text)) }
            total += w
        }
        return total
    }

    /// Scalars that are a character alone whatever is beside them (grapheme break property
    /// Other: no combining mark, joiner, Hangul jamo, regional indicator or control) and that
    /// `sanitize` keeps (not `isHidden`), in the ranges table cells hold.
    static func isLoneScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0xa1...0xac, 0xae...0xff: return true  // Latin-1 signs and letters (not the soft hyphen)
        case 0x2010...0x2027: return true  // dashes, quotes, bullets, `…`
        case 0x2190...0x21ff, 0x2500...0x25ff, 0x2700...0x27bf: return true  // arrows, boxes, blocks, shapes, dingbats
        case 0x3001...0x3011: return true  // CJK punctuation (、。「」【】; not the combining marks at 302A)
        case 0x3400...0x4dbf, 0x4e00...0x9fff: return true  // CJK ideographs
        case 0xff01...0xff5e: return true  // full-width forms (（），：)
        default: return false
        }
    }

    /// True when `text` is printable ASCII only (the fast path: nothing to replace).
    @inlinable
    public static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7f }
    }

    /// Whether `sanitize` keeps `scalar` as it is, wherever it stands (a regional indicator
    /// depends on its neighbours: never).
    static func keptAsIs(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v >= 0x20 && v < 0x7f { return true }
        if v < 0xa0 { return false }  // C0, DEL, C1
        return !isRegionalIndicator(v) && !isHidden(v) && DisplayWidth.of(scalar) >= 0
    }

    static func isRegionalIndicator(_ v: UInt32) -> Bool { (0x1f1e6...0x1f1ff).contains(v) }

    static func isHidden(_ v: UInt32) -> Bool {
        switch v {
        case 0x80...0x9f: return true  // C1 controls (CSI, OSC, DCS as one byte)
        case 0x200b...0x200f: return true  // zero-width space/joiners, LRM, RLM
        case 0x202a...0x202e: return true  // bidi embeddings and overrides
        case 0x2060...0x2069: return true  // word joiner, invisible operators, isolates
        case 0x061c, 0xfeff: return true  // Arabic letter mark, BOM / ZWNBSP
        case 0x180e: return true  // Mongolian vowel separator (zero width)
        case 0x2028, 0x2029: return true  // line and paragraph separators
        case 0xfff9...0xfffb: return true  // interlinear annotation controls
        case 0xe0000...0xe007f: return true  // tag characters (invisible text)
        default: return false
        }
    }
}
