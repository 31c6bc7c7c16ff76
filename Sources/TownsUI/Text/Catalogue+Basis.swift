extension Catalogue {
    /// Under a completed amount that may not be set against the plan (`Metrics.comparable`:
    /// another basis, as the 2016 notice's full-year ◇63.06 beside the paper's plan 106.8).
    static let notAgainstPlan = Bilingual(
        "◇ 口径不同，不与计划相比（落后额未知）",
        "◇ another basis: not set against the plan")
}
