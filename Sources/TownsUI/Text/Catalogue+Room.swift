/// Words of the meeting room and the terminal (wave 3): a follower's key hints, browsing
/// alone, pastes.
extension Catalogue {
    static let hintBrowseAlone = Bilingual("独自浏览", "browse alone")
    /// `f`'s word where the follower's line is tight (beside the chip `following NAME`).
    static let hintBrowseAloneShort = Bilingual("独自浏览", "alone")
    static let hintTheme = Bilingual("主题", "theme")
}

extension Catalogue {
    static func pasteIgnored(_ n: String) -> Bilingual {
        Bilingual("已忽略粘贴（\(n) 个字符）：请粘贴到 / 搜索或 : 命令行",
                  "paste ignored (\(n) characters): paste into the / search or the : command line")
    }
}
