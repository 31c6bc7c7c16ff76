import CTownsText
import Foundation

/// Pinyin forms of names, for search and for sorting Chinese by its reading.
///
/// Pinyin comes from Foundation's Mandarin-to-Latin transform (ICU), tones stripped:
/// 海盐核电小镇 -> full "haiyanhedianxiaozhen", initials "hyhdxz". ICU's transform costs
/// about 18 µs per character, so each distinct Chinese character is transformed once and
/// kept, and a name's pinyin is its characters' pinyin in order (a dataset of 10,000 town
/// names holds a few hundred distinct characters). ICU reads a few words differently from
/// their characters (重庆 chongqing, not zhongqing); none is in a Zhejiang town, county or
/// entity name of the bundled data or of `towns generate` (tested). A digit in a name is a
/// word of its own in the initials (小镇2号: xz2h). Start-up does none of this work. A
/// dataset read from a snapshot gives the readings its characters had when it was written
/// (`DerivedKeys.syllables`, by this same code): ICU is asked only for a character not among them.
///
/// `@unchecked Sendable`: `cache`, `characters` and `stored` are read and written only under `lock`.
public final class SearchIndex: @unchecked Sendable {
    public struct Forms: Sendable {
        /// Lower-cased text as written.
        public var plain: String
        /// Full pinyin without tones or spaces ("haiyanhedianxiaozhen"); the plain text for
        /// text without Chinese.
        public var pinyin: String
        /// First letter of each syllable or word ("hyhdxz").
        public var initials: String
        /// The syllables (or words) `pinyin` is made of, in order (["hai", "yan", "he", "dian", ...]).
        public var syllables: [String] = []
    }

    private var cache: [String: Forms] = [:]
    private var characters: [Character: String] = [:]
    /// The readings stored in a snapshot, taken into `characters` when a reading is first needed.
    private var stored: (@Sendable () -> [Character: String]?)?
    /// `endings` once worked out.
    private var endingsMade: [String]?
    private let lock = NSLock()

    /// An empty index; `stored` gives readings of characters worked out before (a snapshot's),
    /// asked for once, when the first character's reading is needed.
    public init(stored: (@Sendable () -> [Character: String]?)? = nil) {
        self.stored = stored
    }

    /// The reading of every character read so far (ICU's or stored), as a snapshot stores them.
    public var syllables: [Character: String] {
        lock.lock()
        defer { lock.unlock() }
        return characters
    }

    /// Whether `scalar` is a CJK ideograph (the blocks ICU reads as Mandarin).
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x3400...0x9FFF).contains(scalar.value) || (0x20000...0x2FFFF).contains(scalar.value)
    }

    /// The pinyin syllables of one Chinese character, lower case without tones ("hai"); the
    /// character's own text when ICU has no reading. Called with the lock held.
    private func syllable(_ ch: Character) -> String {
        if let known = characters[ch] { return known }
        if let load = stored {
            stored = nil
            characters.merge(load() ?? [:]) { known, _ in known }
            if let known = characters[ch] { return known }
        }
        let latin =
            String(ch).applyingTransform(.mandarinToLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false)?.lowercased() ?? String(ch).lowercased()
        characters[ch] = latin
        return latin
    }

    /// The forms of `text` (computed once per distinct string).
    public func forms(_ text: String) -> Forms {
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[text] { return known }
        let plain = text.lowercased()
        var pinyin = plain
        var initials = ""
        var parts: [String] = []
        if text.unicodeScalars.contains(where: Self.isHan) {
            // Each Chinese character stands apart, as ICU writes it ("hai yan"); other text
            // keeps its words.
            var latin = ""
            for ch in text {
                if ch.unicodeScalars.contains(where: Self.isHan) {
                    latin += " " + syllable(ch) + " "
                } else {
                    latin += ch.lowercased()
                }
            }
            let syllables = latin.split { !$0.isLetter && !$0.isNumber }
            pinyin = syllables.joined()
            initials = String(syllables.compactMap(\.first))
            parts = syllables.map(String.init)
        } else {
            let words = plain.split { !$0.isLetter && !$0.isNumber }
            initials = String(words.compactMap(\.first))
            parts = words.map(String.init)
        }
        let forms = Forms(plain: plain, pinyin: pinyin, initials: initials, syllables: parts)
        cache[text] = forms
        return forms
    }

    /// A query as it is matched: lower case, without white space.
    public static func normalizedQuery(_ query: String) -> String {
        query.lowercased().filter { !$0.isWhitespace }
    }

    /// `text` lower-cased with each run of white space one space, none at either end: how English
    /// words are matched ("China  Nuclear" -> "china nuclear"), so a query crosses a word's end
    /// only where it has a space there.
    static func spaced(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The generic endings of names that every town, company or county shares (小镇 xiaozhen,
    /// 特色小镇, 有限公司, 集团, ...), longest first: the pinyin and initials a search looks in leave
    /// them out, so `/x` finds 桐乡 (tongxiang), not every town for its 小镇 (wave 8, finding 5).
    static let genericEndings = ["特色小镇", "小镇", "股份有限公司", "有限公司", "公司", "集团"]
    /// The same endings as a reading (towns.toml `reading`) spells them.
    static let genericReadings = [" te se xiao zhen", " xiao zhen"]

    /// `text` without its generic ending (`genericEndings`; a county's 市/县/区 after two or more
    /// characters), a number after it kept (小镇2号 -> 2号); `text` itself when nothing is left.
    /// 海盐核电小镇 -> 海盐核电, 海宁市 -> 海宁, 华新实业集团 -> 华新实业, "hai yan he dian xiao zhen" -> "hai yan he dian".
    public static func distinctive(_ text: String) -> String {
        var core = Substring(text)
        var tail = Substring("")
        if core.hasSuffix("号") {
            let digits = core.dropLast().reversed().prefix { $0.isNumber }.count
            if digits > 0 { (core, tail) = (core.dropLast(digits + 1), core.suffix(digits + 1)) }
        }
        let before = core.count
        for ending in genericEndings + genericReadings where core.hasSuffix(ending) && core.count > ending.count {
            core = core.dropLast(ending.count)
            break
        }
        if core.count == before, tail.isEmpty, core.count >= 3, let last = core.last, "市县区".contains(last) {
            core = core.dropLast()
        }
        return String(core + tail)
    }

    /// Whether `term` is a reading (towns.toml `reading`, "lin an yun zhi zao"): two or more words of
    /// lower-case ASCII letters (or digits), as no English name is written; matched as pinyin, from a
    /// syllable's start only (`:town ny` found 临安云制造 through li-n a-n y-un, wave 12).
    static func isReading(_ term: String) -> Bool {
        term.contains(" ") && !term.hasPrefix(" ")
            && term.allSatisfy { $0 == " " || ($0.isASCII && ($0.isLowercase || $0.isNumber)) }
    }

    /// What a search looks in for a row named by `terms`: for each term, its lower-cased
    /// text without white space (whole: 小镇 typed in Chinese finds every town), and the pinyin
    /// and initials of its distinctive part (`distinctive`: no 小镇 xiaozhen, 有限公司, 县), as
    /// UTF-8 each ended by NUL, or by 1 after a Chinese name's pinyin and initials (no query
    /// holds either), so one byte search covers them all.
    /// A Chinese name's (or a reading's) full pinyin is matched only from the start of a syllable
    /// (wave 12: `/nh` is not haiya-n-h-edian): it is written once from each syllable on, in upper
    /// case after byte 2 ("\u{2}HAIYANHEDIAN", "\u{2}YANHEDIAN", ...), and `needles` looks for a
    /// query's letters there only as byte 2 and the query in upper case. Initials are syllables'
    /// starts already, so any run of them matches (南湖 nh).
    public func haystack(_ terms: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for term in terms {
            let core = Self.distinctive(term)
            let f = forms(term), d = core == term ? f : forms(core)
            let isHan = term.unicodeScalars.contains(where: Self.isHan)
            // A reading ("hai yan he dian xiao zhen") is pinyin already: it goes in as pinyin only.
            let isReading = !isHan && Self.isReading(term)
            if !isReading {
                // English keeps one space between its words (a query runs across words only where it
                // has the space: `nan` is not "chi-na n-uclear", `na nu` is); Chinese has none.
                out += (isHan ? f.plain.filter { !$0.isWhitespace } : Self.spaced(f.plain)).utf8
                out.append(0)
            }
            guard isHan || isReading else {
                // English words, as typed, matched anywhere; they end with 0 ("Town" is no ending).
                out += Self.spaced(d.pinyin).utf8
                out.append(0)
                out += d.initials.utf8
                out.append(0)
                continue
            }
            // A Chinese name's (or reading's) pinyin and initials end with 1, where a query may run
            // on into the ending (`needles`).
            let parts = d.syllables
            for start in parts.indices {
                out.append(2)
                out += parts[start...].joined().uppercased().utf8
                out.append(1)
            }
            out += d.initials.utf8
            out.append(1)
        }
        return out
    }

    /// The generic endings' pinyin and initials ("xiaozhen", "xz", "xian", "x", ...), worked out once
    /// by a new index (ICU's readings).
    public static let endingForms: [String] = SearchIndex().endings

    /// The generic endings' pinyin and initials as this index reads them (`endingForms`), worked
    /// out once: from the snapshot's stored readings when it has them, so a first search does not
    /// load ICU's transform (hundreds of ms on a loaded machine, issue 17 point 3).
    public var endings: [String] {
        lock.lock()
        let known = endingsMade
        lock.unlock()
        if let known { return known }
        let forms = (Self.genericEndings + ["市", "县", "区"]).map { self.forms($0) }
        let made = Array(Set(forms.flatMap { [$0.pinyin, $0.initials] })).sorted()
        lock.lock()
        endingsMade = made
        lock.unlock()
        return made
    }

    /// What a search looks for in the byte haystacks (`haystack`): the query as it is matched
    /// (`normalizedQuery`), and, for a query that runs on from a name's distinctive part into its
    /// generic ending ("hyhdxz", "haiyanhedianxiaozhen" for 海盐核电小镇), the part before the
    /// ending followed by byte 1: it must END a Chinese name's pinyin or initials ("hyhd"). A query
    /// within the ending alone ("x", "xz", "xiaozhen"), or with one letter before it, matches no ending.
    /// A longer query never matches a row a shorter one missed (the narrowing `ViewCache` does).
    /// `endings`: the endings' forms to look for (an index's `endings`; ICU's by default).
    public static func needles(_ query: String, endings: [String] = endingForms) -> [[UInt8]] {
        let q = normalizedQuery(query)
        var out = [Array(q.utf8)]
        // With its spaces, for English words (`haystack`): "nuclear power" finds "Nuclear Power".
        let withSpaces = spaced(query)
        if withSpaces != q { out.append(Array(withSpaces.utf8)) }
        // The full pinyin, from a syllable's start (`haystack`).
        let pinyin = [UInt8(2)] + Array(q.uppercased().utf8)
        if q.contains(where: { $0.isASCII && $0.isLetter }) { out.append(pinyin) }
        for form in endings {
            // At least two letters before the ending: "cx" is not "c" + 县's x (湖州丝绸 hzsc).
            for k in 1...form.count where q.count >= k + 2 && q.hasSuffix(form.prefix(k)) {
                for needle in [Array(q.dropLast(k).utf8) + [1], [2] + Array(q.dropLast(k).uppercased().utf8) + [1]]
                where !out.contains(needle) {
                    out.append(needle)
                }
            }
        }
        return out
    }

    /// Whether `needle` occurs in `haystack` (bytes; both UTF-8, so a match is a match of
    /// whole characters).
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        return haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in towns_bytes_contain(h.baseAddress, h.count, n.baseAddress, n.count) != 0 }
        }
    }

    /// Whether `query` matches any of `terms`: as a substring of the text (Chinese or
    /// English, case-insensitive; Chinese with white space ignored, English across a word's end
    /// only where the query has a space: `spaced`), of the pinyin of its distinctive part
    /// (`haiyan`), or of its initials (`hyhd`), or running on from either into the ending (`needles`).
    public func matches(_ query: String, _ terms: [String]) -> Bool {
        let hay = haystack(terms)
        return Self.needles(query, endings: endings).contains { Self.contains(hay, $0) }
    }
}
