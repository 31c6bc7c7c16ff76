/// Wrapping by display width.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` cells, breaking after spaces where it can
    /// and anywhere between CJK characters, except before closing punctuation (`closing`: a
    /// line never starts with `），。`) and after opening punctuation (`opening`: never ends with
    /// `（【`): there one character more goes over. Sanitised first.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrapSanitized(TerminalText.sanitize(text), width: width)
    }

    /// `wrap` of text sanitised already: not sanitised again. `firstLineOnly`: the first line
    /// alone (`wrap`'s first, as `headAtWord` takes it), the loop left as soon as a second line
    /// has begun: a note's window of `width + 4` Chinese characters is two lines, the second
    /// of which was worked out for nothing (wave 31; `W31FirstLineTests` compares the two).
    static func wrapSanitized(_ safe: String, width: Int, firstLineOnly: Bool = false) -> [String] {
        guard width > 0 else { return [] }
        // Text that fits whole is one line as it is (the loop below breaks it nowhere). Summed
        // by scalar, a width is never less than summed by character (a cluster's is capped at
        // 2), so this takes only text the loop keeps whole, without its per-character steps:
        // most of a town page's notes (a fifth of its first frame at 60 periods).
        var scalarWidth = 0
        for scalar in safe.unicodeScalars {
            scalarWidth += max(0, DisplayWidth.of(scalar))
            if scalarWidth > width { break }
        }
        if scalarWidth <= width { return [safe] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        // The last place the line may break: after a space (the space is dropped) or before a
        // wide (CJK) character.
        var lastBreak: (at: String.Index, space: Bool)?
        for i in safe.indices {
            // The first line is settled once another follows it (a line appended is never
            // changed; only the last line keeps its trailing blanks).
            if firstLineOnly, lines.count >= 2 || (lines.count == 1 && !line.isEmpty) {
                var first = lines[0]
                while first.hasSuffix(" ") { first.removeLast() }
                return [first]
            }
            let ch = safe[i]
            // A space between a number and the wide unit after it (`30 个`) is no break (wave 30).
            let glued = ch == " " && (line.last.map { $0.isASCII && $0.isNumber } ?? false)
                && safe.index(after: i) < safe.endIndex && DisplayWidth.of(safe[safe.index(after: i)]) == 2
            let w = max(0, DisplayWidth.of(ch))
            if lineWidth + w > width {
                if ch == " ", !glued {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                    lastBreak = nil
                    continue
                }
                if w < 2 || !breakable(before: ch, after: line), let cut = lastBreak {
                    let head = String(line[..<cut.at])
                    let tail = String(line[(cut.space ? line.index(after: cut.at) : cut.at)...])
                    lines.append(head)
                    line = tail
                    lineWidth = DisplayWidth.of(tail)
                } else {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                lastBreak = nil
                if lineWidth + w > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if glued, line.isEmpty { continue }  // no line starts with the space
            }
            if ch == " " {
                if !glued { lastBreak = (line.endIndex, true) }
            } else if w == 2, !line.isEmpty, breakable(before: ch, after: line) {
                lastBreak = (line.endIndex, false)
            }
            line.append(ch)
            lineWidth += w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        // (A line that is all closing punctuation and wider than `width` still breaks where it must.)
        // A line broken before a CJK character may end in the space before it.
        let trimmed = lines.enumerated().map { i, l in
            guard i < lines.count - 1 else { return l }
            var l = l
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }
        // A second line begun only by the loop's last character, or after it: the first alone.
        return firstLineOnly ? Array(trimmed.prefix(1)) : trimmed
    }

    /// Where a Chinese line may end without cutting a word: after a clause's punctuation.
    public static let clauseMarks: Set<Character> = ["，", "；", "：", "、", "。", "）", "」", "！", "？"]

    /// The first line of `text` (sanitised) in `width` cells as `wrap` breaks it, except that a
    /// break between two CJK characters (inside a Chinese word: `落` | `后`) moves back to the
    /// last blank or clause mark (`clauseMarks`) where what is left is at least a third of
    /// `backTo` cells (default `width`); else it stays. The long messages' cut
    /// (`Renderer.cutAtWord`) and the lists' notes (`wrapAtWords`) break here.
    public static func headAtWord(_ text: String, width: Int, backTo: Int? = nil) -> String {
        headAtWord(sanitized: TerminalText.sanitize(text), width: width, backTo: backTo)
    }

    /// `headAtWord` of text sanitised already (`wrapAtWords`' rest): not sanitised again.
    static func headAtWord(sanitized safe: String, width: Int, backTo: Int? = nil) -> String {
        var head = wrapSanitized(safe, width: width, firstLineOnly: true).first ?? ""
        let next = safe.dropFirst(head.count).first
        if let last = head.last, let next, DisplayWidth.of(last) == 2, DisplayWidth.of(next) == 2,
           !clauseMarkTable.contains(last)
        {
            var shorter = head
            // Back to a blank that is a break: not one between a number and its unit (`30 个`).
            while let c = shorter.last, !clauseMarkTable.contains(c) {
                if c == " " {
                    let before = shorter.dropLast().last, after = safe.dropFirst(shorter.count).first
                    let glued = (before.map { $0.isASCII && $0.isNumber } ?? false)
                        && (after.map { DisplayWidth.of($0) == 2 } ?? false)
                    if !glued { break }
                }
                shorter.removeLast()
            }
            if DisplayWidth.of(shorter) * 3 >= (backTo ?? width) { head = shorter }
        }
        return head
    }

    /// `text` in lines of at most `width` cells, as `wrap`, but breaking Chinese text at a blank
    /// or after a clause's mark, not inside a word, where that leaves a line at least a third
    /// full (`headAtWord`, the long messages' cut): a list's notes (the types view's note broke
    /// `落后` at 80 columns, wave 28's fresh user).
    ///
    /// Each line is worked out from a window of the text's next `width + 4` characters, which
    /// holds all its first line depends on (at most `width` characters, the one after, and a
    /// closing mark that goes over), not from
    /// the whole rest: a note of N lines was wrapped whole N times, a fifth of a cold sort at 10,000
    /// towns (its notes measured every frame). The lines are the same (`W29NoteWrapWindowTests`).
    /// `maxLines`: at most that many lines are worked out (the first ones), for a count of lines
    /// up to a limit (`Renderer.notesReserved` counts 3).
    public static func wrapAtWords(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var rest = Substring(TerminalText.sanitize(text))
        var lines: [String] = []
        let bound = width + 4
        // The window when it is wider than `width` (then so is the rest), else the rest whole (a
        // window of zero-width characters, or the last line).
        func window(_ s: Substring) -> String {
            let head = s.prefix(bound)
            return head.endIndex == s.endIndex || DisplayWidth.of(String(head)) <= width ? String(s) : String(head)
        }
        while lines.count < maxLines {
            let next = window(rest)
            guard DisplayWidth.of(next) > width else { break }
            var head = headAtWord(sanitized: next, width: width)
            if head.isEmpty { head = String(rest.prefix(1)) }  // never stuck (a width of one wide character)
            rest = rest.dropFirst(head.count)
            while head.hasSuffix(" ") { head.removeLast() }
            while rest.first == " " { rest = rest.dropFirst() }
            lines.append(head)
        }
        if lines.count < maxLines, !rest.isEmpty || lines.isEmpty { lines.append(String(rest)) }
        return lines
    }

    /// `text` wrapped at words (`wrapAtWords`) in `width` cells, its lines after the first
    /// indented by `indent` blanks (a hanging indent: a legend's meaning under its meaning, not
    /// under its mark). Where `indent` leaves less than half the width, the lines are not
    /// indented. A printed town page's legend (`≈   derived: …`) ran to 184 columns at
    /// `--width 80` (wave 30's fresh user).
    public static func wrapHanging(_ text: String, width: Int, indent: Int) -> [String] {
        let safe = TerminalText.sanitize(text)
        guard indent > 0, indent * 2 <= width, DisplayWidth.of(safe) > width else {
            return wrapAtWords(safe, width: width)
        }
        let first = wrapAtWords(safe, width: width, maxLines: 1).first ?? ""
        var rest = Substring(safe).dropFirst(first.count)
        while rest.first == " " { rest = rest.dropFirst() }
        if rest.isEmpty { return [first] }
        let pad = String(repeating: " ", count: indent)
        return [first] + wrapAtWords(String(rest), width: width - indent).map { pad + $0 }
    }

    /// A legend line's hanging indent: the width of its mark and the blanks after it (`≈   derived:
    /// …` gives 4), or 0 where it has no run of two blanks after a first word.
    public static func legendIndent(_ line: String) -> Int {
        guard let r = line.range(of: #"^\S+ {2,}"#, options: .regularExpression) else { return 0 }
        return DisplayWidth.of(String(line[r]))
    }

    /// Punctuation a line never starts with (Chinese line breaking; `～` of a range, `50%～60%`).
    public static let closing: Set<Character> = ["）", "】", "」", "』", "，", "。", "、", "；", "：", "！", "？", "》", "〉", "～"]
    /// Punctuation a line never ends with.
    public static let opening: Set<Character> = ["（", "【", "「", "『", "《", "〈"]

    /// Whether a line may break between `previous` and `next`: not before closing punctuation, not
    /// after opening punctuation (an ASCII `(` or `[` too, so a reference such as `二(二)` stays
    /// whole: a printed town page broke `paper 二(` | `二)`, wave 29's fresh user), and not between a
    /// number and the unit after it (`50` | `亿元`, `2015` | `年`, `30` | ` 个`).
    /// Nor inside a unit (`units`: `9.3亿` | `元`).
    static func breakable(before next: Character, after line: String) -> Bool {
        guard let previous = line.last else { return !closingTable.contains(next) }
        guard !closingTable.contains(next), !openingTable.contains(previous), previous != "(", previous != "[",
              !(previous.isASCII && previous.isNumber)
        else { return false }
        // Nor after a number and a space (`30 个`: the space is no break either, `wrapSanitized`).
        if previous == " ", let before = line.dropLast().last, before.isASCII, before.isNumber { return false }
        // Inside a unit: the line ends with its first characters and `next` is the one after them.
        // Only a character of some unit can be (`unitCharacters`, one lookup): every wide character
        // of a note asked each unit's characters in turn, over a quarter of a cold assessment at 10,000 towns.
        guard unitTable.contains(next) else { return true }
        for unit in units where unit.contains(next) {
            var head = ""
            for c in unit {
                if c == next, !head.isEmpty, line.hasSuffix(head) { return false }
                head.append(c)
            }
        }
        return true
    }

    /// Units a line never breaks inside (the data's amounts, areas and visitors).
    static let units: [String] = ["亿元", "万元", "平方公里", "万人次", "人次"]

    /// Every character of `units` (derived from them, not a list of its own): a character outside
    /// it is inside no unit, so `breakable` looks no further.
    static let unitCharacters: Set<Character> = Set(units.joined())

    /// `closing`, `opening`, `clauseMarks` and `unitCharacters` as `CharacterTable`s: the same
    /// characters, asked by scalar (wave 31: a `Set<Character>` lookup normalised every
    /// Chinese character it was asked about, a quarter of a cold assessment at 10,000 towns).
    static let closingTable = CharacterTable(closing)
    static let openingTable = CharacterTable(opening)
    static let clauseMarkTable = CharacterTable(clauseMarks)
    static let unitTable = CharacterTable(unitCharacters)
}

/// A `Set<Character>` asked cheaply: a character of one scalar that is its own normal form
/// (`isOwnNormalForm`: ASCII, CJK punctuation, the unified ideographs, full-width forms) is
/// looked up by its scalar's value, without the normalisation a `Character`'s hash runs; any
/// other character (`U+F9E9`, which is `里`; a base with combining marks) asks the set itself.
/// The answer is always the set's (`Character ==` is canonical equivalence; `W31WrapScalarTests`).
struct CharacterTable: Sendable {
    /// The characters, as the rules list them: the one source of the table.
    let characters: Set<Character>
    /// Their scalars' values, when every character is one scalar that is its own normal form;
    /// else nil, and every lookup asks `characters` (no character could be found wrongly).
    let scalars: [UInt32]?

    /// The table of `characters`.
    init(_ characters: Set<Character>) {
        self.characters = characters
        var values: [UInt32] = []
        for c in characters {
            let u = c.unicodeScalars
            guard let s = u.first, u.count == 1, Self.isOwnNormalForm(s) else {
                scalars = nil
                return
            }
            values.append(s.value)
        }
        scalars = values.sorted()
    }

    /// Whether `character` is one of `characters` (canonically equal to one).
    func contains(_ character: Character) -> Bool {
        if let scalars {
            var it = character.unicodeScalars.makeIterator()
            if let s = it.next(), it.next() == nil, Self.isOwnNormalForm(s) {
                // Both sides are their own normal forms: equal exactly when the scalars are.
                return scalars.contains(s.value)
            }
        }
        return characters.contains(character)
    }

    /// Whether `scalar`, alone, is its own canonical normal form and equal to no other scalar
    /// alone: ASCII, CJK symbols and punctuation, the unified ideographs (not the compatibility
    /// ones, `U+F900`–: those decompose), half- and full-width forms. Every scalar it takes is
    /// checked against Foundation's normalisation (`W31WrapScalarTests`).
    static func isOwnNormalForm(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0000...0x007F, 0x3000...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF: return true
        default: return false
        }
    }
}
