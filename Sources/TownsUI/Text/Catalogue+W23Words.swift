/// Texts of wave 23's fresh-user findings (meetings, words, help, layout).
extension Catalogue {
    /// The help's `L` line under a locale that is not UTF-8 (`AppState.chineseUnavailable`): the
    /// usual `language: 中文 / English` would draw its 中文 as `????` (wave 23, F6).
    static let keyLanguageNeedsUTF8 = Bilingual(
        "切换语言（中文需要 UTF-8 区域设置）", "language (Chinese needs a UTF-8 locale)")
}
