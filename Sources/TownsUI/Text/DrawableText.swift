import Foundation

extension AppState {
    /// `text` as this terminal can draw it beside English words: under a locale that is not
    /// UTF-8 (`chineseUnavailable`, `LANG=C`, where the words are English) only what comes before
    /// its first wide (Chinese) character, the blanks and a `:` or `(` left dangling before it
    /// dropped: such a terminal draws Chinese as `?`, the "cannot be judged" mark (wave 43's fresh
    /// user: a town page's heading `Tongxiang Sweater Fashion Town  ????????????????`, its
    /// industry's source `paper sec. 2(1): ????????????????`, now `paper sec. 2(1)`). A Chinese
    /// name is then empty. Elsewhere `text` as it is.
    public func drawable(_ text: String) -> String {
        guard chineseUnavailable, language == .en, let first = text.firstIndex(where: { DisplayWidth.of($0) >= 2 }) else {
            return text
        }
        var head = String(text[..<first])
        while let last = head.last, last == " " || last == ":" || last == "(" || last == "：" { head.removeLast() }
        return head
    }
}
