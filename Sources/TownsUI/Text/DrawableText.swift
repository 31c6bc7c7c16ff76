import Foundation

extension AppState {
    /// `text` as this terminal can draw it beside English words: under a locale that is not
    /// UTF-8 (`chineseUnavailable`, `LANG=C`, where the words are English) without its Chinese
    /// (each run of wide characters left out, the blanks around it closed up), which such a
    /// terminal draws as `?`, the "cannot be judged" mark (wave 43's fresh user: a town page's
    /// heading `Tongxiang Sweater Fashion Town  ????????????????`, its industry's source
    /// `paper sec. 2(1): ????????????????`). Elsewhere `text` as it is.
    public func drawable(_ text: String) -> String {
        guard chineseUnavailable, language == .en, text.unicodeScalars.contains(where: { !$0.isASCII }) else {
            return text
        }
        var out = ""
        for ch in text where DisplayWidth.of(ch) < 2 { out.append(ch) }
        while out.contains("  ") { out = out.replacingOccurrences(of: "  ", with: " ") }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
