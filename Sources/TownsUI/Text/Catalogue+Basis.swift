extension Catalogue {
    /// Under a completed amount that may not be set against the plan (`Metrics.comparable`:
    /// another basis, as the 2016 notice's full-year ◇63.06 beside the paper's plan 106.8).
    static let notAgainstPlan = Bilingual(
        "◇ 口径不同，不与计划相比，不推算应完成和全年",
        "◇ another basis: no plan comparison, expectation or projection")
}

extension Catalogue {
    /// `:town 海` matched more than one town: which was opened and which others matched.
    static func townAlsoMatches(_ query: String, opened: String, others: [String]) -> Bilingual {
        let names = others.prefix(3).joined(separator: "、") + (others.count > 3 ? " …" : "")
        return Bilingual("'\(query)' 也匹配 \(names)；已打开 \(opened)",
                         "'\(query)' also matches \(names); opened \(opened)")
    }
}
