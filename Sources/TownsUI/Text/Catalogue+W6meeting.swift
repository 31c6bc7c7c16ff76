/// Words of wave 6's meeting and small-screen fixes, in both languages.
extension Catalogue {
    /// Browsing alone, where the full chip (`badgeDetached`) does not fit: the key that rejoins (`key`).
    static func badgeDetachedShort(_ key: String) -> Bilingual {
        Bilingual("独自浏览 · \(key) 回到会议", "alone · \(key) rejoins")
    }
    /// A top view's heading (breadcrumb) in Chinese names it in both languages, as the others do
    /// (`全省 Province`, `类型 Types`): the changes view's and the reference's.
    static let changesHeading = Bilingual("变化", "Changes")
    static let referenceHeading = Bilingual("参考", "Reference")
}
