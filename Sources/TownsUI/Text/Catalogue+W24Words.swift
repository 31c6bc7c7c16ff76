import TownsCore

/// Texts of wave 24's words and layout findings (the province view, a page export's legend, the
/// message log, a source's section number).
extension Catalogue {
    /// The province view's bar column: the towns listed per city, to the scale of the city
    /// listing most (wave 23's F8: the column had no heading).
    static let provinceBarHeading = Bilingual("小镇数（比例）", "Towns, to scale")

    /// A page export's legend for `✓` under its checks (`AppState.exportFrame(page:glyphs:)`):
    /// a check passed; where rules met are marked too, both.
    static let exportMeansCheckPassed = Bilingual(
        "核对相符：数字经核对一致（见“核对”）", "check passed: the figures agree when checked (see Checks)")
    static let exportMeansMetOrCheckPassed = Bilingual(
        "符合规则；在“核对”下：核对相符", "the rule is met; under Checks: the check passed")

    /// Under the message log's heading once older messages gave way (`MessageLog.dropped`).
    static func messagesDropped(_ n: String, _ limit: String) -> Bilingual {
        Bilingual("另有 \(n) 条较早的消息已删去（只保留最近 \(limit) 条）",
                  EnglishCount.of(n, "older message") + " dropped (only the last \(limit) are kept)")
    }
}

extension AppState {
    /// Where in a source a figure or rule is printed (`Provenance.reported`'s `at`) as this
    /// terminal can draw it: under a locale that is not UTF-8 (`chineseUnavailable`, `LANG=C`,
    /// where the words are English) a section number of Chinese numerals is written in Arabic
    /// ones, `sec. 2(3)` (the paper's `一` was drawn `??` on the assessment's sources line, wave
    /// 23); elsewhere as the data writes it (`二(三)`). Any other `at` (`line 3`, a title) is kept.
    func sectionText(_ at: String) -> String {
        guard chineseUnavailable, language == .en, let arabic = Self.arabicSection(at) else { return at }
        return "sec. " + arabic
    }

    /// `text` (a citation of the data, `paper 二(一): …`, or a heading naming the paper's
    /// section) with each word that is a section number of Chinese numerals written as
    /// `sectionText` writes it (under `LANG=C`, in English: `paper sec. 2(1): …`); else as it is.
    func sectionsText(_ text: String) -> String {
        guard chineseUnavailable, language == .en else { return text }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        return words.indices.map { i -> String in
            let word = words[i]
            var core = Substring(word)
            var lead = "", trail = ""
            if core.hasPrefix("(") { lead = "("; core = core.dropFirst() }
            while let last = core.last, ":;,".contains(last) || (last == ")" && core.filter({ $0 == "(" }).count
                < core.filter({ $0 == ")" }).count) {
                trail = String(last) + trail
                core = core.dropLast()
            }
            guard let arabic = Self.arabicSection(String(core)) else { return String(word) }
            // After "section" the number alone (`Problems (paper, section 3)`).
            return lead + (i > 0 && words[i - 1] == "section" ? arabic : sectionText(String(core))) + trail
        }.joined(separator: " ")
    }

    /// `at` with its Chinese numerals in Arabic ones (`四(三)5` → `4(3)5`), when it is a section
    /// number: Chinese numerals up to 九十九, ASCII digits and brackets, a numeral first; else nil.
    static func arabicSection(_ at: String) -> String? {
        let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        guard let first = at.first, digits[first] != nil || first == "十" else { return nil }
        var out = "", run: [Character] = []
        func flush() -> Bool {
            defer { run = [] }
            guard !run.isEmpty else { return true }
            // 十 (10), 十N, N十, N十M, or a single N.
            if let ten = run.firstIndex(of: "十") {
                let tens = ten == run.startIndex ? 1 : (run.count > 0 && ten == 1 ? digits[run[0]] : nil)
                let rest = run[(ten + 1)...]
                guard let tens, rest.count <= 1, !rest.contains("十") else { return false }
                let units = rest.first.map { digits[$0] } ?? 0
                guard let units else { return false }
                out += String(tens * 10 + units)
            } else {
                guard run.count == 1, let n = digits[run[0]] else { return false }
                out += String(n)
            }
            return true
        }
        for ch in at {
            if digits[ch] != nil || ch == "十" { run.append(ch); continue }
            guard flush() else { return nil }
            if ch.isASCII && (ch.isNumber || "()（）".contains(ch)) || "（）".contains(ch) {
                out.append(ch == "（" ? "(" : ch == "）" ? ")" : ch)
            } else {
                return nil
            }
        }
        return flush() ? out : nil
    }
}
