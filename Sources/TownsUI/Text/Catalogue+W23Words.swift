/// Texts of wave 23's fresh-user findings (meetings, words, help, layout).
extension Catalogue {
    /// The help's `L` line under a locale that is not UTF-8 (`AppState.chineseUnavailable`): the
    /// usual `language: 中文 / English` would draw its 中文 as `????` (wave 23, F6).
    static let keyLanguageNeedsUTF8 = Bilingual(
        "切换语言（中文需要 UTF-8 区域设置）", "language (Chinese needs a UTF-8 locale)")

    /// After a minimum rule's title in the columns' key (`AppState.columnKey`): its lower tier
    /// (`lower`, 亿元), for some industries, and for the accelerated counties where `counties`.
    static func lowerTier(_ lower: String, counties: Bool) -> Bilingual {
        counties
            ? Bilingual("（部分产业及加快发展县为\(lower)，见各镇）", " (\(lower) for some industries and counties: see each town)")
            : Bilingual("（部分产业为\(lower)，见各镇）", " (\(lower) for some industries: see each town)")
    }
}
