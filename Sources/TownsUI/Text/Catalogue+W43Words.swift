/// Words of wave 43's fixes (a fresh user's session, the UI side).
extension Catalogue {
    /// The search chip's words where the query matches no row of the list shown (`/zzz 无匹配`):
    /// no `(n/N)` offered, since neither key finds anything (wave 43's fresh user).
    static let searchChipNoMatch = Bilingual("无匹配", "no match")
}

extension Catalogue {
    /// After a failed reload's problem where the status line puts the place and the reason first
    /// (`ReloadFailure.shorterForms`): that the data shown is the last that loaded.
    static let notReloadedAfter = Bilingual("（数据未更新）", " (not reloaded)")
    /// As `notReloadedAfter`, with how many more problems there are (`towns check` lists them).
    static func notReloadedAfterMore(_ n: String) -> Bilingual {
        Bilingual("（数据未更新；另有 \(n) 个：towns check）", " (not reloaded; +\(n) more: towns check)")
    }
}

extension Catalogue {
    /// The behind filter's key hint where the line is tightest (60 columns in English): `b late`.
    static let hintFilterTightest = Bilingual("落后", "late")
}
