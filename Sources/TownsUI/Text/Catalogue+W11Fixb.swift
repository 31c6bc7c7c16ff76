/// Wave 11 (w11-fixb): words for a fresh user's findings.
extension Catalogue {
    /// A list of names none of which fits its cell: how many in all (`共 2 个` / `2 in all`),
    /// not `… 等 2 个`, whose `…` followed no name.
    static func namesCount(_ n: String) -> Bilingual {
        Bilingual("共 \(n) 个", "\(n) in all")
    }
}
