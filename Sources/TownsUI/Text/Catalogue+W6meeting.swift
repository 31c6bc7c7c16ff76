/// Words of wave 6's meeting and small-screen fixes, in both languages.
extension Catalogue {
    /// Browsing alone, where the full chip (`badgeDetached`) does not fit: the key that rejoins (`key`).
    static func badgeDetachedShort(_ key: String) -> Bilingual {
        Bilingual("独自浏览 · \(key) 回到会议", "alone · \(key) rejoins")
    }
}
