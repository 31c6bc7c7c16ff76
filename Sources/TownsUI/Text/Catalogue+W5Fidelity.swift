import Foundation

/// Wave 5 (fidelity): figures shown no more certain than their source, for the period shown.
extension Catalogue {
    /// The assessment's city line before the year is over: the year's completed figure is not a
    /// figure of the period shown, so it is named as not yet known there, with no margin.
    static func cityCompletedNotYetKnown(_ year: Int, _ period: String) -> Bilingual {
        Bilingual("；完成 \(year)年全年：\(period)尚不可知（\(year) 年底判定）",
                  "; completed in \(year): not yet known at \(period) (judged at the end of \(year))")
    }
    /// The assessment's legend, after the derived mark (`≈3年`): the term of a town whose
    /// county's status was fitted to a total.
    static let fittedTermLegend = Bilingual(
        "3年 期限依拟合值（县的加快发展身份按报告总数拟合）",
        "3y: a term resting on a fitted value (the county's status fitted to a reported total)")
}
