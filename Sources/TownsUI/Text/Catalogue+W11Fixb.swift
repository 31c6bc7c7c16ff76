/// Wave 11 (w11-fixb): words for a fresh user's findings.
extension Catalogue {
    /// A list of names none of which fits its cell: how many in all (`共 2 个` / `2 in all`),
    /// not `… 另 2 个`, whose `…` followed no name.
    static func namesCount(_ n: String) -> Bilingual {
        Bilingual("共 \(n) 个", "\(n) in all")
    }

    /// After a status message cut to its line: where it is whole (wave 20; it took up to three lines).
    static let wholeInMessages = Bilingual("（全文见 :messages）", " (whole in :messages)")

    /// The words ending a town's page formula for a shortfall or gap below zero, which the page
    /// shows as ahead / above plan by its size: `= -0.61, i.e. 0.61 ahead` (wave 20: `超前 ≈0.6`
    /// beside `= -0.61` read as a contradiction).
    static func aheadBy(_ size: String) -> Bilingual {
        Bilingual("，即超前 \(size)", ", i.e. \(size) ahead")
    }
    static func abovePlanBy(_ size: String) -> Bilingual {
        Bilingual("，即超出计划 \(size)", ", i.e. \(size) above plan")
    }
}
