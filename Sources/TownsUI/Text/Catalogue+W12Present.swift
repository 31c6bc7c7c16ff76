/// Wave 12 (w12-present): words for a fresh user's findings on screens.
extension Catalogue {
    /// `typeCovered` with one space fewer (the overview's types panel at 60 columns): the
    /// count, `落后` and the behind count still apart (`1/2镇 落后 1▼`, not `1/2镇落后1▼`).
    static func typeCoveredNarrow(_ both: String, _ all: String) -> Bilingual {
        Bilingual("\(both)/\(all)镇 落后 ", "\(both)/\(all) \(townNounEN(all)), behind ")
    }
}

extension Catalogue {
    /// The inconsistencies' part of `findingCounts` (`不符 1` / `1 inconsistent`), as it reads
    /// there: drawn in the warning colour, the rest of the line not.
    static func findingCountInconsistent(_ bad: String) -> Bilingual {
        Bilingual("不符 \(bad)", "\(bad) inconsistent")
    }
}
