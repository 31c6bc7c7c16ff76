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
    }

    private var cache: [String: Forms] = [:]
    private var characters: [Character: String] = [:]
    /// The readings stored in a snapshot, taken into `characters` when a reading is first needed.
    private var stored: (@Sendable () -> [Character: String]?)?
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
        } else {
            initials = String(plain.split { !$0.isLetter && !$0.isNumber }.compactMap(\.first))
        }
        let forms = Forms(plain: plain, pinyin: pinyin, initials: initials)
        cache[text] = forms
        return forms
    }

    /// A query as it is matched: lower case, without white space.
    public static func normalizedQuery(_ query: String) -> String {
        query.lowercased().filter { !$0.isWhitespace }
    }

    /// What a search looks in for a row named by `terms`: for each term, its lower-cased
    /// text without white space, its pinyin and its initials, as UTF-8 separated by NUL
    /// (which no query holds), so one byte search covers them all.
    public func haystack(_ terms: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for term in terms {
            let f = forms(term)
            out += f.plain.filter { !$0.isWhitespace }.utf8
            out.append(0)
            out += f.pinyin.utf8
            out.append(0)
            out += f.initials.utf8
            out.append(0)
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
    /// English, case-insensitive, white space ignored), of the full pinyin (`haiyan`), or of
    /// the initials (`hyhd`).
    public func matches(_ query: String, _ terms: [String]) -> Bool {
        Self.contains(haystack(terms), Array(Self.normalizedQuery(query).utf8))
    }
}
