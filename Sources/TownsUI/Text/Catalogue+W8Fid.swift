import TownsCore

/// Wave 8 (w8-fid): words of the fidelity findings (the behind filter cleared, the city page's
/// legend, the sums over the same towns, a Δ that is not comparable).
extension Catalogue {
    /// The status line (and `:messages`) when `b` turns the behind filter off: what the list shows now.
    static let behindFilterOff = Bilingual("已关闭落后筛选", "behind-schedule filter off")

    /// The city's totals page's legend for ✓: there it marks a consistency check passed (a figure
    /// confirmed by another), not a rule met (`Renderer.legend`, `checksOnly`).
    static let legendCheckPassed = LegendWord(
        text: Bilingual("核对相符", "check passed"), short: "checked", shortest: "ok")
}
