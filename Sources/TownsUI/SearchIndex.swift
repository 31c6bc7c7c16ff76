import Foundation

/// Pinyin forms of names, for search and for sorting Chinese by its reading.
///
/// Pinyin comes from Foundation's Mandarin-to-Latin transform (ICU), tones stripped:
/// 海盐核电小镇 -> full "haiyanhedianxiaozhen", initials "hyhdxz". Each string is transformed
/// once, on first use, and kept; start-up does none of this work.
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
    private let lock = NSLock()

    public init() {}

    /// The forms of `text` (computed once per distinct string).
    public func forms(_ text: String) -> Forms {
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[text] { return known }
        let plain = text.lowercased()
        var pinyin = plain
        var initials = ""
        let hasHan = text.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) || (0x20000...0x2FFFF).contains($0.value) }
        if hasHan, let latin = text.applyingTransform(.mandarinToLatin, reverse: false)?
            .applyingTransform(.stripDiacritics, reverse: false)?.lowercased() {
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

    /// Whether `query` matches any of `terms`: as a substring of the text (Chinese or
    /// English, case-insensitive), of the full pinyin (`haiyan`), or of the initials (`hyhd`).
    public func matches(_ query: String, _ terms: [String]) -> Bool {
        let q = query.lowercased().filter { !$0.isWhitespace }
        guard !q.isEmpty else { return false }
        for term in terms {
            let f = forms(term)
            if f.plain.contains(q) || f.plain.filter({ !$0.isWhitespace }).contains(q) { return true }
            if f.pinyin.contains(q) || f.initials.contains(q) { return true }
        }
        return false
    }
}
