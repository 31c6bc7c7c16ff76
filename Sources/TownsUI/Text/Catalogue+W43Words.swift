/// Words of wave 43's fixes (a fresh user's session, the UI side).
extension Catalogue {
    /// The search chip's words where the query matches no row of the list shown (`/zzz 无匹配`):
    /// no `(n/N)` offered, since neither key finds anything (wave 43's fresh user).
    static let searchChipNoMatch = Bilingual("无匹配", "no match")
}
