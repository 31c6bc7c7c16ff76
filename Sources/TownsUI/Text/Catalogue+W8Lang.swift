/// The catalogue's texts of wave 8's one-language work (w8-lang): the meeting-ended chip and
/// the status line's count of further load problems; kept apart so helpers can merge.
extension Catalogue {
    /// The chip of a meeting that ended, short (the status line said why): it gives way to keys.
    static let badgeEndedShort = Bilingual("会议结束", "ended")
    /// After the first problem of a reload that failed: how many more (`towns check` lists them).
    static func reloadMoreProblems(_ n: String) -> Bilingual {
        Bilingual("（另有 \(n) 个：towns check）", " (+\(n) more: towns check)")
    }
}
