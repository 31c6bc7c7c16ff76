import TownsCore

/// The catalogue's texts of the fresh-user screen fixes (w9-screens): the overview that does
/// not sort, what a panel leaves out, the pages' wording; kept apart so helpers can merge.
extension Catalogue {
    /// `s` `S` `>` `<` or `:sort` on the overview: its rows are panels (headings, detail lines
    /// under their rows), not one table, so sorting them would scramble them.
    static let overviewDoesNotSort = Bilingual(
        "概览由分栏组成，不是表格，不能排序；排序请到小镇视图（1）",
        "the overview is panels, not a table: it does not sort; sort the towns view (1)")

    /// An overview panel's heading when `n` of its lines do not fit (the city's, the types', the
    /// changes', the checks'): `… 另 1 行` / `+1 line`; not `等 1 个`, which read as one more city.
    static func panelLinesLeftOut(_ n: Int) -> Bilingual {
        Bilingual("… 另 \(n) 行", "+" + EnglishCount.of(n, "line"))
    }

    /// The legend's word for `≈` on the assessment (its table and notes page), where it marks a
    /// term resting on a fitted value (`≈3年`: the county's status fitted to a reported total,
    /// `Catalogue.fittedTermLegend`) as well as any figure worked out: not `推算` alone.
    static let legendDerivedOrFitted = LegendWord(
        text: Bilingual("推算/拟合", "derived/fitted"), short: "calc/fit", shortest: "fit")

    /// The overview's checks heading under a filter: the counts are of the findings about the
    /// `n` towns listed and about the city's figures its row shows (its `!`, its gaps; wave 24,
    /// F7): "the city's row", not the city, whose other findings are not counted (wave 32's fresh
    /// user read `核对（所列1镇及全市）` over none of the city's 9 data gaps).
    static func overviewChecksOfListed(_ n: Int) -> Bilingual {
        Bilingual("核对（所列\(n)镇及全市行）",
                  "Checks (" + EnglishCount.of(n, "town") + ", the city's row)")
    }
}
