/// Wave 12 (w12-present): words for a fresh user's findings on screens.
extension Catalogue {
    /// The inconsistencies' part of `findingCounts` (`不符 1` / `1 inconsistent`), as it reads
    /// there: drawn in the warning colour, the rest of the line not.
    static func findingCountInconsistent(_ bad: String) -> Bilingual {
        Bilingual("不符 \(bad)", "\(bad) inconsistent")
    }
}
