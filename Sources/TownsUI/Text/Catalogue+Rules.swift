import Foundation

/// The catalogue's texts for the rules' verdicts (issue 14 points 6 and 7): the mark of a rule
/// not yet due and the assessment's legend, kept apart from the shared catalogue files so that
/// helpers changing both can merge.
extension Catalogue {
    static let exportMeansNotYetDue = Bilingual(
        "未到期：规则在所示期间之后才判定（创建期末、年底），目前的数字不能定论（规划不等于完成）",
        "not yet due: the rule is judged after the period shown (the creation period's or the year's end) and "
            + "nothing so far settles it (a plan is not a completion)")
    /// The assessment's city line in the reader's language (issue 14 point 7): "全市 2015 首年最低投资：
    /// 3 x 10 + 2 x 6 = 42（报告 ◇42）；完成 2015年全年 ◇63.06；超出 21.06".
    /// The region named by `whole` (全省 for a province), as the overview names it.
    static func cityFirstYear(_ year: String, _ regionZH: String, _ regionEN: String) -> Bilingual {
        Bilingual("\(whole(regionZH)) \(year) 首年最低投资：", "\(regionEN) \(year) first-year minimum: ")
    }
    /// The towns whose tier cannot be determined, after the tiers' terms of the city line's
    /// formula (`Assessment.CityYearOne.formula` ends ` + N unknown`, the core's words): `+ 241 镇未知`.
    static func cityUnknownTiers(_ n: Int) -> Bilingual { Bilingual(" + \(n) 镇未知", " + \(n) unknown") }
    /// The assessment's note where the dataset has no rules (`rules.toml` missing or empty); also
    /// `towns check`'s note then.
    public static let noRulesNothingJudged = Bilingual(
        "此数据集没有规则（无 rules.toml）：不考核任何规则",
        "this dataset has no rules (no rules.toml): no rule is judged")
    static let cityReported = Bilingual("（报告 ", " (reported ")
    static let cityReportedEnd = Bilingual("）", ")")
    static let cityCompleted = Bilingual("；完成 ", "; completed ")
    static let cityAboveBy = Bilingual("；超出 ", "; above by ")
    static let cityShortBy = Bilingual("；不足 ", "; short by ")
    static let assessmentNotes = Bilingual("考核说明", "Notes")
    /// On the assessment's city row (or, with a filter, its own row): Enter opens the notes.
    static let assessmentNotesRow = Bilingual("说明 ›", "Notes ›")
    static let ruleMissing = Bilingual("；缺：", "; missing: ")
    static let helpNotYetDue = Bilingual(
        "未到期：规则在所示期间之后判定（年底、创建期末）",
        "not yet due: a rule judged after the period shown (a plan is not a completion)")
}
